package io.kinesisworkbook.emulator.kinesis;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The NextToken of paged listings (streams, shards, consumers): opaque to clients, readable to us. */
final class PageTokens {

    private PageTokens() {
    }

    static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String token) {
        try {
            return new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw KinesisErrors.invalidArgument("Invalid NextToken.");
        }
    }
}
