package io.kinesisworkbook.graders;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
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

    /** Code of the learner's that may throw a checked exception (it sleeps, say). */
    interface LearnerCode<T> {
        T run() throws Exception;
    }

    /** {@link #attempt(Supplier, String)} for code that declares checked exceptions. */
    static <T> T attemptChecked(LearnerCode<T> code, String hint) {
        return attempt(() -> {
            try {
                return code.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.toString(), e);
            }
        }, hint);
    }

    static void check(Object expected, Object actual, String what, String hint) {
        Assertions.assertEquals(expected, actual, () -> what + ": expected " + expected + " but was " + actual + ". Hint: " + hint);
    }

    static void check(boolean condition, String what, String hint) {
        Assertions.assertTrue(condition, () -> what + ". Hint: " + hint);
    }

    /**
     * The wall clock plus whatever a grader adds: time moves on by itself, as the learner's sleeps
     * expect, and a grader can skip ahead (to fill a shard at its write limit without waiting).
     */
    static final class SkippingClock implements EmulatorClock {
        private final AtomicLong skipped = new AtomicLong();

        @Override
        public long millis() {
            return System.currentTimeMillis() + skipped.get();
        }

        void skip(Duration ahead) {
            skipped.addAndGet(ahead.toMillis());
        }
    }

    /** Every AWS call a client made, with its answer or the exception it ended in. */
    static final class Calls implements ExecutionInterceptor {
        record Call(SdkRequest request, SdkResponse response, Throwable failure) {
        }

        private final List<Call> calls = new ArrayList<>();

        @Override
        public synchronized void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            calls.add(new Call(context.request(), context.response(), null));
        }

        @Override
        public synchronized void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            calls.add(new Call(context.request(), context.response().orElse(null), context.exception()));
        }

        synchronized List<Call> all() {
            return List.copyOf(calls);
        }

        /** The calls whose request is a {@code type}, in order. */
        <R extends SdkRequest> List<Call> of(Class<R> type) {
            return all().stream().filter(call -> type.isInstance(call.request())).toList();
        }
    }

    /** An embedded emulator with AWS's limits, for graders whose exercise talks to Kinesis or DynamoDB. */
    record Aws(Emulator emulator, KinesisClient kinesis) implements AutoCloseable {
        static Aws start() {
            return start(EmulatorClock.system());
        }

        static Aws start(EmulatorClock clock) {
            Emulator emulator = Emulator.start(EmulatorOptions.defaults().withTransitionDelay(Duration.ofMillis(50)).withClock(clock));
            return new Aws(emulator, kinesisClient(emulator, null, true));
        }

        /**
         * A client for the learner's code that notes every call in {@code calls} and never retries, so
         * that what the learner's code does about a throttled call is what the grader sees.
         */
        KinesisClient learnersKinesis(Calls calls) {
            return kinesisClient(emulator, calls, false);
        }

        private static KinesisClient kinesisClient(Emulator emulator, Calls calls, boolean retries) {
            return KinesisClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("grader", "grader")))
                    .overrideConfiguration(c -> {
                        if (calls != null) {
                            c.addExecutionInterceptor(calls);
                        }
                        if (!retries) {
                            c.retryStrategy(AwsRetryStrategy.doNotRetry());
                        }
                    })
                    .build();
        }

        /** A DynamoDB client for the same emulator; the grader closes it. */
        DynamoDbClient dynamoDb() {
            return DynamoDbClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("grader", "grader")))
                    .build();
        }

        /** Creates a stream and waits until it is ACTIVE (the emulator's transition takes 50 ms). */
        void activeStream(String name, int shards) throws InterruptedException {
            kinesis.createStream(b -> b.streamName(name).shardCount(shards));
            awaitActive(name);
        }

        /** Waits until a stream is ACTIVE; on a {@link ManualClock}, by moving the clock on. */
        void awaitActive(String name) throws InterruptedException {
            while (!"ACTIVE".equals(kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamStatusAsString())) {
                if (emulator.options().clock() instanceof ManualClock manual) {
                    manual.advance(Duration.ofMillis(50));
                } else {
                    Thread.sleep(20);
                }
            }
        }

        @Override
        public void close() {
            kinesis.close();
            emulator.close();
        }
    }
}
