package io.kinesisworkbook.emulator.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import io.kinesisworkbook.emulator.metrics.MetricsSink;
import java.math.BigInteger;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/** Writing records (PutRecord, PutRecords) and reading them (GetShardIterator, GetRecords). */
final class RecordOperations {

    static final Pattern SEQUENCE_NUMBER = Pattern.compile("0|([1-9]\\d{0,128})");
    static final List<String> ITERATOR_TYPES = List.of("AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER", "TRIM_HORIZON",
            "LATEST", "AT_TIMESTAMP");
    static final int MAX_RECORDS_PER_PUT = 500;
    static final int MAX_PUT_RECORDS_BYTES = 5 * 1024 * 1024;
    static final int MAX_PUT_RECORDS_BYTES_LARGE = 10 * 1024 * 1024;
    static final int MAX_DATA_BYTES = 10 * 1024 * 1024;
    static final int MAX_RECORDS_PER_GET = 10_000;
    static final int MAX_BYTES_PER_GET = 10 * 1024 * 1024;

    private final KinesisContext context;

    RecordOperations(KinesisContext context) {
        this.context = context;
    }

    // ---- writing ------------------------------------------------------------------------------

    JsonNode putRecord(AwsRequest request) {
        long started = System.nanoTime();
        Members members = request.members();
        byte[] data = members.blob("Data");
        String key = members.string("PartitionKey");
        String explicitHashKey = members.string("ExplicitHashKey");
        String ordering = members.string("SequenceNumberForOrdering");
        new Validation()
                .notNull(data, "data").length(data, "data", 0, MAX_DATA_BYTES)
                .notNull(key, "partitionKey").length(key, "partitionKey", 1, 256)
                .pattern(explicitHashKey, "explicitHashKey", ShardOperations.HASH_KEY)
                .pattern(ordering, "sequenceNumberForOrdering", SEQUENCE_NUMBER)
                .throwIfAny();
        DataStream stream = context.stream(request.region(), members);
        if (ordering != null && SequenceNumbers.parse(ordering) == null) {
            throw KinesisErrors.invalidArgument("ExclusiveMinimumSequenceNumber " + ordering
                    + " used in PutRecord on stream " + stream.name() + " under account " + context.account() + " is invalid.");
        }
        BigInteger hashKey = hashKey(key, explicitHashKey);
        ObjectNode response = request.newObject();
        long now = context.now();
        synchronized (stream) {
            stream.requireReadable(context.account());
            requireRecordSize(stream, data, key, "data");
            KinesisContext.stopIfDryRun(members);
            Shard shard = stream.shardFor(hashKey);
            int bytes = data.length + key.length();
            if (context.throughputLimits && !shard.tryWrite(bytes, now)) {
                context.metrics.writeThrottled(stream, shard, 1, now);
                context.metrics.putCall(stream, "PutRecord", false, elapsedMillis(started), now);
                throw KinesisErrors.throughputExceeded(shard.id(), stream.name(), context.account());
            }
            long position = shard.append(data, key, now, stream.isEncrypted());
            response.put("ShardId", shard.id()).put("SequenceNumber", shard.sequenceNumberAt(position));
            response.put("EncryptionType", stream.encryptionType());
            context.metrics.recordsIn(stream, "PutRecord", 1, bytes, now);
            context.metrics.shardRecordsIn(stream, shard, 1, bytes, now);
            context.metrics.putCall(stream, "PutRecord", true, elapsedMillis(started), now);
        }
        return response;
    }

