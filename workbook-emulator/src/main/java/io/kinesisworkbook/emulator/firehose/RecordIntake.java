package io.kinesisworkbook.emulator.firehose;

import io.kinesisworkbook.emulator.EmulatorClock;

/** The {@link FirehoseWriter} port on the delivery streams themselves: PutRecord without HTTP. */
final class RecordIntake implements FirehoseWriter {

    private final DeliveryStreamRegistry registry;
    private final EmulatorClock clock;

    RecordIntake(DeliveryStreamRegistry registry, EmulatorClock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public Result put(String deliveryStreamArn, byte[] data) {
        String[] parts = deliveryStreamArn == null ? new String[0] : deliveryStreamArn.split(":", 6);
        if (parts.length < 6 || !parts[2].equals("firehose") || !parts[5].startsWith("deliverystream/")) {
            return refused(Status.NO_SUCH_DELIVERY_STREAM, "Invalid delivery stream ARN " + deliveryStreamArn);
        }
        String name = parts[5].substring("deliverystream/".length());
        DeliveryStream stream = registry.find(parts[3], name);
        if (stream == null || !parts[4].equals(registry.accountId())) {
            return refused(Status.NO_SUCH_DELIVERY_STREAM, FirehoseErrors.notFound(name, parts[4]).getMessage());
        }
        if (stream.type().equals(DeliveryStream.KINESIS_SOURCE)) {
            return refused(Status.NOT_DIRECT_PUT,
                    "This operation is not permitted on KinesisStreamAsSource type delivery stream.");
        }
        if (!stream.isActive()) {
            return refused(Status.NOT_ACTIVE, FirehoseErrors.notFound(name, parts[4]).getMessage());
        }
        if (data.length > RecordOperations.MAX_RECORD_BYTES) {
            return refused(Status.TOO_LARGE, "1 validation error detected: Value at 'record.data' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + RecordOperations.MAX_RECORD_BYTES);
        }
        return new Result(Status.ACCEPTED, stream.accept(data, clock.millis(), null), null);
    }

    private static Result refused(Status status, String message) {
        return new Result(status, null, message);
    }
}
