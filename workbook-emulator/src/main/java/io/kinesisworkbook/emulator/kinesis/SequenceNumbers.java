package io.kinesisworkbook.emulator.kinesis;

import java.math.BigInteger;

/**
 * Sequence numbers: decimal strings, strictly increasing within a shard.
 *
 * <p>Ours read {@code 49 | shard index (12 digits) | value (24 digits)}. The record at position
 * {@code p} of a shard has the even value {@code 2p + 2}; value 0 is the shard's starting sequence
 * number, which stands just before its first record. The odd values lie between records: {@code 2p + 1}
 * stands after the record at {@code p - 1} and before the one at {@code p}. SubscribeToShard's
 * {@code ContinuationSequenceNumber} is such a number, its own value rather than the last record's, so
 * a new subscription AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER it resumes at the same record, as
 * AWS documents it (KCL resubscribes AFTER it). AWS's numbers have gaps too.
 *
 * <p>Because the shard index is part of the number, a number used with the wrong shard is caught,
 * as AWS catches it; and because children have larger indexes than their parents, numbers also keep
 * increasing across a reshard.
 */
final class SequenceNumbers {

    private static final String PREFIX = "49";
    private static final int SHARD_DIGITS = 12;
    private static final int VALUE_DIGITS = 24;
    static final int LENGTH = PREFIX.length() + SHARD_DIGITS + VALUE_DIGITS;

    private SequenceNumbers() {
    }

    /** The sequence number of the record at {@code position}. */
    static String ofPosition(int shardIndex, long position) {
        return format(shardIndex, 2 * position + 2);
    }

    /** The number just before the shard's first record. */
    static String starting(int shardIndex) {
        return format(shardIndex, 0);
    }

    /** The last of the first {@code count} records' numbers: a closed shard's ending sequence number. */
    static String lastOf(int shardIndex, long count) {
        return format(shardIndex, 2 * count);
    }

    /** The number between the record before {@code position} and the record at it: a continuation. */
    static String before(int shardIndex, long position) {
        return format(shardIndex, 2 * position + 1);
    }

    private static String format(int shardIndex, long value) {
        StringBuilder text = new StringBuilder(LENGTH).append(PREFIX);
        pad(text, Integer.toString(shardIndex), SHARD_DIGITS);
        pad(text, Long.toString(value), VALUE_DIGITS);
        return text.toString();
    }

    /** A parsed sequence number, or null when the text is not one of ours. */
    static Parsed parse(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX) || !isDigits(text)) {
            return null;
        }
        int shardIndex = Integer.parseInt(text.substring(PREFIX.length(), PREFIX.length() + SHARD_DIGITS));
        BigInteger value = new BigInteger(text.substring(PREFIX.length() + SHARD_DIGITS));
        if (value.bitLength() > 62) {
            return null;
        }
        return new Parsed(shardIndex, value.longValue());
    }

    /**
     * @param shardIndex the shard the number belongs to
     * @param value      0 for the starting number, {@code 2p + 2} for the record at position {@code p},
     *                   {@code 2p + 1} for the gap just before it
     */
    record Parsed(int shardIndex, long value) {
        /** The position of the first record at or after this number (AT_SEQUENCE_NUMBER). */
        long atPosition() {
            return Math.max(0, (value - 1) / 2);
        }

        /** The position of the first record after this number (AFTER_SEQUENCE_NUMBER). */
        long afterPosition() {
            return value / 2;
        }
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i)) || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static void pad(StringBuilder text, String digits, int width) {
        text.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
    }
}