    JsonNode putRecords(AwsRequest request) {
        long started = System.nanoTime();
        Members members = request.members();
        List<Members> entries = members.structureList("Records");
        Validation validation = new Validation()
                .notNull(members.has("Records") ? entries : null, "records")
                .size(entries, "records", 1, MAX_RECORDS_PER_PUT);
        Entry[] parsed = new Entry[entries.size()];
        long totalBytes = 0;
        for (int i = 0; i < entries.size(); i++) {
            parsed[i] = Entry.read(entries.get(i), "records." + (i + 1) + ".member.", validation);
            totalBytes += parsed[i].bytes();
        }
        validation.throwIfAny();
        DataStream stream = context.stream(request.region(), members);
        int maxRequestBytes = stream.maxRecordSizeKiB() > DataStream.DEFAULT_MAX_RECORD_SIZE_KIB
                ? MAX_PUT_RECORDS_BYTES_LARGE : MAX_PUT_RECORDS_BYTES;
        if (totalBytes > maxRequestBytes) {
            throw KinesisErrors.invalidArgument("Records size exceeds " + (maxRequestBytes / (1024 * 1024)) + " MB limit");
        }
        BigInteger[] hashKeys = new BigInteger[parsed.length];
        for (int i = 0; i < parsed.length; i++) {
            hashKeys[i] = hashKey(parsed[i].key(), parsed[i].explicitHashKey());
        }
        ObjectNode response = request.newObject();
        ArrayNode results = response.putArray("Records");
        int failed = 0;
        long now = context.now();
        synchronized (stream) {
            stream.requireReadable(context.account());
            for (int i = 0; i < parsed.length; i++) {
                requireRecordSize(stream, parsed[i].data(), parsed[i].key(), "records." + (i + 1) + ".member.data");
            }
            KinesisContext.stopIfDryRun(members);
            boolean encrypted = stream.isEncrypted();
            long acceptedBytes = 0;
            for (int i = 0; i < parsed.length; i++) {
                Entry entry = parsed[i];
                Shard shard = stream.shardFor(hashKeys[i]);
                if (context.throughputLimits && !shard.tryWrite(entry.bytes(), now)) {
                    failed++;
                    results.addObject().put("ErrorCode", "ProvisionedThroughputExceededException")
                            .put("ErrorMessage", KinesisErrors.throughputMessage(shard.id(), stream.name(), context.account()));
                    context.metrics.writeThrottled(stream, shard, 1, now);
                    continue;
                }
                long position = shard.append(entry.data(), entry.key(), now, encrypted);
                results.addObject().put("SequenceNumber", shard.sequenceNumberAt(position)).put("ShardId", shard.id());
                acceptedBytes += entry.bytes();
                context.metrics.shardRecordsIn(stream, shard, 1, entry.bytes(), now);
            }
            context.metrics.recordsIn(stream, "PutRecords", parsed.length - failed, acceptedBytes, now);
            // every failure here is a throttle: the emulator fails no record for another reason
            context.metrics.putRecordsOutcome(stream, parsed.length, parsed.length - failed, 0, failed, now);
            response.put("FailedRecordCount", failed);
            response.put("EncryptionType", stream.encryptionType());
            context.metrics.putCall(stream, "PutRecords", failed == 0, elapsedMillis(started), now);
        }
        return response;
    }

    /** One PutRecords entry, validated with its member path ({@code records.3.member.data}). */
    private record Entry(byte[] data, String key, String explicitHashKey) {
        static Entry read(Members entry, String path, Validation validation) {
            byte[] data = entry.blob("Data");
            String key = entry.string("PartitionKey");
            String explicitHashKey = entry.string("ExplicitHashKey");
            validation.notNull(data, path + "data").length(data, path + "data", 0, MAX_DATA_BYTES)
                    .notNull(key, path + "partitionKey").length(key, path + "partitionKey", 1, 256)
                    .pattern(explicitHashKey, path + "explicitHashKey", ShardOperations.HASH_KEY);
            return new Entry(data == null ? new byte[0] : data, key == null ? "" : key, explicitHashKey);
        }

        int bytes() {
            return data.length + key.length();
        }
    }

    private BigInteger hashKey(String partitionKey, String explicitHashKey) {
        if (explicitHashKey == null) {
            return HashKeyRange.hashKeyOf(partitionKey);
        }
        BigInteger value = new BigInteger(explicitHashKey);
        if (value.compareTo(HashKeyRange.MAX_HASH_KEY) > 0) {
            throw KinesisErrors.invalidArgument("Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. "
                    + "Specified value was " + explicitHashKey);
        }
        return value;
    }

    /** A stream's record size limit: 1 MiB unless UpdateMaxRecordSize raised it (data plus partition key). */
    private static void requireRecordSize(DataStream stream, byte[] data, String key, String member) {
        int max = stream.maxRecordSizeKiB() * 1024;
        if (data.length > max) {
            new Validation().length(data, member, 0, max).throwIfAny();
        }
        if (data.length + key.length() > max) {
            throw KinesisErrors.invalidArgument("Record size (" + (data.length + key.length())
                    + " bytes of data and partition key) exceeds the maximum record size of stream " + stream.name()
                    + " (" + max + " bytes).");
        }
    }

