package io.kinesisworkbook.emulator.metrics;

import java.util.Arrays;

/**
 * One time series under one unit: its minutes in time order. Writers from many threads take the
 * timeline's lock for the few nanoseconds a write needs; a reader takes it while it visits.
 */
final class Timeline {

    private MinuteBlock[] blocks = new MinuteBlock[4];
    private int size;

    synchronized void add(long secondMillis, double value, double count) {
        block(secondMillis).add(secondOf(secondMillis), value, count);
    }

    synchronized void addStatistics(long secondMillis, double count, double sum, double minimum, double maximum) {
        block(secondMillis).addStatistics(secondOf(secondMillis), count, sum, minimum, maximum);
    }

    synchronized void visit(long fromMillis, long toMillis, SlotVisitor visitor) {
        int at = Math.max(0, indexAtOrAfter(minuteOf(fromMillis)));
        for (int i = at; i < size && blocks[i].startMillis < toMillis; i++) {
            blocks[i].visit(fromMillis, toMillis, visitor);
        }
    }

    /** Drops the minutes that end before {@code millis}; true when nothing is left. */
    synchronized boolean trimBefore(long millis) {
        int keep = 0;
        while (keep < size && blocks[keep].startMillis + MinuteBlock.SECONDS * 1000L <= millis) {
            keep++;
        }
        if (keep > 0) {
            System.arraycopy(blocks, keep, blocks, 0, size - keep);
            Arrays.fill(blocks, size - keep, size, null);
            size -= keep;
        }
        return size == 0;
    }

    synchronized long footprintBytes() {
        long bytes = 16 + blocks.length * 4L;
        for (int i = 0; i < size; i++) {
            bytes += blocks[i].footprintBytes();
        }
        return bytes;
    }

    /** The minute a second falls in; a new minute seals those before the one just past. */
    private MinuteBlock block(long secondMillis) {
        long minute = minuteOf(secondMillis);
        int at = indexAtOrAfter(minute);
        if (at < size && blocks[at].startMillis == minute) {
            return blocks[at];
        }
        if (size == blocks.length) {
            blocks = Arrays.copyOf(blocks, size * 2);
        }
        System.arraycopy(blocks, at, blocks, at + 1, size - at);
        MinuteBlock block = new MinuteBlock(minute);
        blocks[at] = block;
        size++;
        for (int i = 0; i < size && blocks[i].startMillis < minute - 60_000L; i++) {
            blocks[i].seal();
        }
        return block;
    }

    private int indexAtOrAfter(long minute) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long start = blocks[middle].startMillis;
            if (start < minute) {
                low = middle + 1;
            } else if (start > minute) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return low;
    }

    private static long minuteOf(long millis) {
        return millis - Math.floorMod(millis, 60_000L);
    }

    private static int secondOf(long millis) {
        return (int) (Math.floorMod(millis, 60_000L) / 1000);
    }
}
