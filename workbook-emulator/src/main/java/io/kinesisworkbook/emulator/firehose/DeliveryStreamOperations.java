package io.kinesisworkbook.emulator.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import io.kinesisworkbook.emulator.kinesis.StreamTap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Creating, describing, listing, changing, tagging and deleting delivery streams. */
final class DeliveryStreamOperations {

    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    static final List<String> TYPES = List.of(DeliveryStream.DIRECT_PUT, DeliveryStream.KINESIS_SOURCE);
    static final List<String> OTHER_DESTINATIONS = List.of("RedshiftDestinationConfiguration",
            "ElasticsearchDestinationConfiguration", "AmazonopensearchserviceDestinationConfiguration",
            "SplunkDestinationConfiguration", "HttpEndpointDestinationConfiguration",
            "AmazonOpenSearchServerlessDestinationConfiguration", "SnowflakeDestinationConfiguration",
            "IcebergDestinationConfiguration");
    static final String DESTINATION_ID = "destinationId-000000000001";

    private final DeliveryStreamRegistry registry;
    private final StreamTap tap;
    private final SourceReader source;
    private final EmulatorClock clock;
    private final long transitionMillis;

    DeliveryStreamOperations(DeliveryStreamRegistry registry, StreamTap tap, SourceReader source, EmulatorClock clock,
                             long transitionMillis) {
        this.registry = registry;
        this.tap = tap;
        this.source = source;
        this.clock = clock;
        this.transitionMillis = transitionMillis;
    }

    JsonNode create(AwsRequest request) {
        Members members = request.members();
        String name = members.string("DeliveryStreamName");
        String type = members.string("DeliveryStreamType");
        new Validation().notNull(name, "deliveryStreamName").length(name, "deliveryStreamName", 1, 64)
                .pattern(name, "deliveryStreamName", NAME).oneOf(type, "deliveryStreamType", TYPES).throwIfAny();
        for (String other : OTHER_DESTINATIONS) {
            if (members.has(other)) {
                throw FirehoseErrors.invalidArgument("The embedded emulator delivers to Amazon S3 only; "
                        + other + " is not supported.");
            }
        }
        S3Destination destination = destination(members);
        String streamType = type == null ? DeliveryStream.DIRECT_PUT : type;
        Members sourceConfiguration = members.structure("KinesisStreamSourceConfiguration");
        String sourceArn = sourceConfiguration == null ? null : sourceConfiguration.string("KinesisStreamARN");
        checkSource(streamType, sourceConfiguration, sourceArn);
        Map<String, String> tags = FirehoseTags.read(members.structureList("Tags"));
        long now = clock.millis();
        DeliveryStream stream = new DeliveryStream(name, registry.arn(request.region(), name), streamType, now,
                destination, sourceArn, sourceConfiguration == null ? null : sourceConfiguration.string("RoleARN"));
        stream.tags().putAll(tags);
        if (sourceArn != null) {
            source.start(stream);
        }
        stream.begin("CREATING", now + transitionMillis);
        registry.add(request.region(), stream);
        stream.settle(now);
        return request.newObject().put("DeliveryStreamARN", stream.arn());
    }

    private static S3Destination destination(Members members) {
        Members extended = members.structure("ExtendedS3DestinationConfiguration");
        Members basic = members.structure("S3DestinationConfiguration");
        if (extended != null && basic != null) {
            throw FirehoseErrors.invalidArgument("Only one destination configuration can be specified.");
        }
        if (extended == null && basic == null) {
            throw FirehoseErrors.invalidArgument("A destination configuration must be specified.");
        }
        return extended != null ? S3Destination.parse(extended, "extendedS3DestinationConfiguration")
                : S3Destination.parse(basic, "s3DestinationConfiguration");
    }

    private void checkSource(String type, Members source, String sourceArn) {
        if (type.equals(DeliveryStream.DIRECT_PUT)) {
            if (source != null) {
                throw FirehoseErrors.invalidArgument("KinesisStreamSourceConfiguration can only be specified for "
                        + "KinesisStreamAsSource type delivery streams.");
            }
            return;
        }
        if (source == null || sourceArn == null) {
            throw FirehoseErrors.invalidArgument("KinesisStreamSourceConfiguration is required for "
                    + "KinesisStreamAsSource type delivery streams.");
        }
        if (!tap.exists(sourceArn)) {
            throw FirehoseErrors.invalidArgument("Stream " + sourceArn + " not found.");
        }
    }

    JsonNode describe(AwsRequest request) {
        DeliveryStream stream = require(request);
        ObjectNode result = request.newObject();
        ObjectNode description = result.putObject("DeliveryStreamDescription");
        description.put("DeliveryStreamName", stream.name())
                .put("DeliveryStreamARN", stream.arn())
                .put("DeliveryStreamStatus", stream.status())
                .put("DeliveryStreamType", stream.type())
                .put("VersionId", Integer.toString(stream.version()));
        description.set("CreateTimestamp", Members.timestamp(request.protocol(), stream.createdMillis()));
        description.set("LastUpdateTimestamp", Members.timestamp(request.protocol(), stream.lastUpdateMillis()));
        description.putObject("DeliveryStreamEncryptionConfiguration").put("Status", "DISABLED");
        if (stream.sourceStreamArn() != null) {
            ObjectNode source = description.putObject("Source").putObject("KinesisStreamSourceDescription");
            source.put("KinesisStreamARN", stream.sourceStreamArn()).put("RoleARN", stream.sourceRoleArn());
            source.set("DeliveryStartTimestamp", Members.timestamp(request.protocol(), stream.createdMillis()));
        }
        ArrayNode destinations = description.putArray("Destinations");
        ObjectNode destination = destinations.addObject().put("DestinationId", DESTINATION_ID);
        destination.set("S3DestinationDescription", stream.destination().describeBasic());
        destination.set("ExtendedS3DestinationDescription", stream.destination().describeExtended());
        description.put("HasMoreDestinations", false);
        return result;
    }

