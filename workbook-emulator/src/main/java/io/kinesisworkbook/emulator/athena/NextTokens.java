package io.kinesisworkbook.emulator.athena;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Athena's NextToken for paged answers: opaque to clients, the position of the next item to us. */
final class NextTokens {

    private NextTokens() {
    }

    static String encode(int index) {
        return Base64.getEncoder().encodeToString(String.valueOf(index).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a token names; the start for none; Athena's InvalidRequestException for one it never gave. */
    static int decode(String token) {
        if (token == null) {
            return 0;
        }
        try {
            return Integer.parseInt(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw AthenaErrors.invalidRequest("Invalid NextToken");
        }
    }
}
