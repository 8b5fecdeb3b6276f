package io.kinesisworkbook.lib.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An e-commerce order as the shop's order service publishes it.
 *
 * <p>Money is a {@link BigDecimal} with two decimals, never a {@code double}: 0.1 + 0.2 must be 0.3.
 *
 * @param total the sum of {@code quantity × unitPrice} over the items
 */
public record Order(
        String orderId,
        Instant timestamp,
        String customerId,
        List<Item> items,
        BigDecimal total,
        String currency,
        Status status) implements StreamEvent {

    public Order {
        items = List.copyOf(items);
    }

    /** One line of the order. */
    public record Item(String sku, int quantity, BigDecimal unitPrice) {
    }

    /** Where the order stands when this event was published. */
    public enum Status { PLACED, PAID, SHIPPED, CANCELLED }

    /** By customer: one customer's orders stay in order (a cancellation after its placement). */
    @Override
    public String partitionKey() {
        return customerId;
    }
}
