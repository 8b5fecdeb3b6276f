package io.kinesisworkbook.emulator.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Creating, describing, listing, configuring and deleting streams. */
final class StreamOperations {

    static final List<String> STREAM_MODES = List.of("PROVISIONED", "ON_DEMAND");
    static final List<String> SHARD_LEVEL_METRICS = List.of("IncomingBytes", "IncomingRecords", "OutgoingBytes",
            "OutgoingRecords", "WriteProvisionedThroughputExceeded", "ReadProvisionedThroughputExceeded",
            "IteratorAgeMilliseconds", "ALL");
    static final int MIN_RETENTION_HOURS = 24;
    static final int MAX_RETENTION_HOURS = 8760;
    static final int MIN_RECORD_SIZE_KIB = 1024;
    static final int MAX_RECORD_SIZE_KIB = 10240;

    private final KinesisContext context;

    StreamOperations(KinesisContext context) {
        this.context = context;
    }

    JsonNode createStream(AwsRequest request) {
        Members members = request.members();
        String name = members.string("StreamName");
        Integer shardCount = members.integer("ShardCount");
        Members modeDetails = members.structure("StreamModeDetails");
        // Without a mode, a ShardCount makes a provisioned stream and its absence an on-demand one, as on AWS.
        String mode = modeDetails != null ? modeDetails.string("StreamMode") : shardCount == null ? "ON_DEMAND" : "PROVISIONED";
        Map<String, String> tags = members.stringMap("Tags");
        Integer maxRecordSize = members.integer("MaxRecordSizeInKiB");
        new Validation()
                .notNull(name, "streamName").length(name, "streamName", 1, 128)
                .pattern(name, "streamName", KinesisContext.STREAM_NAME)
                .range(shardCount, "shardCount", 1, Integer.MAX_VALUE)
                .notNull(mode, "streamModeDetails.streamMode").oneOf(mode, "streamModeDetails.streamMode", STREAM_MODES)
                .range(maxRecordSize, "maxRecordSizeInKiB", MIN_RECORD_SIZE_KIB, MAX_RECORD_SIZE_KIB)
                .throwIfAny();
        if ("PROVISIONED".equals(mode) && shardCount == null) {
            throw KinesisErrors.invalidArgument("ShardCount is required for PROVISIONED streams.");
        }
        if ("ON_DEMAND".equals(mode) && shardCount != null) {
            throw KinesisErrors.invalidArgument("ShardCount should not be specified for ON_DEMAND streams.");
        }
        TagOperations.validateTags(tags == null ? Map.of() : tags, tags == null ? 0 : tags.size());
        int shards = shardCount == null ? DataStream.ON_DEMAND_SHARD_COUNT : shardCount;
        long now = context.now();
        DataStream stream = context.streams.create(request.region(), name, shards, mode,
                () -> new DataStream(name, context.streams.streamArn(request.region(), name), now, shards, mode,
                        context.transitionMillis, tags == null ? Map.of() : tags));
        if (maxRecordSize != null) {
            stream.maxRecordSizeKiB(maxRecordSize);
        }
        return request.newObject();
    }

    JsonNode deleteStream(AwsRequest request) {
        Members members = request.members();
        DataStream stream = context.stream(request.region(), members);
        boolean enforce = Boolean.TRUE.equals(members.bool("EnforceConsumerDeletion"));
        synchronized (stream) {
            if (stream.status() == StreamStatus.CREATING) {
                throw KinesisErrors.streamNotActive(stream.name(), context.account(), stream.status());
            }
            if (!enforce && !stream.consumers().isEmpty()) {
                throw KinesisErrors.inUse("Stream " + stream.name() + " under account " + context.account()
                        + " has registered consumers.");
            }
            long now = context.now();
            stream.consumers().forEach(consumer -> consumer.beginDeleting(now));
            stream.beginDeleting(now);
            if (stream.isGone(now)) {
                context.streams.remove(request.region(), stream.name());
            }
        }
        return request.newObject();
    }

    JsonNode describeStream(AwsRequest request) {
        Members members = request.members();
        Integer limit = members.integer("Limit");
        String exclusiveStart = members.string("ExclusiveStartShardId");
        new Validation().range(limit, "limit", 1, 10000)
                .length(exclusiveStart, "exclusiveStartShardId", 1, 128).throwIfAny();
        DataStream stream = context.stream(request.region(), members);
        int max = limit == null ? 100 : limit;
        int after = exclusiveStart == null ? -1 : Shard.indexOf(exclusiveStart);
        List<Shard> shards = stream.shards().stream().filter(s -> s.index() > after).toList();
        ObjectNode response = request.newObject();
        ObjectNode description = response.putObject("StreamDescription");
        KinesisShapes.streamSummary(description, request.protocol(), stream);
        KinesisShapes.shards(description.putArray("Shards"), shards.subList(0, Math.min(max, shards.size())));
        description.put("HasMoreShards", shards.size() > max);
        description.put("RetentionPeriodHours", stream.retentionHours());
        KinesisShapes.enhancedMonitoring(description, stream.shardLevelMetrics());
        KinesisShapes.encryption(description, stream);
        return response;
    }

