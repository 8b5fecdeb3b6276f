package io.kinesisworkbook.lib.backend;

/**
 * A behaviour of AWS that a notebook shows and that not every backend models. {@link Capabilities}
 * says which backend has which; a notebook's check that needs one is skipped, with the reason
 * printed, where it is missing ({@code Check.given(capability)}).
 */
public enum Capability {
    /** PutRecord and PutRecords refuse what goes beyond a shard's 1 MB/s or 1,000 records/s. */
    WRITE_THROTTLING("throttles writes beyond a shard's 1 MB/s or 1,000 records/s"),
    /** A request beyond AWS's limits (PutRecords of more than 500 records) is refused with ValidationException. */
    REQUEST_LIMITS("refuses a PutRecords call of more than 500 records"),
    /** A shard serves five GetRecords calls a second, shared by every consumer that polls it. */
    READ_THROTTLING("serves a shard five GetRecords calls a second, shared by every consumer that polls it"),
    /** Each shard owns its own range of the 128-bit hash key space; a record goes where the MD5 of its key falls. */
    HASH_KEY_RANGES("gives each shard its own range of hash keys and routes a record by the MD5 of its partition key"),
    /** A split closes its parent and opens two children with new shard ids. */
    DISTINCT_SPLIT_CHILDREN("gives the two children of a split new shard ids of their own"),
    /** UpdateShardCount reshards a whole stream in one call. */
    UPDATE_SHARD_COUNT("has UpdateShardCount"),
    /** MergeShards joins two adjacent shards into one with two parents. */
    MERGE_SHARDS("has MergeShards"),
    /** Enhanced fan-out: RegisterStreamConsumer and SubscribeToShard over HTTP/2. */
    ENHANCED_FAN_OUT("has enhanced fan-out (SubscribeToShard)"),
    /** DynamoDB, which KCL keeps its leases in. */
    DYNAMODB("has DynamoDB (KCL keeps its leases there)"),
    /** Lambda runs the workbook's Java functions. */
    LAMBDA("runs Java Lambda functions"),
    /** Firehose delivers to S3 from a Direct PUT. */
    FIREHOSE("has Firehose delivering to S3"),
    /** Firehose reads a Kinesis stream as its source. */
    FIREHOSE_KINESIS_SOURCE("lets Firehose read a Kinesis stream as its source"),
    /** Firehose transforms records with a Lambda function before delivering them. */
    FIREHOSE_LAMBDA_PROCESSOR("lets Firehose transform records with a Lambda function"),
    /** Kinesis publishes its stream metrics (IncomingRecords, WriteProvisionedThroughputExceeded, ...) to CloudWatch. */
    STREAM_METRICS("publishes Kinesis's stream metrics to CloudWatch");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    /** What a backend that has it does, as the end of a sentence: "... throttles writes beyond ...". */
    public String description() {
        return description;
    }
}
