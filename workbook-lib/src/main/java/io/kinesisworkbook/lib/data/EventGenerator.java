package io.kinesisworkbook.lib.data;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * What every generator shares: the seeded randomness, the clock, and the optional hot key.
 *
 * <p><b>Reproducible.</b> All randomness, ids included, comes from one {@link Random} seeded at
 * construction, so the same seed and settings give the same events on every run. That is why
 * settings must be made before the first event: changing them midway would make a sequence
 * depend on when a notebook cell ran.
 *
 * <p><b>Poisson arrivals.</b> Independent users, devices and traders produce events at random
 * moments. The gaps between such events are exponentially distributed; adding up exponential
 * gaps at {@code rate} per second gives a realistic, bursty stream whose long-run rate is
 * {@code rate}. Timestamps have millisecond precision, like most real events.
 *
 * <p><b>Hot keys.</b> {@link #withHotKey} sends a share of events to one partition key, which is
 * how a single busy user or ticker overloads one shard.
 *
 * @param <E> the event type
 * @param <G> the concrete generator, so that settings chain: {@code Clickstream.seeded(1).ratePerSecond(50)}
 */
public abstract class EventGenerator<E extends StreamEvent, G extends EventGenerator<E, G>> {

    /** Where clocks start unless told otherwise: a fixed instant, so notebooks print the same times. */
    public static final Instant DEFAULT_START = Instant.parse("2024-11-04T09:00:00Z");

    /** Events per second unless told otherwise. */
    public static final double DEFAULT_RATE_PER_SECOND = 100;

    private final Random random;
    private Instant start = DEFAULT_START;
    private double ratePerSecond = DEFAULT_RATE_PER_SECOND;
    private String hotKey;
    private double hotKeyShare;
    private double elapsedSeconds;
    private boolean started;

    protected EventGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Events arrive at this average rate (a Poisson process), in event time. */
    public G ratePerSecond(double eventsPerSecond) {
        requireNotStarted();
        if (!(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number, was " + eventsPerSecond);
        }
        this.ratePerSecond = eventsPerSecond;
        return self();
    }

    /** The clock starts here; the first event comes one random gap later. */
    public G startingAt(Instant start) {
        requireNotStarted();
        this.start = Objects.requireNonNull(start, "start");
        return self();
    }

    /**
     * Gives {@code share} of the events (0 to 1) the partition key {@code key}, e.g.
     * {@code withHotKey("user-42", 0.3)}. The rest keep their usual keys, which may by chance
     * also be {@code key}, so the real share can be a little higher.
     */
    public G withHotKey(String key, double share) {
        requireNotStarted();
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be between 0 and 1, was " + share);
        }
        this.hotKey = Objects.requireNonNull(key, "key");
        this.hotKeyShare = share;
        return self();
    }

    /** The next event; its timestamp is never before the previous one's. */
    public final E next() {
        started = true;
        elapsedSeconds += exponentialGapSeconds();
        return nextEvent(currentTime());
    }

    /** The next {@code count} events, in order. */
    public List<E> take(int count) {
        List<E> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(next());
        }
        return events;
    }

    /** An endless, ordered stream of events: remember to {@code limit} it. */
    public Stream<E> events() {
        Iterator<E> endless = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public E next() {
                return EventGenerator.this.next();
            }
        };
        int characteristics = Spliterator.ORDERED | Spliterator.NONNULL;
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(endless, characteristics), false);
    }

    /** Makes the event that happens at {@code time}; called once per {@link #next()}. */
    protected abstract E nextEvent(Instant time);

    /** Whether this event goes to the hot key (always false without one). */
    protected final boolean isHotKeyTurn() {
        return hotKey != null && chance(hotKeyShare);
    }

    /** The hot key, or null when none was set. */
    protected final String hotKey() {
        return hotKey;
    }

    /** The hot key on its turn, otherwise whatever {@code usualKey} picks. */
    protected final String hotKeyOr(Supplier<String> usualKey) {
        return isHotKeyTurn() ? hotKey : usualKey.get();
    }

    /** Subclasses call this from their own settings methods. */
    protected final void requireNotStarted() {
        if (started) {
            throw new IllegalStateException("change settings before taking the first event, "
                    + "so that a seed always gives the same sequence");
        }
    }

    protected final Random random() {
        return random;
    }

    /** True with probability {@code p}. */
    protected final boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A uniformly chosen element. */
    protected final <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /**
     * A value whose logarithm is normally distributed: always positive, mostly near
     * {@code median}, with a long tail of large values. Prices, sizes and latencies look like this.
     */
    protected final double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    /** A version-4 UUID drawn from the seeded random, unlike {@link UUID#randomUUID()}. */
    protected final UUID uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0b11L << 62)) | (0b10L << 62);
        return new UUID(high, low);
    }

    @SuppressWarnings("unchecked")
    private G self() {
        return (G) this;
    }

    private double exponentialGapSeconds() {
        return -Math.log(1 - random.nextDouble()) / ratePerSecond;
    }

    private Instant currentTime() {
        long nanos = (long) (elapsedSeconds * 1e9);
        return start.plusNanos(nanos).truncatedTo(ChronoUnit.MILLIS);
    }
}