    JsonNode list(AwsRequest request) {
        Members members = request.members();
        Integer limit = members.integer("Limit");
        String type = members.string("DeliveryStreamType");
        String start = members.string("ExclusiveStartDeliveryStreamName");
        new Validation().range(limit, "limit", 1, 10000).oneOf(type, "deliveryStreamType", TYPES).throwIfAny();
        int max = limit == null ? 10 : limit;
        ObjectNode result = request.newObject();
        ArrayNode names = result.putArray("DeliveryStreamNames");
        boolean more = false;
        for (DeliveryStream stream : registry.list(request.region())) {
            if ((type != null && !type.equals(stream.type())) || (start != null && stream.name().compareTo(start) <= 0)) {
                continue;
            }
            if (names.size() == max) {
                more = true;
                break;
            }
            names.add(stream.name());
        }
        result.put("HasMoreDeliveryStreams", more);
        return result;
    }

    JsonNode delete(AwsRequest request) {
        DeliveryStream stream = require(request);
        if (stream.status().equals("CREATING")) {
            throw FirehoseErrors.inUse("Firehose " + stream.name() + " under account " + registry.accountId()
                    + " is not ACTIVE, instead in state CREATING.");
        }
        long now = clock.millis();
        stream.begin("DELETING", now + transitionMillis);
        stream.settle(now);
        return request.newObject();
    }

    JsonNode updateDestination(AwsRequest request) {
        Members members = request.members();
        String version = members.string("CurrentDeliveryStreamVersionId");
        String destinationId = members.string("DestinationId");
        new Validation().notNull(version, "currentDeliveryStreamVersionId").notNull(destinationId, "destinationId")
                .throwIfAny();
        DeliveryStream stream = require(request);
        if (!stream.isActive()) {
            throw FirehoseErrors.inUse("Firehose " + stream.name() + " under account " + registry.accountId()
                    + " is not ACTIVE, instead in state " + stream.status() + ".");
        }
        if (!DESTINATION_ID.equals(destinationId)) {
            throw FirehoseErrors.invalidArgument("Destination " + destinationId + " not found.");
        }
        // Under the stream's own lock, not the delivery lock a slow transform may hold for minutes.
        synchronized (stream) {
            if (!version.equals(Integer.toString(stream.version()))) {
                throw FirehoseErrors.concurrentModification("Cannot update firehose: " + stream.name()
                        + " since the current version id: " + stream.version() + " and the specified version id: "
                        + version + " do not match");
            }
            Members update = members.structure("ExtendedS3DestinationUpdate");
            if (update == null) {
                update = members.structure("S3DestinationUpdate");
            }
            if (update == null) {
                throw FirehoseErrors.invalidArgument("The embedded emulator delivers to Amazon S3 only: give an "
                        + "ExtendedS3DestinationUpdate.");
            }
            stream.destination(stream.destination().update(update), clock.millis());
        }
        return request.newObject();
    }

    JsonNode tag(AwsRequest request) {
        DeliveryStream stream = require(request);
        Map<String, String> tags = FirehoseTags.read(request.members().structureList("Tags"));
        synchronized (stream) {
            FirehoseTags.checkLimit(stream.tags(), tags);
            stream.tags().putAll(tags);
        }
        return request.newObject();
    }

    JsonNode untag(AwsRequest request) {
        List<String> keys = request.members().stringList("TagKeys");
        new Validation().notNull(keys, "tagKeys").size(keys, "tagKeys", 1, 50).throwIfAny();
        DeliveryStream stream = require(request);
        synchronized (stream) {
            keys.forEach(stream.tags()::remove);
        }
        return request.newObject();
    }

    JsonNode listTags(AwsRequest request) {
        Members members = request.members();
        Integer limit = members.integer("Limit");
        String start = members.string("ExclusiveStartTagKey");
        new Validation().range(limit, "limit", 1, 50).throwIfAny();
        DeliveryStream stream = require(request);
        ObjectNode result = request.newObject();
        ArrayNode tags = result.putArray("Tags");
        boolean more = false;
        synchronized (stream) {
            for (Map.Entry<String, String> tag : stream.tags().entrySet()) {
                if (start != null && tag.getKey().compareTo(start) <= 0) {
                    continue;
                }
                if (tags.size() == (limit == null ? 50 : limit)) {
                    more = true;
                    break;
                }
                tags.addObject().put("Key", tag.getKey()).put("Value", tag.getValue());
            }
        }
        result.put("HasMoreTags", more);
        return result;
    }

    DeliveryStream require(AwsRequest request) {
        String name = request.members().string("DeliveryStreamName");
        new Validation().notNull(name, "deliveryStreamName").length(name, "deliveryStreamName", 1, 64)
                .pattern(name, "deliveryStreamName", NAME).throwIfAny();
        return registry.require(request.region(), name);
    }
}
