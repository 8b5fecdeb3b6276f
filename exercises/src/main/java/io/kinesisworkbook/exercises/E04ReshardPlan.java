package io.kinesisworkbook.exercises;

import java.util.Map;

/**
 * Your exercise. Read the Javadoc of each method, replace the TODO, and run {@code ./workbook grade}.
 *
 * <p>Exercise 04 (notebook 04-throughput-and-scaling): how many shards, and what they cost. */
public final class E04ReshardPlan {

    /** US East, as published in 2024: dollars per shard-hour and per million 25 KB PUT payload units. */
    public static final double SHARD_HOUR = 0.015;
    public static final double PER_MILLION_PUT_UNITS = 0.014;

    private E04ReshardPlan() {
    }

    /**
     * The provisioned shards a stream needs for {@code recordsPerSecond} records of
     * {@code recordKb} KB: enough for both per-shard write limits (1,000 records/s and 1 MB/s,
     * 1 MB = 1,024 KB) and never fewer than one.
     */
    public static int shardsNeeded(double recordsPerSecond, double recordKb) {
        // TODO: the larger of ceil(records/s / 1000) and ceil(MB/s), at least 1.
        throw new UnsupportedOperationException("TODO: exercise E04, shardsNeeded");
    }

    /**
     * A resharding plan from measured per-shard write rates (records/s by shard id): the number of
     * shards {@link #shardsNeeded} gives for the stream's total rate with 20% headroom.
     */
    public static int targetShardCount(Map<String, Double> recordsPerSecondByShard, double recordKb) {
        // TODO: sum the measured rates, add 20%, then shardsNeeded.
        throw new UnsupportedOperationException("TODO: exercise E04, targetShardCount");
    }

    /**
     * Dollars an hour for that traffic on a provisioned stream: its shard-hours plus its PUT payload
     * units (each record counts ceil(recordKb / 25) units).
     */
    public static double costPerHour(double recordsPerSecond, double recordKb) {
        // TODO: shards x SHARD_HOUR + PUT payload units per hour / 1e6 x PER_MILLION_PUT_UNITS.
        throw new UnsupportedOperationException("TODO: exercise E04, costPerHour");
    }
}
