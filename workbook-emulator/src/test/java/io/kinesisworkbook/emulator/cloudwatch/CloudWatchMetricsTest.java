package io.kinesisworkbook.emulator.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/** PutMetricData, GetMetricData (with metric math), GetMetricStatistics and ListMetrics through the SDK (RPC v2 CBOR). */
class CloudWatchMetricsTest extends CloudWatchTestBase {

    private static final Dimension SHARD = Dimension.builder().name("Shard").value("a").build();

    /** Tests start at the clock's current minute: one of them moves the clock by hours. */
    private Instant wholeMinute() {
        long millis = clock.millis();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, 60_000L));
    }

    private void put(String namespace, String name, Instant at, double value, int resolution) {
        cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(MetricDatum.builder().metricName(name)
                .dimensions(SHARD).timestamp(at).value(value).unit(StandardUnit.COUNT).storageResolution(resolution).build()));
    }

    private MetricDataQuery stat(String id, String namespace, String name, int period, String stat) {
        return MetricDataQuery.builder().id(id).metricStat(s -> s.period(period).stat(stat)
                .metric(m -> m.namespace(namespace).metricName(name).dimensions(SHARD))).build();
    }

    @Test
    void highResolutionDataComesBackPerSecondWithEveryStatistic() {
        Instant t0 = wholeMinute();
        String namespace = newNamespace();
        for (int second = 0; second < 10; second++) {
            put(namespace, "Latency", t0.plusSeconds(second), second, 1);
            put(namespace, "Latency", t0.plusSeconds(second).plusMillis(500), second + 10, 1);
        }
        GetMetricDataResponse response = cloudWatch.getMetricData(b -> b.startTime(t0).endTime(t0.plusSeconds(10))
                .scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(
                        stat("sum", namespace, "Latency", 1, "Sum"),
                        stat("avg", namespace, "Latency", 5, "Average"),
                        stat("top", namespace, "Latency", 10, "Maximum"),
                        stat("count", namespace, "Latency", 10, "SampleCount"),
                        stat("median", namespace, "Latency", 10, "p50")));
        MetricDataResult sum = result(response, "sum");
        assertThat(sum.values()).hasSize(10).startsWith(10.0, 12.0, 14.0);
        assertThat(sum.timestamps()).startsWith(t0, t0.plusSeconds(1));
        assertThat(sum.statusCode()).isEqualTo(StatusCode.COMPLETE);
        assertThat(result(response, "avg").values()).containsExactly(7.0, 12.0);
        assertThat(result(response, "top").values()).containsExactly(19.0);
        assertThat(result(response, "count").values()).containsExactly(20.0);
        assertThat(result(response, "median").values().get(0)).isCloseTo(9.5, within(0.6));
        // labels: the metric's name, then what differs between the queries (statistic, period)
        assertThat(sum.label()).isEqualTo("Latency Sum 1");
        assertThat(result(response, "median").label()).isEqualTo("Latency p50 10");
    }

    @Test
    void standardResolutionDataIsKeptPerMinute() {
        Instant t0 = wholeMinute();
        String namespace = newNamespace();
        put(namespace, "Orders", t0.plusSeconds(61), 3, 60);
        put(namespace, "Orders", t0.plusSeconds(119), 4, 60);
        GetMetricDataResponse response = cloudWatch.getMetricData(b -> b.startTime(t0).endTime(t0.plusSeconds(180))
                .metricDataQueries(stat("orders", namespace, "Orders", 1, "Sum")));
        assertThat(result(response, "orders").timestamps()).containsExactly(t0.plusSeconds(60));
        assertThat(result(response, "orders").values()).containsExactly(7.0);
    }

    @Test
    void valuesCountsAndStatisticSetsAddUpAsCloudWatchDoes() {
        Instant t0 = wholeMinute();
        String namespace = newNamespace();
        cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(
                MetricDatum.builder().metricName("Size").timestamp(t0).values(1.0, 2.0, 3.0).counts(1.0, 1.0, 8.0)
                        .storageResolution(1).build(),
                MetricDatum.builder().metricName("Size").timestamp(t0).statisticValues(s -> s.sampleCount(2.0)
                        .sum(30.0).minimum(10.0).maximum(20.0)).storageResolution(1).build()));
        GetMetricStatisticsResponse statistics = cloudWatch.getMetricStatistics(b -> b.namespace(namespace)
                .metricName("Size").startTime(t0).endTime(t0.plusSeconds(60)).period(60)
                .statistics(Statistic.SUM, Statistic.SAMPLE_COUNT, Statistic.MINIMUM, Statistic.MAXIMUM, Statistic.AVERAGE));
        Datapoint point = statistics.datapoints().get(0);
        assertThat(point.sum()).isEqualTo(57.0);
        assertThat(point.sampleCount()).isEqualTo(12.0);
        assertThat(point.minimum()).isEqualTo(1.0);
        assertThat(point.maximum()).isEqualTo(20.0);
        assertThat(point.average()).isEqualTo(57.0 / 12);
        assertThat(point.timestamp()).isEqualTo(t0);
        assertThat(point.unitAsString()).isEqualTo("None");
        assertThat(statistics.label()).isEqualTo("Size");
        // a statistic set with different minimum and maximum hides the period's percentiles
        GetMetricStatisticsResponse percentiles = cloudWatch.getMetricStatistics(b -> b.namespace(namespace)
                .metricName("Size").startTime(t0).endTime(t0.plusSeconds(60)).period(60).extendedStatistics("p50"));
        assertThat(percentiles.datapoints().get(0).extendedStatistics()).isEmpty();
    }

    @Test
    void extendedStatisticsComeAsAMapOfPercentiles() {
        Instant t0 = wholeMinute();
        String namespace = newNamespace();
        List<Double> values = new ArrayList<>();
        IntStream.rangeClosed(1, 100).forEach(i -> values.add((double) i));
        cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(MetricDatum.builder().metricName("Wait")
                .timestamp(t0).values(values).storageResolution(1).build()));
        Datapoint point = cloudWatch.getMetricStatistics(b -> b.namespace(namespace).metricName("Wait")
                .startTime(t0).endTime(t0.plusSeconds(60)).period(60).extendedStatistics("p50", "p90", "p99"))
                .datapoints().get(0);
        assertThat(point.extendedStatistics().get("p50")).isCloseTo(50, within(0.6));
        assertThat(point.extendedStatistics().get("p90")).isCloseTo(90, within(1.0));
        assertThat(point.extendedStatistics().get("p99")).isCloseTo(99, within(1.0));
    }

    @Test
    void metricMathComputesOverTheOtherQueries() {
        Instant t0 = wholeMinute();
        String namespace = newNamespace();
        for (int second = 0; second < 4; second++) {
            put(namespace, "In", t0.plusSeconds(second), 10 * (second + 1), 1);
            put(namespace, "Out", t0.plusSeconds(second), 5, 1);
        }
        put(namespace, "In", t0.plusSeconds(5), 100, 1);
        GetMetricDataResponse response = cloudWatch.getMetricData(b -> b.startTime(t0).endTime(t0.plusSeconds(6))
                .scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(
                        stat("in", namespace, "In", 1, "Sum").toBuilder().returnData(false).build(),
                        stat("out", namespace, "Out", 1, "Sum").toBuilder().returnData(false).build(),
                        expression("lag", "in - out"),
                        expression("total", "SUM(METRICS())"),
                        expression("rate", "RATE(in)"),
                        expression("diff", "DIFF(in)"),
                        expression("busy", "IF(in > 25, 1, 0)"),
                        expression("filled", "FILL(in, 0)"),
                        expression("repeated", "FILL(in, REPEAT)"),
                        expression("peak", "MAX(in) + 0 * in"),
                        expression("mean", "AVG([in, out])"),
                        expression("least", "MIN([in, out])")));
        assertThat(response.metricDataResults()).extracting(MetricDataResult::id)
                .containsExactly("lag", "total", "rate", "diff", "busy", "filled", "repeated", "peak", "mean", "least");
        assertThat(result(response, "lag").values()).containsExactly(5.0, 15.0, 25.0, 35.0);
        assertThat(result(response, "total").values()).containsExactly(15.0, 25.0, 35.0, 45.0, 100.0);
        assertThat(result(response, "rate").values()).containsExactly(10.0, 10.0, 10.0, 30.0);
        assertThat(result(response, "diff").values()).containsExactly(10.0, 10.0, 10.0, 60.0);
        assertThat(result(response, "busy").values()).containsExactly(0.0, 0.0, 1.0, 1.0, 1.0);
        assertThat(result(response, "filled").values()).containsExactly(10.0, 20.0, 30.0, 40.0, 0.0, 100.0);
        assertThat(result(response, "repeated").values()).containsExactly(10.0, 20.0, 30.0, 40.0, 40.0, 100.0);
        assertThat(result(response, "peak").values()).containsOnly(100.0);
        assertThat(result(response, "mean").values()).containsExactly(7.5, 12.5, 17.5, 22.5, 100.0);
        assertThat(result(response, "least").values()).containsExactly(5.0, 5.0, 5.0, 5.0, 100.0);
        assertThat(result(response, "lag").label()).isEqualTo("lag");
    }

    @Test
    void largeAnswersComeInPagesNewestFirst() {
        Instant t0 = wholeMinute();
        String namespace = newNamespace();
        for (int second = 0; second < 25; second++) {
            put(namespace, "Ticks", t0.plusSeconds(second), second, 1);
        }
        MetricDataQuery ticks = stat("ticks", namespace, "Ticks", 1, "Sum");
        GetMetricDataResponse first = cloudWatch.getMetricData(b -> b.startTime(t0).endTime(t0.plusSeconds(25))
                .maxDatapoints(10).metricDataQueries(ticks));
        assertThat(result(first, "ticks").values()).hasSize(10).startsWith(24.0, 23.0);
        assertThat(result(first, "ticks").statusCode()).isEqualTo(StatusCode.PARTIAL_DATA);
        assertThat(first.nextToken()).isNotNull();
        List<Double> all = new ArrayList<>(result(first, "ticks").values());
        String token = first.nextToken();
        while (token != null) {
            String next = token;
            GetMetricDataResponse page = cloudWatch.getMetricData(b -> b.startTime(t0).endTime(t0.plusSeconds(25))
                    .maxDatapoints(10).nextToken(next).metricDataQueries(ticks));
            all.addAll(result(page, "ticks").values());
            token = page.nextToken();
        }
        assertThat(all).hasSize(25).startsWith(24.0).endsWith(0.0);
        // the paginator the SDK generates follows the tokens too
        assertThat(cloudWatch.getMetricDataPaginator(b -> b.startTime(t0).endTime(t0.plusSeconds(25))
                .maxDatapoints(10).metricDataQueries(ticks)).stream().count()).isEqualTo(3);
    }

    @Test
    void dataUnderSeveralUnitsIsNotAddedUp() {
        Instant t0 = wholeMinute();
        String namespace = newNamespace();
        cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(
                MetricDatum.builder().metricName("Time").timestamp(t0).value(60000.0).unit(StandardUnit.MILLISECONDS).build(),
                MetricDatum.builder().metricName("Time").timestamp(t0).value(60.0).unit(StandardUnit.SECONDS).build()));
        GetMetricDataResponse response = cloudWatch.getMetricData(b -> b.startTime(t0).endTime(t0.plusSeconds(60))
                .metricDataQueries(MetricDataQuery.builder().id("m").metricStat(s -> s.period(60).stat("Sum")
                        .metric(m -> m.namespace(namespace).metricName("Time"))).build()));
        assertThat(result(response, "m").values()).containsExactly(60000.0);
        assertThat(result(response, "m").messages()).singleElement().satisfies(message -> {
            assertThat(message.code()).isEqualTo("MultipleUnits");
            assertThat(message.value()).isEqualTo("Multiple units returned: '[Milliseconds, Seconds]'");
        });
        assertThat(cloudWatch.getMetricStatistics(b -> b.namespace(namespace).metricName("Time").startTime(t0)
                .endTime(t0.plusSeconds(60)).period(60).statistics(Statistic.SUM)).datapoints())
                .extracting(Datapoint::unitAsString).containsExactlyInAnyOrder("Milliseconds", "Seconds");
    }

    @Test
    void listMetricsFiltersByNamespaceNameAndDimensionsAndPages() {
        Instant t0 = wholeMinute();
        String namespace = newNamespace();
        for (int i = 0; i < 3; i++) {
            String shard = "shard-" + i;
            cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(MetricDatum.builder().metricName("Reads")
                    .dimensions(Dimension.builder().name("Shard").value(shard).build()).value(1.0).build()));
        }
        cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(MetricDatum.builder().metricName("Writes")
                .value(1.0).build()));
        assertThat(cloudWatch.listMetrics(b -> b.namespace(namespace)).metrics()).hasSize(4);
        assertThat(cloudWatch.listMetrics(b -> b.namespace(namespace).metricName("Reads")).metrics()).hasSize(3);
        assertThat(cloudWatch.listMetrics(b -> b.namespace(namespace).dimensions(DimensionFilter.builder().name("Shard")
                .value("shard-1").build())).metrics()).singleElement()
                .satisfies(metric -> assertThat(metric.dimensions()).containsExactly(
                        Dimension.builder().name("Shard").value("shard-1").build()));
        assertThat(cloudWatch.listMetrics(b -> b.namespace(namespace).dimensions(DimensionFilter.builder().name("Shard")
                .build())).metrics()).hasSize(3);
        assertThat(cloudWatch.listMetrics(b -> b.namespace(namespace).recentlyActive("PT3H")).metrics()).hasSize(4);
        clock.advance(Duration.ofHours(4));
        assertThat(cloudWatch.listMetrics(b -> b.namespace(namespace).recentlyActive("PT3H")).metrics()).isEmpty();
        assertThat(cloudWatch.listMetrics(b -> b.namespace(namespace)).metrics()).hasSize(4);
    }

    @Test
    void badRequestsGetCloudWatchsErrors() {
        Instant t0 = wholeMinute();
        String namespace = newNamespace();
        assertThatThrownBy(() -> cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(MetricDatum.builder()
                .metricName("x").value(1.0).values(1.0).build())))
                .isInstanceOf(InvalidParameterCombinationException.class)
                .hasMessageContaining("The parameters MetricData.member.1.Value and MetricData.member.1.Values are "
                        + "mutually exclusive and you have specified both.")
                .satisfies(e -> assertThat(((CloudWatchException) e).awsErrorDetails().errorCode())
                        .isEqualTo("InvalidParameterCombination"));
        assertThatThrownBy(() -> cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(MetricDatum.builder()
                .metricName("x").values(1.0, 2.0).counts(1.0).build())))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("The parameters MetricData.member.1.Values and MetricData.member.1.Counts must be "
                        + "of the same size.");
        List<Dimension> tooMany = IntStream.range(0, 31).mapToObj(i -> Dimension.builder().name("d" + i).value("v").build()).toList();
        assertThatThrownBy(() -> cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(MetricDatum.builder()
                .metricName("x").value(1.0).dimensions(tooMany).build())))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("The collection MetricData.member.1.Dimensions must not have a size greater than 30.");
        List<MetricDatum> data = IntStream.range(0, 1001).mapToObj(i -> MetricDatum.builder().metricName("x").value(1.0).build()).toList();
        assertThatThrownBy(() -> cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(data)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("The collection MetricData must not have a size greater than 1000.");
        assertThatThrownBy(() -> cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(MetricDatum.builder()
                .metricName("x").value(1.0).storageResolution(5).build())))
                .hasMessageContaining("The parameter MetricData.member.1.StorageResolution must be a value in the set [ 1, 60 ].");
        assertThatThrownBy(() -> cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(MetricDatum.builder()
                .value(1.0).build())))
                .isInstanceOf(MissingRequiredParameterException.class)
                .hasMessageContaining("The parameter MetricData.member.1.MetricName is required.");
        List<MetricDataQuery> queries = IntStream.range(0, 501).mapToObj(i -> stat("q" + i, namespace, "x", 60, "Sum")).toList();
        assertThatThrownBy(() -> cloudWatch.getMetricData(b -> b.startTime(t0).endTime(t0.plusSeconds(60))
                .metricDataQueries(queries)))
                .hasMessageContaining("The collection MetricDataQueries must not have a size greater than 500.");
        assertThatThrownBy(() -> cloudWatch.getMetricData(b -> b.startTime(t0).endTime(t0.plusSeconds(60))
                .metricDataQueries(stat("q", namespace, "x", 7, "Sum"))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("MetricDataQueries.member.1.MetricStat.Period must be 1, 5, 10, 30 or a multiple of 60");
        assertThatThrownBy(() -> cloudWatch.getMetricStatistics(b -> b.namespace(namespace).metricName("x")
                .startTime(t0).endTime(t0.plus(Duration.ofDays(1))).period(1).statistics(Statistic.SUM)))
                .isInstanceOf(InvalidParameterCombinationException.class)
                .hasMessageContaining("You have requested up to 86400 datapoints, which exceeds the limit of 1440.");
        assertThatThrownBy(() -> cloudWatch.getMetricData(b -> b.startTime(t0).endTime(t0)
                .metricDataQueries(stat("q", namespace, "x", 60, "Sum"))))
                .hasMessageContaining("The parameter StartTime must be less than the parameter EndTime.");
        assertThatThrownBy(() -> cloudWatch.getMetricData(b -> b.startTime(t0).endTime(t0.plusSeconds(60))
                .metricDataQueries(expression("e", "m1 +* 2"))))
                .satisfies(e -> assertThat(((CloudWatchException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationError"))
                .hasMessageContaining("Error in expression 'e'");
        assertThatThrownBy(() -> cloudWatch.getMetricData(b -> b.startTime(t0).endTime(t0.plusSeconds(60))
                .metricDataQueries(stat("q", namespace, "x", 60, "Median"))))
                .hasMessageContaining("MetricDataQueries.member.1.MetricStat.Stat is not a valid statistic.");
    }

    static MetricDataQuery expression(String id, String expression) {
        return MetricDataQuery.builder().id(id).expression(expression).build();
    }

    static MetricDataResult result(GetMetricDataResponse response, String id) {
        return response.metricDataResults().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
