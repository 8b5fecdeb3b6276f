package io.kinesisworkbook.lib.view;

import java.util.DoubleSummaryStatistics;
import java.util.stream.DoubleStream;

/**
 * How numbers read on a chart: with thousands separators and as many decimals as the range needs,
 * never in E-notation.
 *
 * <p>XChart picks its own pattern per axis, and switches to scientific notation ("1.26583E5") as soon
 * as an axis spans 100,000 or more, which nobody reads from a projector. We choose the pattern from the
 * data instead: an axis from 0 to 2,500 gets whole numbers ("2,500"), one from 0 to 8 one or two
 * decimals ("7.75"), one from 0 to 0.05 (dollars an hour, say) three or four ("0.017"). Bar labels use
 * the same pattern as their axis.
 */
final class AxisNumbers {

    /** Decimals beyond this never help a reader; they only show float noise. */
    private static final int MAX_DECIMALS = 6;

    private AxisNumbers() {
    }

    /**
     * A {@link java.text.DecimalFormat} pattern for values from {@code min} to {@code max}: whole
     * numbers once the range reaches 100, and below that enough decimals for ticks a hundredth of the
     * range apart (0.25 on an axis to 8, 0.005 on an axis to 0.4).
     */
    static String pattern(double min, double max) {
        double span = Math.abs(max - min);
        if (span == 0 || !Double.isFinite(span)) {
            span = Math.max(Math.abs(min), Math.abs(max));
        }
        if (span == 0 || !Double.isFinite(span)) {
            return "#,##0";
        }
        int place = (int) Math.floor(Math.log10(span));
        int decimals = Math.max(0, Math.min(MAX_DECIMALS, 2 - place));
        return decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals);
    }

    /** The pattern for a set of values (plus zero, where the axis starts for bars). */
    static String pattern(DoubleStream values, boolean includeZero) {
        DoubleSummaryStatistics stats = values.filter(Double::isFinite).summaryStatistics();
        if (stats.getCount() == 0) {
            return "#,##0";
        }
        double min = includeZero ? Math.min(0, stats.getMin()) : stats.getMin();
        double max = includeZero ? Math.max(0, stats.getMax()) : stats.getMax();
        return pattern(min, max);
    }
}
