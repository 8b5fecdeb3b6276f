package io.kinesisworkbook.lib.producer;

import java.util.Arrays;

/**
 * What a producer did: records accepted, throttled and retried, requests made, and the latency of
 * each PutRecords call. A snapshot: it does not change after it is taken.
 *
 * @param sent          records the stream accepted
 * @param throttled     times a record was refused with ProvisionedThroughputExceededException
 * @param otherFailures times a record was refused for another reason (InternalFailure)
 * @param retried       records sent again after a refusal
 * @param gaveUp        records dropped after the last attempt (zero unless something is wrong)
 * @param requests      PutRecords calls made
 * @param latencies     each call's latency in milliseconds, in call order
 */
public record ProducerMetrics(long sent, long throttled, long otherFailures, long retried, long gaveUp, long requests,
                              double[] latencies) {

    public double latencyPercentile(double percentile) {
        if (latencies.length == 0) {
            return 0;
        }
        double[] sorted = latencies.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "sent %,d records in %,d requests; throttled %,d, other failures %,d, retried %,d, gave up %,d; "
                        + "latency p50 %.1f ms, p99 %.1f ms",
                sent, requests, throttled, otherFailures, retried, gaveUp, latencyPercentile(50), latencyPercentile(99));
    }
}
