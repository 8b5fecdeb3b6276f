package io.kinesisworkbook.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The columnar record store, below the HTTP layer. */
class RecordLogTest {

    @Test
    void recordsComeBackAsTheyWereAppended() {
        RecordLog log = new RecordLog();
        for (int i = 0; i < 5000; i++) {
            assertThat(log.append(("data-" + i).getBytes(StandardCharsets.UTF_8), "key-" + i, 1000 + i, i % 2 == 0)).isEqualTo(i);
        }
        StoredRecord record = log.get(4321);
        assertThat(new String(record.data(), StandardCharsets.UTF_8)).isEqualTo("data-4321");
        assertThat(record.partitionKey()).isEqualTo("key-4321");
        assertThat(record.arrivalMillis()).isEqualTo(5321);
        assertThat(record.encrypted()).isFalse();
        assertThat(log.billedBytes(4321)).isEqualTo("data-4321".length() + "key-4321".length());
    }

    @Test
    void arrivalTimesNeverGoBackwards() {
        RecordLog log = new RecordLog();
        log.append(new byte[1], "k", 2000, false);
        log.append(new byte[1], "k", 1500, false);
        assertThat(log.arrivalMillis(1)).isEqualTo(2000);
    }

    @Test
    void recordsLargerThanAPageAndUnicodeKeysAreKeptWhole() {
        RecordLog log = new RecordLog();
        byte[] big = new byte[3 * 1024 * 1024];
        big[big.length - 1] = 7;
        log.append(new byte[700_000], "a", 1, false);
        log.append(big, "ключ-🔑", 2, true);
        log.append(new byte[10], "b", 3, false);
        StoredRecord record = log.get(1);
        assertThat(record.data()).hasSize(big.length).endsWith((byte) 7);
        assertThat(record.partitionKey()).isEqualTo("ключ-🔑");
        assertThat(log.get(2).partitionKey()).isEqualTo("b");
    }

    @Test
    void trimmingDropsAPrefixAndKeepsPositions() {
        RecordLog log = new RecordLog();
        for (int i = 0; i < 3000; i++) {
            log.append(new byte[500], "k" + i, i, false);
        }
        log.trimBefore(log.firstPositionAtOrAfter(2000));
        assertThat(log.startPosition()).isEqualTo(2000);
        assertThat(log.endPosition()).isEqualTo(3000);
        assertThat(log.get(2500).partitionKey()).isEqualTo("k2500");
        assertThatThrownBy(() -> log.get(1999)).isInstanceOf(IndexOutOfBoundsException.class);
        log.append(new byte[1], "after", 5000, false);
        assertThat(log.get(3000).partitionKey()).isEqualTo("after");
        assertThat(log.firstPositionAtOrAfter(2999)).isEqualTo(2999);
        log.trimBefore(log.endPosition());
        assertThat(log.isEmpty()).isTrue();
        assertThat(log.startPosition()).isEqualTo(3001);
    }
}
