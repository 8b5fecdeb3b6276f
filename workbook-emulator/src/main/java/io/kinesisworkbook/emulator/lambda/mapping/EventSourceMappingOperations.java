package io.kinesisworkbook.emulator.lambda.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.http.AwsProtocol;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.RestRequest;
import io.kinesisworkbook.emulator.http.RestResponse;
import io.kinesisworkbook.emulator.http.Validation;
import io.kinesisworkbook.emulator.kinesis.StreamTap;
import io.kinesisworkbook.emulator.lambda.FunctionInvoker;
import io.kinesisworkbook.emulator.lambda.LambdaMetrics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * CreateEventSourceMapping, GetEventSourceMapping, ListEventSourceMappings,
 * UpdateEventSourceMapping and DeleteEventSourceMapping, for Kinesis streams; each mapping has a
 * {@link KinesisPoller} that runs while the mapping exists.
 */
public final class EventSourceMappingOperations implements AutoCloseable {

    /** What the mappings need of the Lambda service. */
    public interface Functions {
        /** The ARN of the function a FunctionName names (with its qualifier), or null when there is none. */
        String arnOf(String region, String functionName);

        /** The function's execution role: events carry it as {@code invokeIdentityArn}. */
        String roleOf(String functionArn);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EVENT_SOURCE_ARN = Pattern.compile(
            "arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)");
    private static final List<String> STARTING_POSITIONS = List.of("TRIM_HORIZON", "LATEST", "AT_TIMESTAMP");
    private static final int DEFAULT_BATCH_SIZE = 100;

    private final String accountId;
    private final EmulatorClock clock;
    private final long transitionMillis;
    private final StreamTap streams;
    private final FunctionInvoker invoker;
    private final Functions functions;
    private final LambdaMetrics metrics;
    private final Map<String, EventSourceMapping> mappings = new ConcurrentHashMap<>();
    private final Map<String, KinesisPoller> pollers = new ConcurrentHashMap<>();

    public EventSourceMappingOperations(EmulatorOptions options, StreamTap streams, FunctionInvoker invoker,
                                        Functions functions, LambdaMetrics metrics) {
        this.metrics = metrics;
        this.accountId = options.accountId();
        this.clock = options.clock();
        this.transitionMillis = options.transitionDelay().toMillis();
        this.streams = streams;
        this.invoker = invoker;
        this.functions = functions;
    }

    public RestResponse create(RestRequest request) {
        Members body = body(request.body());
        String sourceArn = body.string("EventSourceArn");
        String functionName = body.string("FunctionName");
        Integer batchSize = body.integer("BatchSize");
        String startingPosition = body.string("StartingPosition");
        Integer window = body.integer("MaximumBatchingWindowInSeconds");
        Integer retries = body.integer("MaximumRetryAttempts");
        Integer maxAge = body.integer("MaximumRecordAgeInSeconds");
        Integer parallelization = body.integer("ParallelizationFactor");
        new Validation()
                .pattern(sourceArn, "eventSourceArn", EVENT_SOURCE_ARN)
                .notNull(functionName, "functionName").length(functionName, "functionName", 1, 140)
                .range(batchSize, "batchSize", 1, 10000)
                .oneOf(startingPosition, "startingPosition", STARTING_POSITIONS)
                .range(window, "maximumBatchingWindowInSeconds", 0, 300)
                .range(retries, "maximumRetryAttempts", -1, 10000)
                .range(maxAge, "maximumRecordAgeInSeconds", -1, 604800)
                .range(parallelization, "parallelizationFactor", 1, 10)
                .throwIfAny();
        if (sourceArn == null || !sourceArn.startsWith("arn:aws:kinesis:")) {
            throw invalidParameter("The emulator maps Kinesis streams only: EventSourceArn must be a Kinesis stream "
                    + "ARN (arn:aws:kinesis:REGION:ACCOUNT:stream/NAME).");
        }
        if (startingPosition == null) {
            throw invalidParameter("StartingPosition is required for Kinesis event sources.");
        }
        Long timestamp = body.timestampMillis("StartingPositionTimestamp");
        if (startingPosition.equals("AT_TIMESTAMP") && timestamp == null) {
            throw invalidParameter("StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP.");
        }
        if (maxAge != null && maxAge != -1 && maxAge < 60) {
            throw invalidParameter("MaximumRecordAgeInSeconds must be -1 or between 60 and 604800.");
        }
        String functionArn = functions.arnOf(request.region(), functionName);
        if (functionArn == null) {
            throw new AwsServiceException("ResourceNotFoundException", "Function not found: "
                    + (functionName.startsWith("arn:") ? functionName
                    : "arn:aws:lambda:" + request.region() + ":" + accountId + ":function:" + functionName), 404);
        }
        if (!streams.exists(sourceArn)) {
            throw invalidParameter("Stream not found: " + sourceArn);
        }
        synchronized (mappings) {
            for (EventSourceMapping existing : mappings.values()) {
                if (existing.eventSourceArn.equals(sourceArn) && existing.functionArn.equals(functionArn)
                        && !existing.gone()) {
                    throw new AwsServiceException("ResourceConflictException", "The event source arn (" + sourceArn
                            + ") and function (" + functionName + ") provided mapping already exists. Please update "
                            + "or delete the existing mapping with UUID " + existing.uuid, 409);
                }
            }
            List<String> responseTypes = body.stringList("FunctionResponseTypes");
            EventSourceMapping.Settings settings = new EventSourceMapping.Settings(
                    batchSize == null ? DEFAULT_BATCH_SIZE : batchSize, window == null ? 0 : window,
                    Boolean.TRUE.equals(body.bool("BisectBatchOnFunctionError")), retries == null ? -1 : retries,
                    maxAge == null ? -1 : maxAge,
                    responseTypes != null && responseTypes.contains("ReportBatchItemFailures"),
                    !Boolean.FALSE.equals(body.bool("Enabled")));
            long now = clock.millis();
            EventSourceMapping mapping = new EventSourceMapping(UUID.randomUUID().toString(), request.region(),
                    sourceArn, functionArn, startingPosition, startingPosition.equals("AT_TIMESTAMP") ? timestamp : null,
                    parallelization == null ? 1 : parallelization, settings,
                    responseTypes == null ? List.of() : responseTypes, now, now + transitionMillis);
            mappings.put(mapping.uuid, mapping);
            // The answer describes the mapping as created (Creating, as AWS answers), before its
            // poller starts: on a busy machine the poller could otherwise settle it first.
            ObjectNode created = describe(mapping);
            KinesisPoller poller = new KinesisPoller(mapping, streams, invoker, clock, functions::roleOf, metrics);
            pollers.put(mapping.uuid, poller);
            poller.start();
            return response(202, created);
        }
    }