    JsonNode describeStreamSummary(AwsRequest request) {
        DataStream stream = context.stream(request.region(), request.members());
        ObjectNode response = request.newObject();
        ObjectNode summary = response.putObject("StreamDescriptionSummary");
        KinesisShapes.streamSummary(summary, request.protocol(), stream);
        summary.put("RetentionPeriodHours", stream.retentionHours());
        KinesisShapes.enhancedMonitoring(summary, stream.shardLevelMetrics());
        KinesisShapes.encryption(summary, stream);
        summary.put("OpenShardCount", stream.openShards().size());
        summary.put("ConsumerCount", stream.consumers().size());
        summary.put("MaxRecordSizeInKiB", stream.maxRecordSizeKiB());
        return response;
    }

    JsonNode listStreams(AwsRequest request) {
        Members members = request.members();
        Integer limit = members.integer("Limit");
        String exclusiveStart = members.string("ExclusiveStartStreamName");
        String nextToken = members.string("NextToken");
        new Validation().range(limit, "limit", 1, 10000)
                .length(exclusiveStart, "exclusiveStartStreamName", 1, 128)
                .length(nextToken, "nextToken", 1, 1048576).throwIfAny();
        String after = nextToken != null ? PageTokens.decode(nextToken) : exclusiveStart;
        int max = limit == null ? 100 : Math.min(limit, 100);
        List<DataStream> streams = context.streams.list(request.region()).stream()
                .filter(s -> after == null || s.name().compareTo(after) > 0)
                .toList();
        List<DataStream> page = streams.subList(0, Math.min(max, streams.size()));
        ObjectNode response = request.newObject();
        ArrayNode names = response.putArray("StreamNames");
        ArrayNode summaries = response.putArray("StreamSummaries");
        page.forEach(stream -> {
            names.add(stream.name());
            KinesisShapes.streamSummary(summaries.addObject(), request.protocol(), stream);
        });
        boolean more = streams.size() > max;
        response.put("HasMoreStreams", more);
        if (more) {
            response.put("NextToken", PageTokens.encode(page.get(page.size() - 1).name()));
        }
        return response;
    }

    JsonNode increaseRetention(AwsRequest request) {
        return changeRetention(request, true);
    }

    JsonNode decreaseRetention(AwsRequest request) {
        return changeRetention(request, false);
    }

    private JsonNode changeRetention(AwsRequest request, boolean increase) {
        Members members = request.members();
        Integer hours = members.integer("RetentionPeriodHours");
        new Validation().notNull(hours, "retentionPeriodHours").throwIfAny();
        DataStream stream = context.stream(request.region(), members);
        synchronized (stream) {
            stream.requireActive(context.account());
            int current = stream.retentionHours();
            if (increase && hours > MAX_RETENTION_HOURS) {
                throw KinesisErrors.invalidArgument("Maximum allowed retention period is " + MAX_RETENTION_HOURS
                        + " hours. Requested retention period (" + hours + " hours) is too long.");
            }
            if (!increase && hours < MIN_RETENTION_HOURS) {
                throw KinesisErrors.invalidArgument("Minimum allowed retention period is " + MIN_RETENTION_HOURS
                        + " hours. Requested retention period (" + hours + " hours) is too short.");
            }
            if (increase && hours < current) {
                throw KinesisErrors.invalidArgument("Requested retention period (" + hours + " hours) for stream "
                        + stream.name() + " can not be shorter than existing retention period (" + current
                        + " hours). Use DecreaseRetentionPeriod API.");
            }
            if (!increase && hours > current) {
                throw KinesisErrors.invalidArgument("Requested retention period (" + hours + " hours) for stream "
                        + stream.name() + " can not be longer than existing retention period (" + current
                        + " hours). Use IncreaseRetentionPeriod API.");
            }
            stream.retentionHours(hours, context.now());
        }
        return request.newObject();
    }

    JsonNode startEncryption(AwsRequest request) {
        return changeEncryption(request, "KMS");
    }

    JsonNode stopEncryption(AwsRequest request) {
        return changeEncryption(request, "NONE");
    }

