package io.kinesisworkbook.emulator.dynamodb;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.ManualClock;
import io.kinesisworkbook.emulator.SdkClients;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One emulator per test class, with AWS's 500 ms CREATING/UPDATING period on a {@link ManualClock},
 * and a real SDK DynamoDB client that does not retry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DynamoDbTestBase {

    private static final AtomicInteger NAMES = new AtomicInteger();

    protected ManualClock clock;
    protected Emulator emulator;
    protected DynamoDbClient dynamo;

    @BeforeAll
    void startEmulator() {
        clock = new ManualClock();
        emulator = Emulator.start(EmulatorOptions.defaults().withClock(clock));
        dynamo = SdkClients.dynamoDb(emulator.endpoint());
    }

    @AfterAll
    void stopEmulator() {
        dynamo.close();
        emulator.close();
    }

    protected String newTableName() {
        return "table-" + NAMES.incrementAndGet();
    }

    /** Moves the clock past the end of any transition. */
    protected void settle() {
        clock.advance(EmulatorOptions.DEFAULT_TRANSITION_DELAY.plus(Duration.ofMillis(1)));
    }

    /** An ACTIVE on-demand table keyed by {@code pk} (S) and, when given, {@code sk} of that type. */
    protected String activeTable(ScalarAttributeType sortKeyType) {
        String name = newTableName();
        dynamo.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
            if (sortKeyType == null) {
                b.keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S));
            } else {
                b.keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                                k -> k.attributeName("sk").keyType(KeyType.RANGE))
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                                a -> a.attributeName("sk").attributeType(sortKeyType));
            }
        });
        settle();
        return name;
    }

    protected static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }

    protected static AttributeValue n(long number) {
        return AttributeValue.fromN(Long.toString(number));
    }

    protected static AttributeValue n(String number) {
        return AttributeValue.fromN(number);
    }

    /** An item from name/value pairs: {@code item("pk", s("a"), "count", n(1))}. */
    protected static Map<String, AttributeValue> item(Object... pairs) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            item.put((String) pairs[i], (AttributeValue) pairs[i + 1]);
        }
        return item;
    }

    protected static Map<String, String> names(String... pairs) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            names.put(pairs[i], pairs[i + 1]);
        }
        return names;
    }

    protected static Map<String, AttributeValue> values(Object... pairs) {
        return item(Arrays.copyOf(pairs, pairs.length));
    }
}
