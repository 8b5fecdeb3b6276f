package io.kinesisworkbook.lib.kcl;

/** How a KCL worker reads its shards. */
public enum Retrieval {
    /**
     * GetRecords every {@link KclTuning#pollingIdleMillis()}: the shard's 2 MB/s and five reads a
     * second are shared with every other polling consumer.
     */
    POLLING,
    /**
     * Enhanced fan-out: KCL registers a stream consumer named after the application and the service
     * pushes records over SubscribeToShard (HTTP/2), 2 MB/s per shard for this application alone.
     * KCL's default.
     */
    FAN_OUT
}
