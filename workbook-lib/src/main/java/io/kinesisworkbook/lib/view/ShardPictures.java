package io.kinesisworkbook.lib.view;

import java.awt.Font;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Pictures of a stream's shards, where a 39-digit hash key says nothing to a reader:
 * <ul>
 *   <li>{@link #keySpace}: the hash key space from 0 to 2<sup>128</sup> as a number line, cut into
 *       the open shards' ranges, with partition keys marked where their MD5 puts them;</li>
 *   <li>{@link #lineage}: closed parents on the left, their children to the right, each shard as
 *       tall as its share of the key space.</li>
 * </ul>
 * Each comes as SVG for Jupyter and as plain text for a terminal; {@link Show#keySpace} and
 * {@link Show#shardLineage} pick.
 */
public final class ShardPictures {

    private static final BigDecimal KEY_SPACE = new BigDecimal(BigInteger.TWO.pow(128));
    private static final String[] PALETTE = {"#4c78a8", "#f58518", "#54a24b", "#b279a2", "#e45756", "#72b7b2", "#9d755d", "#eeca3b"};
    private static final String OPEN = "#4c78a8";
    private static final String CLOSED = "#bbbbbb";
    private static final String PARENT_LINE = "#e45756";
    private static final int WIDTH = 800;
    private static final int LEFT = 40;
    private static final int RIGHT = 760;
    private static final Font MARK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ShardPictures() {
    }

    /** Where a hash key sits in the key space: 0 for key 0, 1 for key 2<sup>128</sup>. */
    public static double position(BigInteger hashKey) {
        return new BigDecimal(hashKey).divide(KEY_SPACE, MathContext.DECIMAL64).doubleValue();
    }

    /** {@code shardId-000000000007} becomes {@code shard 7}; other ids stay as they are. */
    public static String shortName(String shardId) {
        if (shardId.matches("shardId-\\d+")) {
            return "shard " + Long.parseLong(shardId.substring("shardId-".length()));
        }
        return shardId;
    }

    /** The open shards' share of the key space, in percent, by shard id, in key order. */
    public static Map<String, Double> shares(List<Shard> shards) {
        Map<String, Double> shares = new LinkedHashMap<>();
        openByStart(shards).forEach(shard -> shares.put(shard.shardId(), 100 * (end(shard) - start(shard))));
        return shares;
    }

    /**
     * The key space as a number line: one segment per open shard, labelled with its share, and each
     * of {@code marks} (a label, such as a partition key, to its hash key) drawn where it falls.
     */
    public static String keySpace(List<Shard> shards, Map<String, BigInteger> marks) {
        List<Shard> open = openByStart(shards);
        List<Map.Entry<String, BigInteger>> sortedMarks = marks.entrySet().stream()
                .sorted(Map.Entry.comparingByValue()).toList();
        List<Integer> rows = labelRows(sortedMarks);
        int rowCount = rows.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        Svg svg = new Svg(WIDTH, 104 + 18 * rowCount + (rowCount > 0 ? 8 : 0));
        svg.text(WIDTH / 2.0, 20, "The hash key space, 0 to 2¹²⁸, and the open shards that own it", 15, "black", "middle", true);
        String[] scale = {"0", "25%", "50%", "75%", "2¹²⁸"};
        for (int i = 0; i < scale.length; i++) {
            double x = LEFT + (RIGHT - LEFT) * i / 4.0;
            svg.line(x, 45, x, 50, "#666", 1).text(x, 42, scale[i], 11, "#666", "middle", false);
        }
        for (int i = 0; i < open.size(); i++) {
            Shard shard = open.get(i);
            double x0 = x(start(shard));
            double x1 = x(end(shard));
            svg.rect(x0, 50, x1 - x0, 40, PALETTE[i % PALETTE.length]);
            String share = percent(100 * (end(shard) - start(shard)));
            String name = shortName(shard.shardId());
            String label = x1 - x0 >= 110 ? name + " · " + share : x1 - x0 >= 40 ? name.replace("shard ", "") : "";
            svg.text((x0 + x1) / 2, 72, label, 13, "white", "middle", true);
        }
        for (int i = 0; i < sortedMarks.size(); i++) {
            double x = x(position(sortedMarks.get(i).getValue()));
            double labelY = 112 + 18 * rows.get(i);
            svg.line(x, 80, x, labelY - 11, "black", 1.5);
            svg.text(x, labelY, sortedMarks.get(i).getKey(), 12, "black", "middle", false);
        }
        return svg.toString();
    }

    /** The same as text: one line per open shard, with the marks that fall in it. */
    public static String keySpaceText(List<Shard> shards, Map<String, BigInteger> marks) {
        StringJoiner lines = new StringJoiner("\n", "Hash key space (0 to 2^128):\n", "");
        for (Shard shard : openByStart(shards)) {
            List<String> inside = marks.entrySet().stream()
                    .filter(mark -> owns(shard, mark.getValue()))
                    .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
            lines.add(String.format(Locale.ROOT, "  %s: %s to %s of the keys%s", shortName(shard.shardId()),
                    percent(100 * start(shard)), percent(100 * end(shard)), inside.isEmpty() ? "" : " " + inside));
        }
        return lines.toString();
    }

    /**
     * The lineage: shards placed left to right by generation (a child to the right of its parents),
     * top to bottom by hash key, each as tall as its share of the keys; open shards blue, closed grey,
     * a red line from each parent to each child.
     */
    public static String lineage(List<Shard> shards) {
        Map<String, Integer> generation = generations(shards);
        int columns = generation.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        double top = 40;
        double height = 320;
        double columnWidth = (RIGHT + 20 - LEFT) / (double) columns;
        double boxWidth = Math.max(50, columnWidth - 40);
        Svg svg = new Svg(WIDTH, 400);
        svg.text(WIDTH / 2.0, 20, "Shard lineage: parents left, children right; height = share of the hash keys", 15, "black", "middle", true);
        svg.text(LEFT - 6, top + 10, "0", 11, "#666", "end", false).text(LEFT - 6, top + height, "2¹²⁸", 11, "#666", "end", false);
        Map<String, double[]> boxes = new HashMap<>();
        for (Shard shard : shards) {
            double x = LEFT + generation.get(shard.shardId()) * columnWidth;
            double y0 = top + start(shard) * height;
            double y1 = top + end(shard) * height;
            boolean open = isOpen(shard);
            svg.rect(x, y0, boxWidth, Math.max(2, y1 - y0), open ? OPEN : CLOSED);
            if (y1 - y0 >= 14) {
                svg.text(x + boxWidth / 2, (y0 + y1) / 2 + 4, shortName(shard.shardId()), 12, open ? "white" : "black", "middle", false);
            }
            boxes.put(shard.shardId(), new double[] {x, (y0 + y1) / 2});
        }
        for (Shard child : shards) {
            for (String parent : parentsOf(child)) {
                if (boxes.containsKey(parent)) {
                    double[] from = boxes.get(parent);
                    double[] to = boxes.get(child.shardId());
                    svg.line(from[0] + boxWidth, from[1], to[0], to[1], PARENT_LINE, 2);
                }
            }
        }
        legend(svg, 388);
        return svg.toString();
    }

    /** The same as text: one line per shard, with its state, share and parents. */
    public static String lineageText(List<Shard> shards) {
        StringJoiner lines = new StringJoiner("\n", "Shard lineage:\n", "");
        for (Shard shard : shards) {
            List<String> parents = parentsOf(shard).stream().map(ShardPictures::shortName).toList();
            lines.add(String.format(Locale.ROOT, "  %s (%s, %s of the keys)%s", shortName(shard.shardId()),
                    isOpen(shard) ? "open" : "closed", percent(100 * (end(shard) - start(shard))),
                    parents.isEmpty() ? "" : " from " + String.join(" + ", parents)));
        }
        return lines.toString();
    }

    private static void legend(Svg svg, double y) {
        svg.rect(LEFT, y - 10, 12, 12, OPEN).text(LEFT + 18, y, "open: takes new records", 12, "black", "start", false);
        svg.rect(LEFT + 200, y - 10, 12, 12, CLOSED).text(LEFT + 218, y, "closed: no new records, still readable", 12, "black", "start", false);
        svg.line(LEFT + 580, y - 4, LEFT + 600, y - 4, PARENT_LINE, 2).text(LEFT + 606, y, "parent to child", 12, "black", "start", false);
    }

    /** Generation 0 for a shard without a parent in the list, else one more than its latest parent's. */
    private static Map<String, Integer> generations(List<Shard> shards) {
        Map<String, Shard> byId = new LinkedHashMap<>();
        shards.forEach(shard -> byId.put(shard.shardId(), shard));
        Map<String, Integer> generation = new HashMap<>();
        shards.forEach(shard -> generationOf(shard, byId, generation));
        return generation;
    }

    private static int generationOf(Shard shard, Map<String, Shard> byId, Map<String, Integer> known) {
        Integer cached = known.get(shard.shardId());
        if (cached != null) {
            return cached;
        }
        int generation = 0;
        for (String parent : parentsOf(shard)) {
            if (byId.containsKey(parent)) {
                generation = Math.max(generation, generationOf(byId.get(parent), byId, known) + 1);
            }
        }
        known.put(shard.shardId(), generation);
        return generation;
    }

    /** Rows for the mark labels, lowest first: a label goes to the first row where it does not touch its left neighbour. */
    private static List<Integer> labelRows(List<Map.Entry<String, BigInteger>> sortedMarks) {
        List<Double> rowEnds = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (Map.Entry<String, BigInteger> mark : sortedMarks) {
            double halfWidth = ChartView.textWidth(mark.getKey(), MARK_FONT) / 2.0 + 4;
            double x = x(position(mark.getValue()));
            int row = 0;
            while (row < rowEnds.size() && rowEnds.get(row) > x - halfWidth) {
                row++;
            }
            if (row == rowEnds.size()) {
                rowEnds.add(0.0);
            }
            rowEnds.set(row, x + halfWidth);
            rows.add(row);
        }
        return rows;
    }

    private static List<Shard> openByStart(List<Shard> shards) {
        return shards.stream().filter(ShardPictures::isOpen)
                .sorted(Comparator.comparing(shard -> new BigInteger(shard.hashKeyRange().startingHashKey()))).toList();
    }

    private static List<String> parentsOf(Shard shard) {
        List<String> parents = new ArrayList<>();
        if (shard.parentShardId() != null) {
            parents.add(shard.parentShardId());
        }
        if (shard.adjacentParentShardId() != null) {
            parents.add(shard.adjacentParentShardId());
        }
        return parents;
    }

    private static boolean isOpen(Shard shard) {
        return shard.sequenceNumberRange().endingSequenceNumber() == null;
    }

    private static boolean owns(Shard shard, BigInteger hashKey) {
        return new BigInteger(shard.hashKeyRange().startingHashKey()).compareTo(hashKey) <= 0
                && new BigInteger(shard.hashKeyRange().endingHashKey()).compareTo(hashKey) >= 0;
    }

    private static double start(Shard shard) {
        return position(new BigInteger(shard.hashKeyRange().startingHashKey()));
    }

    /** The end of the range as a position: just past its ending hash key, so adjacent shards meet. */
    private static double end(Shard shard) {
        return position(new BigInteger(shard.hashKeyRange().endingHashKey()).add(BigInteger.ONE));
    }

    private static double x(double position) {
        return LEFT + position * (RIGHT - LEFT);
    }

    /** 25 becomes "25%", 12.5 "12.5%", 33.333 "33.3%". */
    private static String percent(double value) {
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value) + "%";
    }
}
