package io.kinesisworkbook.lib.producer;

import java.util.List;

/**
 * One PutRecords call a {@link Producer} made, as {@link Producer#calls()} lists them: when its
 * answer came, what it carried, what the stream did with it, and how long the producer backed off
 * before sending it.
 *
 * <pre>{@code
 * List<PutRecordsCall> calls = producer.calls();
 * Show.chart(Charts.timeSeries("Records accepted so far")
 *         .series("accepted", PutRecordsCall.seconds(calls), PutRecordsCall.acceptedSoFar(calls)));
 * }</pre>
 *
 * @param call          1 for the producer's first call, then 2, 3, ...
 * @param seconds       when the answer came, in seconds since the first call was sent
 * @param records       records in the request
 * @param retries       of those, records sent again after a refusal
 * @param accepted      records the stream accepted
 * @param throttled     records refused with ProvisionedThroughputExceededException
 * @param backoffMillis how long the producer waited before this call (zero unless it carried retries)
 */
public record PutRecordsCall(int call, double seconds, int records, int retries, int accepted, int throttled,
                             long backoffMillis) {

    /** Each call's {@link #seconds()}, for a chart's time axis. */
    public static double[] seconds(List<PutRecordsCall> calls) {
        return calls.stream().mapToDouble(PutRecordsCall::seconds).toArray();
    }

    /** Records accepted by the end of each call: the running total of {@link #accepted()}. */
    public static double[] acceptedSoFar(List<PutRecordsCall> calls) {
        double[] total = new double[calls.size()];
        double sum = 0;
        for (int i = 0; i < total.length; i++) {
            sum += calls.get(i).accepted();
            total[i] = sum;
        }
        return total;
    }
}
