package io.kinesisworkbook.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.lib.backend.WorkbookException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitTest {

    @Test
    void returnsAsSoonAsTheConditionHolds() {
        AtomicInteger polls = new AtomicInteger();

        Duration took = Wait.until("the third poll", Duration.ofSeconds(30), () -> polls.incrementAndGet() >= 3);

        assertThat(polls).hasValue(3);
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void failsAfterTheTimeoutSayingWhatItWaitedFor() {
        assertThatThrownBy(() -> Wait.until("a miracle", Duration.ofMillis(50), () -> false))
                .isInstanceOf(WorkbookException.class)
                .hasMessageContaining("waiting for a miracle");
    }
}
