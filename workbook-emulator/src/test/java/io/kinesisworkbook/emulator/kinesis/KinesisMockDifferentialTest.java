package io.kinesisworkbook.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.SdkClients;
import io.kinesisworkbook.emulator.Skip;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.ScalingType;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardFilterType;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * The same scenarios against the embedded emulator and against kinesis-mock (the Kinesis engine
 * inside LocalStack), compared outcome by outcome. Every difference must be listed in
 * {@link #KNOWN_DIFFERENCES} with the side that matches AWS, so a new one fails the build until
 * it is understood; the comparison is written to {@code target/differential/kinesis-mock.md}.
 *
 * <p>Runs where {@code KINESIS_MOCK_ENDPOINT} is set: {@code tools/kinesis-mock/run-isolated.sh}
 * starts kinesis-mock in a loopback-only network namespace and sets it (CI does this).
 */
class KinesisMockDifferentialTest {

    /** Scenario -> which side matches AWS, and why. Keep in step with workbook-emulator/README.md. */
    static final Map<String, String> KNOWN_DIFFERENCES = new TreeMap<>(Map.ofEntries(
            Map.entry("invalid stream name", "emulator: AWS checks model constraints first and answers ValidationException "
                    + "in its Coral wording; kinesis-mock answers InvalidArgumentException"),
            Map.entry("zero shards", "emulator: ShardCount has a model minimum of 1, so AWS answers ValidationException; "
                    + "kinesis-mock answers LimitExceededException"),
            Map.entry("PutRecords with 501 records", "emulator: AWS refuses more than 500 records with ValidationException; "
                    + "kinesis-mock accepts them"),
            Map.entry("a record over 1 MiB", "emulator: a length constraint on 'data', ValidationException, as AWS; "
                    + "kinesis-mock answers InvalidArgumentException"),
            Map.entry("a partition key over 256 characters", "emulator: a length constraint on 'partitionKey', "
                    + "ValidationException, as AWS; kinesis-mock answers InvalidArgumentException"),
            Map.entry("sequence number used on another shard", "emulator: AWS refuses a sequence number from another shard "
                    + "(InvalidArgumentException: Invalid StartingSequenceNumber); kinesis-mock accepts it"),
            Map.entry("an invalid shard iterator", "emulator: AWS answers InvalidArgumentException (400); kinesis-mock fails "
                    + "with a 500 and no error type"),
            Map.entry("update shard count 2 to 4", "emulator: its uniform ranges are the ones CreateStream gives (AWS's even "
                    + "split of the key space); kinesis-mock's UpdateShardCount ranges end one key short of those, unlike "
                    + "its own CreateStream"),
            Map.entry("update shard count beyond double", "unverified: AWS documents the 2x and 1/2 bounds as limits "
                    + "(LimitExceededException, as the emulator and Floci answer); kinesis-mock answers InvalidArgumentException"),
            Map.entry("ListShards filters", "emulator: AT_TRIM_HORIZON lists only the shards open at the trim horizon, as "
                    + "AWS documents; kinesis-mock lists every shard"),
            Map.entry("create without a shard count or mode", "emulator: AWS makes an ON_DEMAND stream when neither "
                    + "ShardCount nor StreamModeDetails is given; kinesis-mock makes a PROVISIONED stream of 4 shards"),
            Map.entry("CBOR timestamp encoding", "emulator: AWS (and the AWS SDKs for Java, which KCL and Flink use) "
                    + "write a CBOR timestamp as tag 1 around integer epoch milliseconds; kinesis-mock writes the integer "
                    + "without the tag, so a generic CBOR decoder cannot tell it is a time"),
            Map.entry("resource policy on a stream", "emulator: AWS answers GetResourcePolicy with {} for a stream "
                    + "without a policy (LocalStack's AWS-validated snapshot); kinesis-mock answers ResourceNotFoundException")));

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)   // never hold the machine's heavy-work lock on a hung call
    void theEmulatorAndKinesisMockAgreeExceptWhereDocumented() throws IOException {
        String mock = System.getenv("KINESIS_MOCK_ENDPOINT");
        Skip.unless(mock != null, "kinesis-mock not running: KINESIS_MOCK_ENDPOINT is not set. "
                + "Run: tools/kinesis-mock/run-isolated.sh ./mvnw -o -pl workbook-emulator test -Dtest=KinesisMockDifferentialTest");
        Map<String, String[]> outcomes = new LinkedHashMap<>();
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions());
             KinesisClient ours = SdkClients.kinesis(emulator.endpoint(), SdkClients.Wire.CBOR);
             KinesisClient theirs = SdkClients.kinesis(URI.create(mock), SdkClients.Wire.CBOR)) {
            for (Map.Entry<String, Function<KinesisClient, String>> scenario : scenarios().entrySet()) {
                outcomes.put(scenario.getKey(), new String[] {
                        run(scenario.getValue(), ours), run(scenario.getValue(), theirs)});
            }
        }
        Map<String, String[]> differences = new TreeMap<>();
        outcomes.forEach((name, pair) -> {
            if (!pair[0].equals(pair[1])) {
                differences.put(name, pair);
            }
        });
        writeReport(outcomes, differences);
        differences.forEach((name, pair) -> System.out.printf("DIFFERENCE %s%n  emulator:     %s%n  kinesis-mock: %s%n",
                name, pair[0], pair[1]));
        assertThat(differences.keySet())
                .as("differences from kinesis-mock (see target/differential/kinesis-mock.md)")
                .containsExactlyInAnyOrderElementsOf(KNOWN_DIFFERENCES.keySet());
    }

    static String run(Function<KinesisClient, String> scenario, KinesisClient client) {
        try {
            return scenario.apply(client);
        } catch (AwsServiceException e) {
            return "error " + e.awsErrorDetails().errorCode() + " (" + e.statusCode() + ")";
        } catch (RuntimeException e) {
            return "client failure " + e.getClass().getSimpleName();
        }
    }

    static Map<String, Function<KinesisClient, String>> scenarios() {
        Map<String, Function<KinesisClient, String>> s = new LinkedHashMap<>();
        s.put("create and describe", k -> {
            String name = active(k, "d-create", 3);
            var d = k.describeStream(b -> b.streamName(name)).streamDescription();
            return d.streamStatus() + " " + ranges(d.shards()) + " retention=" + d.retentionPeriodHours()
                    + " encryption=" + d.encryptionType() + " mode=" + d.streamModeDetails().streamMode();
        });
        s.put("create an existing stream", k -> {
            String name = active(k, "d-exists", 1);
            k.createStream(b -> b.streamName(name).shardCount(1));
            return "created";
        });
        s.put("describe a missing stream", k -> k.describeStreamSummary(b -> b.streamName("d-missing")).toString());
        s.put("invalid stream name", k -> {
            k.createStream(b -> b.streamName("bad name").shardCount(1));
            return "created";
        });
        s.put("zero shards", k -> {
            k.createStream(b -> b.streamName("d-zero").shardCount(0));
            return "created";
        });
        s.put("partition keys route by MD5", k -> {
            String name = active(k, "d-routing", 4);
            List<String> routes = new ArrayList<>();
            for (String key : List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi")) {
                routes.add(key + "->" + k.putRecord(b -> b.streamName(name).partitionKey(key)
                        .data(SdkBytes.fromUtf8String(key))).shardId());
            }
            return String.join(",", routes);
        });
        s.put("explicit hash keys", k -> {
            String name = active(k, "d-explicit", 2);
            String last = k.putRecord(b -> b.streamName(name).partitionKey("x")
                    .explicitHashKey("340282366920938463463374607431768211455").data(SdkBytes.fromUtf8String("x"))).shardId();
            String first = k.putRecord(b -> b.streamName(name).partitionKey("x").explicitHashKey("0")
                    .data(SdkBytes.fromUtf8String("x"))).shardId();
            return first + "," + last;
        });
        s.put("explicit hash key out of range", k -> {
            String name = active(k, "d-explicit-bad", 1);
            k.putRecord(b -> b.streamName(name).partitionKey("x")
                    .explicitHashKey("340282366920938463463374607431768211456").data(SdkBytes.fromUtf8String("x")));
            return "accepted";
        });
        s.put("records come back in order with their keys", k -> {
            String name = active(k, "d-order", 1);
            for (int i = 0; i < 10; i++) {
                int n = i;
                k.putRecord(b -> b.streamName(name).partitionKey("k" + (n % 3)).data(SdkBytes.fromUtf8String("r" + n)));
            }
            return records(read(k, name, "shardId-000000000000", ShardIteratorType.TRIM_HORIZON, null));
        });
        s.put("AT and AFTER sequence number", k -> {
            String name = active(k, "d-seq", 1);
            List<String> sequences = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                sequences.add(k.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromUtf8String("r" + n)))
                        .sequenceNumber());
            }
            return "at=" + records(read(k, name, "shardId-000000000000", ShardIteratorType.AT_SEQUENCE_NUMBER, sequences.get(1)))
                    + " after=" + records(read(k, name, "shardId-000000000000", ShardIteratorType.AFTER_SEQUENCE_NUMBER, sequences.get(1)))
                    + " afterLast=" + records(read(k, name, "shardId-000000000000", ShardIteratorType.AFTER_SEQUENCE_NUMBER, sequences.get(3)));
        });
        s.put("LATEST sees only later records", k -> {
            String name = active(k, "d-latest", 1);
            k.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromUtf8String("before")));
            String iterator = k.getShardIterator(b -> b.streamName(name).shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
            k.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromUtf8String("after")));
            return records(getRecords(k, iterator));
        });
        s.put("sequence number used on another shard", k -> {
            String name = active(k, "d-seq-other", 2);
            String sequence = k.putRecord(b -> b.streamName(name).partitionKey("x")
                    .explicitHashKey("340282366920938463463374607431768211455").data(SdkBytes.fromUtf8String("x"))).sequenceNumber();
            k.getShardIterator(b -> b.streamName(name).shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).startingSequenceNumber(sequence));
            return "accepted";
        });
        s.put("AT_SEQUENCE_NUMBER without a sequence number", k -> {
            String name = active(k, "d-seq-missing", 1);
            k.getShardIterator(b -> b.streamName(name).shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER));
            return "accepted";
        });
        s.put("iterator for a missing shard", k -> {
            String name = active(k, "d-no-shard", 1);
            k.getShardIterator(b -> b.streamName(name).shardId("shardId-000000000007").shardIteratorType(ShardIteratorType.LATEST));
            return "accepted";
        });
        s.put("an invalid shard iterator", k -> {
            k.getRecords(b -> b.shardIterator("bm90IGFuIGl0ZXJhdG9y"));
            return "accepted";
        });
        s.put("PutRecords with 501 records", k -> {
            String name = active(k, "d-501", 1);
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < 501; i++) {
                entries.add(PutRecordsRequestEntry.builder().partitionKey("k").data(SdkBytes.fromUtf8String("x")).build());
            }
            k.putRecords(b -> b.streamName(name).records(entries));
            return "accepted";
        });
        s.put("PutRecords answers per record", k -> {
            String name = active(k, "d-batch", 2);
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                entries.add(PutRecordsRequestEntry.builder().partitionKey("user-" + i).data(SdkBytes.fromUtf8String("x")).build());
            }
            var response = k.putRecords(b -> b.streamName(name).records(entries));
            return "failed=" + response.failedRecordCount() + " shards="
                    + response.records().stream().map(r -> r.shardId().substring(r.shardId().length() - 1)).toList();
        });
        s.put("a record over 1 MiB", k -> {
            String name = active(k, "d-big", 1);
            k.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromByteArray(new byte[1024 * 1024 + 1])));
            return "accepted";
        });
        s.put("a partition key over 256 characters", k -> {
            String name = active(k, "d-long-key", 1);
            k.putRecord(b -> b.streamName(name).partitionKey("k".repeat(257)).data(SdkBytes.fromUtf8String("x")));
            return "accepted";
        });
        s.put("split a shard", k -> {
            String name = active(k, "d-split", 1);
            k.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000000")
                    .newStartingHashKey("170141183460469231731687303715884105728"));
            waitActive(k, name);
            return lineage(k.listShards(b -> b.streamName(name)).shards());
        });
        s.put("split at a key outside the shard", k -> {
            String name = active(k, "d-split-bad", 2);
            k.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000001").newStartingHashKey("5"));
            return "accepted";
        });
        s.put("merge adjacent shards", k -> {
            String name = active(k, "d-merge", 3);
            k.mergeShards(b -> b.streamName(name).shardToMerge("shardId-000000000001").adjacentShardToMerge("shardId-000000000002"));
            waitActive(k, name);
            return lineage(k.listShards(b -> b.streamName(name)).shards());
        });
        s.put("merge shards that are not adjacent", k -> {
            String name = active(k, "d-merge-bad", 3);
            k.mergeShards(b -> b.streamName(name).shardToMerge("shardId-000000000000").adjacentShardToMerge("shardId-000000000002"));
            return "accepted";
        });
        s.put("update shard count 2 to 4", k -> {
            String name = active(k, "d-scale", 2);
            k.updateShardCount(b -> b.streamName(name).targetShardCount(4).scalingType(ScalingType.UNIFORM_SCALING));
            waitActive(k, name);
            return ranges(k.listShards(b -> b.streamName(name).shardFilter(f -> f.type(ShardFilterType.AT_LATEST))).shards());
        });
        s.put("update shard count beyond double", k -> {
            String name = active(k, "d-scale-bad", 2);
            k.updateShardCount(b -> b.streamName(name).targetShardCount(5).scalingType(ScalingType.UNIFORM_SCALING));
            return "accepted";
        });
        s.put("reading a closed shard to its end", k -> {
            String name = active(k, "d-drain", 1);
            k.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromUtf8String("parent")));
            k.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000000")
                    .newStartingHashKey("170141183460469231731687303715884105728"));
            waitActive(k, name);
            GetRecordsResponse page = read(k, name, "shardId-000000000000", ShardIteratorType.TRIM_HORIZON, null);
            List<String> seen = new ArrayList<>(page.records().stream().map(r -> r.data().asUtf8String()).toList());
            while (page.nextShardIterator() != null && seen.size() < 10) {
                page = getRecords(k, page.nextShardIterator());
                page.records().forEach(r -> seen.add(r.data().asUtf8String()));
                if (page.records().isEmpty() && page.nextShardIterator() != null && !page.hasChildShards()) {
                    break;
                }
            }
            return seen + " next=" + page.nextShardIterator() + " children="
                    + page.childShards().stream().map(c -> c.shardId() + "<" + c.parentShards()).sorted().toList();
        });
        s.put("ListShards filters", k -> {
            String name = active(k, "d-filters", 2);
            k.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000000").newStartingHashKey("1000"));
            waitActive(k, name);
            return "latest=" + ids(k.listShards(b -> b.streamName(name).shardFilter(f -> f.type(ShardFilterType.AT_LATEST))).shards())
                    + " trimHorizon=" + ids(k.listShards(b -> b.streamName(name).shardFilter(f -> f.type(ShardFilterType.AT_TRIM_HORIZON))).shards())
                    + " after=" + ids(k.listShards(b -> b.streamName(name)
                    .shardFilter(f -> f.type(ShardFilterType.AFTER_SHARD_ID).shardId("shardId-000000000001"))).shards());
        });
        s.put("ListShards paging", k -> {
            String name = active(k, "d-paging", 5);
            var first = k.listShards(b -> b.streamName(name).maxResults(2));
            var second = k.listShards(b -> b.nextToken(first.nextToken()).maxResults(2));
            return ids(first.shards()) + " " + ids(second.shards()) + " more=" + (second.nextToken() != null);
        });
        s.put("retention bounds", k -> {
            String name = active(k, "d-retention", 1);
            k.increaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(48));
            String shorter = run(c -> {
                c.increaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(30));
                return "accepted";
            }, k);
            String tooShort = run(c -> {
                c.decreaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(12));
                return "accepted";
            }, k);
            return "hours=" + k.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().retentionPeriodHours()
                    + " increaseToLess=" + shorter + " decreaseBelow24=" + tooShort;
        });
        s.put("stream tags", k -> {
            String name = active(k, "d-tags", 1);
            k.addTagsToStream(b -> b.streamName(name).tags(Map.of("b", "2", "a", "1", "c", "3")));
            k.removeTagsFromStream(b -> b.streamName(name).tagKeys("b"));
            return k.listTagsForStream(b -> b.streamName(name)).tags().stream().map(t -> t.key() + "=" + t.value()).toList().toString();
        });
        s.put("register a consumer", k -> {
            String name = active(k, "d-consumer", 1);
            String arn = k.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamARN();
            var consumer = k.registerStreamConsumer(b -> b.streamARN(arn).consumerName("c1")).consumer();
            return "arnSuffix=" + consumer.consumerARN().startsWith(arn + "/consumer/c1:") + " listed="
                    + k.listStreamConsumers(b -> b.streamARN(arn)).consumers().size();
        });
        s.put("create without a shard count or mode", k -> {
            k.createStream(b -> b.streamName("d-default-mode"));
            waitActive(k, "d-default-mode");
            var summary = k.describeStreamSummary(b -> b.streamName("d-default-mode")).streamDescriptionSummary();
            return "mode=" + summary.streamModeDetails().streamMode() + " open=" + summary.openShardCount();
        });
        s.put("a shard iterator in double quotes", k -> {
            String name = active(k, "d-quoted", 1);
            k.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromUtf8String("quoted")));
            String iterator = k.getShardIterator(b -> b.streamName(name).shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            return records(getRecords(k, "\"" + iterator + "\""));
        });
        s.put("resource policy on a stream", k -> {
            String name = active(k, "d-policy", 1);
            String arn = k.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamARN();
            String before = k.getResourcePolicy(b -> b.resourceARN(arn)).policy();
            k.putResourcePolicy(b -> b.resourceARN(arn).policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                    + "\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":"
                    + "\"kinesis:GetRecords\",\"Resource\":\"" + arn + "\"}]}"));
            return "before=" + before + " after=" + k.getResourcePolicy(b -> b.resourceARN(arn)).policy().length();
        });
        s.put("CBOR timestamp encoding", k -> {
            String name = active(k, "d-cbor-time", 1);
            return CborTimestamps.describe(k.serviceClientConfiguration().endpointOverride().orElseThrow(),
                    "{\"StreamName\":\"" + name + "\"}", "StreamCreationTimestamp");
        });
        s.put("delete a stream", k -> {
            String name = active(k, "d-delete", 1);
            k.deleteStream(b -> b.streamName(name));
            for (int i = 0; i < 100; i++) {
                try {
                    k.describeStreamSummary(b -> b.streamName(name));
                    sleep(20);
                } catch (software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException e) {
                    return "gone";
                }
            }
            return "still there";
        });
        return s;
    }

    static String active(KinesisClient k, String name, int shards) {
        k.createStream(b -> b.streamName(name).shardCount(shards));
        waitActive(k, name);
        return name;
    }

    static void waitActive(KinesisClient k, String name) {
        for (int i = 0; i < 250; i++) {
            if (k.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE) {
                return;
            }
            sleep(20);
        }
        throw new IllegalStateException(name + " did not become ACTIVE");
    }

    static GetRecordsResponse read(KinesisClient k, String name, String shard, ShardIteratorType type, String sequence) {
        String iterator = k.getShardIterator(b -> b.streamName(name).shardId(shard).shardIteratorType(type)
                .startingSequenceNumber(sequence)).shardIterator();
        return getRecords(k, iterator);
    }

    /** GetRecords, waiting out the 5-calls-a-second limit both sides enforce. */
    static GetRecordsResponse getRecords(KinesisClient k, String iterator) {
        for (int attempt = 0; ; attempt++) {
            try {
                return k.getRecords(b -> b.shardIterator(iterator));
            } catch (ProvisionedThroughputExceededException e) {
                if (attempt > 20) {
                    throw e;
                }
                sleep(210);
            }
        }
    }

    static String records(GetRecordsResponse response) {
        return response.records().stream().map(r -> r.partitionKey() + ":" + r.data().asUtf8String()).toList().toString();
    }

    static String ranges(List<Shard> shards) {
        return shards.stream().map(s -> s.shardId() + "[" + s.hashKeyRange().startingHashKey() + ".."
                + s.hashKeyRange().endingHashKey() + "]").toList().toString();
    }

    static String lineage(List<Shard> shards) {
        return shards.stream().map(s -> s.shardId() + "<" + s.parentShardId() + "," + s.adjacentParentShardId()
                + (s.sequenceNumberRange().endingSequenceNumber() == null ? " open" : " closed")
                + " [" + s.hashKeyRange().startingHashKey() + ".." + s.hashKeyRange().endingHashKey() + "]").toList().toString();
    }

    static List<String> ids(List<Shard> shards) {
        return shards.stream().map(Shard::shardId).toList();
    }

    static void writeReport(Map<String, String[]> outcomes, Map<String, String[]> differences) throws IOException {
        StringBuilder report = new StringBuilder("# Embedded emulator vs kinesis-mock 0.6.2\n\n")
                .append(outcomes.size()).append(" scenarios, ").append(differences.size()).append(" differences.\n\n")
                .append("| scenario | same? | emulator | kinesis-mock |\n| --- | --- | --- | --- |\n");
        outcomes.forEach((name, pair) -> report.append("| ").append(name).append(" | ")
                .append(pair[0].equals(pair[1]) ? "yes" : "**no**").append(" | `").append(pair[0].replace("|", "\\|"))
                .append("` | `").append(pair[1].replace("|", "\\|")).append("` |\n"));
        Path file = Path.of("target", "differential", "kinesis-mock.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
