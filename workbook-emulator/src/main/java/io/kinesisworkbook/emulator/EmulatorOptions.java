package io.kinesisworkbook.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How an emulator runs. Faithful to AWS by default; every relaxation is a named option.
 *
 * @param host               the address to listen on; loopback unless told otherwise
 * @param port               the port; 0 picks a free one
 * @param transitionDelay    how long CREATING, UPDATING and DELETING last ({@link Duration#ZERO} = instant)
 * @param throughputLimits   whether per-shard read and write limits are enforced
 * @param clock              the time every service reads
 * @param accountId          the account in every ARN and error message
 * @param defaultRegion      the region used when a request does not name one in its signature
 * @param serviceMetrics     whether the services publish what CloudWatch shows of them (AWS/Kinesis, ...)
 */
public record EmulatorOptions(
        String host,
        int port,
        Duration transitionDelay,
        boolean throughputLimits,
        EmulatorClock clock,
        String accountId,
        String defaultRegion,
        boolean serviceMetrics) {

    /** How long a stream stays CREATING, UPDATING or DELETING unless told otherwise. */
    public static final Duration DEFAULT_TRANSITION_DELAY = Duration.ofMillis(500);

    public EmulatorOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transitionDelay, "transitionDelay");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        if (transitionDelay.isNegative()) {
            throw new IllegalArgumentException("transitionDelay must not be negative");
        }
    }

    /** Loopback, a free port, AWS's limits and state transitions, the wall clock. */
    public static EmulatorOptions defaults() {
        return new EmulatorOptions("127.0.0.1", 0, DEFAULT_TRANSITION_DELAY, true,
                EmulatorClock.system(), "000000000000", "us-east-1", true);
    }

    public EmulatorOptions withHost(String newHost) {
        return new EmulatorOptions(newHost, port, transitionDelay, throughputLimits, clock, accountId, defaultRegion, serviceMetrics);
    }

    public EmulatorOptions withPort(int newPort) {
        return new EmulatorOptions(host, newPort, transitionDelay, throughputLimits, clock, accountId, defaultRegion, serviceMetrics);
    }

    /** Streams and consumers become ACTIVE (or gone) at once: for tests and quick demos. */
    public EmulatorOptions withInstantTransitions() {
        return withTransitionDelay(Duration.ZERO);
    }

    public EmulatorOptions withTransitionDelay(Duration delay) {
        return new EmulatorOptions(host, port, delay, throughputLimits, clock, accountId, defaultRegion, serviceMetrics);
    }

    /** No per-shard throttling: for benchmarks that measure the emulator, not AWS's limits. */
    public EmulatorOptions withoutThroughputLimits() {
        return new EmulatorOptions(host, port, transitionDelay, false, clock, accountId, defaultRegion, serviceMetrics);
    }

    /**
     * The services publish no metrics (CloudWatch then shows only what clients put): for the
     * benchmark that measures what recording them costs.
     */
    public EmulatorOptions withoutServiceMetrics() {
        return new EmulatorOptions(host, port, transitionDelay, throughputLimits, clock, accountId, defaultRegion, false);
    }

    public EmulatorOptions withClock(EmulatorClock newClock) {
        return new EmulatorOptions(host, port, transitionDelay, throughputLimits, newClock, accountId, defaultRegion, serviceMetrics);
    }
}
