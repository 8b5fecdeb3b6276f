package io.kinesisworkbook.emulator.kinesis;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Shard iterators: opaque to clients, and valid for five minutes after they are handed out. Ours
 * carry where they point (stream, shard, position) and when they were issued, with a checksum so a
 * damaged or invented iterator is refused rather than misread.
 */
final class ShardIterators {

    static final long LIFETIME_MILLIS = 5 * 60 * 1000;
    private static final String VERSION = "kwb1";

    private ShardIterators() {
    }

    /**
     * @param streamCreatedMillis tells a recreated stream of the same name from the old one
     */
    record Position(String region, String streamName, long streamCreatedMillis, int shardIndex, long position,
                    long issuedMillis) {
    }

    static String encode(Position p) {
        String body = String.join("|", VERSION, p.region(), p.streamName(), Long.toString(p.streamCreatedMillis()),
                Integer.toString(p.shardIndex()), Long.toString(p.position()), Long.toString(p.issuedMillis()));
        String text = body + "|" + Long.toHexString(checksum(body));
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position an iterator names, or null when it is not an iterator of ours. An iterator wrapped
     * in double quotes, as a shell user pastes one from the CLI's JSON, is read without them, as AWS
     * reads it.
     */
    static Position decode(String iterator) {
        try {
            String text = new String(Base64.getDecoder().decode(unquoted(iterator)), StandardCharsets.UTF_8);
            int lastBar = text.lastIndexOf('|');
            String body = text.substring(0, lastBar);
            if (!Long.toHexString(checksum(body)).equals(text.substring(lastBar + 1))) {
                return null;
            }
            String[] parts = body.split("\\|");
            if (parts.length != 7 || !VERSION.equals(parts[0])) {
                return null;
            }
            return new Position(parts[1], parts[2], Long.parseLong(parts[3]), Integer.parseInt(parts[4]),
                    Long.parseLong(parts[5]), Long.parseLong(parts[6]));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static String unquoted(String iterator) {
        boolean quoted = iterator.length() >= 2 && iterator.startsWith("\"") && iterator.endsWith("\"");
        return quoted ? iterator.substring(1, iterator.length() - 1) : iterator;
    }

    private static long checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
