package io.kinesisworkbook.lib.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.ManualClock;
import io.kinesisworkbook.lib.LocalAws;
import io.kinesisworkbook.lib.streams.Streams;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import tech.tablesaw.api.Table;

/** The Monitoring tab's graphs and the iterator-age alarm, read through the SDK's CloudWatch client, on a moved clock. */
class StreamMetricsTest {

    private static final Instant START = Instant.parse("2026-12-03T10:00:00.250Z");

    private final ManualClock clock = new ManualClock(START);
    private LocalAws aws;
    private CloudWatchClient cloudWatch;
    private StreamMetrics metrics;

    @BeforeEach
    void start() {
        aws = new LocalAws(EmulatorOptions.defaults().withInstantTransitions().withClock(clock));
        cloudWatch = CloudWatchClient.builder().endpointOverride(aws.emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        new Streams(aws.kinesis).create("watched", 1);
        metrics = new StreamMetrics(cloudWatch, "watched", MetricPeriod.ONE_SECOND, new EmulatorTime(clock));
    }

    @AfterEach
    void stop() {
        cloudWatch.close();
        aws.close();
    }

    @Test
    void theFiveGraphsShowWhatWasWrittenAndReadAndHowOldItWas() {
        put(10, 100);                                      // 10:00:00: ten records of 100 bytes
        clock.advance(Duration.ofSeconds(5));
        String iterator = aws.kinesis.getShardIterator(b -> b.streamName("watched").shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        aws.kinesis.getRecords(b -> b.shardIterator(iterator));   // 10:00:05: reads them, five seconds old
        clock.advance(Duration.ofSeconds(2));

        Map<StreamMetric, MetricSeries> graphs = metrics.last(Duration.ofMinutes(1));

        assertThat(graphs).containsOnlyKeys(StreamMetric.MONITORING_TAB);
        assertThat(graphs.get(StreamMetric.INCOMING_RECORDS).total()).isEqualTo(10);
        assertThat(graphs.get(StreamMetric.INCOMING_BYTES).total()).as("data and partition keys").isEqualTo(1_020);
        assertThat(graphs.get(StreamMetric.GET_RECORDS_BYTES).total()).isEqualTo(1_020);
        assertThat(graphs.get(StreamMetric.ITERATOR_AGE).max()).isEqualTo(5_000);
        assertThat(graphs.get(StreamMetric.ITERATOR_AGE).times()).containsExactly(Instant.parse("2026-12-03T10:00:05Z"));
        assertThat(graphs.get(StreamMetric.GET_RECORDS_LATENCY).values()).hasSize(1);
        assertThat(graphs.get(StreamMetric.INCOMING_RECORDS).chart().title()).isEqualTo("Incoming records (Sum, 1 s)");
    }

    @Test
    void theRunningSecondIsLeftOutSoThatNoGraphEndsInAPartlyCountedDip() {
        put(3, 10);
        assertThat(metrics.read(StreamMetric.INCOMING_RECORDS, Duration.ofMinutes(1)).isEmpty()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(metrics.read(StreamMetric.INCOMING_RECORDS, Duration.ofMinutes(1)).total()).isEqualTo(3);
    }

    @Test
    void aTableHasARowPerSecondWithDataAndAColumnPerMetric() {
        put(2, 50);
        clock.advance(Duration.ofSeconds(3));
        put(4, 50);
        clock.advance(Duration.ofSeconds(1));

        Table table = metrics.table(Duration.ofMinutes(1));

        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.columnNames()).containsExactly("time (UTC)", "GetRecords.Bytes", "GetRecords.IteratorAgeMilliseconds",
                "GetRecords.Latency", "IncomingBytes", "IncomingRecords");
        assertThat(table.doubleColumn("IncomingRecords").asList()).containsExactly(2.0, 4.0);
        assertThat(table.doubleColumn("GetRecords.Bytes").isMissing(0)).as("nothing was read").isTrue();
    }

    @Test
    void theIteratorAgeAlarmFiresWhenReadersFallBehindAndClearsWhenTheyCatchUp() {
        IteratorAgeAlarm alarm = metrics.iteratorAgeAlarm("watched-behind").above(Duration.ofSeconds(3)).create();
        assertThat(alarm.state()).isEqualTo(StateValue.INSUFFICIENT_DATA);

        put(5, 10);
        clock.advance(Duration.ofSeconds(20));
        String iterator = aws.kinesis.getShardIterator(b -> b.streamName("watched").shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        String next = aws.kinesis.getRecords(b -> b.shardIterator(iterator)).nextShardIterator();   // 20 s behind
        clock.advance(Duration.ofSeconds(10));
        assertThat(alarm.isInAlarm()).isTrue();
        assertThat(alarm.reason()).startsWith("Threshold Crossed: 1 out of the last 1 datapoints [20000.0");

        aws.kinesis.getRecords(b -> b.shardIterator(next));                                       // caught up: age 0
        clock.advance(Duration.ofSeconds(10));
        assertThat(alarm.isOk()).isTrue();
        assertThat(alarm.states()).containsExactly("ALARM", "OK");
        assertThat(alarm.history().rowCount()).isEqualTo(2);

        alarm.delete();
        assertThat(cloudWatch.describeAlarms().metricAlarms()).isEmpty();
    }

    @Test
    void theDashboardDrawsAGraphPerMetricWithDataAndSaysWhyTheOthersAreEmpty() {
        put(10, 100);
        clock.advance(Duration.ofSeconds(2));
        IteratorAgeAlarm alarm = metrics.iteratorAgeAlarm("watched-behind").above(Duration.ofSeconds(3)).create();
        Dashboard dashboard = metrics.dashboard().alarm(alarm).status(() -> "2 workers").whenEmpty("Nobody reads yet.");

        String html = dashboard.html();

        assertThat(html.split("<img", -1)).as("IncomingBytes and IncomingRecords have data").hasSize(3);
        assertThat(html.split("Nobody reads yet.", -1)).as("the three GetRecords graphs have none").hasSize(4);
        assertThat(html).contains("Alarm watched-behind: INSUFFICIENT_DATA").contains("2 workers").contains("1 s periods");
        assertThat(dashboard.refreshes()).isEqualTo(1);
    }

    @Test
    void onABackendWithoutStreamMetricsTheGraphsSayWhyTheyAreEmpty() {
        put(10, 100);
        clock.advance(Duration.ofSeconds(2));
        StreamMetrics onLocalStack = StreamMetrics.of(cloudWatch, "elsewhere", io.kinesisworkbook.lib.backend.Backend.LOCALSTACK);

        assertThat(onLocalStack.published()).isFalse();
        assertThat(onLocalStack.period()).isEqualTo(MetricPeriod.ONE_MINUTE);
        StreamMetrics empty = new StreamMetrics(cloudWatch, "elsewhere", MetricPeriod.ONE_MINUTE, new EmulatorTime(clock),
                "LocalStack publishes no AWS/Kinesis metrics: its graphs stay empty.");
        assertThat(empty.dashboard().html().split("LocalStack publishes no AWS/Kinesis metrics", -1)).hasSize(6);
        assertThat(metrics.published()).isTrue();
    }

    @Test
    void anAlarmsReasonIsWrappedToReadOnASlide() {
        String reason = "Threshold Crossed: 1 out of the last 1 datapoints [6150.0 (03/12/26 08:42:00)] was greater than "
                + "the threshold (3000.0) (minimum 1 datapoint for OK -> ALARM transition).";
        String wrapped = IteratorAgeAlarm.wrap(reason);
        assertThat(wrapped.lines()).hasSize(2).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(90));
        assertThat(wrapped.replace('\n', ' ')).isEqualTo(reason);
    }

    @Test
    void theTerminalDashboardShowsEachGraphAsALineWithASparkline() {
        put(10, 100);
        clock.advance(Duration.ofSeconds(1));
        put(30, 100);
        clock.advance(Duration.ofSeconds(1));

        String screen = TerminalDashboard.render("watched", MetricPeriod.ONE_SECOND, Duration.ofMinutes(1),
                metrics.last(Duration.ofMinutes(1)));

        assertThat(screen.lines()).hasSize(6);
        assertThat(screen.lines().filter(line -> line.startsWith("Incoming records (Sum, 1 s)")).findFirst().orElseThrow())
                .contains("30 records").contains("max           30 records").endsWith("▁█");
        assertThat(screen).contains("Iterator age (Maximum, 1 s)            no data");
        assertThat(TerminalDashboard.sparkline(List.of(0.0, 7.0, 3.5))).isEqualTo("▁█▅");
    }

    @Test
    void thePeriodFollowsTheBackend() {
        assertThat(MetricPeriod.forBackend(io.kinesisworkbook.lib.backend.Backend.EMBEDDED)).hasToString("1 s");
        assertThat(MetricPeriod.forBackend(io.kinesisworkbook.lib.backend.Backend.AWS)).hasToString("1 min");
        assertThat(MetricPeriod.ONE_SECOND.alarmSeconds()).as("CloudWatch's shortest alarm period").isEqualTo(10);
        assertThat(MetricPeriod.ONE_MINUTE.alarmSeconds()).isEqualTo(60);
        assertThat(StreamMetric.ITERATOR_AGE.title(MetricPeriod.ONE_MINUTE)).isEqualTo("Iterator age (Maximum, 1 min)");
    }

    private void put(int records, int bytes) {
        aws.kinesis.putRecords(b -> b.streamName("watched").records(java.util.stream.IntStream.range(0, records)
                .mapToObj(i -> software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry.builder()
                        .partitionKey("k" + i).data(SdkBytes.fromByteArray(new byte[bytes])).build()).toList()));
    }
}
