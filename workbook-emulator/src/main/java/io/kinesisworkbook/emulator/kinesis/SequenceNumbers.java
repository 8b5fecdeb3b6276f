package io.kinesisworkbook.emulator.kinesis;

import java.math.BigInteger;

/**
 * Sequence numbers: decimal strings, strictly increasing within a shard.
 *
 * <p>Ours read {@code 49 | shard index (12 digits) | value (24 digits)}. The record at position
 * {@code p} of a shard has value {@code p + 1}; value 0 is the shard's starting sequence number,
 * which stands just before its first record. Because the shard index is part of the number, a
 * number used with the wrong shard is caught, as AWS catches it; and because children have larger
 * indexes than their parents, numbers also keep increasing across a reshard.
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
        return format(shardIndex, position + 1);
    }

    /** The number just before the shard's first record. */
    static String starting(int shardIndex) {
        return format(shardIndex, 0);
    }

    static String format(int shardIndex, long value) {
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
     * @param value      0 for the starting number, {@code p + 1} for the record at position {@code p}
     */
    record Parsed(int shardIndex, long value) {
        /** The position of the record this number names (AT_SEQUENCE_NUMBER). */
        long atPosition() {
            return Math.max(0, value - 1);
        }

        /** The position just after the record this number names (AFTER_SEQUENCE_NUMBER). */
        long afterPosition() {
            return value;
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
