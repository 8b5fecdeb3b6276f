package io.kinesisworkbook.emulator.firehose;

/**
 * What the emulator's other services need of Firehose: EventBridge puts an event into a Direct PUT
 * delivery stream through it when a rule's target is one, as AWS's EventBridge calls PutRecord.
 * The Firehose service implements it; a test can stand in for it.
 */
public interface FirehoseWriter {

    /** How a write went: a service that writes retries NOT_ACTIVE and gives up on the others. */
    enum Status { ACCEPTED, NO_SUCH_DELIVERY_STREAM, NOT_ACTIVE, NOT_DIRECT_PUT, TOO_LARGE }

    /** The answer to one write; {@code message} says why it was refused, in AWS's words. */
    record Result(Status status, String recordId, String message) {
        public boolean accepted() {
            return status == Status.ACCEPTED;
        }
    }

    /**
     * Puts one record into a delivery stream's buffer, as PutRecord does (no separator is added).
     *
     * @param deliveryStreamArn {@code arn:aws:firehose:REGION:ACCOUNT:deliverystream/NAME}
     */
    Result put(String deliveryStreamArn, byte[] data);
}
