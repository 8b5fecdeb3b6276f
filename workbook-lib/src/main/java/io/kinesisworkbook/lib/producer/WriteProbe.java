package io.kinesisworkbook.lib.producer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

/**
 * Finds a stream's write limit by hitting it: writes as fast as one client can, in PutRecords calls
 * of 500 small records, and counts per time window how many records the stream accepted and how many
 * it throttled. Nothing is retried; a throttled record is only counted.
 *
 * <pre>{@code
 * WriteProbe.Result hot = WriteProbe.on(kinesis, stream).run(Duration.ofSeconds(3), n -> "the-one-busy-user");
 * Show.chart(Charts.timeSeries("Accepted").series("one key", hot.seconds(), hot.acceptedPerSecond()));
 * }</pre>
 *
 * <p>A run first waits a second without writing, so every shard starts with its full burst
 * capacity, as a shard does after a quiet moment; two runs of one notebook then start alike.
 */
public final class WriteProbe {

    private static final int RECORDS_PER_CALL = 500;
    private static final SdkBytes DATA = SdkBytes.fromUtf8String("x");

    private final KinesisClient kinesis;
    private final String stream;
    private Duration window = Duration.ofMillis(250);
    private Duration restFirst = Duration.ofSeconds(1);

    private WriteProbe(KinesisClient kinesis, String stream) {
        this.kinesis = kinesis;
        this.stream = stream;
    }

    public static WriteProbe on(KinesisClient kinesis, String stream) {
        return new WriteProbe(kinesis, stream);
    }

    /** How long each counting window is (default 250 ms: short enough to show a burst). */
    public WriteProbe window(Duration newWindow) {
        if (newWindow.isNegative() || newWindow.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + newWindow);
        }
        this.window = newWindow;
        return this;
    }

    /** How long to wait before writing (default one second; zero to start at once). */
    public WriteProbe restFirst(Duration rest) {
        this.restFirst = rest;
        return this;
    }

    /** Writes for {@code duration}, record {@code n} under partition key {@code partitionKeyOf.apply(n)}. */
    public Result run(Duration duration, IntFunction<String> partitionKeyOf) {
        sleep(restFirst);
        long windowNanos = window.toNanos();
        List<long[]> counts = new ArrayList<>();
        Map<String, Long> byShard = new TreeMap<>();
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - start < duration.toNanos()) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>(RECORDS_PER_CALL);
            for (int i = 0; i < RECORDS_PER_CALL; i++, n++) {
                entries.add(PutRecordsRequestEntry.builder().partitionKey(partitionKeyOf.apply(n)).data(DATA).build());
            }
            // Counted in the window the call started in: a call always starts within the run.
            int index = (int) ((System.nanoTime() - start) / windowNanos);
            PutRecordsResponse answer = kinesis.putRecords(b -> b.streamName(stream).records(entries));
            while (counts.size() <= index) {
                counts.add(new long[2]);
            }
            counts.get(index)[0] += RECORDS_PER_CALL - answer.failedRecordCount();
            counts.get(index)[1] += answer.failedRecordCount();
            answer.records().stream().filter(entry -> entry.errorCode() == null)
                    .forEach(entry -> byShard.merge(entry.shardId(), 1L, Long::sum));
        }
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            windows.add(new Window(i * window.toNanos() / 1e9, window.toNanos() / 1e9, counts.get(i)[0], counts.get(i)[1]));
        }
        return new Result(windows, byShard);
    }

    /** One counting window: when it started (seconds into the run), how long it lasted, what it counted. */
    public record Window(double startSeconds, double lengthSeconds, long accepted, long throttled) {

        public double acceptedPerSecond() {
            return accepted / lengthSeconds;
        }
    }

    /** What a run counted, window by window, and how many records each shard accepted. */
    public record Result(List<Window> windows, Map<String, Long> acceptedByShard) {

        public long accepted() {
            return windows.stream().mapToLong(Window::accepted).sum();
        }

        public long throttled() {
            return windows.stream().mapToLong(Window::throttled).sum();
        }

        /** The run's length in seconds: its windows end to end. */
        public double seconds() {
            return windows.stream().mapToDouble(Window::lengthSeconds).sum();
        }

        /** Records accepted per second over the whole run. */
        public double acceptedPerSecond() {
            return accepted() / seconds();
        }

        /** Records accepted per second from {@code seconds} into the run to its end: the rate once a burst is spent. */
        public double acceptedPerSecondFrom(double seconds) {
            List<Window> later = windows.stream().filter(w -> w.startSeconds() >= seconds - 1e-9).toList();
            double length = later.stream().mapToDouble(Window::lengthSeconds).sum();
            return length == 0 ? 0 : later.stream().mapToLong(Window::accepted).sum() / length;
        }

        /** Each window's start, in seconds into the run: the x values of a chart. */
        public double[] windowStarts() {
            return windows.stream().mapToDouble(Window::startSeconds).toArray();
        }

        /** Each window's accepted records as a rate per second: the y values of a chart. */
        public double[] acceptedPerSecondByWindow() {
            return windows.stream().mapToDouble(Window::acceptedPerSecond).toArray();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while resting before a write probe", e);
        }
    }
}
