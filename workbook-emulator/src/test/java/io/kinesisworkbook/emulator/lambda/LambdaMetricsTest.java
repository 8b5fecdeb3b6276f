package io.kinesisworkbook.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.SdkClients;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/** What a function's invocations publish to AWS/Lambda, read back through CloudWatch. */
class LambdaMetricsTest extends LambdaTestBase {

    private static List<Double> values(CloudWatchClient cloudWatch, String function, String metric, String stat) {
        Instant now = Instant.now();
        return cloudWatch.getMetricData(b -> b.startTime(now.minusSeconds(600)).endTime(now.plusSeconds(60))
                .metricDataQueries(MetricDataQuery.builder().id("m").metricStat(s -> s.period(60).stat(stat)
                        .metric(m -> m.namespace("AWS/Lambda").metricName(metric)
                                .dimensions(d -> d.name("FunctionName").value(function)))).build()))
                .metricDataResults().get(0).values();
    }

    @Test
    void invocationsErrorsDurationAndConcurrencyArePublished() {
        String greeter = newFunctionName();
        String failing = newFunctionName();
        create(greeter, "demo.Greeter::handleRequest", TestFunctions.greeter());
        create(failing, "demo.Failing::handleRequest", TestFunctions.failing());
        invoke(greeter, "{\"name\":\"a\"}");
        invoke(greeter, "{\"name\":\"b\"}");
        invoke(failing, "{\"fail\":true}");
        try (CloudWatchClient cloudWatch = SdkClients.cloudWatch(emulator.endpoint())) {
            assertThat(values(cloudWatch, greeter, "Invocations", "Sum")).containsExactly(2.0);
            assertThat(values(cloudWatch, greeter, "Errors", "Sum")).containsExactly(0.0);
            assertThat(values(cloudWatch, failing, "Errors", "Sum")).containsExactly(1.0);
            assertThat(values(cloudWatch, greeter, "Duration", "Maximum")).singleElement()
                    .satisfies(millis -> assertThat(millis).isPositive());
            assertThat(values(cloudWatch, greeter, "ConcurrentExecutions", "Maximum")).singleElement()
                    .satisfies(running -> assertThat(running).isGreaterThanOrEqualTo(1.0));
        }
    }
}
