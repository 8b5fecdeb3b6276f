package io.kinesisworkbook.lib.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZipfTest {

    @Test
    void probabilitiesFallWithRankAndSumToOne() {
        Zipf zipf = new Zipf(50, 1.0);
        double sum = 0;
        for (int rank = 0; rank < 50; rank++) {
            sum += zipf.probability(rank);
            if (rank > 0) {
                assertThat(zipf.probability(rank)).isLessThan(zipf.probability(rank - 1));
            }
        }
        assertThat(sum).isCloseTo(1, within(1e-9));
        assertThat(zipf.probability(0) / zipf.probability(1)).isCloseTo(2, within(1e-9));
    }

    @Test
    void theTopRankIsDrawnFarMoreOftenThanTheMedian() {
        int[] counts = draw(new Zipf(50, 1.0), 100_000);
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        assertThat(counts[0]).isGreaterThan(10 * sorted[sorted.length / 2]);
        assertThat(counts[0] / 100_000.0).isCloseTo(new Zipf(50, 1.0).probability(0), within(0.01));
    }

    @Test
    void exponentZeroIsUniform() {
        for (int count : draw(new Zipf(10, 0), 100_000)) {
            assertThat(count).isBetween(9_500, 10_500);
        }
    }

    private static int[] draw(Zipf zipf, int samples) {
        Random random = new Random(1);
        int[] counts = new int[zipf.size()];
        for (int i = 0; i < samples; i++) {
            counts[zipf.sample(random)]++;
        }
        return counts;
    }
}