    // ---- reading ------------------------------------------------------------------------------

    JsonNode getShardIterator(AwsRequest request) {
        Members members = request.members();
        String shardId = members.string("ShardId");
        String type = members.string("ShardIteratorType");
        String sequence = members.string("StartingSequenceNumber");
        Long timestamp = members.timestampMillis("Timestamp");
        new Validation()
                .notNull(shardId, "shardId").length(shardId, "shardId", 1, 128).pattern(shardId, "shardId", ShardOperations.SHARD_ID)
                .notNull(type, "shardIteratorType").oneOf(type, "shardIteratorType", ITERATOR_TYPES)
                .pattern(sequence, "startingSequenceNumber", SEQUENCE_NUMBER)
                .throwIfAny();
        DataStream stream = context.stream(request.region(), members);
        ObjectNode response = request.newObject();
        synchronized (stream) {
            stream.requireReadable(context.account());
            Shard shard = stream.shard(shardId);
            if (shard == null) {
                throw KinesisErrors.shardNotFound(shardId, stream.name(), context.account());
            }
            long position = startingPosition(stream, shard, type, sequence, timestamp);
            KinesisContext.stopIfDryRun(members);
            response.put("ShardIterator", iterator(request.region(), stream, shard, position));
        }
        return response;
    }

    /** Where an iterator of {@code type} starts in {@code shard}; the same rules serve SubscribeToShard. */
    long startingPosition(DataStream stream, Shard shard, String type, String sequence, Long timestamp) {
        boolean needsSequence = type.endsWith("SEQUENCE_NUMBER");
        if (needsSequence && sequence == null) {
            throw KinesisErrors.invalidArgument("Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and "
                    + "StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified "
                    + type + " and no StartingSequenceNumber.");
        }
        if (!needsSequence && sequence != null) {
            throw KinesisErrors.invalidArgument("Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and "
                    + "StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified "
                    + type + " and also a StartingSequenceNumber.");
        }
        return switch (type) {
            case "TRIM_HORIZON" -> shard.startPosition();
            case "LATEST" -> shard.endPosition();
            case "AT_TIMESTAMP" -> atTimestamp(shard, timestamp);
            default -> atSequenceNumber(stream, shard, type, sequence);
        };
    }

    private long atTimestamp(Shard shard, Long timestamp) {
        if (timestamp == null) {
            throw KinesisErrors.invalidArgument("Must specify timestampInMillis parameter for iterator of type "
                    + "AT_TIMESTAMP. Current request has no timestamp parameter.");
        }
        long now = context.now();
        if (timestamp > now) {
            throw KinesisErrors.invalidArgument("The timestampInMillis parameter cannot be greater than the "
                    + "currentTimestampInMillis. timestampInMillis: " + timestamp + ", currentTimestampInMillis: " + now);
        }
        return shard.firstPositionAtOrAfter(timestamp);
    }

    private long atSequenceNumber(DataStream stream, Shard shard, String type, String sequence) {
        SequenceNumbers.Parsed parsed = SequenceNumbers.parse(sequence);
        if (parsed != null && parsed.shardIndex() != shard.index()) {
            throw KinesisErrors.invalidArgument("Invalid StartingSequenceNumber. It encodes " + Shard.idOf(parsed.shardIndex())
                    + ", while it was used in a call to a shard with " + shard.id());
        }
        if (parsed == null || parsed.value() > shard.endPosition()) {
            throw KinesisErrors.invalidArgument("StartingSequenceNumber " + sequence + " used in GetShardIterator on shard "
                    + shard.id() + " in stream " + stream.name() + " under account " + context.account() + " is invalid.");
        }
        long position = "AT_SEQUENCE_NUMBER".equals(type) ? parsed.atPosition() : parsed.afterPosition();
        return Math.max(position, shard.startPosition());
    }

    String iterator(String region, DataStream stream, Shard shard, long position) {
        return ShardIterators.encode(new ShardIterators.Position(region, stream.name(), stream.createdMillis(),
                shard.index(), position, context.now()));
    }