    public RestResponse get(String uuid) {
        return response(200, describe(find(uuid)));
    }

    public RestResponse list(RestRequest request) {
        Map<String, String> query = request.query();
        String sourceArn = query.get("EventSourceArn");
        String functionName = query.get("FunctionName");
        String functionArn = functionName == null ? null : functions.arnOf(request.region(), functionName);
        Integer maxItems = null;
        if (query.get("MaxItems") != null) {
            try {
                maxItems = Integer.valueOf(query.get("MaxItems"));
            } catch (NumberFormatException e) {
                throw AwsServiceException.serialization("Value '" + query.get("MaxItems") + "' at 'maxItems' is not a valid integer");
            }
            new Validation().range(maxItems, "maxItems", 1, 10000).throwIfAny();
        }
        List<EventSourceMapping> matching = new ArrayList<>();
        for (EventSourceMapping mapping : mappings.values()) {
            mapping.settle(clock.millis());
            if (mapping.gone() || !mapping.region.equals(request.region())) {
                continue;
            }
            if (sourceArn != null && !mapping.eventSourceArn.equals(sourceArn)) {
                continue;
            }
            if (functionName != null && !mapping.functionArn.equals(functionArn)) {
                continue;
            }
            matching.add(mapping);
        }
        matching.sort((a, b) -> a.uuid.compareTo(b.uuid));
        int from = 0;
        String marker = query.get("Marker");
        if (marker != null && !marker.isEmpty()) {
            String after = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            while (from < matching.size() && matching.get(from).uuid.compareTo(after) <= 0) {
                from++;
            }
        }
        int to = Math.min(matching.size(), from + (maxItems == null ? 100 : maxItems));
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("EventSourceMappings");
        for (int i = from; i < to; i++) {
            list.add(describe(matching.get(i)));
        }
        if (to < matching.size()) {
            answer.put("NextMarker", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(matching.get(to - 1).uuid.getBytes(StandardCharsets.UTF_8)));
        }
        return response(200, answer);
    }

