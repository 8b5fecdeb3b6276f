package io.kinesisworkbook.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    static final List<Long> LATENCIES = List.of(900L, 15L, 120L, 4_800L, 60L, 30L, 2_500L, 75L, 5L, 210L);

    @Test
    void theNearestRankIsAValueMeasured() {
        assertThat(Percentiles.nearestRank(LATENCIES, 50)).as("the 5th of 10, sorted").isEqualTo(75);
        assertThat(Percentiles.nearestRank(LATENCIES, 99)).isEqualTo(4_800);
        assertThat(Percentiles.nearestRank(LATENCIES, 1)).isEqualTo(5);
        assertThat(Percentiles.nearestRank(List.of(40L, 10L, 30L), 50)).isEqualTo(30);
    }

    @Test
    void theValuesAreNotChangedAndNothingHasNoPercentile() {
        List<Long> values = new ArrayList<>(LATENCIES);
        Percentiles.nearestRank(values, 50);
        assertThat(values).isEqualTo(LATENCIES);
        assertThatThrownBy(() -> Percentiles.nearestRank(List.<Long>of(), 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(LATENCIES, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
