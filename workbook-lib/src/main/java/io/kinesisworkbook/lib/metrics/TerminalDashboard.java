package io.kinesisworkbook.lib.metrics;

import io.kinesisworkbook.lib.Workbook;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The five graphs in a terminal, for {@code ./workbook dashboard STREAM}: a line per metric with its
 * newest value, its largest in the window and a sparkline of the window, redrawn every two seconds
 * until Ctrl-C (or for {@code --seconds N}).
 *
 * <pre>
 * clicks on the embedded emulator, 1 s periods, last 60 s, at 10:02:14 UTC
 * Get records (Sum, 1 s)            27,812 bytes      max 110,204 bytes  ▂▂▂▂▃▂▂▂▇█▇▂▂▃
 * Iterator age (Maximum, 1 s)          232 ms         max 8,831 ms       ▁▁▁▂▄▆█▆▃▁▁▁▁▁
 * </pre>
 *
 * On the embedded backend it needs the emulator that {@code ./workbook start} shares
 * ({@code WORKBOOK_EMULATOR}): an emulator of its own would hold no stream.
 */
public final class TerminalDashboard {

    private static final String BARS = "▁▂▃▄▅▆▇█";
    private static final int SPARK_WIDTH = 40;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** ANSI: cursor home and clear the screen, so each refresh replaces the last. */
    private static final String CLEAR = "\033[H\033[2J";

    private TerminalDashboard() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: ./workbook dashboard STREAM [--seconds N]");
            System.exit(2);
        }
        String stream = args[0];
        long seconds = args.length >= 3 && args[1].equals("--seconds") ? Long.parseLong(args[2]) : Long.MAX_VALUE / 1_000;
        Workbook aws = Workbook.connect();
        StreamMetrics metrics = aws.metrics(stream);
        String heading = stream + " on the " + aws.backend().displayName();
        Duration window = Duration.ofMinutes(1).multipliedBy(metrics.period().seconds() == 1 ? 1 : 30);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            System.out.print(CLEAR + render(heading, metrics.period(), window, metrics.last(window)));
            System.out.flush();
            Thread.sleep(2_000);
        }
    }

    /** The screen: a heading and a line per graph. */
    static String render(String heading, MetricPeriod period, Duration window, Map<StreamMetric, MetricSeries> graphs) {
        StringBuilder screen = new StringBuilder(String.format(Locale.ROOT, "%s, %s periods, last %d s, at %s UTC%n",
                heading, period, window.toSeconds(), LocalTime.now(ZoneOffset.UTC).format(CLOCK)));
        for (MetricSeries series : graphs.values()) {
            screen.append(line(series)).append(System.lineSeparator());
        }
        return screen.toString();
    }

    /** "Iterator age (Maximum, 1 s)   232 ms   max 8,831 ms   ▁▁▂▄▆█▆▃▁", or "no data". */
    static String line(MetricSeries series) {
        String title = series.metric().title(series.period());
        if (series.isEmpty()) {
            return String.format(Locale.ROOT, "%-38s no data", title);
        }
        String unit = series.metric().unit().equals("milliseconds") ? "ms" : series.metric().unit();
        return String.format(Locale.ROOT, "%-38s %,12.0f %-8s max %,12.0f %-8s %s", title,
                series.latest().orElse(0), unit, series.max(), unit, sparkline(series.values()));
    }

    /** The newest {@value #SPARK_WIDTH} values as bars from ▁ (the window's least) to █ (its most). */
    static String sparkline(List<Double> values) {
        List<Double> shown = values.subList(Math.max(0, values.size() - SPARK_WIDTH), values.size());
        double min = shown.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = shown.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder bars = new StringBuilder();
        for (double value : shown) {
            int level = max == min ? 0 : (int) Math.round((value - min) / (max - min) * (BARS.length() - 1));
            bars.append(BARS.charAt(level));
        }
        return bars.toString();
    }
}
