package io.kinesisworkbook.lib.backend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.glue.model.CreateDatabaseRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.firehose.model.CreateDeliveryStreamRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.kinesis.model.CreateStreamRequest;
import software.amazon.awssdk.services.kinesis.model.RegisterStreamConsumerRequest;
import software.amazon.awssdk.services.kinesis.model.StreamMode;
import software.amazon.awssdk.services.kinesis.model.UpdateShardCountRequest;

/**
 * Keeps a learner's AWS bill small. On the {@code aws} backend every client the workbook builds
 * carries this interceptor, so it also guards plain SDK calls in a notebook:
 * <ul>
 *   <li>everything created (streams, stream consumers, DynamoDB tables such as a KCL lease table,
 *       Firehose delivery streams, Lambda functions, S3 buckets, EventBridge rules, Glue databases) is
 *       tagged {@value #TAG_KEY}={@value #TAG_VALUE}, so {@code ./workbook clean-aws} can find and
 *       delete it;</li>
 *   <li>a stream of more than {@code maxShards} shards (4 unless {@code WORKBOOK_MAX_SHARDS} says
 *       otherwise) is refused before the request leaves the machine.</li>
 * </ul>
 */
public final class CostGuard implements ExecutionInterceptor {

    public static final String TAG_KEY = "created-by";
    public static final String TAG_VALUE = "kinesis-workbook";
    public static final int DEFAULT_MAX_SHARDS = 4;

    private final int maxShards;

    public CostGuard(int maxShards) {
        this.maxShards = maxShards;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof CreateStreamRequest create) {
            int shards = create.streamModeDetails() != null && create.streamModeDetails().streamMode() == StreamMode.ON_DEMAND
                    ? 4 : create.shardCount() == null ? 0 : create.shardCount();
            requireWithinCap(shards, "create stream " + create.streamName());
            return create.toBuilder().tags(tagged(create.tags())).build();
        }
        if (request instanceof UpdateShardCountRequest update) {
            requireWithinCap(update.targetShardCount(), "reshard to " + update.targetShardCount() + " shards");
        }
        if (request instanceof RegisterStreamConsumerRequest register) {
            return register.toBuilder().tags(tagged(register.tags())).build();
        }
        if (request instanceof CreateTableRequest table) {
            List<Tag> tags = new ArrayList<>(table.tags());
            if (tags.stream().noneMatch(tag -> tag.key().equals(TAG_KEY))) {
                tags.add(Tag.builder().key(TAG_KEY).value(TAG_VALUE).build());
            }
            return table.toBuilder().tags(tags).build();
        }
        if (request instanceof CreateDeliveryStreamRequest delivery) {
            List<software.amazon.awssdk.services.firehose.model.Tag> tags = new ArrayList<>(delivery.tags());
            if (tags.stream().noneMatch(tag -> tag.key().equals(TAG_KEY))) {
                tags.add(software.amazon.awssdk.services.firehose.model.Tag.builder().key(TAG_KEY).value(TAG_VALUE).build());
            }
            return delivery.toBuilder().tags(tags).build();
        }
        if (request instanceof CreateFunctionRequest function) {
            return function.toBuilder().tags(tagged(function.tags())).build();
        }
        if (request instanceof CreateBucketRequest bucket) {
            return taggedBucket(bucket);
        }
        if (request instanceof PutRuleRequest rule) {
            return taggedRule(rule);
        }
        if (request instanceof CreateDatabaseRequest database) {
            return database.toBuilder().tags(tagged(database.tags())).build();
        }
        return request;
    }

    /** Tags at creation (CreateBucketConfiguration.Tags; S3 asks for s3:TagResource), so no bucket is ever untagged. */
    private static CreateBucketRequest taggedBucket(CreateBucketRequest bucket) {
        CreateBucketConfiguration configuration = bucket.createBucketConfiguration() == null
                ? CreateBucketConfiguration.builder().build() : bucket.createBucketConfiguration();
        List<software.amazon.awssdk.services.s3.model.Tag> tags = new ArrayList<>(configuration.tags());
        if (tags.stream().noneMatch(tag -> tag.key().equals(TAG_KEY))) {
            tags.add(software.amazon.awssdk.services.s3.model.Tag.builder().key(TAG_KEY).value(TAG_VALUE).build());
        }
        return bucket.toBuilder().createBucketConfiguration(configuration.toBuilder().tags(tags).build()).build();
    }

    private static PutRuleRequest taggedRule(PutRuleRequest rule) {
        List<software.amazon.awssdk.services.eventbridge.model.Tag> tags = new ArrayList<>(rule.tags());
        if (tags.stream().noneMatch(tag -> tag.key().equals(TAG_KEY))) {
            tags.add(software.amazon.awssdk.services.eventbridge.model.Tag.builder().key(TAG_KEY).value(TAG_VALUE).build());
        }
        return rule.toBuilder().tags(tags).build();
    }

    private void requireWithinCap(Integer shards, String what) {
        if (shards != null && shards > maxShards) {
            throw new WorkbookException("Refused to " + what + " with " + shards + " shards on AWS: the workbook's cost guard "
                    + "allows " + maxShards + " (each shard costs money every hour). Raise it with WORKBOOK_MAX_SHARDS=" + shards
                    + " if you mean it.");
        }
    }

    private static Map<String, String> tagged(Map<String, String> tags) {
        Map<String, String> all = new HashMap<>(tags == null ? Map.of() : tags);
        all.put(TAG_KEY, TAG_VALUE);
        return all;
    }
}
