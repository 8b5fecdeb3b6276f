package io.kinesisworkbook.lib.metrics;

import io.kinesisworkbook.lib.backend.Backend;
import io.kinesisworkbook.lib.view.ChartGrid;
import io.kinesisworkbook.lib.view.Show;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * A stream's metrics read the way the console's Monitoring tab reads them: through CloudWatch's
 * GetMetricData, every metric of a picture in one call.
 *
 * <pre>{@code
 * StreamMetrics metrics = aws.metrics("clicks");
 * Map<StreamMetric, MetricSeries> graphs = metrics.last(Duration.ofMinutes(1));   // the five graphs
 * double age = metrics.read(StreamMetric.ITERATOR_AGE, Duration.ofSeconds(30)).max();
 * }</pre>
 *
 * <p>The period comes from the backend ({@link MetricPeriod#forBackend}): one second on the embedded
 * emulator, one minute on AWS. A range ends at the start of the current period, because the period
 * still running would show a sum that is only partly counted: a dip at the right edge of every graph.
 */
public final class StreamMetrics {

    /** Two charts side by side fill a 1280-pixel slide. */
    private static final int SHOWN_WIDTH = 620;
    private static final int SHOWN_HEIGHT = 320;

    private final CloudWatchClient cloudWatch;
    private final String stream;
    private final MetricPeriod period;
    private final Clock clock;
    private final String whyEmpty;

    StreamMetrics(CloudWatchClient cloudWatch, String stream, MetricPeriod period, Clock clock, String whyEmpty) {
        this.cloudWatch = cloudWatch;
        this.stream = stream;
        this.period = period;
        this.clock = clock;
        this.whyEmpty = whyEmpty;
    }

    StreamMetrics(CloudWatchClient cloudWatch, String stream, MetricPeriod period, Clock clock) {
        this(cloudWatch, stream, period, clock, null);
    }

    /** The metrics of {@code stream} on {@code backend}, read at its period ({@link MetricPeriod#forBackend}). */
    public static StreamMetrics of(CloudWatchClient cloudWatch, String stream, Backend backend) {
        String whyEmpty = MetricPeriod.publishedBy(backend) ? null
                : backend.displayName() + " publishes no AWS/Kinesis metrics: its graphs stay empty.";
        return new StreamMetrics(cloudWatch, stream, MetricPeriod.forBackend(backend), Clock.systemUTC(), whyEmpty);
    }

    /**
     * Whether the backend publishes stream metrics at all (AWS and the embedded emulator do;
     * LocalStack and Floci do not, so a notebook falls back on what its clients measure).
     */
    public boolean published() {
        return whyEmpty == null;
    }

    /** What an empty graph says: "no data yet", or why there never will be on this backend. */
    String whyEmpty(Duration lookBack) {
        return whyEmpty != null ? whyEmpty : "No data in the last " + lookBack.toSeconds() + " s.";
    }

    public String stream() {
        return stream;
    }

    public MetricPeriod period() {
        return period;
    }

    /** The five Monitoring-tab graphs over the last {@code lookBack}. */
    public Map<StreamMetric, MetricSeries> last(Duration lookBack) {
        return last(lookBack, StreamMetric.MONITORING_TAB);
    }

    /** Some metrics over the last {@code lookBack}, in one GetMetricData call. */
    public Map<StreamMetric, MetricSeries> last(Duration lookBack, List<StreamMetric> metrics) {
        Instant end = periodStart(clock.instant());
        return read(end.minus(lookBack), end, metrics);
    }

    /** One metric over the last {@code lookBack}. */
    public MetricSeries read(StreamMetric metric, Duration lookBack) {
        return last(lookBack, List.of(metric)).get(metric);
    }

    /**
     * Metrics from {@code start} (inclusive) to {@code end} (exclusive), one query each in a single
     * GetMetricData request, following NextToken for answers longer than a page.
     */
    public Map<StreamMetric, MetricSeries> read(Instant start, Instant end, List<StreamMetric> metrics) {
        Map<String, StreamMetric> byId = new java.util.LinkedHashMap<>();
        List<MetricDataQuery> queries = new ArrayList<>();
        for (StreamMetric metric : metrics) {
            String id = "m" + byId.size();
            byId.put(id, metric);
            queries.add(query(id, metric));
        }
        Map<StreamMetric, List<Instant>> times = new EnumMap<>(StreamMetric.class);
        Map<StreamMetric, List<Double>> values = new EnumMap<>(StreamMetric.class);
        metrics.forEach(m -> {
            times.put(m, new ArrayList<>());
            values.put(m, new ArrayList<>());
        });
        String nextToken = null;
        do {
            GetMetricDataResponse page = cloudWatch.getMetricData(GetMetricDataRequest.builder()
                    .startTime(periodStart(start)).endTime(end).metricDataQueries(queries)
                    .scanBy(ScanBy.TIMESTAMP_ASCENDING).nextToken(nextToken).build());
            for (MetricDataResult result : page.metricDataResults()) {
                StreamMetric metric = byId.get(result.id());
                times.get(metric).addAll(result.timestamps());
                values.get(metric).addAll(result.values());
            }
            nextToken = page.nextToken();
        } while (nextToken != null);
        Map<StreamMetric, MetricSeries> series = new EnumMap<>(StreamMetric.class);
        metrics.forEach(m -> series.put(m, new MetricSeries(m, stream, period, times.get(m), values.get(m))));
        return series;
    }

    /**
     * The metrics as a table: a row per period that has data in any of them, a column per metric
     * (its CloudWatch name), empty where that metric has no data in that period.
     */
    public Table table(Duration lookBack) {
        Map<StreamMetric, MetricSeries> series = last(lookBack);
        TreeSet<Instant> allTimes = new TreeSet<>();
        series.values().forEach(s -> allTimes.addAll(s.times()));
        Table table = Table.create(stream + " (" + period + " periods)");
        DateTimeColumn time = DateTimeColumn.create("time (UTC)");
        allTimes.forEach(t -> time.append(LocalDateTime.ofInstant(t, ZoneOffset.UTC)));
        table.addColumns(time);
        for (MetricSeries s : series.values()) {
            DoubleColumn column = DoubleColumn.create(s.metric().metricName());
            Map<Instant, Double> byTime = new java.util.HashMap<>();
            for (int i = 0; i < s.times().size(); i++) {
                byTime.put(s.times().get(i), s.values().get(i));
            }
            allTimes.forEach(t -> column.append(byTime.get(t)));
            table.addColumns(column);
        }
        return table;
    }

    /**
     * Shows some graphs over the last {@code lookBack} side by side, two a row, as one picture in the
     * cell's output; a metric without data says so in its place.
     */
    public void show(Duration lookBack, StreamMetric... graphs) {
        List<String> cells = new ArrayList<>();
        for (MetricSeries series : last(lookBack, List.of(graphs)).values()) {
            cells.add(series.isEmpty()
                    ? ChartGrid.note(series.metric().title(period), whyEmpty(lookBack), SHOWN_WIDTH, SHOWN_HEIGHT)
                    : ChartGrid.chart(series.chart().size(SHOWN_WIDTH, SHOWN_HEIGHT)));
        }
        Show.html(ChartGrid.html(2, cells));
    }

    /** A live view of the five graphs; see {@link Dashboard}. */
    public Dashboard dashboard() {
        return new Dashboard(this);
    }

    /** An alarm named {@code name} on this stream's iterator age; see {@link IteratorAgeAlarm}. */
    public IteratorAgeAlarm.Builder iteratorAgeAlarm(String name) {
        return new IteratorAgeAlarm.Builder(cloudWatch, stream, period, name);
    }

    Instant now() {
        return clock.instant();
    }

    private Instant periodStart(Instant time) {
        long seconds = time.getEpochSecond();
        return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, period.seconds()));
    }

    private MetricDataQuery query(String id, StreamMetric metric) {
        return MetricDataQuery.builder().id(id).label(metric.metricName())
                .metricStat(stat -> stat.period(period.seconds()).stat(metric.statistic())
                        .metric(m -> m.namespace(StreamMetric.NAMESPACE).metricName(metric.metricName())
                                .dimensions(Dimension.builder().name("StreamName").value(stream).build())))
                .build();
    }
}
