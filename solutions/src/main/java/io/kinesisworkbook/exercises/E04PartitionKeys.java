package io.kinesisworkbook.exercises;

/** Exercise 04, second part (notebook 04-throughput-and-scaling): a hot key spread without losing order where it matters. */
public final class E04PartitionKeys {

    /**
     * Something that happened in an online shop: a page view, or a step of an order.
     *
     * @param eventId a unique id
     * @param shop    the shop it happened in
     * @param orderId the order it is a step of ({@code placed}, {@code paid}, {@code packed}, {@code shipped}),
     *                or {@code null} for a page view
     * @param type    {@code view}, or the order's step
     */
    public record ShopEvent(String eventId, String shop, String orderId, String type) {

        /** Whether this is a step of an order, whose steps must be read in the order they happened. */
        public boolean partOfAnOrder() {
            return orderId != null;
        }
    }

    private E04PartitionKeys() {
    }

    /**
     * The partition key for {@code event} (at most 256 characters). One shop holds a sale and makes
     * most of the traffic, more than one shard takes (1,000 records a second): keyed by shop, all of
     * it goes to one shard, which throttles most of it while the others idle.
     * <ul>
     *   <li>The steps of one order must be read in the order they happened, and Kinesis keeps order
     *       only within a shard: they must share a key.</li>
     *   <li>Page views need no order: spread them over every shard.</li>
     * </ul>
     */
    public static String partitionKey(ShopEvent event) {
        // An order's steps share its id (one order is never hot); a page view is its own key.
        return event.partOfAnOrder() ? event.shop() + "/" + event.orderId() : event.eventId();
    }
}
