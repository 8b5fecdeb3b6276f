package io.kinesisworkbook.lib.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every generator promises, checked for all six. */
class GeneratorContractTest {

    /** A generator kind, with a hot key its usual keys (almost) never produce. */
    record Kind(String name, LongFunction<EventGenerator<?, ?>> seeded, String hotKey,
                Class<? extends StreamEvent> type) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Kind> kinds() {
        return Stream.of(
                new Kind("clicks", Clickstream::seeded, "user-42", Click.class),
                new Kind("orders", Orders::seeded, "customer-7", Order.class),
                new Kind("logs", AppLogs::seeded, "payments-1", LogLine.class),
                new Kind("trades", StockTrades::seeded, "GME", Trade.class),
                new Kind("locations", LocationTracks::seeded, "ambulance-1", Location.class),
                new Kind("s3", S3Activity::seeded, "customer-uploads/logo.png", S3ObjectEvent.class));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theSameSeedGivesTheSameEvents(Kind kind) {
        assertThat(kind.seeded().apply(42).take(2_000)).isEqualTo(kind.seeded().apply(42).take(2_000));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void differentSeedsGiveDifferentEvents(Kind kind) {
        assertThat(kind.seeded().apply(1).next()).isNotEqualTo(kind.seeded().apply(2).next());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void streamAndTakeAgree(Kind kind) {
        List<?> streamed = kind.seeded().apply(3).events().limit(500).toList();
        assertThat(streamed).isEqualTo(kind.seeded().apply(3).take(500));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void timestampsNeverGoBackwards(Kind kind) {
        List<? extends StreamEvent> events = kind.seeded().apply(5).take(20_000);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).timestamp()).isAfterOrEqualTo(events.get(i - 1).timestamp());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void eventsArriveAtTheConfiguredRate(Kind kind) {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        int count = 20_000;
        List<? extends StreamEvent> events = kind.seeded().apply(7).ratePerSecond(250).startingAt(start).take(count);

        assertThat(events.get(0).timestamp()).isBetween(start, start.plusSeconds(1));
        double seconds = Duration.between(start, events.get(count - 1).timestamp()).toMillis() / 1000.0;
        // A Poisson count's relative standard deviation is 1/sqrt(n), 0.7% here; allow about 5 of them.
        assertThat(count / seconds).isCloseTo(250, within(250 * 0.04));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theHotKeyGetsItsShare(Kind kind) {
        List<? extends StreamEvent> events = kind.seeded().apply(11).withHotKey(kind.hotKey(), 0.3).take(20_000);

        long hot = events.stream().filter(event -> event.partitionKey().equals(kind.hotKey())).count();
        // The standard deviation of the share is sqrt(0.3 * 0.7 / 20,000), about 0.003.
        assertThat(hot / 20_000.0).isCloseTo(0.3, within(0.015));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void withoutAHotKeyNoKeyDominates(Kind kind) {
        List<? extends StreamEvent> events = kind.seeded().apply(11).take(5_000);
        assertThat(events).filteredOn(event -> event.partitionKey().equals(kind.hotKey())).hasSizeLessThan(250);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyEventSurvivesAJsonRoundTrip(Kind kind) {
        for (StreamEvent event : kind.seeded().apply(13).take(1_000)) {
            byte[] json = event.toJsonBytes();
            assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(event.toJson());
            assertThat(Events.fromJson(json, kind.type())).isEqualTo(event);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void jsonFieldsFollowTheRecordAndTimesAreIso8601(Kind kind) throws Exception {
        StreamEvent event = kind.seeded().apply(17).next();
        String json = event.toJson();

        List<String> fields = new ArrayList<>();
        new ObjectMapper().readTree(json).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).isEqualTo(jsonNames(kind.type()));
        assertThat(json).contains("\"" + event.timestamp() + "\"").doesNotContain("partitionKey");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void settingsAfterTheFirstEventAreRefused(Kind kind) {
        EventGenerator<?, ?> generator = kind.seeded().apply(19);
        generator.next();
        assertThatThrownBy(() -> generator.ratePerSecond(10)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> generator.withHotKey(kind.hotKey(), 0.5)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void nonsenseSettingsAreRefused(Kind kind) {
        EventGenerator<?, ?> generator = kind.seeded().apply(19);
        assertThatThrownBy(() -> generator.ratePerSecond(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.withHotKey(kind.hotKey(), 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsAreVersion4UuidsFromTheSeed() {
        List<Click> clicks = Clickstream.seeded(23).take(100);
        for (Click click : clicks) {
            UUID id = UUID.fromString(click.eventId());
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
        }
        assertThat(clicks).extracting(Click::eventId).doesNotHaveDuplicates();
        assertThat(Clickstream.seeded(23).next().eventId()).isEqualTo(clicks.get(0).eventId());
    }

    /** The record's components in order, under their JSON names. */
    private static List<String> jsonNames(Class<?> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(component -> {
                    try {
                        JsonProperty renamed = type.getDeclaredField(component.getName()).getAnnotation(JsonProperty.class);
                        return renamed == null ? component.getName() : renamed.value();
                    } catch (NoSuchFieldException e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
    }
}
