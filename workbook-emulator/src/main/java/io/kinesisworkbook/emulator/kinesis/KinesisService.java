package io.kinesisworkbook.emulator.kinesis;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.http.Operations;
import io.kinesisworkbook.emulator.http.OperationsService;
import io.kinesisworkbook.emulator.metrics.MetricsSink;

/**
 * Amazon Kinesis Data Streams ({@code X-Amz-Target: Kinesis_20131202.*}): every operation, by name,
 * to the class that answers it.
 */
public final class KinesisService extends OperationsService {

    public static final String TARGET_PREFIX = "Kinesis_20131202";

    private final StreamTap tap;

    public KinesisService(EmulatorOptions options, MetricsSink metrics) {
        super(TARGET_PREFIX, "kinesis");
        KinesisContext context = new KinesisContext(
                new StreamRegistry(options.accountId(), options.clock()), options.clock(), options.throughputLimits(),
                options.transitionDelay().toMillis(), new KinesisMetrics(metrics));
        tap = new StreamTap(context);
        StreamOperations streams = new StreamOperations(context);
        ShardOperations shards = new ShardOperations(context);
        RecordOperations records = new RecordOperations(context);
        TagOperations tags = new TagOperations(context);
        ConsumerOperations consumers = new ConsumerOperations(context, records);
        ResourcePolicyOperations policies = new ResourcePolicyOperations(context);

        operations.structure("CreateStream", streams::createStream);
        operations.structure("DeleteStream", streams::deleteStream);
        operations.structure("DescribeStream", streams::describeStream);
        operations.structure("DescribeStreamSummary", streams::describeStreamSummary);
        operations.structure("ListStreams", streams::listStreams);
        operations.structure("IncreaseStreamRetentionPeriod", streams::increaseRetention);
        operations.structure("DecreaseStreamRetentionPeriod", streams::decreaseRetention);
        operations.structure("StartStreamEncryption", streams::startEncryption);
        operations.structure("StopStreamEncryption", streams::stopEncryption);
        operations.structure("EnableEnhancedMonitoring", streams::enableMonitoring);
        operations.structure("DisableEnhancedMonitoring", streams::disableMonitoring);
        operations.structure("DescribeLimits", streams::describeLimits);
        operations.structure("UpdateStreamMode", streams::updateStreamMode);
        operations.structure("UpdateMaxRecordSize", streams::updateMaxRecordSize);

        operations.structure("ListShards", shards::listShards);
        operations.structure("SplitShard", shards::splitShard);
        operations.structure("MergeShards", shards::mergeShards);
        operations.structure("UpdateShardCount", shards::updateShardCount);

        operations.structure("PutRecord", records::putRecord);
        operations.structure("PutRecords", records::putRecords);
        operations.structure("GetShardIterator", records::getShardIterator);
        operations.structure("GetRecords", records::getRecords);

        operations.structure("AddTagsToStream", tags::addTagsToStream);
        operations.structure("RemoveTagsFromStream", tags::removeTagsFromStream);
        operations.structure("ListTagsForStream", tags::listTagsForStream);
        operations.structure("TagResource", tags::tagResource);
        operations.structure("UntagResource", tags::untagResource);
        operations.structure("ListTagsForResource", tags::listTagsForResource);

        operations.structure("RegisterStreamConsumer", consumers::registerStreamConsumer);
        operations.structure("DescribeStreamConsumer", consumers::describeStreamConsumer);
        operations.structure("ListStreamConsumers", consumers::listStreamConsumers);
        operations.structure("DeregisterStreamConsumer", consumers::deregisterStreamConsumer);
        operations.response("SubscribeToShard", consumers::subscribeToShard);

        operations.structure("PutResourcePolicy", policies::putResourcePolicy);
        operations.structure("GetResourcePolicy", policies::getResourcePolicy);
        operations.structure("DeleteResourcePolicy", policies::deleteResourcePolicy);
    }

    /** How the emulator's other services read streams (Firehose, Lambda) and write to them (EventBridge). */
    public StreamTap tap() {
        return tap;
    }

}
