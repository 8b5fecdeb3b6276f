package io.kinesisworkbook.lib.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders from a shop with a fixed catalog of products and a pool of customers.
 *
 * <p>Product prices are log-normal (many cheap items, a few expensive ones) and products are
 * bought with Zipf popularity, so order totals are skewed too: the mean order is well above the
 * typical one, as in real shops.
 */
public final class Orders extends EventGenerator<Order, Orders> {

    private static final int PRODUCTS = 200;

    private final List<BigDecimal> prices = new ArrayList<>();
    private final Zipf productPopularity = new Zipf(PRODUCTS, 1.0);
    private int customers = 5_000;
    private String currency = "USD";

    private Orders(long seed) {
        super(seed);
        for (int i = 0; i < PRODUCTS; i++) {
            prices.add(money(Math.max(0.99, logNormal(25, 0.9))));
        }
    }

    public static Orders seeded(long seed) {
        return new Orders(seed);
    }

    /** How many distinct customers order (default 5,000). */
    public Orders customers(int count) {
        requireNotStarted();
        if (count < 1) {
            throw new IllegalArgumentException("need at least one customer");
        }
        this.customers = count;
        return this;
    }

    /** The ISO 4217 currency of every order (default USD). */
    public Orders currency(String code) {
        requireNotStarted();
        this.currency = code;
        return this;
    }

    @Override
    protected Order nextEvent(Instant time) {
        String customerId = hotKeyOr(() -> "customer-" + random().nextInt(customers));
        List<Order.Item> items = items();
        BigDecimal total = items.stream()
                .map(item -> item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Order("order-" + uuid(), time, customerId, items, total, currency, status());
    }

    /** One to a few distinct products; usually one of each, sometimes more. */
    private List<Order.Item> items() {
        int lines = 1 + geometric(0.55, 7);
        Map<Integer, Integer> quantities = new LinkedHashMap<>();
        for (int i = 0; i < lines; i++) {
            int quantity = chance(0.8) ? 1 : 2 + random().nextInt(3);
            quantities.merge(productPopularity.sample(random()), quantity, Integer::sum);
        }
        List<Order.Item> items = new ArrayList<>();
        quantities.forEach((product, quantity) ->
                items.add(new Order.Item(String.format("SKU-%05d", product), quantity, prices.get(product))));
        return items;
    }

    /** How many extra failures before a success with probability {@code p}, capped. */
    private int geometric(double p, int cap) {
        int failures = 0;
        while (failures < cap && !chance(p)) {
            failures++;
        }
        return failures;
    }

    private Order.Status status() {
        double u = random().nextDouble();
        if (u < 0.60) {
            return Order.Status.PLACED;
        }
        if (u < 0.85) {
            return Order.Status.PAID;
        }
        return u < 0.95 ? Order.Status.SHIPPED : Order.Status.CANCELLED;
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
