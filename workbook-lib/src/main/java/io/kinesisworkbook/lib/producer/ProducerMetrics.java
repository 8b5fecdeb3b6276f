package io.kinesisworkbook.lib.producer;

import io.kinesisworkbook.lib.Percentiles;

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

    /** A latency percentile by the nearest-rank method ({@link Percentiles}); 0 before the first call. */
    public double latencyPercentile(double percentile) {
        return latencies.length == 0 ? 0 : Percentiles.nearestRank(latencies, percentile);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "sent %,d records in %,d requests; throttled %,d, other failures %,d, retried %,d, gave up %,d; "
                        + "latency p50 %.1f ms, p99 %.1f ms",
                sent, requests, throttled, otherFailures, retried, gaveUp, latencyPercentile(50), latencyPercentile(99));
    }
}