    JsonNode getRecords(AwsRequest request) {
        long started = System.nanoTime();
        Members members = request.members();
        String iterator = members.string("ShardIterator");
        Integer limit = members.integer("Limit");
        new Validation()
                .notNull(iterator, "shardIterator").length(iterator, "shardIterator", 1, 512)
                .range(limit, "limit", 1, MAX_RECORDS_PER_GET)
                .throwIfAny();
        ShardIterators.Position from = ShardIterators.decode(iterator);
        if (from == null || !from.region().equals(request.region())) {
            throw KinesisErrors.invalidArgument("Invalid ShardIterator.");
        }
        long now = context.now();
        if (now - from.issuedMillis() > ShardIterators.LIFETIME_MILLIS) {
            throw new AwsServiceException("ExpiredIteratorException", "Iterator expired. The iterator was created at time "
                    + new Date(from.issuedMillis()) + " while right now it is " + new Date(now)
                    + " which is further in the future than the tolerated delay of " + ShardIterators.LIFETIME_MILLIS
                    + " milliseconds.", 400);
        }
        DataStream stream = context.streams.find(request.region(), from.streamName());
        if (stream == null || stream.createdMillis() != from.streamCreatedMillis()) {
            throw KinesisErrors.streamNotFound(from.streamName(), context.account());
        }
        ObjectNode response = request.newObject();
        synchronized (stream) {
            stream.requireReadable(context.account());
            Shard shard = stream.shard(Shard.idOf(from.shardIndex()));
            if (shard == null) {
                throw KinesisErrors.shardNotFound(Shard.idOf(from.shardIndex()), stream.name(), context.account());
            }
            KinesisContext.stopIfDryRun(members);
            requireReadCapacity(stream, shard, now);
            readRecords(request, response, stream, shard, from.position(), limit == null ? MAX_RECORDS_PER_GET : limit,
                    now, started);
        }
        return response;
    }

    private void requireReadCapacity(DataStream stream, Shard shard, long now) {
        if (context.throughputLimits
                && (!shard.readBytes().canSpend(now) || !shard.readCalls().tryTake(1, now))) {
            context.metrics.readThrottled(stream, shard, now);
            throw AwsServiceException.clientError("ProvisionedThroughputExceededException",
                    "Rate exceeded for Shard - " + context.account() + "/" + stream.name() + "/" + shard.id());
        }
    }

    private void readRecords(AwsRequest request, ObjectNode response, DataStream stream, Shard shard, long from,
                             int limit, long now, long started) {
        long position = Math.max(from, shard.startPosition());
        long end = shard.endPosition();
        ArrayNode records = response.putArray("Records");
        long bytes = 0;
        while (position < end && records.size() < limit) {
            int billed = shard.billedBytesAt(position);
            if (!records.isEmpty() && bytes + billed > MAX_BYTES_PER_GET) {
                break;
            }
            KinesisShapes.record(records.addObject(), request.protocol(), shard, position);
            bytes += billed;
            position++;
        }
        if (context.throughputLimits) {
            shard.readBytes().spend(bytes, now);
        }
        long millisBehind = millisBehindLatest(shard, position, end, now);
        response.put("MillisBehindLatest", millisBehind);
        if (!shard.isOpen() && position >= end) {
            KinesisShapes.childShards(response.putArray("ChildShards"), stream, shard);
        } else {
            response.put("NextShardIterator", iterator(request.region(), stream, shard, position));
        }
        long iteratorAge = records.isEmpty() ? millisBehind
                : Math.max(0, now - shard.arrivalMillisAt(position - 1));
        context.metrics.recordsOut(stream, shard, records.size(), bytes, iteratorAge, elapsedMillis(started), now);
    }

    /**
     * How far behind the tip a reader at {@code position} is: zero once it has read everything, else
     * the age of the last record it read (or of the next one, if it read none).
     */
    static long millisBehindLatest(Shard shard, long position, long end, long now) {
        if (position >= end) {
            return 0;
        }
        long last = Math.max(shard.startPosition(), position - 1);
        return Math.max(0, now - shard.arrivalMillisAt(last));
    }

    static double elapsedMillis(long startedNanos) {
        return MetricsSink.millisSince(startedNanos);
    }
}
