package io.kinesisworkbook.lib.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.Shard;

class ShardPicturesTest {

    private static final BigInteger QUARTER = BigInteger.TWO.pow(126);
    private static final BigInteger HALF = BigInteger.TWO.pow(127);
    private static final BigInteger TOP = BigInteger.TWO.pow(128).subtract(BigInteger.ONE);

    @Test
    void theKeySpaceShowsEachOpenShardsShareAndWhereEachKeyFalls() {
        Map<String, BigInteger> marks = new LinkedHashMap<>();
        marks.put("judy", QUARTER.multiply(BigInteger.valueOf(3)).add(BigInteger.TEN));
        marks.put("<dave>", BigInteger.ONE);

        String svg = ShardPictures.keySpace(fourEvenShards(), marks);

        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(svg).contains(">shard 0 · 25%<", ">shard 3 · 25%<", ">judy<", ">&lt;dave&gt;<");
        assertThat(svg).doesNotContain("340282366920938463463374607431768211455");
    }

    @Test
    void theKeySpaceAsTextSaysWhichKeysEachShardOwns() {
        Map<String, BigInteger> marks = Map.of("judy", TOP, "dave", BigInteger.ZERO);

        String text = ShardPictures.keySpaceText(fourEvenShards(), marks);

        assertThat(text).contains("shard 0: 0% to 25% of the keys [dave]", "shard 3: 75% to 100% of the keys [judy]");
        assertThat(ShardPictures.shares(fourEvenShards())).containsOnlyKeys(
                "shardId-000000000000", "shardId-000000000001", "shardId-000000000002", "shardId-000000000003");
        ShardPictures.shares(fourEvenShards()).values().forEach(share -> assertThat(share).isCloseTo(25.0, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void closedShardsAreLeftOffTheKeySpace() {
        List<Shard> shards = new ArrayList<>(fourEvenShards());
        shards.add(shard(9, BigInteger.ZERO, TOP, null, null, false));

        assertThat(ShardPictures.keySpace(shards, Map.of())).doesNotContain("shard 9");
    }

    @Test
    void theLineagePutsChildrenRightOfTheirParents() {
        List<Shard> shards = List.of(
                shard(0, BigInteger.ZERO, HALF.subtract(BigInteger.ONE), null, null, false),
                shard(1, HALF, TOP, null, null, true),
                shard(2, BigInteger.ZERO, QUARTER.subtract(BigInteger.ONE), "shardId-000000000000", null, false),
                shard(3, QUARTER, HALF.subtract(BigInteger.ONE), "shardId-000000000000", null, false),
                shard(4, BigInteger.ZERO, HALF.subtract(BigInteger.ONE), "shardId-000000000002", "shardId-000000000003", true));

        String svg = ShardPictures.lineage(shards);
        String text = ShardPictures.lineageText(shards);

        assertThat(xOf(svg, "shard 2")).isGreaterThan(xOf(svg, "shard 0"));
        assertThat(xOf(svg, "shard 4")).isGreaterThan(xOf(svg, "shard 3"));
        assertThat(xOf(svg, "shard 1")).isEqualTo(xOf(svg, "shard 0"));
        assertThat(svg.split("<line").length - 1).as("a line per parent, plus the legend's").isEqualTo(4 + 1);
        assertThat(text).contains("shard 4 (open, 50% of the keys) from shard 2 + shard 3", "shard 0 (closed, 50% of the keys)");
    }

    @Test
    void shortNamesDropThePrefixAndTheZeros() {
        assertThat(ShardPictures.shortName("shardId-000000000007")).isEqualTo("shard 7");
        assertThat(ShardPictures.shortName("my-shard")).isEqualTo("my-shard");
    }

    @Test
    void showPrintsThePicturesAsTextInATerminal() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        Display previous = Show.use(new TerminalDisplay(() -> out, null));
        try {
            Show.keySpace(fourEvenShards());
            Show.shardLineage(fourEvenShards());
        } finally {
            Show.use(previous);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("Hash key space", "Shard lineage", "shard 2 (open, 25% of the keys)");
    }

    /** The x of the text element that says {@code label} (the text is centred in its box). */
    private static double xOf(String svg, String label) {
        int end = svg.indexOf(">" + label + "<");
        int start = svg.lastIndexOf("<text x='", end) + "<text x='".length();
        return Double.parseDouble(svg.substring(start, svg.indexOf('\'', start)));
    }

    private static List<Shard> fourEvenShards() {
        List<Shard> shards = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            shards.add(shard(i, QUARTER.multiply(BigInteger.valueOf(i)),
                    QUARTER.multiply(BigInteger.valueOf(i + 1)).subtract(BigInteger.ONE), null, null, true));
        }
        return shards;
    }

    private static Shard shard(int number, BigInteger start, BigInteger end, String parent, String adjacentParent, boolean open) {
        return Shard.builder().shardId(String.format("shardId-%012d", number))
                .parentShardId(parent).adjacentParentShardId(adjacentParent)
                .hashKeyRange(range -> range.startingHashKey(start.toString()).endingHashKey(end.toString()))
                .sequenceNumberRange(range -> range.startingSequenceNumber("1").endingSequenceNumber(open ? null : "2"))
                .build();
    }
}
