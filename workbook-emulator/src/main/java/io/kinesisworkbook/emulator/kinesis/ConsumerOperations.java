package io.kinesisworkbook.emulator.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.AwsResponse;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Enhanced fan-out: registering consumers and SubscribeToShard. */
final class ConsumerOperations {

    static final Pattern CONSUMER_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final Pattern CONSUMER_ARN = Pattern.compile(
            "arn:aws[^:]*:kinesis:([^:]*):(\\d{12}):stream/([a-zA-Z0-9_.-]+)/consumer/([a-zA-Z0-9_.-]+):([0-9]+)");
    static final int MAX_CONSUMERS_PER_STREAM = 20;

    private final KinesisContext context;
    private final RecordOperations records;

    ConsumerOperations(KinesisContext context, RecordOperations records) {
        this.context = context;
        this.records = records;
    }

    JsonNode registerStreamConsumer(AwsRequest request) {
        Members members = request.members();
        String streamArn = members.string("StreamARN");
        String name = members.string("ConsumerName");
        new Validation()
                .notNull(streamArn, "streamARN").length(streamArn, "streamARN", 1, 2048)
                .pattern(streamArn, "streamARN", KinesisContext.STREAM_ARN)
                .notNull(name, "consumerName").length(name, "consumerName", 1, 128).pattern(name, "consumerName", CONSUMER_NAME)
                .throwIfAny();
        DataStream stream = context.stream(request.region(), members);
        ObjectNode response = request.newObject();
        synchronized (stream) {
            if (stream.consumer(name) != null) {
                throw KinesisErrors.inUse("Consumer " + name + " under stream " + stream.name() + " already exists for account "
                        + context.account() + ".");
            }
            if (stream.consumers().size() >= MAX_CONSUMERS_PER_STREAM) {
                throw KinesisErrors.limitExceeded("Stream " + stream.name() + " under account " + context.account()
                        + " already has " + MAX_CONSUMERS_PER_STREAM + " registered consumers.");
            }
            Map<String, String> tags = members.stringMap("Tags");
            TagOperations.validateTags(tags == null ? Map.of() : tags, tags == null ? 0 : tags.size());
            StreamConsumer consumer = new StreamConsumer(name, stream.arn(), context.now(), context.transitionMillis);
            if (tags != null) {
                consumer.tags().putAll(tags);
            }
            stream.addConsumer(consumer);
            KinesisShapes.consumer(response.putObject("Consumer"), request.protocol(), consumer);
        }
        return response;
    }

    JsonNode describeStreamConsumer(AwsRequest request) {
        Found found = find(request);
        ObjectNode response = request.newObject();
        ObjectNode description = response.putObject("ConsumerDescription");
        synchronized (found.stream()) {
            KinesisShapes.consumer(description, request.protocol(), found.consumer());
        }
        description.put("StreamARN", found.stream().arn());
        return response;
    }

    JsonNode listStreamConsumers(AwsRequest request) {
        Members members = request.members();
        String streamArn = members.string("StreamARN");
        Integer maxResults = members.integer("MaxResults");
        String nextToken = members.string("NextToken");
        new Validation().notNull(streamArn, "streamARN").range(maxResults, "maxResults", 1, 10000)
                .length(nextToken, "nextToken", 1, 1048576).throwIfAny();
        DataStream stream = context.stream(request.region(), members);
        String after = nextToken == null ? null : PageTokens.decode(nextToken);
        List<StreamConsumer> consumers = stream.consumers().stream()
                .filter(c -> after == null || c.name().compareTo(after) > 0)
                .sorted(java.util.Comparator.comparing(StreamConsumer::name))
                .toList();
        int max = maxResults == null ? 100 : maxResults;
        ObjectNode response = request.newObject();
        ArrayNode list = response.putArray("Consumers");
        List<StreamConsumer> page = consumers.subList(0, Math.min(max, consumers.size()));
        synchronized (stream) {
            page.forEach(consumer -> KinesisShapes.consumer(list.addObject(), request.protocol(), consumer));
        }
        if (consumers.size() > max) {
            response.put("NextToken", PageTokens.encode(page.get(page.size() - 1).name()));
        }
        return response;
    }

