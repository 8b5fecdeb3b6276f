package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.kinesis.StreamTap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Kinesis Data Streams for DynamoDB: every change to an item of a table with an ACTIVE destination
 * becomes one record in that Kinesis stream, written through the Kinesis service's {@link StreamTap},
 * in the JSON AWS writes:
 *
 * <pre>{@code
 * {"awsRegion": "us-east-1", "eventID": "<uuid>", "eventName": "INSERT" | "MODIFY" | "REMOVE",
 *  "userIdentity": null, "recordFormat": "application/json", "tableName": "clicks",
 *  "dynamodb": {"ApproximateCreationDateTime": 1767225600123, "Keys": {...}, "NewImage": {...},
 *               "OldImage": {...}, "SizeBytes": 57, "ApproximateCreationDateTimePrecision": "MILLISECOND"},
 *  "eventSource": "aws:dynamodb"}
 * }</pre>
 *
 * <p>Both images come when there are both, as AWS sends them (there is no view type to choose). An item
 * removed by time to live carries {@code userIdentity: {"type": "Service", "principalId":
 * "dynamodb.amazonaws.com"}}. A write that leaves an item as it was makes no record, as in DynamoDB
 * Streams. The record's partition key is the MD5 of the item's key, so one item's changes stay in
 * order on one shard.
 */
final class KinesisChangeRecords implements TableChanges {

    private static final Logger LOG = Logger.getLogger(KinesisChangeRecords.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamTap tap;
    private final EmulatorClock clock;

    KinesisChangeRecords(StreamTap tap, EmulatorClock clock) {
        this.tap = tap;
        this.clock = clock;
    }

    @Override
    public void changed(Table table, ObjectNode before, ObjectNode after, boolean expired) {
        var destinations = table.kinesisDestinations().streaming();
        if (destinations.isEmpty() || sameItem(before, after)) {
            return;
        }
        ObjectNode keys = table.key().keyOf(after != null ? after : before);
        String partitionKey = partitionKey(keys);
        long now = clock.millis();
        for (KinesisDestinations.Destination destination : destinations) {
            byte[] data = record(table, keys, before, after, expired, now, destination.precision());
            StreamTap.PutResult result = tap.put(destination.streamArn(), partitionKey, data);
            if (!result.written()) {
                // AWS retries a throttled record and sets a destination it cannot write to ENABLE_FAILED;
                // the emulator drops the record and says why.
                LOG.warning("table " + table.name() + ": stream " + destination.streamArn() + " took no record: "
                        + result.message());
            }
        }
    }

    static byte[] record(Table table, ObjectNode keys, ObjectNode before, ObjectNode after, boolean expired,
                         long nowMillis, String precision) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("awsRegion", table.region());
        record.put("eventID", UUID.randomUUID().toString());
        record.put("eventName", before == null ? "INSERT" : after == null ? "REMOVE" : "MODIFY");
        if (expired) {
            record.putObject("userIdentity").put("type", "Service").put("principalId", "dynamodb.amazonaws.com");
        } else {
            record.putNull("userIdentity");
        }
        record.put("recordFormat", "application/json");
        record.put("tableName", table.name());
        ObjectNode dynamodb = record.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime",
                precision.equals(KinesisDestinations.MICROSECOND) ? nowMillis * 1000 : nowMillis);
        dynamodb.set("Keys", keys);
        long size = AttributeValues.itemSize(keys);
        if (after != null) {
            dynamodb.set("NewImage", after);
            size += AttributeValues.itemSize(after);
        }
        if (before != null) {
            dynamodb.set("OldImage", before);
            size += AttributeValues.itemSize(before);
        }
        dynamodb.put("SizeBytes", size);
        dynamodb.put("ApproximateCreationDateTimePrecision", precision);
        record.put("eventSource", "aws:dynamodb");
        try {
            return JSON.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a change record", e);
        }
    }

    private static boolean sameItem(ObjectNode before, ObjectNode after) {
        return before != null && after != null && AttributeValues.equal(
                JsonNodeFactory.instance.objectNode().set("M", before), JsonNodeFactory.instance.objectNode().set("M", after));
    }

    /** The MD5 of the item's key, as 32 upper-case hex digits, as AWS's partition keys look. */
    private static String partitionKey(ObjectNode keys) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(keys.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JVM", e);
        }
    }
}
