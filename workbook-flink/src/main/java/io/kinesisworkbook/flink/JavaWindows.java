package io.kinesisworkbook.flink;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The same window counts as Flink SQL's window functions, computed in plain Java over a list of
 * events: what a notebook checks a query's result against. Each count is keyed
 * {@code "<window start>|<key>"} (sessions: {@code "<key>|<start>|<end>"}), the same keys
 * {@link SqlResult#counts} makes from a result, so the two maps compare with {@code equals}.
 *
 * <p>Windows are aligned to the epoch in UTC, as Flink aligns them with the session time zone UTC:
 * a 5-second window starts at a multiple of 5 seconds since 1970.
 */
public final class JavaWindows {

    private JavaWindows() {
    }

    /** Events per tumbling window of {@code size} and per key. */
    public static <E> Map<String, Long> tumbling(Collection<E> events, Function<E, Instant> time, Duration size,
                                                 Function<E, ?> key) {
        return hopping(events, time, size, size, key);
    }

    /** Events per hopping window, keyed by the window's start alone: for a query that groups by window only. */
    public static <E> Map<String, Long> hopping(Collection<E> events, Function<E, Instant> time, Duration size,
                                                Duration slide) {
        return hopping(events, time, size, slide, null);
    }

    /** Events per hopping (sliding) window of {@code size}, one starting every {@code slide}, and per key (or none, when null). */
    public static <E> Map<String, Long> hopping(Collection<E> events, Function<E, Instant> time, Duration size,
                                                Duration slide, Function<E, ?> key) {
        Map<String, Long> counts = new TreeMap<>();
        long sizeMillis = size.toMillis();
        long slideMillis = slide.toMillis();
        for (E event : events) {
            long at = time.apply(event).toEpochMilli();
            long lastStart = Math.floorDiv(at, slideMillis) * slideMillis;
            for (long start = lastStart; start > at - sizeMillis; start -= slideMillis) {
                String window = Instant.ofEpochMilli(start).toString();
                counts.merge(key == null ? window : window + "|" + key.apply(event), 1L, Long::sum);
            }
        }
        return counts;
    }

    /**
     * Events per session of each key: a session ends when the key's next event comes more than
     * {@code gap} after its last one; it spans from its first event to its last event plus
     * {@code gap}. An event exactly {@code gap} after the last one still joins the session, as in
     * Flink: each event opens a window {@code [t, t + gap)}, and Flink merges windows that touch.
     */
    public static <E> Map<String, Long> sessions(Collection<E> events, Function<E, Instant> time, Duration gap,
                                                 Function<E, ?> key) {
        Map<String, List<Instant>> timesByKey = new TreeMap<>();
        for (E event : events) {
            timesByKey.computeIfAbsent(String.valueOf(key.apply(event)), k -> new ArrayList<>()).add(time.apply(event));
        }
        Map<String, Long> counts = new TreeMap<>();
        timesByKey.forEach((k, times) -> {
            times.sort(null);
            Instant start = times.get(0);
            Instant last = start;
            long count = 0;
            for (Instant t : times) {
                if (t.isAfter(last.plus(gap))) {
                    counts.put(k + "|" + start + "|" + last.plus(gap), count);
                    start = t;
                    count = 0;
                }
                last = t;
                count++;
            }
            counts.put(k + "|" + start + "|" + last.plus(gap), count);
        });
        return counts;
    }

    /**
     * The {@code n} largest counts of each window, largest first, from counts keyed
     * {@code "<window start>|<key>"}: what a top-N query keeps, compared without caring which of two
     * tied keys it kept.
     */
    public static Map<String, List<Long>> topCounts(Map<String, Long> counts, int n) {
        Map<String, List<Long>> byWindow = new TreeMap<>();
        counts.forEach((k, count) -> byWindow.computeIfAbsent(k.substring(0, k.indexOf('|')), w -> new ArrayList<>()).add(count));
        byWindow.replaceAll((window, list) -> list.stream().sorted(java.util.Comparator.reverseOrder()).limit(n).toList());
        return byWindow;
    }

    /**
     * The events whose value lies more than {@code sigmas} standard deviations (population) from the
     * mean of their key's events in the same tumbling window: a z-score outlier test.
     */
    public static <E> List<E> outliers(Collection<E> events, Function<E, Instant> time, Duration size,
                                       Function<E, ?> key, java.util.function.ToDoubleFunction<E> value, double sigmas) {
        Map<String, List<E>> groups = new TreeMap<>();
        long sizeMillis = size.toMillis();
        for (E event : events) {
            long start = Math.floorDiv(time.apply(event).toEpochMilli(), sizeMillis) * sizeMillis;
            groups.computeIfAbsent(start + "|" + key.apply(event), g -> new ArrayList<>()).add(event);
        }
        List<E> outliers = new ArrayList<>();
        for (List<E> group : groups.values()) {
            double mean = group.stream().mapToDouble(value).average().orElse(0);
            double sd = Math.sqrt(group.stream().mapToDouble(e -> Math.pow(value.applyAsDouble(e) - mean, 2)).average().orElse(0));
            group.stream().filter(e -> Math.abs(value.applyAsDouble(e) - mean) > sigmas * sd).forEach(outliers::add);
        }
        return outliers;
    }

    /** The entries of {@code expected} whose keys {@code actual} has: the windows a query had closed when it stopped. */
    public static Map<String, Long> sameWindowsAs(Map<String, Long> actual, Map<String, Long> expected) {
        Map<String, Long> kept = new TreeMap<>();
        actual.keySet().forEach(k -> kept.put(k, expected.get(k)));
        return kept;
    }
}