    JsonNode deregisterStreamConsumer(AwsRequest request) {
        Found found = find(request);
        synchronized (found.stream()) {
            found.consumer().beginDeleting(context.now());
            found.stream().settle(context.now());
        }
        return request.newObject();
    }

    AwsResponse subscribeToShard(AwsRequest request) {
        Members members = request.members();
        String consumerArn = members.string("ConsumerARN");
        String shardId = members.string("ShardId");
        Members start = members.structure("StartingPosition");
        String type = start == null ? null : start.string("Type");
        new Validation()
                .notNull(consumerArn, "consumerARN").length(consumerArn, "consumerARN", 1, 2048)
                .notNull(shardId, "shardId").length(shardId, "shardId", 1, 128).pattern(shardId, "shardId", ShardOperations.SHARD_ID)
                .notNull(start, "startingPosition").notNull(type, "startingPosition.type")
                .oneOf(type, "startingPosition.type", RecordOperations.ITERATOR_TYPES)
                .throwIfAny();
        Found found = findByArn(context, request.region(), consumerArn);
        DataStream stream = found.stream();
        synchronized (stream) {
            StreamConsumer consumer = found.consumer();
            if (consumer.status() != StreamStatus.ACTIVE) {
                throw KinesisErrors.inUse("Consumer " + consumer.name() + " with creation timestamp "
                        + consumer.createdMillis() / 1000 + " under stream: " + stream.name() + " , account "
                        + context.account() + " is not in ACTIVE status.");
            }
            Shard shard = stream.shard(shardId);
            if (shard == null) {
                throw KinesisErrors.shardNotFound(shardId, stream.name(), context.account());
            }
            long position = records.startingPosition(stream, shard, type, start.string("SequenceNumber"),
                    start.timestampMillis("Timestamp"));
            KinesisContext.stopIfDryRun(members);
            ShardSubscription subscription = new ShardSubscription(context, stream, consumer, shard, position);
            try {
                consumer.subscribe(shard.id(), subscription, context.now());
            } catch (AwsServiceException refused) {
                context.metrics.subscribeToShard(stream, consumer.name(), false, context.now());
                throw refused;
            }
            context.metrics.subscribeToShard(stream, consumer.name(), true, context.now());
            return new AwsResponse.EventStream(subscription);
        }
    }

    /** A consumer and its stream. */
    record Found(DataStream stream, StreamConsumer consumer) {
    }

    /** The consumer named by ConsumerARN, or by StreamARN and ConsumerName. */
    private Found find(AwsRequest request) {
        Members members = request.members();
        String consumerArn = members.string("ConsumerARN");
        String streamArn = members.string("StreamARN");
        String name = members.string("ConsumerName");
        new Validation().length(consumerArn, "consumerARN", 1, 2048).length(name, "consumerName", 1, 128).throwIfAny();
        if (consumerArn != null) {
            return findByArn(context, request.region(), consumerArn);
        }
        if (streamArn == null || name == null) {
            throw KinesisErrors.invalidArgument("Either ConsumerARN or both ConsumerName and StreamARN must be provided.");
        }
        DataStream stream = context.stream(request.region(), members);
        StreamConsumer consumer = stream.consumer(name);
        if (consumer == null) {
            throw KinesisErrors.consumerNotFound(name, context.account());
        }
        return new Found(stream, consumer);
    }

    static Found findByArn(KinesisContext context, String region, String consumerArn) {
        Matcher matcher = CONSUMER_ARN.matcher(consumerArn);
        if (!matcher.matches()) {
            throw KinesisErrors.invalidArgument("Invalid ConsumerARN " + consumerArn);
        }
        DataStream stream = context.streams.find(matcher.group(1), matcher.group(3));
        StreamConsumer consumer = stream == null ? null : stream.consumer(matcher.group(4));
        if (!matcher.group(1).equals(region) || consumer == null || !consumer.arn().equals(consumerArn)) {
            throw KinesisErrors.consumerNotFound(consumerArn, context.account());
        }
        return new Found(stream, consumer);
    }
}
