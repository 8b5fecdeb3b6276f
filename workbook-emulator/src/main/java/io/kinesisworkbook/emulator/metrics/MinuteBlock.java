package io.kinesisworkbook.emulator.metrics;

import java.util.Arrays;

/**
 * One minute of one time series: sixty one-second slots of count, sum, minimum, maximum and, where
 * a second got different values, their distribution ({@link ValueSketch}).
 *
 * <p>A block is written while its minute is current ("open": plain arrays, about 2 KB), then
 * sealed into a compact byte array once time has moved on, because an hour of one-second data for
 * thousands of series must fit in a notebook's heap. Sealed, an empty second costs one byte, a
 * second with one whole-number value (IncomingRecords, IncomingBytes) two to five, a fractional
 * latency in milliseconds with three decimals up to six; arrays of doubles would cost 28 bytes a
 * second whatever they held. A late write into a sealed minute opens it again.
 */
final class MinuteBlock {

    static final int SECONDS = 60;
    private static final byte EMPTY = 0;
    private static final byte ONE_VALUE = 1;
    private static final byte EQUAL_VALUES = 2;
    private static final byte DISTRIBUTION = 3;
    private static final byte STATISTICS_ONLY = 4;

    final long startMillis;
    private double[] counts;
    private double[] sums;
    private double[] minimums;
    private double[] maximums;
    private ValueSketch[] sketches;
    private boolean[] statisticsOnly;
    private byte[] sealed;

    MinuteBlock(long startMillis) {
        this.startMillis = startMillis;
        open();
    }

    boolean isSealed() {
        return sealed != null;
    }

    /** {@code count} samples of {@code value} in one second (a single value has count 1). */
    void add(int second, double value, double count) {
        openIfSealed();
        if (counts[second] == 0) {
            counts[second] = count;
            sums[second] = value * count;
            minimums[second] = value;
            maximums[second] = value;
            return;
        }
        if (!statisticsOnly[second]) {
            ValueSketch sketch = sketches[second];
            if (sketch == null && value != minimums[second]) { // the second's values were all equal until now
                sketch = new ValueSketch();
                sketch.add(minimums[second], counts[second]);
                sketches[second] = sketch;
            }
            if (sketch != null) {
                sketch.add(value, count);
            }
        }
        counts[second] += count;
        sums[second] += value * count;
        minimums[second] = Math.min(minimums[second], value);
        maximums[second] = Math.max(maximums[second], value);
    }

    /** A statistic set: its values are known only when they are all equal. */
    void addStatistics(int second, double count, double sum, double minimum, double maximum) {
        if (minimum == maximum || count == 1) {
            add(second, minimum, count);
            sums[second] += sum - minimum * count; // keep the sum the client gave
            return;
        }
        openIfSealed();
        statisticsOnly[second] = true;
        sketches[second] = null;
        boolean empty = counts[second] == 0;
        counts[second] += count;
        sums[second] += sum;
        minimums[second] = empty ? minimum : Math.min(minimums[second], minimum);
        maximums[second] = empty ? maximum : Math.max(maximums[second], maximum);
    }

    /** Visits the seconds with data in {@code [fromMillis, toMillis)}. */
    void visit(long fromMillis, long toMillis, SlotVisitor visitor) {
        long endMillis = startMillis + SECONDS * 1000L;
        int first = fromMillis <= startMillis ? 0 : (int) Math.min(SECONDS, (fromMillis - startMillis + 999) / 1000);
        int end = toMillis >= endMillis ? SECONDS : (int) Math.max(0, (toMillis - startMillis + 999) / 1000);
        if (first >= end) {
            return;
        }
        if (sealed != null) {
            new Decoder(sealed).visit(startMillis, first, end, visitor);
            return;
        }
        for (int second = first; second < end; second++) {
            if (counts[second] != 0) {
                visitor.second(startMillis + second * 1000L, counts[second], sums[second], minimums[second],
                        maximums[second], sketches[second], !statisticsOnly[second]);
            }
        }
    }

    /** Packs the block into bytes and lets its arrays go. */
    void seal() {
        if (sealed != null) {
            return;
        }
        Encoder out = new Encoder();
        for (int second = 0; second < SECONDS; second++) {
            double count = counts[second];
            if (count == 0) {
                out.tag(EMPTY);
            } else if (statisticsOnly[second]) {
                out.tag(STATISTICS_ONLY);
                out.numbers(count, sums[second], minimums[second], maximums[second]);
            } else if (sketches[second] != null) {
                out.tag(DISTRIBUTION);
                out.numbers(count, sums[second], minimums[second], maximums[second]);
                out.sketch(sketches[second]);
            } else if (count == 1) {
                out.tag(ONE_VALUE);
                out.number(sums[second]);
            } else {
                out.tag(EQUAL_VALUES);
                out.numbers(count, sums[second], minimums[second]);
            }
        }
        sealed = out.bytes();
        counts = sums = minimums = maximums = null;
        sketches = null;
        statisticsOnly = null;
    }

