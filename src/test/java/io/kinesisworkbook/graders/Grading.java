package io.kinesisworkbook.graders;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** What every grader shares: checks whose failure says what was expected and gives a hint. */
final class Grading {

    private Grading() {
    }

    /** Runs the learner's code; an unfinished exercise fails with its TODO, not a stack trace. */
    static <T> T attempt(Supplier<T> code, String hint) {
        try {
            return code.get();
        } catch (UnsupportedOperationException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("TODO")) {
                return Assertions.fail("Not done yet (" + e.getMessage() + "). Hint: " + hint);
            }
            return Assertions.fail("Your code threw " + e + " (an unmodifiable list changed in place?). Hint: " + hint);
        } catch (RuntimeException e) {
            return Assertions.fail("Your code threw " + e + ". Hint: " + hint);
        }
    }

    static void check(Object expected, Object actual, String what, String hint) {
        Assertions.assertEquals(expected, actual, () -> what + ": expected " + expected + " but was " + actual + ". Hint: " + hint);
    }

    static void check(boolean condition, String what, String hint) {
        Assertions.assertTrue(condition, () -> what + ". Hint: " + hint);
    }

    /** An embedded emulator with AWS's limits, for graders whose exercise talks to Kinesis or DynamoDB. */
    record Aws(Emulator emulator, KinesisClient kinesis) implements AutoCloseable {
        static Aws start() {
            Emulator emulator = Emulator.start(EmulatorOptions.defaults().withTransitionDelay(Duration.ofMillis(50)));
            KinesisClient kinesis = KinesisClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("grader", "grader")))
                    .build();
            return new Aws(emulator, kinesis);
        }

        /** A DynamoDB client for the same emulator; the grader closes it. */
        DynamoDbClient dynamoDb() {
            return DynamoDbClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("grader", "grader")))
                    .build();
        }

        void activeStream(String name, int shards) throws InterruptedException {
            kinesis.createStream(b -> b.streamName(name).shardCount(shards));
            while (!"ACTIVE".equals(kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamStatusAsString())) {
                Thread.sleep(20);
            }
        }

        @Override
        public void close() {
            kinesis.close();
            emulator.close();
        }
    }
}
