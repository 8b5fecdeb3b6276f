package io.kinesisworkbook.emulator.metrics;

/** Receives the seconds of a time series that hold data, in time order. */
interface SlotVisitor {

    /**
     * One second's statistics.
     *
     * @param secondMillis      the second's start
     * @param distribution      the second's values, or null when they are all equal (then minimum
     *                          stands for every one) or unknown
     * @param distributionKnown false when a statistic set with different minimum and maximum was
     *                          published into this second, so its values are not known
     */
    void second(long secondMillis, double count, double sum, double minimum, double maximum, ValueSketch distribution,
                boolean distributionKnown);
}
