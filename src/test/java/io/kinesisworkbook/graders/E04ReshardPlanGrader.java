package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.Grading.attempt;
import static io.kinesisworkbook.graders.Grading.check;

import io.kinesisworkbook.exercises.E04ReshardPlan;
import java.util.Map;
import org.junit.jupiter.api.Test;

class E04ReshardPlanGrader {

    /** E04's methods; the grader calls the learner's {@link E04ReshardPlan} through them. */
    interface ReshardPlan {
        int shardsNeeded(double recordsPerSecond, double recordKb);

        int targetShardCount(Map<String, Double> recordsPerSecondByShard, double recordKb);

        double costPerHour(double recordsPerSecond, double recordKb);
    }

    static ReshardPlan answer() {
        return TrivialAnswers.answer(ReshardPlan.class, new ReshardPlan() {
            @Override
            public int shardsNeeded(double recordsPerSecond, double recordKb) {
                return E04ReshardPlan.shardsNeeded(recordsPerSecond, recordKb);
            }

            @Override
            public int targetShardCount(Map<String, Double> recordsPerSecondByShard, double recordKb) {
                return E04ReshardPlan.targetShardCount(recordsPerSecondByShard, recordKb);
            }

            @Override
            public double costPerHour(double recordsPerSecond, double recordKb) {
                return E04ReshardPlan.costPerHour(recordsPerSecond, recordKb);
            }
        });
    }

    @Test
    void shardsForRecordsAndForBytes() {
        check(3, attempt(() -> answer().shardsNeeded(2_500, 0.2), "two limits: records and MB"),
                "shards for 2,500 small records/s", "1,000 records/s a shard: ceil(2.5)");
        check(5, attempt(() -> answer().shardsNeeded(100, 50), "two limits: records and MB"),
                "shards for 100 records/s of 50 KB", "4.9 MB/s at 1 MB/s a shard");
        check(1, attempt(() -> answer().shardsNeeded(0, 1), "at least one"), "shards for no traffic", "a stream has at least one shard");
    }

    @Test
    void aPlanFromMeasuredRatesHasHeadroom() {
        Map<String, Double> measured = Map.of("shardId-000000000000", 950.0, "shardId-000000000001", 700.0);
        check(2, attempt(() -> answer().targetShardCount(measured, 0.5), "sum, add 20%, shardsNeeded"),
                "target shards for 1,650 records/s", "1,650 x 1.2 = 1,980 records/s: 2 shards");
        Map<String, Double> hot = Map.of("shardId-000000000000", 1_000.0, "shardId-000000000001", 800.0);
        check(3, attempt(() -> answer().targetShardCount(hot, 0.5), "sum, add 20%"),
                "target shards for 1,800 records/s", "1,800 x 1.2 = 2,160: 3 shards");
    }

    @Test
    void theTalksCentAnHour() {
        double cost = attempt(() -> answer().costPerHour(40, 25), "shard-hours plus PUT payload units");
        check(Math.abs(cost - 0.017016) < 1e-6, "1 MB/s as 40 records of 25 KB costs $0.017016 an hour, was " + cost,
                "1 shard x 0.015 + 144,000 units / 1e6 x 0.014");
        double big = attempt(() -> answer().costPerHour(10, 100), "units per record: ceil(KB / 25)");
        check(Math.abs(big - 0.017016) < 1e-6, "10 records/s of 100 KB cost the same $0.017016 an hour, was " + big,
                "a 100 KB record is 4 PUT units");
    }
}