    public RestResponse update(RestRequest request, String uuid) {
        EventSourceMapping mapping = find(uuid);
        Members body = body(request.body());
        Integer batchSize = body.integer("BatchSize");
        Integer window = body.integer("MaximumBatchingWindowInSeconds");
        Integer retries = body.integer("MaximumRetryAttempts");
        Integer maxAge = body.integer("MaximumRecordAgeInSeconds");
        new Validation()
                .range(batchSize, "batchSize", 1, 10000)
                .range(window, "maximumBatchingWindowInSeconds", 0, 300)
                .range(retries, "maximumRetryAttempts", -1, 10000)
                .range(maxAge, "maximumRecordAgeInSeconds", -1, 604800)
                .throwIfAny();
        String functionName = body.string("FunctionName");
        if (functionName != null && functions.arnOf(request.region(), functionName) == null) {
            throw new AwsServiceException("ResourceNotFoundException", "Function not found: " + functionName, 404);
        }
        if (functionName != null && !functions.arnOf(request.region(), functionName).equals(mapping.functionArn)) {
            throw invalidParameter("The emulator cannot move an event source mapping to another function; "
                    + "delete it and create a new one.");
        }
        if (mapping.busy()) {
            throw new AwsServiceException("ResourceInUseException", "Cannot update the event source mapping because "
                    + "it is in use.", 400);
        }
        EventSourceMapping.Settings old = mapping.settings();
        List<String> responseTypes = body.stringList("FunctionResponseTypes");
        EventSourceMapping.Settings next = new EventSourceMapping.Settings(
                batchSize != null ? batchSize : old.batchSize(),
                window != null ? window : old.batchingWindowSeconds(),
                body.bool("BisectBatchOnFunctionError") != null ? body.bool("BisectBatchOnFunctionError") : old.bisect(),
                retries != null ? retries : old.maxRetryAttempts(),
                maxAge != null ? maxAge : old.maxRecordAgeSeconds(),
                responseTypes != null ? responseTypes.contains("ReportBatchItemFailures") : old.reportItemFailures(),
                body.bool("Enabled") != null ? body.bool("Enabled") : old.enabled());
        long now = clock.millis();
        mapping.update(next, now, now + transitionMillis);
        mapping.settle(now);
        return response(202, describe(mapping));
    }

    public RestResponse delete(String uuid) {
        EventSourceMapping mapping = find(uuid);
        long now = clock.millis();
        mapping.delete(now + transitionMillis);
        ObjectNode answer = describe(mapping);
        mapping.settle(now);
        KinesisPoller poller = pollers.remove(uuid);
        if (poller != null) {
            poller.stop();
        }
        return response(202, answer);
    }

    private EventSourceMapping find(String uuid) {
        EventSourceMapping mapping = mappings.get(uuid);
        if (mapping != null) {
            mapping.settle(clock.millis());
            if (mapping.gone()) {
                mappings.remove(uuid);
                mapping = null;
            }
        }
        if (mapping == null) {
            throw new AwsServiceException("ResourceNotFoundException", "The resource you requested does not exist.", 404);
        }
        return mapping;
    }

    private ObjectNode describe(EventSourceMapping mapping) {
        EventSourceMapping.Settings settings = mapping.settings();
        ObjectNode node = JSON.createObjectNode();
        node.put("UUID", mapping.uuid);
        node.put("StartingPosition", mapping.startingPosition);
        if (mapping.startingTimestampMillis != null) {
            node.put("StartingPositionTimestamp", BigDecimal.valueOf(mapping.startingTimestampMillis).movePointLeft(3));
        }
        node.put("BatchSize", settings.batchSize());
        node.put("MaximumBatchingWindowInSeconds", settings.batchingWindowSeconds());
        node.put("ParallelizationFactor", mapping.parallelizationFactor);
        node.put("EventSourceArn", mapping.eventSourceArn);
        node.put("FunctionArn", mapping.functionArn);
        node.put("LastModified", BigDecimal.valueOf(mapping.lastModified()).movePointLeft(3));
        node.put("LastProcessingResult", mapping.lastProcessingResult());
        node.put("State", mapping.state().equals("Deleted") ? "Deleting" : mapping.state());
        node.put("StateTransitionReason", "User action");
        node.putObject("DestinationConfig").putObject("OnFailure");
        node.put("MaximumRecordAgeInSeconds", settings.maxRecordAgeSeconds());
        node.put("BisectBatchOnFunctionError", settings.bisect());
        node.put("MaximumRetryAttempts", settings.maxRetryAttempts());
        node.put("TumblingWindowInSeconds", 0);
        ArrayNode types = node.putArray("FunctionResponseTypes");
        if (settings.reportItemFailures()) {
            types.add("ReportBatchItemFailures");
        }
        node.put("EventSourceMappingArn", "arn:aws:lambda:" + mapping.region + ":" + accountId
                + ":event-source-mapping:" + mapping.uuid);
        return node;
    }

    private static Members body(byte[] bytes) {
        try {
            JsonNode node = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw AwsServiceException.serialization("Start of structure or map found where not expected.");
            }
            return new Members(node, AwsProtocol.JSON_1_1);
        } catch (java.io.IOException e) {
            throw AwsServiceException.serialization("Could not parse request body");
        }
    }

    private static AwsServiceException invalidParameter(String message) {
        return new AwsServiceException("InvalidParameterValueException", message, 400);
    }

    private static RestResponse response(int status, ObjectNode body) {
        try {
            return RestResponse.of(status, "application/json", JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops every poller (Emulator.close), waiting a moment for each. */
    @Override
    public void close() {
        pollers.values().forEach(KinesisPoller::stop);
        for (KinesisPoller poller : pollers.values()) {
            try {
                poller.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        pollers.clear();
    }
}
