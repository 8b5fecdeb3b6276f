package io.kinesisworkbook.emulator.bench;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.SdkClients;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The disaster-recovery pipeline's first hop, measured: from a PutObject call to its "Object Created"
 * event's record in the Kinesis stream an EventBridge rule targets. One client puts small objects one
 * after another; each record's ApproximateArrivalTimestamp (stamped by the emulator when the record
 * is appended, same JVM, same clock) is compared with the moment the client started the PutObject.
 * Prints percentiles of that latency and of the PutObject call itself.
 *
 * <p>Arguments: {@code [objects]} (default 1,000; 200 more are put first to warm up).
 */
public final class S3EventsToStreamBenchmark {

    private static final String BUCKET = "primary";
    private static final String STREAM = "s3-events";

    private S3EventsToStreamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int objects = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions());
             S3Client s3 = SdkClients.s3(emulator.endpoint());
             EventBridgeClient events = SdkClients.eventBridge(emulator.endpoint());
             KinesisClient kinesis = SdkClients.kinesis(emulator.endpoint(), SdkClients.Wire.CBOR)) {
            kinesis.createStream(b -> b.streamName(STREAM).shardCount(1));
            s3.createBucket(b -> b.bucket(BUCKET));
            s3.putBucketNotificationConfiguration(b -> b.bucket(BUCKET).notificationConfiguration(n -> n.eventBridgeConfiguration(e -> { })));
            events.putRule(b -> b.name("capture").eventPattern("{\"source\": [\"aws.s3\"], \"detail\": {\"bucket\": {\"name\": [\"" + BUCKET + "\"]}}}"));
            events.putTargets(b -> b.rule("capture").targets(t -> t.id("stream")
                    .arn("arn:aws:kinesis:us-east-1:000000000000:stream/" + STREAM)
                    .kinesisParameters(k -> k.partitionKeyPath("$.detail.object.key"))));

            run(s3, kinesis, "warm-up", 200);
            Map<String, Long> started = new HashMap<>();
            List<Double> callMillis = new ArrayList<>();
            for (int i = 0; i < objects; i++) {
                String key = "measured/object-" + i;
                long before = System.currentTimeMillis();
                long beforeNanos = System.nanoTime();
                s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("x".repeat(100)));
                callMillis.add((System.nanoTime() - beforeNanos) / 1e6);
                started.put(key, before);
                Thread.sleep(2);  // a steady trickle, as objects arrive in the notebook, not a flood
            }
            List<Double> hopMillis = new ArrayList<>();
            for (Record record : readAll(kinesis, objects + 200)) {
                Long before = started.get(record.partitionKey());
                if (before != null) {
                    hopMillis.add((double) (record.approximateArrivalTimestamp().toEpochMilli() - before));
                }
            }
            System.out.printf(Locale.ROOT, "objects measured: %d, records found: %d%n", objects, hopMillis.size());
            print("PutObject call (client)", callMillis);
            print("PutObject start to record in stream", hopMillis);
        }
    }

    private static void run(S3Client s3, KinesisClient kinesis, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            String key = prefix + "/object-" + i;
            s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("x"));
        }
    }

    private static List<Record> readAll(KinesisClient kinesis, int expected) throws InterruptedException {
        String shard = kinesis.listShards(b -> b.streamName(STREAM)).shards().get(0).shardId();
        String iterator = kinesis.getShardIterator(b -> b.streamName(STREAM).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<Record> records = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (records.size() < expected && System.currentTimeMillis() < deadline) {
            String from = iterator;
            GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(from));
            records.addAll(page.records());
            iterator = page.nextShardIterator();
            Thread.sleep(250);
        }
        return records;
    }

    private static void print(String what, List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-40s p50 %6.2f ms   p90 %6.2f ms   p99 %6.2f ms   max %6.2f ms%n", what,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
