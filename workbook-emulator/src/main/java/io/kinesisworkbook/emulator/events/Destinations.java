package io.kinesisworkbook.emulator.events;

import io.kinesisworkbook.emulator.firehose.FirehoseWriter;
import io.kinesisworkbook.emulator.kinesis.StreamTap;
import io.kinesisworkbook.emulator.lambda.FunctionInvoker;

/**
 * Invokes targets through the other services' in-process ports, as AWS's EventBridge calls their
 * APIs: Kinesis PutRecord, Firehose PutRecord, an asynchronous Lambda Invoke, another event bus.
 * Each outcome says whether trying again can help: throttles and resources not ready yet are
 * retried; a resource that does not exist, or an event it cannot take, is not (as on AWS).
 */
final class Destinations {

    enum Kind { DELIVERED, RETRY, FAILED }

    record Outcome(Kind kind, String message) {
        static final Outcome DELIVERED = new Outcome(Kind.DELIVERED, null);

        static Outcome retry(String message) {
            return new Outcome(Kind.RETRY, message);
        }

        static Outcome failed(String message) {
            return new Outcome(Kind.FAILED, message);
        }
    }

    /** Puts an event on another bus (a rule whose target is an event bus). */
    interface BusForwarder {
        /** @return false when there is no such bus */
        boolean forward(String busArn, Event event);
    }

    private final StreamTap kinesis;
    private final FirehoseWriter firehose;
    private final FunctionInvoker functions;
    private final BusForwarder buses;

    Destinations(StreamTap kinesis, FirehoseWriter firehose, FunctionInvoker functions, BusForwarder buses) {
        this.kinesis = kinesis;
        this.firehose = firehose;
        this.functions = functions;
        this.buses = buses;
    }

    /** One attempt to deliver {@code payload} (and, for a stream, its partition key) to a target. */
    Outcome deliver(Target target, byte[] payload, String partitionKey, Event event) {
        try {
            return switch (target.service()) {
                case "kinesis" -> toStream(target.arn(), partitionKey, payload);
                case "firehose" -> toDeliveryStream(target.arn(), payload);
                case "lambda" -> toFunction(target.arn(), payload);
                case "events" -> buses.forward(target.arn(), event) ? Outcome.DELIVERED
                        : Outcome.failed("Event bus " + target.arn() + " does not exist.");
                default -> Outcome.failed("The emulator does not deliver to " + target.service()
                        + " targets (" + target.arn() + "); see the emulator README.");
            };
        } catch (RuntimeException e) {
            // A service that failed in an unexpected way is treated as AWS treats a 5xx: try again.
            return Outcome.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Outcome toStream(String arn, String partitionKey, byte[] payload) {
        StreamTap.PutResult result = kinesis.put(arn, partitionKey, payload);
        return switch (result.status()) {
            case WRITTEN -> Outcome.DELIVERED;
            case THROTTLED -> Outcome.retry("ProvisionedThroughputExceededException: " + result.message());
            case NO_SUCH_STREAM -> Outcome.failed("ResourceNotFoundException: " + result.message());
            case TOO_LARGE -> Outcome.failed("ValidationException: " + result.message());
        };
    }

    private Outcome toDeliveryStream(String arn, byte[] payload) {
        FirehoseWriter.Result result = firehose.put(arn, payload);
        return switch (result.status()) {
            case ACCEPTED -> Outcome.DELIVERED;
            case NOT_ACTIVE -> Outcome.retry("ResourceNotFoundException: " + result.message());
            case NO_SUCH_DELIVERY_STREAM -> Outcome.failed("ResourceNotFoundException: " + result.message());
            case NOT_DIRECT_PUT -> Outcome.failed("InvalidArgumentException: " + result.message());
            case TOO_LARGE -> Outcome.failed("ValidationException: " + result.message());
        };
    }

    private Outcome toFunction(String arn, byte[] payload) {
        String[] parts = arn.split(":");
        String region = parts.length > 3 ? parts[3] : "";
        try {
            functions.invokeAsync(region, arn, payload);
            return Outcome.DELIVERED;
        } catch (FunctionInvoker.FunctionNotFoundException e) {
            return Outcome.failed("ResourceNotFoundException: " + e.getMessage());
        } catch (FunctionInvoker.FunctionNotReadyException e) {
            return Outcome.retry("ResourceConflictException: " + e.getMessage());
        }
    }
}
