package io.kinesisworkbook.lib.data;

import java.util.Arrays;
import java.util.Random;

/**
 * Picks ranks 0, 1, 2, ... with Zipf-like popularity: rank {@code k} is chosen in proportion to
 * {@code 1 / (k + 1)^exponent}.
 *
 * <p>Real traffic is skewed: the home page gets more views than the hundredth page, a few tickers
 * make most of the trades. That skew is what makes some shards hotter than others even without a
 * single "hot key", so the generators draw pages, products and symbols from this distribution.
 * An exponent of 0 is uniform; around 1 is typical of the web.
 */
public final class Zipf {

    private final double[] cumulative;

    /** A distribution over ranks {@code 0 .. size - 1}. */
    public Zipf(int size, double exponent) {
        if (size < 1 || exponent < 0) {
            throw new IllegalArgumentException("need size >= 1 and exponent >= 0");
        }
        cumulative = new double[size];
        double sum = 0;
        for (int rank = 0; rank < size; rank++) {
            sum += 1 / Math.pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < size; rank++) {
            cumulative[rank] /= sum;
        }
    }

    /** A rank, most often 0. */
    public int sample(Random random) {
        double u = random.nextDouble();
        int found = Arrays.binarySearch(cumulative, u);
        int rank = found >= 0 ? found + 1 : -found - 1;
        return Math.min(rank, cumulative.length - 1);
    }

    /** How many ranks there are. */
    public int size() {
        return cumulative.length;
    }

    /** The probability of {@code rank}. */
    public double probability(int rank) {
        return rank == 0 ? cumulative[0] : cumulative[rank] - cumulative[rank - 1];
    }
}
