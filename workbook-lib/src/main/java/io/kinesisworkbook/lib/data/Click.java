package io.kinesisworkbook.lib.data;

import java.time.Instant;

/**
 * One interaction on a shop's website, as a clickstream tracker would send it.
 *
 * @param referrer where the visitor came from: an outside site on a session's first page, the
 *                 previous page afterwards, null for a direct visit
 * @param device   {@code desktop}, {@code mobile} or {@code tablet}; fixed for a session
 */
public record Click(
        String eventId,
        Instant timestamp,
        String userId,
        String sessionId,
        String page,
        String referrer,
        String device,
        Action action) implements StreamEvent {

    /** What the visitor did. */
    public enum Action { PAGE_VIEW, CLICK, ADD_TO_CART, PURCHASE }

    /** By user: one user's clicks stay in order, so a consumer can rebuild their sessions. */
    @Override
    public String partitionKey() {
        return userId;
    }
}