    /** Bytes this block holds, roughly: for the memory benchmark's breakdown. */
    long footprintBytes() {
        return sealed != null ? 16 + sealed.length : 6 * (16 + SECONDS * 8L);
    }

    private void open() {
        counts = new double[SECONDS];
        sums = new double[SECONDS];
        minimums = new double[SECONDS];
        maximums = new double[SECONDS];
        sketches = new ValueSketch[SECONDS];
        statisticsOnly = new boolean[SECONDS];
    }

    private void openIfSealed() {
        if (sealed == null) {
            return;
        }
        byte[] bytes = sealed;
        sealed = null;
        open();
        new Decoder(bytes).visit(startMillis, 0, SECONDS, (secondMillis, count, sum, minimum, maximum, sketch, known) -> {
            int second = (int) ((secondMillis - startMillis) / 1000);
            counts[second] = count;
            sums[second] = sum;
            minimums[second] = minimum;
            maximums[second] = maximum;
            sketches[second] = sketch;
            statisticsOnly[second] = !known;
        });
    }

    /**
     * Numbers as compact as their kind allows: a whole number as a zig-zag varint, one with at most
     * three decimals (milliseconds to the microsecond) as a varint of its thousandths, anything
     * else as its eight bytes. The two low bits of the first varint say which.
     */
    private static final class Encoder {
        private static final long LIMIT = 1L << 52;
        private byte[] bytes = new byte[64];
        private int size;

        void tag(byte tag) {
            write(tag);
        }

        void numbers(double... values) {
            for (double value : values) {
                number(value);
            }
        }

        void number(double value) {
            if (value == Math.rint(value) && Math.abs(value) < LIMIT) {
                varint(zigzag((long) value) << 2);
                return;
            }
            double thousandths = Math.rint(value * 1000);
            if (thousandths / 1000 == value && Math.abs(thousandths) < LIMIT) {
                varint(zigzag((long) thousandths) << 2 | 1);
                return;
            }
            varint(3);
            long bits = Double.doubleToRawLongBits(value);
            for (int shift = 56; shift >= 0; shift -= 8) {
                write((byte) (bits >>> shift));
            }
        }

        void sketch(ValueSketch sketch) {
            varint(sketch.size());
            int previous = 0;
            for (int i = 0; i < sketch.size(); i++) {
                varint(zigzag(sketch.key(i) - (long) previous));
                number(sketch.count(i));
                previous = sketch.key(i);
            }
        }

        private void varint(long value) {
            while ((value & ~0x7FL) != 0) {
                write((byte) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            write((byte) value);
        }

        private static long zigzag(long value) {
            return (value << 1) ^ (value >> 63);
        }

        private void write(byte b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = b;
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }
    }

    private static final class Decoder {
        private final byte[] bytes;
        private int position;

        Decoder(byte[] bytes) {
            this.bytes = bytes;
        }

        void visit(long startMillis, int first, int end, SlotVisitor visitor) {
            for (int second = 0; second < end; second++) {
                byte tag = bytes[position++];
                if (tag == EMPTY) {
                    continue;
                }
                double count;
                double sum;
                double minimum;
                double maximum;
                ValueSketch sketch = null;
                switch (tag) {
                    case ONE_VALUE -> {
                        count = 1;
                        sum = minimum = maximum = number();
                    }
                    case EQUAL_VALUES -> {
                        count = number();
                        sum = number();
                        minimum = maximum = number();
                    }
                    default -> {
                        count = number();
                        sum = number();
                        minimum = number();
                        maximum = number();
                        if (tag == DISTRIBUTION) {
                            sketch = sketch();
                        }
                    }
                }
                if (second >= first) {
                    visitor.second(startMillis + second * 1000L, count, sum, minimum, maximum, sketch,
                            tag != STATISTICS_ONLY);
                }
            }
        }

        private ValueSketch sketch() {
            int size = (int) varint();
            ValueSketch sketch = new ValueSketch();
            int key = 0;
            for (int i = 0; i < size; i++) {
                key += (int) unzigzag(varint());
                sketch.addToKey(key, number());
            }
            return sketch;
        }

        private double number() {
            long head = varint();
            int kind = (int) (head & 3);
            if (kind == 3) {
                long bits = 0;
                for (int i = 0; i < 8; i++) {
                    bits = bits << 8 | (bytes[position++] & 0xFF);
                }
                return Double.longBitsToDouble(bits);
            }
            long value = unzigzag(head >>> 2);
            return kind == 0 ? value : value / 1000.0;
        }

        private long varint() {
            long value = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes[position++];
                value |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return value;
        }

        private static long unzigzag(long value) {
            return (value >>> 1) ^ -(value & 1);
        }
    }
}
