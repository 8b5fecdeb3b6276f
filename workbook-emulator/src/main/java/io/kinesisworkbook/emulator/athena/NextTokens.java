package io.kinesisworkbook.emulator.athena;

import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;

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

    /**
     * The page of {@code items} a token starts, at most {@code size} long; puts the NextToken of the
     * following page into the response when there is one.
     */
    static <T> List<T> page(List<T> items, String token, int size, ObjectNode response) {
        int from = Math.min(decode(token), items.size());
        int to = Math.min(items.size(), from + size);
        if (to < items.size()) {
            response.put("NextToken", encode(to));
        }
        return items.subList(from, to);
    }
}
