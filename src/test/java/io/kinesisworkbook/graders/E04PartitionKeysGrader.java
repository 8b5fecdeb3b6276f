package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.Grading.attempt;
import static io.kinesisworkbook.graders.Grading.check;

import io.kinesisworkbook.emulator.ManualClock;
import io.kinesisworkbook.exercises.E04PartitionKeys;
import io.kinesisworkbook.exercises.E04PartitionKeys.ShopEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * E04's partition keys on the embedded emulator: 3,000 shop events, nine in ten from one shop's
 * sale, are sent in one burst to a 4-shard stream whose clock stands still, so each shard takes
 * exactly its second's worth (1,000 records) and no more. The keys must spread the hot shop over the
 * shards, so that nothing is throttled, and keep each order's steps on one shard, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class E04PartitionKeysGrader {

    static final String HOT_SHOP = "mega-sale";
    static final List<String> STEPS = List.of("placed", "paid", "packed", "shipped");

    /** E04's partition-key method; the grader calls the learner's {@link E04PartitionKeys} through it. */
    interface PartitionKeys {
        String partitionKey(ShopEvent event);
    }

    static PartitionKeys answer() {
        return TrivialAnswers.answer(PartitionKeys.class, E04PartitionKeys::partitionKey);
    }

    /** What the stream holds once the burst is sent: each event's shard and its place in that shard. */
    record Placed(ShopEvent event, String shardId, int position) {
    }

    /** The burst sent with the learner's keys: what was throttled, and where every event landed. */
    record Burst(List<ShopEvent> events, int throttled, List<Placed> placed) {
    }

    private Burst burst;

    /** Sends the burst once for all checks (again in each, if the learner's code fails). */
    private Burst burst() throws Exception {
        if (burst == null) {
            burst = sendTheBurst();
        }
        return burst;
    }

    private static Burst sendTheBurst() throws Exception {
        List<ShopEvent> events = shopEvents();
        List<String> keys = new ArrayList<>();
        for (ShopEvent event : events) {
            keys.add(attempt(() -> answer().partitionKey(event), "an order's steps share a key; a page view needs none in common"));
        }
        int throttled = 0;
        try (Grading.Aws aws = Grading.Aws.start(new ManualClock())) {
            aws.activeStream("shop", 4);
            for (int start = 0; start < events.size(); start += 500) {
                List<PutRecordsRequestEntry> batch = new ArrayList<>();
                for (int i = start; i < Math.min(events.size(), start + 500); i++) {
                    batch.add(PutRecordsRequestEntry.builder().partitionKey(keys.get(i))
                            .data(SdkBytes.fromUtf8String(events.get(i).eventId())).build());
                }
                PutRecordsResponse answer = aws.kinesis().putRecords(b -> b.streamName("shop").records(batch));
                throttled += answer.failedRecordCount();
            }
            return new Burst(events, throttled, readBack(aws, events));
        } catch (software.amazon.awssdk.services.kinesis.model.KinesisException e) {
            throw new AssertionError("Kinesis refused the keys: " + e.awsErrorDetails().errorMessage()
                    + ". Hint: a key is 1 to 256 characters", e);
        }
    }

    @Test
    void noEventIsThrottled() throws Exception {
        check(0, burst().throttled(), "events throttled of " + burst().events().size() + " sent at once to 4 shards",
                "keyed by shop, the sale's events all go to one shard, which takes 1,000 a second");
    }

    @Test
    void theHotShopIsSpreadOverEveryShard() throws Exception {
        Map<String, Long> perShard = new TreeMap<>();
        burst().placed().stream().filter(p -> p.event().shop().equals(HOT_SHOP))
                .forEach(p -> perShard.merge(p.shardId(), 1L, Long::sum));
        long hot = burst().events().stream().filter(e -> e.shop().equals(HOT_SHOP)).count();
        check(4, perShard.size(), "shards holding the sale's events (" + perShard + ")", "page views need no common key: spread them");
        check(perShard.values().stream().allMatch(n -> n <= 0.4 * hot), "no shard holds more than 40% of the sale's "
                + hot + " events (" + perShard + ")", "a key shared by many events is a hot key");
    }

    @Test
    void eachOrdersStepsAreOnOneShardInOrder() throws Exception {
        Map<String, List<Placed>> byOrder = new HashMap<>();
        burst().placed().stream().filter(p -> p.event().partOfAnOrder())
                .forEach(p -> byOrder.computeIfAbsent(p.event().orderId(), o -> new ArrayList<>()).add(p));
        for (Map.Entry<String, List<Placed>> order : new TreeMap<>(byOrder).entrySet()) {
            List<Placed> steps = order.getValue();
            check(1L, steps.stream().map(Placed::shardId).distinct().count(), "shards holding the steps of order "
                    + order.getKey(), "Kinesis keeps order only within a shard: give an order's steps one key");
            List<String> read = steps.stream().sorted((a, b) -> Integer.compare(a.position(), b.position()))
                    .map(p -> p.event().type()).toList();
            check(STEPS, read, "the steps of order " + order.getKey() + " as a reader of its shard sees them",
                    "the same key for every step of an order");
        }
    }

    /** Every record of every shard, matched back to the event it carries. */
    private static List<Placed> readBack(Grading.Aws aws, List<ShopEvent> events) {
        Map<String, ShopEvent> byId = new HashMap<>();
        events.forEach(event -> byId.put(event.eventId(), event));
        List<Placed> found = new ArrayList<>();
        for (Shard shard : aws.kinesis().listShards(b -> b.streamName("shop")).shards()) {
            String iterator = aws.kinesis().getShardIterator(b -> b.streamName("shop").shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            var records = aws.kinesis().getRecords(b -> b.shardIterator(iterator)).records();
            for (int i = 0; i < records.size(); i++) {
                found.add(new Placed(byId.get(records.get(i).data().asUtf8String()), shard.shardId(), i));
            }
        }
        return found;
    }

    /**
     * The burst, in the order things happened: 320 orders go through their four steps a quarter of
     * the burst apart (so each step is in another PutRecords call), among some 1,700 page views. The
     * sale makes nine events in ten.
     */
    static List<ShopEvent> shopEvents() {
        List<ShopEvent> events = new ArrayList<>();
        int views = 0;
        for (int step = 0; step < STEPS.size(); step++) {
            for (int order = 0; order < 320; order++) {
                String shop = order % 10 == 9 ? "corner-shop-" + order % 7 : HOT_SHOP;
                events.add(new ShopEvent("e-" + events.size(), shop, "order-" + order, STEPS.get(step)));
                for (int v = 0; v < (order % 3 == 0 ? 2 : 1); v++, views++) {
                    String viewed = views % 10 == 9 ? "corner-shop-" + views % 7 : HOT_SHOP;
                    events.add(new ShopEvent("e-" + events.size(), viewed, null, "view"));
                }
            }
        }
        return events;
    }
}
