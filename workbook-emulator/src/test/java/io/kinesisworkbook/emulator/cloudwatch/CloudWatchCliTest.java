package io.kinesisworkbook.emulator.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * CloudWatch through the AWS CLI: Debian's {@code aws} (2.9) speaks the query protocol (forms in,
 * XML out), so this is the test of that protocol with a real client. Skipped, with the reason
 * printed, where no {@code aws} is installed. The emulator runs on the wall clock, as the CLI's
 * timestamps are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudWatchCliTest {

    private Emulator emulator;
    private AwsCli aws;

    @BeforeAll
    void start() {
        String executable = AwsCli.find();
        if (executable == null) {
            System.out.println("CloudWatchCliTest skipped: no AWS CLI ('aws') installed; Debian: apt-get install awscli");
        }
        Assumptions.assumeTrue(executable != null, "no AWS CLI ('aws') installed");
        emulator = Emulator.start(EmulatorOptions.defaults());
        aws = new AwsCli(executable, emulator.endpoint());
    }

    @AfterAll
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void metricsGoInAndComeOutAsTheCliShowsThem() {
        aws.ok("cloudwatch", "put-metric-data", "--namespace", "Cli/Demo", "--metric-data",
                "[{\"MetricName\":\"Latency\",\"Dimensions\":[{\"Name\":\"Api\",\"Value\":\"orders\"}],"
                        + "\"Values\":[10,20,30],\"Counts\":[1,1,2],\"Unit\":\"Milliseconds\",\"StorageResolution\":1}]");
        JsonNode listed = aws.ok("cloudwatch", "list-metrics", "--namespace", "Cli/Demo",
                "--dimensions", "Name=Api,Value=orders");
        assertThat(listed.path("Metrics")).hasSize(1);
        assertThat(listed.path("Metrics").get(0).path("Dimensions").get(0).path("Value").asText()).isEqualTo("orders");

        Instant now = Instant.now();
        String start = now.minus(5, ChronoUnit.MINUTES).toString();
        String end = now.plus(1, ChronoUnit.MINUTES).toString();
        JsonNode statistics = aws.ok("cloudwatch", "get-metric-statistics", "--namespace", "Cli/Demo",
                "--metric-name", "Latency", "--dimensions", "Name=Api,Value=orders", "--start-time", start,
                "--end-time", end, "--period", "60", "--statistics", "Sum", "SampleCount", "Maximum");
        JsonNode point = statistics.path("Datapoints").get(0);
        assertThat(point.path("Sum").asDouble()).isEqualTo(90.0);
        assertThat(point.path("SampleCount").asDouble()).isEqualTo(4.0);
        assertThat(point.path("Maximum").asDouble()).isEqualTo(30.0);
        assertThat(point.path("Unit").asText()).isEqualTo("Milliseconds");
        assertThat(point.path("Timestamp").asText()).isNotEmpty();

        JsonNode percentiles = aws.ok("cloudwatch", "get-metric-statistics", "--namespace", "Cli/Demo",
                "--metric-name", "Latency", "--dimensions", "Name=Api,Value=orders", "--start-time", start,
                "--end-time", end, "--period", "60", "--extended-statistics", "p50", "p99");
        assertThat(percentiles.path("Datapoints").get(0).path("ExtendedStatistics").path("p99").asDouble())
                .isBetween(29.0, 30.0);

        JsonNode data = aws.ok("cloudwatch", "get-metric-data", "--start-time", start, "--end-time", end,
                "--scan-by", "TimestampAscending", "--metric-data-queries",
                "[{\"Id\":\"m\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"Cli/Demo\",\"MetricName\":\"Latency\","
                        + "\"Dimensions\":[{\"Name\":\"Api\",\"Value\":\"orders\"}]},\"Period\":60,\"Stat\":\"Average\"},"
                        + "\"ReturnData\":false},{\"Id\":\"e\",\"Expression\":\"m * 2\",\"Label\":\"doubled\"}]");
        JsonNode result = data.path("MetricDataResults").get(0);
        assertThat(result.path("Id").asText()).isEqualTo("e");
        assertThat(result.path("Label").asText()).isEqualTo("doubled");
        assertThat(result.path("Values").get(0).asDouble()).isEqualTo(45.0);
        assertThat(result.path("StatusCode").asText()).isEqualTo("Complete");
    }

    @Test
    void alarmsAndTagsThroughTheCli() {
        aws.ok("cloudwatch", "put-metric-alarm", "--alarm-name", "cli-alarm", "--namespace", "Cli/Alarms",
                "--metric-name", "Errors", "--statistic", "Sum", "--period", "60", "--evaluation-periods", "1",
                "--threshold", "5", "--comparison-operator", "GreaterThanThreshold", "--treat-missing-data", "notBreaching",
                "--tags", "Key=team,Value=streams");
        JsonNode alarm = aws.ok("cloudwatch", "describe-alarms", "--alarm-names", "cli-alarm").path("MetricAlarms").get(0);
        assertThat(alarm.path("StateValue").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(alarm.path("Threshold").asDouble()).isEqualTo(5.0);
        assertThat(alarm.path("ActionsEnabled").asBoolean()).isTrue();

        aws.ok("cloudwatch", "set-alarm-state", "--alarm-name", "cli-alarm", "--state-value", "ALARM",
                "--state-reason", "testing from the CLI");
        assertThat(aws.ok("cloudwatch", "describe-alarms", "--state-value", "ALARM").path("MetricAlarms").get(0)
                .path("StateReason").asText()).isEqualTo("testing from the CLI");
        JsonNode history = aws.ok("cloudwatch", "describe-alarm-history", "--alarm-name", "cli-alarm",
                "--history-item-type", "StateUpdate");
        assertThat(history.path("AlarmHistoryItems").get(0).path("HistorySummary").asText())
                .isEqualTo("Alarm updated from INSUFFICIENT_DATA to ALARM");

        String arn = alarm.path("AlarmArn").asText();
        assertThat(aws.ok("cloudwatch", "list-tags-for-resource", "--resource-arn", arn).path("Tags").get(0)
                .path("Value").asText()).isEqualTo("streams");
        aws.ok("cloudwatch", "disable-alarm-actions", "--alarm-names", "cli-alarm");
        assertThat(aws.ok("cloudwatch", "describe-alarms-for-metric", "--namespace", "Cli/Alarms", "--metric-name", "Errors")
                .path("MetricAlarms").get(0).path("ActionsEnabled").asBoolean()).isFalse();
        aws.ok("cloudwatch", "delete-alarms", "--alarm-names", "cli-alarm");
        assertThat(aws.ok("cloudwatch", "describe-alarms").path("MetricAlarms")).isEmpty();
    }

    @Test
    void errorsReachTheCliWithCloudWatchsCodeAndMessage() {
        AwsCli.Run run = aws.run("cloudwatch", "put-metric-data", "--namespace", "Cli/Errors", "--metric-data",
                "[{\"MetricName\":\"x\",\"Values\":[1,2],\"Counts\":[1]}]");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("(InvalidParameterValue)").contains("The parameters MetricData.member.1.Values and "
                + "MetricData.member.1.Counts must be of the same size.");
        AwsCli.Run missing = aws.run("cloudwatch", "set-alarm-state", "--alarm-name", "nope", "--state-value", "OK",
                "--state-reason", "x");
        assertThat(missing.err()).contains("ResourceNotFound");
    }
}
