package io.kinesisworkbook.lib.firehose;

import io.kinesisworkbook.lib.backend.WorkbookException;
import io.kinesisworkbook.lib.view.Charts;
import io.kinesisworkbook.lib.view.TimeSeriesChart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Buffering hints side by side: the same records, at the same moments, into Direct PUT delivery
 * streams that differ only in their buffering interval, watched from the bucket. It notes when each
 * object appears and how long its records waited: the picture of "a short interval delivers sooner,
 * a long one writes fewer objects".
 *
 * <pre>{@code
 * BufferingExperiment.Result result = BufferingExperiment.into(aws.deliveryStreams(), aws.firehose(), aws.s3(), bucket)
 *         .intervals(1, 3, 6).feedFor(Duration.ofSeconds(12)).run();
 * Show.chart(result.chart("Records in S3"));
 * Show.table(Tables.fromRecords("per delivery stream", result.summary()));
 * }</pre>
 *
 * <p>Every 100 ms it sends one PutRecordBatch of 20 records to each delivery stream; each record is
 * a line {@code <time sent in epoch ms>,<n>}. A thread lists the bucket every 100 ms and notes when
 * each object first appears. After the feeding it waits (generously, not a fixed time) until every
 * record is in S3 and has been seen, then deletes the delivery streams; the objects stay, under
 * {@code buffering/<interval>s/}.
 */
public final class BufferingExperiment {

    private static final String PREFIX = "buffering/";
    private static final int RECORDS_PER_BATCH = 20;
    private static final Duration BATCH_EVERY = Duration.ofMillis(100);
    private static final Duration LOOK_EVERY = Duration.ofMillis(100);

    private final DeliveryStreams deliveryStreams;
    private final FirehoseClient firehose;
    private final S3Client s3;
    private final String bucket;
    private int[] intervals = {1, 3, 6};
    private Duration feedFor = Duration.ofSeconds(12);
    private Duration patience = Duration.ofSeconds(90);

    private BufferingExperiment(DeliveryStreams deliveryStreams, FirehoseClient firehose, S3Client s3, String bucket) {
        this.deliveryStreams = deliveryStreams;
        this.firehose = firehose;
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** An experiment writing into {@code bucket} (created if missing). */
    public static BufferingExperiment into(DeliveryStreams deliveryStreams, FirehoseClient firehose, S3Client s3,
                                           String bucket) {
        return new BufferingExperiment(deliveryStreams, firehose, s3, bucket);
    }

    /** The buffering intervals to compare, in seconds, one delivery stream each (default 1, 3, 6). */
    public BufferingExperiment intervals(int... seconds) {
        if (seconds.length == 0) {
            throw new IllegalArgumentException("Name at least one buffering interval");
        }
        this.intervals = seconds.clone();
        return this;
    }

    /** How long to send records (default 12 s). */
    public BufferingExperiment feedFor(Duration duration) {
        this.feedFor = duration;
        return this;
    }

    /** How long to wait, after the feeding, for every record to be in S3 (default 90 s). */
    public BufferingExperiment patience(Duration duration) {
        this.patience = duration;
        return this;
    }

    /** Creates the delivery streams, feeds them, watches the bucket, and deletes them again. */
    public Result run() throws InterruptedException {
        for (int seconds : intervals) {
            deliveryStreams.directPut(name(seconds), S3Delivery.to(bucket).prefixes(prefix(seconds), null)
                    .buffering(seconds, 1));
        }
        Map<String, Long> firstSeenMillis = new ConcurrentHashMap<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> watch(firstSeenMillis, watching), "buffering-watcher");
        watcher.setDaemon(true);
        watcher.start();
        try {
            Feeding feeding = feed();
            Map<Integer, List<DeliveredObjects.DeliveredObject>> delivered = awaitDelivery(feeding.fed(), firstSeenMillis);
            return new Result(feeding, delivered, firstSeenMillis);
        } finally {
            watching.set(false);
            watcher.join(Duration.ofSeconds(10).toMillis());
            for (int seconds : intervals) {
                deliveryStreams.delete(name(seconds));
            }
        }
    }

    private Feeding feed() throws InterruptedException {
        long start = System.currentTimeMillis();
        List<double[]> sent = new ArrayList<>();
        int fed = 0;
        for (long due = start; due < start + feedFor.toMillis(); due += BATCH_EVERY.toMillis()) {
            Thread.sleep(Math.max(0, due - System.currentTimeMillis()));
            List<Record> batch = new ArrayList<>();
            for (int i = 0; i < RECORDS_PER_BATCH; i++, fed++) {
                batch.add(Record.builder().data(SdkBytes.fromUtf8String(System.currentTimeMillis() + "," + fed + "\n")).build());
            }
            for (int seconds : intervals) {
                PutRecordBatchResponse answer = firehose.putRecordBatch(b -> b.deliveryStreamName(name(seconds)).records(batch));
                if (answer.failedPutCount() > 0) {
                    throw new WorkbookException(answer.failedPutCount() + " records were refused by " + name(seconds));
                }
            }
            sent.add(new double[] {(System.currentTimeMillis() - start) / 1000.0, fed});
        }
        return new Feeding(start, fed, sent);
    }

