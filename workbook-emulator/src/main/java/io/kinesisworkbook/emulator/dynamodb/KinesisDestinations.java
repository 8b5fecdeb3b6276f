package io.kinesisworkbook.emulator.dynamodb;

import java.util.ArrayList;
import java.util.List;

/**
 * The Kinesis data streams one table streams its item changes to, with their states: ENABLING, then
 * ACTIVE; UPDATING (a new precision), then ACTIVE; DISABLING, then DISABLED. Each change takes the
 * emulator's transition delay, settled lazily on its clock as the table's own states are. Changes go
 * to a destination while it is ACTIVE or UPDATING. Guarded by the DynamoDB service's lock.
 */
final class KinesisDestinations {

    static final String MILLISECOND = "MILLISECOND";
    static final String MICROSECOND = "MICROSECOND";

    /** One destination; DescribeKinesisStreamingDestination shows its precision only once one was asked for. */
    static final class Destination {
        private final String streamArn;
        private String status;
        private String settledStatus;
        private long settlesAtMillis;
        private String precision = MILLISECOND;
        private boolean precisionChosen;

        private Destination(String streamArn) {
            this.streamArn = streamArn;
        }

        String streamArn() {
            return streamArn;
        }

        String status() {
            return status;
        }

        String precision() {
            return precision;
        }

        boolean precisionChosen() {
            return precisionChosen;
        }

        /** Whether item changes go to the stream now. */
        boolean streaming() {
            return status.equals("ACTIVE") || status.equals("UPDATING");
        }

        private void begin(String transientStatus, String then, long now, long delayMillis) {
            status = transientStatus;
            settledStatus = then;
            settlesAtMillis = now + delayMillis;
        }

        private void settle(long now) {
            if (settledStatus != null && now >= settlesAtMillis) {
                status = settledStatus;
                settledStatus = null;
            }
        }
    }

    private final List<Destination> destinations = new ArrayList<>();

    List<Destination> all() {
        return destinations;
    }

    /** The destination for a stream, or null. */
    Destination find(String streamArn) {
        for (Destination destination : destinations) {
            if (destination.streamArn.equals(streamArn)) {
                return destination;
            }
        }
        return null;
    }

    /** The destinations item changes go to now. */
    List<Destination> streaming() {
        return destinations.stream().filter(Destination::streaming).toList();
    }

    /** Starts streaming to {@code streamArn} (again, if it was disabled), ENABLING until the delay has passed. */
    Destination enable(String streamArn, String precision, long now, long delayMillis) {
        Destination destination = find(streamArn);
        if (destination == null) {
            destination = new Destination(streamArn);
            destinations.add(destination);
        }
        if (precision != null) {
            destination.precision = precision;
            destination.precisionChosen = true;
        }
        destination.begin("ENABLING", "ACTIVE", now, delayMillis);
        return destination;
    }

    void disable(Destination destination, long now, long delayMillis) {
        destination.begin("DISABLING", "DISABLED", now, delayMillis);
    }

    void changePrecision(Destination destination, String precision, long now, long delayMillis) {
        destination.precision = precision;
        destination.precisionChosen = true;
        destination.begin("UPDATING", "ACTIVE", now, delayMillis);
    }

    void settle(long now) {
        destinations.forEach(destination -> destination.settle(now));
    }
}
