package io.kinesisworkbook.emulator.cloudwatch.math;

import java.util.List;

/** What an expression computes: a number, one time series, or several (METRICS(), {@code [m1, m2]}). */
public sealed interface Value {

    record Scalar(double value) implements Value {
    }

    /** A series and the label CloudWatch would give it. */
    record Series(TimeSeries series, String label) implements Value {
    }

    record Many(List<Series> series) implements Value {
    }
}
