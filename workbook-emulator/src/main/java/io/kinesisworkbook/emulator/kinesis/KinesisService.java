package io.kinesisworkbook.emulator.kinesis;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.AwsResponse;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.TargetService;
import io.kinesisworkbook.emulator.metrics.MetricsSink;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Amazon Kinesis Data Streams ({@code X-Amz-Target: Kinesis_20131202.*}): every operation, by name,
 * to the class that answers it.
 */
public final class KinesisService implements TargetService {

    public static final String TARGET_PREFIX = "Kinesis_20131202";

    private final Map<String, Function<AwsRequest, AwsResponse>> operations = new TreeMap<>();
    private final StreamTap tap;

    public KinesisService(EmulatorOptions options, MetricsSink metrics) {
        KinesisContext context = new KinesisContext(
                new StreamRegistry(options.accountId(), options.clock()), options.clock(), options.throughputLimits(),
                options.transitionDelay().toMillis(), new KinesisMetrics(metrics));
        tap = new StreamTap(context.streams);
        StreamOperations streams = new StreamOperations(context);
        ShardOperations shards = new ShardOperations(context);
        RecordOperations records = new RecordOperations(context);
        TagOperations tags = new TagOperations(context);
        ConsumerOperations consumers = new ConsumerOperations(context, records);

        structure("CreateStream", streams::createStream);
        structure("DeleteStream", streams::deleteStream);
        structure("DescribeStream", streams::describeStream);
        structure("DescribeStreamSummary", streams::describeStreamSummary);
        structure("ListStreams", streams::listStreams);
        structure("IncreaseStreamRetentionPeriod", streams::increaseRetention);
        structure("DecreaseStreamRetentionPeriod", streams::decreaseRetention);
        structure("StartStreamEncryption", streams::startEncryption);
        structure("StopStreamEncryption", streams::stopEncryption);
        structure("EnableEnhancedMonitoring", streams::enableMonitoring);
        structure("DisableEnhancedMonitoring", streams::disableMonitoring);
        structure("DescribeLimits", streams::describeLimits);
        structure("UpdateStreamMode", streams::updateStreamMode);
        structure("UpdateMaxRecordSize", streams::updateMaxRecordSize);

        structure("ListShards", shards::listShards);
        structure("SplitShard", shards::splitShard);
        structure("MergeShards", shards::mergeShards);
        structure("UpdateShardCount", shards::updateShardCount);

        structure("PutRecord", records::putRecord);
        structure("PutRecords", records::putRecords);
        structure("GetShardIterator", records::getShardIterator);
        structure("GetRecords", records::getRecords);

        structure("AddTagsToStream", tags::addTagsToStream);
        structure("RemoveTagsFromStream", tags::removeTagsFromStream);
        structure("ListTagsForStream", tags::listTagsForStream);
        structure("TagResource", tags::tagResource);
        structure("UntagResource", tags::untagResource);
        structure("ListTagsForResource", tags::listTagsForResource);

        structure("RegisterStreamConsumer", consumers::registerStreamConsumer);
        structure("DescribeStreamConsumer", consumers::describeStreamConsumer);
        structure("ListStreamConsumers", consumers::listStreamConsumers);
        structure("DeregisterStreamConsumer", consumers::deregisterStreamConsumer);
        operations.put("SubscribeToShard", consumers::subscribeToShard);
    }

    private void structure(String operation, Function<AwsRequest, com.fasterxml.jackson.databind.JsonNode> handler) {
        operations.put(operation, request -> AwsResponse.of(handler.apply(request)));
    }

    /** How the emulator's other services (Firehose, Lambda) read streams. */
    public StreamTap tap() {
        return tap;
    }

    /** The operations this emulator answers, for its documentation and tests. */
    public Set<String> operations() {
        return operations.keySet();
    }

    @Override
    public String targetPrefix() {
        return TARGET_PREFIX;
    }

    @Override
    public String name() {
        return "kinesis";
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        Function<AwsRequest, AwsResponse> operation = operations.get(request.operation());
        if (operation == null) {
            throw AwsServiceException.unknownOperation(TARGET_PREFIX + "." + request.operation());
        }
        return operation.apply(request);
    }
}
