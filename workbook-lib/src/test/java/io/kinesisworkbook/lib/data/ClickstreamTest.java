package io.kinesisworkbook.lib.data;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClickstreamTest {

    private final List<Click> clicks = Clickstream.seeded(42).ratePerSecond(200).take(20_000);

    @Test
    void theHomePageIsFarMorePopularThanTheMedianPage() {
        Map<String, Long> views = clicks.stream().collect(groupingBy(Click::page, counting()));
        List<Long> sorted = views.values().stream().sorted().toList();

        assertThat(views.get("/")).isEqualTo(sorted.get(sorted.size() - 1));
        assertThat(views.get("/")).isGreaterThan(5 * sorted.get(sorted.size() / 2));
    }

    @Test
    void withinASessionTheReferrerIsThePreviousPage() {
        Map<String, Click> previousInSession = new HashMap<>();
        for (Click click : clicks) {
            Click previous = previousInSession.put(click.sessionId(), click);
            if (previous != null) {
                assertThat(click.referrer()).isEqualTo("https://shop.example.com" + previous.page());
                assertThat(click.userId()).isEqualTo(previous.userId());
                assertThat(click.device()).isEqualTo(previous.device());
            }
        }
        assertThat(previousInSession.size()).isLessThan(clicks.size());
    }

    @Test
    void fewClicksArePurchases() {
        long purchases = clicks.stream().filter(click -> click.action() == Click.Action.PURCHASE).count();
        assertThat(purchases).isPositive().isLessThan(clicks.size() / 20);
    }
}
