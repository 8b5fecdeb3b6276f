package io.kinesisworkbook.lib.data;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StockTradesTest {

    @Test
    void pricesNeverGoBelowOneCentEvenInAWildMarket() {
        List<Trade> trades = StockTrades.seeded(42).volatilityPerTrade(0.2).take(50_000);
        assertThat(trades).allSatisfy(trade -> {
            assertThat(trade.price()).isGreaterThanOrEqualTo(new BigDecimal("0.01"));
            assertThat(trade.quantity()).isPositive();
        });
    }

    @Test
    void pricesWalkRatherThanJump() {
        Map<String, BigDecimal> last = new HashMap<>();
        for (Trade trade : StockTrades.seeded(42).take(20_000)) {
            BigDecimal previous = last.put(trade.symbol(), trade.price());
            if (previous != null) {
                double change = Math.abs(trade.price().doubleValue() / previous.doubleValue() - 1);
                assertThat(change).isLessThan(0.01);
            }
        }
    }

    @Test
    void theMostPopularSymbolIsTradedFarMoreThanTheMedianOne() {
        Map<String, Long> counts = StockTrades.seeded(42).take(20_000).stream()
                .collect(groupingBy(Trade::symbol, counting()));
        List<Long> sorted = counts.values().stream().sorted().toList();

        assertThat(counts.get("NVDA")).isEqualTo(sorted.get(sorted.size() - 1));
        assertThat(counts.get("NVDA")).isGreaterThan(4 * sorted.get(sorted.size() / 2));
    }

    @Test
    void aHotSymbolThatIsNotListedStillGetsAPrice() {
        List<Trade> hot = StockTrades.seeded(42).withHotKey("GME", 1.0).take(100);
        assertThat(hot).allSatisfy(trade -> {
            assertThat(trade.symbol()).isEqualTo("GME");
            assertThat(trade.price().doubleValue()).isBetween(90.0, 110.0);
        });
    }
}
