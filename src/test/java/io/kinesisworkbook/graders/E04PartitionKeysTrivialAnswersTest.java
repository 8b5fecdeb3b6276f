package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.TrivialAnswers.mustFail;

import io.kinesisworkbook.graders.E04PartitionKeysGrader.PartitionKeys;
import org.junit.jupiter.api.Test;

/** E04's partition-key grader fails on a hot key, and on spreading that loses an order's order. */
class E04PartitionKeysTrivialAnswersTest {

    @Test
    void aConstant() {
        mustFail(E04PartitionKeysGrader.class, PartitionKeys.class, "one key for everything", event -> "key");
    }

    @Test
    void theShop() {
        mustFail(E04PartitionKeysGrader.class, PartitionKeys.class, "the shop", event -> event.shop());
    }

    @Test
    void theEventsOwnId() {
        mustFail(E04PartitionKeysGrader.class, PartitionKeys.class, "each event its own key, orders' steps too",
                event -> event.eventId());
    }

    @Test
    void theOrderOrElseTheShop() {
        mustFail(E04PartitionKeysGrader.class, PartitionKeys.class, "the order's id, and the shop for page views",
                event -> event.partOfAnOrder() ? event.orderId() : event.shop());
    }
}
