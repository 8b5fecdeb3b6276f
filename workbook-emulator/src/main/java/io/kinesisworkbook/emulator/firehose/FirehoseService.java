package io.kinesisworkbook.emulator.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.AwsResponse;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.TargetService;
import io.kinesisworkbook.emulator.kinesis.StreamTap;
import io.kinesisworkbook.emulator.lambda.FunctionInvoker;
import io.kinesisworkbook.emulator.s3.ObjectStore;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Amazon Data Firehose ({@code X-Amz-Target: Firehose_20150804.*}, AWS JSON 1.1) with extended S3
 * destinations: every operation, by name, to the class that answers it, and one delivery thread
 * that delivers every due buffer, ten times a second, by the emulator's clock.
 */
public final class FirehoseService implements TargetService, AutoCloseable {

    public static final String TARGET_PREFIX = "Firehose_20150804";
    /** How often the delivery thread looks at the buffers, in real time. */
    static final long TICK_MILLIS = 100;
    private static final Logger LOG = Logger.getLogger(FirehoseService.class.getName());

    private final Map<String, Function<AwsRequest, JsonNode>> operations = new TreeMap<>();
    private final DeliveryStreamRegistry registry;
    private final Delivery delivery;
    private final ScheduledExecutorService deliveryThread;

    public FirehoseService(EmulatorOptions options, StreamTap tap, ObjectStore store, FunctionInvoker functions) {
        registry = new DeliveryStreamRegistry(options.accountId(), options.clock());
        DeliveryStreamOperations streams = new DeliveryStreamOperations(registry, tap, options.clock(),
                options.transitionDelay().toMillis());
        RecordOperations records = new RecordOperations(streams, options.clock());
        delivery = new Delivery(store, new LambdaProcessor(functions, options.clock()), tap, options.clock());

        operations.put("CreateDeliveryStream", streams::create);
        operations.put("DescribeDeliveryStream", streams::describe);
        operations.put("ListDeliveryStreams", streams::list);
        operations.put("DeleteDeliveryStream", streams::delete);
        operations.put("UpdateDestination", streams::updateDestination);
        operations.put("TagDeliveryStream", streams::tag);
        operations.put("UntagDeliveryStream", streams::untag);
        operations.put("ListTagsForDeliveryStream", streams::listTags);
        operations.put("PutRecord", records::putRecord);
        operations.put("PutRecordBatch", records::putRecordBatch);

        deliveryThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "firehose-delivery");
            thread.setDaemon(true);
            return thread;
        });
        deliveryThread.scheduleWithFixedDelay(this::deliverDue, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Delivers every buffer that is due now; the delivery thread calls it, and so can a test. */
    public void deliverDue() {
        for (DeliveryStreamRegistry.Located located : registry.all()) {
            try {
                delivery.run(located.stream(), located.region());
            } catch (RuntimeException e) {
                // One broken delivery must not stop the others; its records stay buffered for the next tick.
                LOG.log(Level.WARNING, "delivery of " + located.stream().name() + " failed", e);
            }
        }
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
        return "firehose";
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        Function<AwsRequest, JsonNode> operation = operations.get(request.operation());
        if (operation == null) {
            throw AwsServiceException.unknownOperation(TARGET_PREFIX + "." + request.operation());
        }
        return AwsResponse.of(operation.apply(request));
    }

    @Override
    public void close() {
        deliveryThread.shutdownNow();
    }
}
