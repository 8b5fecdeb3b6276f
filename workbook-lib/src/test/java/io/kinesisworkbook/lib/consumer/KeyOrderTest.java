package io.kinesisworkbook.lib.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyOrderTest {

    @Test
    void countsTheRecordsThatCameAfterAHigherNumberOfTheirKey() {
        List<ConsumedRecord> read = List.of(record("a", 1), record("b", 5), record("a", 3), record("a", 2),
                record("b", 4), record("a", 4), record("b", 6));
        // a: 1, 3, 2 (late), 4; b: 5, 4 (late), 6
        assertThat(KeyOrder.outOfOrder(read, KeyOrderTest::number)).isEqualTo(2);
    }

    @Test
    void ordersAcrossKeysDoNotCount() {
        List<ConsumedRecord> read = List.of(record("a", 9), record("b", 1), record("c", 5), record("b", 2));
        assertThat(KeyOrder.outOfOrder(read, KeyOrderTest::number)).isZero();
        assertThat(KeyOrder.outOfOrder(List.of(), KeyOrderTest::number)).isZero();
    }

    @Test
    void aLateRecordDoesNotLowerTheBarForTheNextOne() {
        // 5, then 1 (late), then 2: still late, since 5 came before it.
        List<ConsumedRecord> read = List.of(record("k", 5), record("k", 1), record("k", 2));
        assertThat(KeyOrder.outOfOrder(read, KeyOrderTest::number)).isEqualTo(2);
    }

    private static ConsumedRecord record(String key, long number) {
        return new ConsumedRecord("shardId-000000000000", "0", key, Long.toString(number).getBytes(StandardCharsets.UTF_8),
                null);
    }

    private static long number(ConsumedRecord record) {
        return Long.parseLong(record.text());
    }
}
