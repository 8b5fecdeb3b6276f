package io.kinesisworkbook.lib.kcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * One lease, one row of a KCL application's lease table, as KCL wrote it.
 *
 * @param leaseKey      the shard the lease is for
 * @param owner         the worker that holds it (or is being handed it), empty while nobody does
 * @param checkpoint    where processing of the shard has got to: a sequence number, or TRIM_HORIZON, LATEST,
 *                      AT_TIMESTAMP before the first checkpoint, or SHARD_END once the shard is done
 * @param leaseCounter  bumped by every renewal, checkpoint and change of owner: a lease whose counter stops moving
 *                      for the failover time has expired
 * @param parentShards  the shards this one was split or merged from, which must reach SHARD_END first
 * @param childShards   the shards this one was split or merged into, once it ended
 * @param handingOverFrom the previous owner while a graceful handoff waits for its last checkpoint, else empty
 * @param ownerSwitches how often the owner changed since the last checkpoint
 */
public record LeaseRow(String leaseKey, String owner, String checkpoint, long leaseCounter, String parentShards,
                       String childShards, String handingOverFrom, long ownerSwitches) {

    /**
     * Reads the leases of a lease table, in lease key order. Since KCL 3.5 the table also keeps the
     * application's other state (its client version, the leader lock, each worker's metrics), marked
     * by an {@code entityType} attribute; those rows are left out.
     */
    static List<LeaseRow> read(DynamoDbClient dynamoDb, String table) {
        List<LeaseRow> leases = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        try {
            do {
                ScanResponse page = dynamoDb.scan(ScanRequest.builder().tableName(table).consistentRead(true)
                        .exclusiveStartKey(startKey).build());
                page.items().stream().filter(LeaseRow::isLease).map(LeaseRow::of).forEach(leases::add);
                startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (startKey != null);
        } catch (ResourceNotFoundException e) {
            return List.of();
        }
        leases.sort((a, b) -> a.leaseKey().compareTo(b.leaseKey()));
        return leases;
    }

    private static boolean isLease(Map<String, AttributeValue> item) {
        AttributeValue type = item.get("entityType");
        return type == null || "LEASE".equals(type.s());
    }

    private static LeaseRow of(Map<String, AttributeValue> item) {
        String checkpoint = text(item, "checkpoint");
        long subSequence = number(item, "checkpointSubSequenceNumber");
        return new LeaseRow(text(item, "leaseKey"), text(item, "leaseOwner"),
                subSequence > 0 ? checkpoint + "/" + subSequence : checkpoint, number(item, "leaseCounter"),
                set(item, "parentShardId"), set(item, "childShardIds"), text(item, "checkpointOwner"),
                number(item, "ownerSwitchesSinceCheckpoint"));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static String set(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasSs() ? "" : String.join(", ", value.ss().stream().sorted().toList());
    }
}
