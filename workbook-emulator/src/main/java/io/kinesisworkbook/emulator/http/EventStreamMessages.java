package io.kinesisworkbook.emulator.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Encodes AWS event stream messages ({@code application/vnd.amazon.eventstream}):
 *
 * <pre>
 * [total length: 4][headers length: 4][prelude CRC32: 4][headers][payload][message CRC32: 4]
 * header = [name length: 1][name][type: 1 (7 = string)][value length: 2][value]
 * </pre>
 */
public final class EventStreamMessages {

    private static final byte STRING_HEADER = 7;
    private static final int PRELUDE_LENGTH = 12;
    private static final int CRC_LENGTH = 4;

    private EventStreamMessages() {
    }

    public static ByteBuf encode(ByteBufAllocator allocator, Map<String, String> headers, byte[] payload) {
        byte[] headerBytes = encodeHeaders(headers);
        int total = PRELUDE_LENGTH + headerBytes.length + payload.length + CRC_LENGTH;
        ByteBuf message = allocator.buffer(total);
        message.writeInt(total);
        message.writeInt(headerBytes.length);
        message.writeInt((int) crc(message, 0, 8));
        message.writeBytes(headerBytes);
        message.writeBytes(payload);
        message.writeInt((int) crc(message, 0, total - CRC_LENGTH));
        return message;
    }

    private static byte[] encodeHeaders(Map<String, String> headers) {
        int length = 0;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            length += 1 + utf8(header.getKey()).length + 1 + 2 + utf8(header.getValue()).length;
        }
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(length);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            byte[] name = utf8(header.getKey());
            byte[] value = utf8(header.getValue());
            buffer.put((byte) name.length).put(name).put(STRING_HEADER).putShort((short) value.length).put(value);
        }
        return buffer.array();
    }

    private static long crc(ByteBuf buffer, int from, int length) {
        CRC32 crc = new CRC32();
        crc.update(buffer.nioBuffer(from, length));
        return crc.getValue();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