    private JsonNode changeEncryption(AwsRequest request, String newType) {
        Members members = request.members();
        String type = members.string("EncryptionType");
        String keyId = members.string("KeyId");
        new Validation()
                .notNull(type, "encryptionType").oneOf(type, "encryptionType", List.of("NONE", "KMS"))
                .notNull(keyId, "keyId").length(keyId, "keyId", 1, 2048)
                .throwIfAny();
        if (!"KMS".equals(type)) {
            throw KinesisErrors.invalidArgument("Invalid EncryptionType " + type + ". Only KMS is supported.");
        }
        DataStream stream = context.stream(request.region(), members);
        synchronized (stream) {
            stream.requireActive(context.account());
            stream.update(context.now(), at -> stream.encryption(newType, "KMS".equals(newType) ? keyId : null));
        }
        return request.newObject();
    }

    JsonNode enableMonitoring(AwsRequest request) {
        return changeMonitoring(request, true);
    }

    JsonNode disableMonitoring(AwsRequest request) {
        return changeMonitoring(request, false);
    }

    private JsonNode changeMonitoring(AwsRequest request, boolean enable) {
        Members members = request.members();
        List<String> metrics = members.stringList("ShardLevelMetrics");
        Validation validation = new Validation().notNull(metrics, "shardLevelMetrics")
                .size(metrics, "shardLevelMetrics", 1, 7);
        if (metrics != null) {
            for (int i = 0; i < metrics.size(); i++) {
                validation.oneOf(metrics.get(i), "shardLevelMetrics." + (i + 1) + ".member", SHARD_LEVEL_METRICS);
            }
        }
        validation.throwIfAny();
        DataStream stream = context.stream(request.region(), members);
        Set<String> requested = new LinkedHashSet<>(metrics.contains("ALL")
                ? SHARD_LEVEL_METRICS.subList(0, SHARD_LEVEL_METRICS.size() - 1) : metrics);
        ObjectNode response = request.newObject();
        synchronized (stream) {
            stream.requireActive(context.account());
            Set<String> current = stream.shardLevelMetrics();
            Set<String> desired = new LinkedHashSet<>(current);
            if (enable) {
                desired.addAll(requested);
            } else {
                desired.removeAll(requested);
            }
            stream.shardLevelMetrics(desired);
            response.put("StreamName", stream.name()).put("StreamARN", stream.arn());
            current.forEach(response.withArray("CurrentShardLevelMetrics")::add);
            response.withArray("CurrentShardLevelMetrics");
            desired.forEach(response.withArray("DesiredShardLevelMetrics")::add);
            response.withArray("DesiredShardLevelMetrics");
        }
        return response;
    }

    JsonNode describeLimits(AwsRequest request) {
        return request.newObject()
                .put("ShardLimit", StreamRegistry.SHARD_LIMIT)
                .put("OpenShardCount", context.streams.openShardCount(request.region()))
                .put("OnDemandStreamCount", context.streams.onDemandStreamCount(request.region()))
                .put("OnDemandStreamCountLimit", StreamRegistry.ON_DEMAND_STREAM_LIMIT);
    }

    JsonNode updateStreamMode(AwsRequest request) {
        Members members = request.members();
        String arn = members.string("StreamARN");
        Members details = members.structure("StreamModeDetails");
        String mode = details == null ? null : details.string("StreamMode");
        new Validation().notNull(arn, "streamARN").notNull(details, "streamModeDetails")
                .oneOf(mode, "streamModeDetails.streamMode", STREAM_MODES).throwIfAny();
        DataStream stream = context.stream(request.region(), members);
        synchronized (stream) {
            stream.requireActive(context.account());
            if (mode.equals(stream.mode())) {
                throw KinesisErrors.invalidArgument("Stream " + stream.name() + " under account " + context.account()
                        + " is already in " + mode + " mode.");
            }
            stream.update(context.now(), at -> stream.mode(mode));
        }
        return request.newObject();
    }

    JsonNode updateMaxRecordSize(AwsRequest request) {
        Members members = request.members();
        Integer size = members.integer("MaxRecordSizeInKiB");
        new Validation().notNull(size, "maxRecordSizeInKiB")
                .range(size, "maxRecordSizeInKiB", MIN_RECORD_SIZE_KIB, MAX_RECORD_SIZE_KIB).throwIfAny();
        DataStream stream = context.stream(request.region(), members);
        synchronized (stream) {
            stream.requireActive(context.account());
            stream.update(context.now(), at -> stream.maxRecordSizeKiB(size));
        }
        return request.newObject();
    }
}