    /** Waits until every delivery stream's objects hold every record, and the watcher has seen each object. */
    private Map<Integer, List<DeliveredObjects.DeliveredObject>> awaitDelivery(int fed, Map<String, Long> firstSeen)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Map<Integer, List<DeliveredObjects.DeliveredObject>> delivered = new java.util.LinkedHashMap<>();
            boolean complete = true;
            for (int seconds : intervals) {
                List<DeliveredObjects.DeliveredObject> objects = DeliveredObjects.under(s3, bucket, prefix(seconds));
                delivered.put(seconds, objects);
                int lines = objects.stream().mapToInt(o -> o.lines().size()).sum();
                complete &= lines >= fed && objects.stream().allMatch(o -> firstSeen.containsKey(o.key()));
            }
            if (complete) {
                return delivered;
            }
            if (System.nanoTime() > deadline) {
                throw new WorkbookException("Not every one of " + fed + " records was under s3://" + bucket + "/" + PREFIX
                        + " after " + patience.toSeconds() + " s");
            }
            Thread.sleep(LOOK_EVERY.toMillis());
        }
    }

    private void watch(Map<String, Long> firstSeenMillis, AtomicBoolean watching) {
        while (watching.get()) {
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(PREFIX)).contents()) {
                firstSeenMillis.putIfAbsent(object.key(), System.currentTimeMillis());
            }
            try {
                Thread.sleep(LOOK_EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String name(int seconds) {
        return "buffer-" + seconds + "s";
    }

    private static String prefix(int seconds) {
        return PREFIX + seconds + "s/";
    }

    /** When the records were sent: the start, how many in all, and (seconds, records so far) after each batch. */
    private record Feeding(long startMillis, int fed, List<double[]> sent) {
    }

    /**
     * One delivery stream's result.
     *
     * @param deliveryStream its name
     * @param intervalSeconds its buffering interval
     * @param objects        objects it wrote
     * @param records        records in them
     * @param medianWaitMs   half the records were in S3 within this long of being sent
     * @param maxWaitMs      the longest any record waited
     */
    public record BufferingSummary(String deliveryStream, int intervalSeconds, int objects, int records,
                                   long medianWaitMs, long maxWaitMs) {
    }

    /** What the experiment saw. */
    public static final class Result {

        private final Feeding feeding;
        private final Map<Integer, List<DeliveredObjects.DeliveredObject>> delivered;
        private final Map<String, Long> firstSeenMillis;

        private Result(Feeding feeding, Map<Integer, List<DeliveredObjects.DeliveredObject>> delivered,
                       Map<String, Long> firstSeenMillis) {
            this.feeding = feeding;
            this.delivered = delivered;
            this.firstSeenMillis = Map.copyOf(firstSeenMillis);
        }

        /** How many records each delivery stream was sent. */
        public int fed() {
            return feeding.fed();
        }

        /** One row per delivery stream, shortest interval first. */
        public List<BufferingSummary> summary() {
            List<BufferingSummary> rows = new ArrayList<>();
            delivered.forEach((seconds, objects) -> {
                List<Long> waits = new ArrayList<>();
                for (DeliveredObjects.DeliveredObject object : objects) {
                    long seen = firstSeenMillis.get(object.key());
                    object.lines().forEach(line -> waits.add(seen - Long.parseLong(line.substring(0, line.indexOf(',')))));
                }
                Collections.sort(waits);
                rows.add(new BufferingSummary(name(seconds), seconds, objects.size(), waits.size(),
                        waits.get((waits.size() - 1) / 2), waits.get(waits.size() - 1)));
            });
            return rows;
        }

        /**
         * Records sent, and records in S3 per delivery stream, against seconds since the first batch:
         * each delivery is a step up when its object appears.
         */
        public TimeSeriesChart chart(String title) {
            TimeSeriesChart chart = Charts.timeSeries(title).xAxis("seconds since the first record was sent")
                    .yAxis("records");
            List<double[]> sent = everySecond(feeding.sent());
            chart.series("sent", column(sent, 0), column(sent, 1));
            delivered.forEach((seconds, objects) -> {
                List<double[]> steps = new ArrayList<>();
                steps.add(new double[] {0, 0});
                double total = 0;
                for (DeliveredObjects.DeliveredObject object : objects.stream()
                        .sorted(Comparator.comparing(o -> firstSeenMillis.get(o.key()))).toList()) {
                    double at = (firstSeenMillis.get(object.key()) - feeding.startMillis()) / 1000.0;
                    steps.add(new double[] {at, total});
                    total += object.lines().size();
                    steps.add(new double[] {at, total});
                }
                chart.series("in S3, " + seconds + " s interval", column(steps, 0), column(steps, 1));
            });
            return chart;
        }

        /**
         * The records sent by each whole second, and in all: one point a second draws the same line as
         * one a batch, and keeps XChart from putting a tick on every batch (it ticks each value of
         * evenly spaced data).
         */
        private static List<double[]> everySecond(List<double[]> sent) {
            List<double[]> points = new ArrayList<>();
            points.add(new double[] {0, 0});
            for (int i = 0; i < sent.size(); i++) {
                boolean last = i == sent.size() - 1;
                if (last || Math.floor(sent.get(i + 1)[0]) > Math.floor(sent.get(i)[0])) {
                    points.add(sent.get(i));
                }
            }
            return points;
        }

        private static double[] column(List<double[]> points, int index) {
            return points.stream().mapToDouble(point -> point[index]).toArray();
        }
    }
}
