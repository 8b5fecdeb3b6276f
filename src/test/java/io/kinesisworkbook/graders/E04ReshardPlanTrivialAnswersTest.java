package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.TrivialAnswers.mustFail;

import io.kinesisworkbook.exercises.E04ReshardPlan;
import io.kinesisworkbook.graders.E04ReshardPlanGrader.ReshardPlan;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** E04's grader fails on plans that ignore a limit, the headroom or the PUT units. */
class E04ReshardPlanTrivialAnswersTest {

    @Test
    void oneShardAndOneShardHour() {
        mustFail(E04ReshardPlanGrader.class, ReshardPlan.class, "always one shard, one shard-hour", plan(
                (rate, kb) -> 1, (rates, kb) -> 1, (rate, kb) -> E04ReshardPlan.SHARD_HOUR));
    }

    @Test
    void onlyTheRecordsLimitAndTheShardsThereAre() {
        mustFail(E04ReshardPlanGrader.class, ReshardPlan.class, "records/s only; keep today's shard count; shard-hours only",
                plan((rate, kb) -> (int) Math.max(1, Math.ceil(rate / 1000)), (rates, kb) -> rates.size(),
                        (rate, kb) -> Math.max(1, Math.ceil(rate / 1000)) * E04ReshardPlan.SHARD_HOUR));
    }

    private interface Shards {
        int of(double recordsPerSecond, double recordKb);
    }

    private interface Target {
        int of(Map<String, Double> rates, double recordKb);
    }

    private interface Cost {
        double of(double recordsPerSecond, double recordKb);
    }

    private static ReshardPlan plan(Shards shards, Target target, Cost cost) {
        return new ReshardPlan() {
            @Override
            public int shardsNeeded(double recordsPerSecond, double recordKb) {
                return shards.of(recordsPerSecond, recordKb);
            }

            @Override
            public int targetShardCount(Map<String, Double> recordsPerSecondByShard, double recordKb) {
                return target.of(recordsPerSecondByShard, recordKb);
            }

            @Override
            public double costPerHour(double recordsPerSecond, double recordKb) {
                return cost.of(recordsPerSecond, recordKb);
            }
        };
    }
}
