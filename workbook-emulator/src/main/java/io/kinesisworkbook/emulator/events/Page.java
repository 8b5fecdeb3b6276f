package io.kinesisworkbook.emulator.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * A page of a List* answer: at most {@code Limit} items after the one its {@code NextToken} names,
 * and the token for the next page when there is one. Tokens are opaque to clients.
 */
record Page<T>(List<T> items, String nextToken) {

    static <T> Page<T> of(List<T> all, Function<T, String> key, Integer limit, String nextToken) {
        int from = 0;
        if (nextToken != null) {
            String after = decode(nextToken);
            while (from < all.size() && key.apply(all.get(from)).compareTo(after) < 0) {
                from++;
            }
        }
        int size = limit == null ? 100 : limit;
        int to = Math.min(all.size(), from + size);
        String next = to < all.size() ? encode(key.apply(all.get(to))) : null;
        return new Page<>(all.subList(from, to), next);
    }

    /** Adds {@code NextToken} to an answer when there is a next page. */
    void putNextToken(ObjectNode response) {
        if (nextToken != null) {
            response.put("NextToken", nextToken);
        }
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("page:" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("page:")) {
                return text.substring("page:".length());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw EventsErrors.validation("The NextToken provided is invalid.");
    }
}
