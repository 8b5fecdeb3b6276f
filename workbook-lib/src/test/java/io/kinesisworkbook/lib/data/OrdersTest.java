package io.kinesisworkbook.lib.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrdersTest {

    private final List<Order> orders = Orders.seeded(42).currency("EUR").take(20_000);

    @Test
    void theTotalIsTheSumOfTheItems() {
        for (Order order : orders) {
            BigDecimal sum = order.items().stream()
                    .map(item -> item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(order.total()).isEqualByComparingTo(sum).isPositive();
            assertThat(order.items()).isNotEmpty().extracting(Order.Item::sku).doesNotHaveDuplicates();
            assertThat(order.currency()).isEqualTo("EUR");
        }
    }

    @Test
    void amountsAreSkewedLikeRealOrders() {
        double[] totals = orders.stream().mapToDouble(order -> order.total().doubleValue()).sorted().toArray();
        double median = totals[totals.length / 2];
        double mean = Arrays.stream(totals).average().orElseThrow();

        assertThat(mean).isGreaterThan(1.2 * median);
        assertThat(totals[totals.length - 1]).isGreaterThan(10 * median);
    }
}
