package io.kinesisworkbook.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.lib.backend.WorkbookException;
import io.kinesisworkbook.lib.consumer.ConsumedRecord;
import io.kinesisworkbook.lib.data.Click;
import io.kinesisworkbook.lib.data.Clickstream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;

/**
 * The SQL helper against the embedded emulator through Flink's own Kinesis connector: tables over
 * streams, windows with exact counts, a pump into another stream, and bad input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamingSqlTest {

    static final String TUMBLING_COUNT = """
            SELECT window_start, COUNT(*) AS clicks
            FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(event_time), INTERVAL '1' SECOND))
            GROUP BY window_start, window_end""";

    FlinkFixture aws;
    List<Click> clicks;
    StreamingSql sql;

    @BeforeAll
    void start() {
        aws = new FlinkFixture(EmulatorOptions.defaults().withInstantTransitions(), "flink-test");
        aws.stream("clicks", 2);
        clicks = Clickstream.seeded(7).ratePerSecond(50).take(300);
        aws.put("clicks", clicks);
        Heartbeats.send(aws.kinesis, "clicks", clicks.get(clicks.size() - 1).timestamp().plus(1, ChronoUnit.HOURS));
        sql = aws.session();
        sql.table("clicks").fromStream("clicks").columnsOf(Click.class).create();
    }

    @AfterAll
    void stop() {
        sql.close();
        aws.close();
    }

    @Test
    void aTableHasTheRecordTypesColumnsAndReadsEveryRecord() {
        SqlResult result = sql.query("SELECT eventId, page, event_time FROM clicks WHERE eventId IS NOT NULL")
                .until(Until.rows(clicks.size()).orAfter(Duration.ofSeconds(60))).collect();

        assertThat(result.columns()).containsExactly("eventId", "page", "event_time");
        assertThat(result.rows()).map(r -> r.string("eventId") + " " + r.string("page") + " " + r.instant("event_time"))
                .containsExactlyInAnyOrderElementsOf(clicks.stream().map(c -> c.eventId() + " " + c.page() + " " + c.timestamp()).toList());
        assertThat(aws.flink.runningJobs()).isEmpty();
    }

    @Test
    void watermarkDelaysOfAnyLengthAreAccepted() {
        for (Duration delay : List.of(Duration.ofMillis(1500), Duration.ofSeconds(99), Duration.ofSeconds(100), Duration.ofDays(1))) {
            KinesisTable table = sql.table("delayed").fromStream("clicks").columnsOf(Click.class).watermark(delay).create();
            assertThat(table.ddl()).contains(KinesisTable.Builder.interval(delay));
            sql.execute("DROP TABLE delayed");
        }
        assertThat(KinesisTable.Builder.interval(Duration.ofDays(1))).isEqualTo("INTERVAL '1 00:00:00.000' DAY TO SECOND(3)");
    }

    @Test
    void aTumblingWindowCountsWhatPlainJavaCounts() {
        Map<Instant, Long> expected = clicks.stream().collect(Collectors.groupingBy(
                c -> c.timestamp().truncatedTo(ChronoUnit.SECONDS), TreeMap::new, Collectors.counting()));

        SqlResult result = sql.query(TUMBLING_COUNT).until(Until.rows(expected.size()).orAfter(Duration.ofSeconds(60))).collect();

        Map<Instant, Long> counted = result.rows().stream().collect(Collectors.toMap(
                r -> r.instant("window_start"), r -> r.number("clicks"), (a, b) -> a, TreeMap::new));
        assertThat(counted).isEqualTo(expected);
    }

    @Test
    void aQueryCanStopWhenItsWholeResultSaysSo() {
        SqlResult result = sql.query(TUMBLING_COUNT)
                .until(Until.resultWhere(r -> total(r) == clicks.size()).orAfter(Duration.ofSeconds(60))).collect();

        assertThat(total(result)).isEqualTo(clicks.size());
        assertThat(result.stoppedBecause()).isEqualTo("the result it waited for");
    }

    @Test
    void recordsSentOnceTheFirstWindowHasClosedAreLateIfTheirEventTimeIsOlder() {
        aws.stream("late-clicks", 1);
        Instant start = clicks.get(0).timestamp();
        aws.put("late-clicks", clicks.subList(0, 100));
        Heartbeats.send(aws.kinesis, "late-clicks", start.plus(1, ChronoUnit.HOURS));
        sql.table("late_clicks").fromStream("late-clicks").columnsOf(Click.class).create();
        AtomicReference<Integer> actions = new AtomicReference<>(0);

        SqlResult result = sql.query("""
                        SELECT userId, COUNT(*) AS clicks
                        FROM TABLE(TUMBLE(TABLE late_clicks, DESCRIPTOR(event_time), INTERVAL '1' SECOND))
                        GROUP BY window_start, window_end, userId""")
                .onFirstRow(() -> {
                    actions.set(actions.get() + 1);
                    // The first row closed a window an hour after the clicks: a click from their start is late.
                    aws.put("late-clicks", List.of(click("late", "user-late", start),
                            click("after", "user-after", start.plus(2, ChronoUnit.HOURS))));
                    Heartbeats.send(aws.kinesis, "late-clicks", start.plus(3, ChronoUnit.HOURS));
                })
                .until(Until.rowWhere(r -> "user-after".equals(r.string("userId"))).orAfter(Duration.ofSeconds(60)))
                .collect();

        assertThat(actions.get()).as("the action runs once").isEqualTo(1);
        assertThat(result.rows()).extracting(r -> r.string("userId"))
                .contains("user-after").doesNotContain("user-late");
    }

    @Test
    void aSessionWindowKeepsAClickThatComesExactlyOneGapAfterTheLast() {
        aws.stream("session-clicks", 1);
        Instant start = clicks.get(0).timestamp();
        List<Click> sessionClicks = List.of( // in event-time order, so that none is late
                click("a1", "user-a", start),
                click("b1", "user-b", start),
                click("b2", "user-b", start.plusMillis(4_999)),
                click("a2", "user-a", start.plusSeconds(5)),            // exactly the gap: same session
                click("a3", "user-a", start.plusMillis(10_001)));       // 1 ms more than the gap: a new one
        aws.put("session-clicks", sessionClicks);
        Heartbeats.send(aws.kinesis, "session-clicks", start.plus(1, ChronoUnit.HOURS));
        sql.table("session_clicks").fromStream("session-clicks").columnsOf(Click.class).create();

        SqlResult sessions = sql.query("""
                        SELECT userId, window_start, window_end, COUNT(*) AS clicks
                        FROM TABLE(SESSION(TABLE session_clicks PARTITION BY userId, DESCRIPTOR(event_time),
                                           INTERVAL '5' SECOND))
                        GROUP BY userId, window_start, window_end""")
                .until(Until.rows(3).orAfter(Duration.ofSeconds(60))).collect();

        Map<String, Long> flink = sessions.counts("clicks", "userId", "window_start", "window_end");
        assertThat(flink).containsOnlyKeys(
                "user-a|" + start + "|" + start.plusSeconds(10),
                "user-a|" + start.plusMillis(10_001) + "|" + start.plusMillis(15_001),
                "user-b|" + start + "|" + start.plusMillis(9_999));
        assertThat(flink).isEqualTo(JavaWindows.sessions(sessionClicks, Click::timestamp, Duration.ofSeconds(5), Click::userId));
    }

    private static Click click(String id, String user, Instant time) {
        return new Click(id, time, user, "s-" + id, "/", null, "desktop", Click.Action.PAGE_VIEW);
    }

    private static long total(SqlResult result) {
        return result.rows().stream().mapToLong(r -> r.number("clicks")).sum();
    }

    @Test
    void aPumpWritesItsResultsIntoAnotherStream() throws Exception {
        aws.stream("counts", 1);
        sql.table("counts").toStream("counts").columns("`window_start` TIMESTAMP(3), `page` STRING, `clicks` BIGINT")
                .withoutEventTime().partitionedBy("page").create();
        Map<String, Long> expected = clicks.stream().collect(Collectors.groupingBy(
                c -> c.timestamp().truncatedTo(ChronoUnit.SECONDS) + " " + c.page(), TreeMap::new, Collectors.counting()));

        try (Pump pump = sql.pump("page counts", """
                INSERT INTO counts
                SELECT window_start, page, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(event_time), INTERVAL '1' SECOND))
                GROUP BY window_start, window_end, page""")) {
            List<ConsumedRecord> written = List.of();
            for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                 written.size() < expected.size() && System.nanoTime() < deadline; Thread.sleep(200)) {
                written = aws.read("counts");
            }
            assertThat(pump.isRunning()).isTrue();
            Map<String, Long> pumped = written.stream().map(ConsumedRecord::json).collect(Collectors.toMap(
                    j -> j.get("window_start").asText() + "Z " + j.get("page").asText(), j -> j.get("clicks").asLong(), (a, b) -> a, TreeMap::new));
            assertThat(pumped).isEqualTo(expected);
            assertThat(written).allMatch(r -> r.partitionKey().equals(r.json().get("page").asText()));
        }
        assertThat(aws.flink.runningJobs()).isEmpty();
    }

    @Test
    void anInterruptStopsTheQueryAndItsJob() throws Exception {
        AtomicReference<SqlResult> result = new AtomicReference<>();
        AtomicReference<Boolean> flagSet = new AtomicReference<>();
        Thread cell = new Thread(() -> {
            result.set(sql.query("SELECT * FROM clicks").title("endless").until(Until.after(Duration.ofMinutes(2))).show());
            flagSet.set(Thread.currentThread().isInterrupted());
        }, "cell");
        cell.start();
        for (long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
             aws.flink.runningJobs().isEmpty() && System.nanoTime() < deadline; ) {
            Thread.sleep(50);
        }
        Thread.sleep(1000);

        cell.interrupt();
        cell.join(Duration.ofSeconds(20).toMillis());

        assertThat(cell.isAlive()).isFalse();
        assertThat(result.get().stoppedBecause()).isEqualTo("interrupted");
        assertThat(flagSet.get()).as("the interrupt is handed back to the caller").isTrue();
        assertThat(aws.flink.runningJobs()).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("workbook-sql-results"));
    }

    @Test
    void badStatementsFailInOneLineAndLeaveNoJob() {
        assertThat(oneLineError("SELEC page FROM clicks")).isEqualTo(
                "Flink SQL refused query 'query': Non-query expression encountered in illegal context (line 1, column 1)");
        assertThat(oneLineError("SELECT page, FROM clicks")).isEqualTo(
                "Flink SQL refused query 'query': Incorrect syntax near the keyword 'FROM' at line 1, column 14.");
        assertThat(oneLineError("SELECT pagee FROM clicks")).isEqualTo(
                "Flink SQL refused query 'query': Column 'pagee' not found in any table (line 1, column 8)");
        assertThat(oneLineError("SELECT page FROM klicks")).isEqualTo(
                "Flink SQL refused query 'query': Object 'klicks' not found (line 1, column 18)");
        assertThat(oneLineError("SELECT page + 1 FROM clicks")).contains("Cannot apply '+' to arguments of type")
                .contains("(line 1, column 8)");
        assertThatThrownBy(() -> sql.table("ghost").fromStream("no-such-stream").columnsOf(Click.class).create())
                .isInstanceOf(WorkbookException.class)
                .hasMessageStartingWith("table ghost: stream 'no-such-stream' does not exist on the embedded emulator");
        assertThat(aws.flink.runningJobs()).isEmpty();
    }

    @Test
    void malformedRecordsAreCountedAndSkippedOrFailTheQuery() throws Exception {
        aws.stream("messy", 1);
        aws.put("messy", clicks.subList(0, 10));
        for (String bad : List.of("not json at all", "{\"eventId\":\"x\",\"timestamp\":\"yesterday\"}", "[1,2")) {
            aws.kinesis.putRecord(b -> b.streamName("messy").partitionKey("bad").data(SdkBytes.fromUtf8String(bad)));
        }
        aws.put("messy", clicks.subList(10, 20));
        KinesisTable messy = sql.table("messy").fromStream("messy").columnsOf(Click.class).create();

        SqlResult result = sql.query("SELECT eventId FROM messy").until(Until.rows(20).orAfter(Duration.ofSeconds(60))).collect();

        assertThat(result.size()).isEqualTo(20);
        assertThat(messy.malformedRecords()).isEqualTo(3);
        assertThat(MalformedRecords.last("messy")).startsWith("[1,2");

        sql.table("strict").fromStream("messy").columnsOf(Click.class).onMalformed(KinesisTable.OnMalformed.FAIL).create();
        assertThatThrownBy(() -> sql.query("SELECT eventId FROM strict").until(Until.after(Duration.ofSeconds(60))).collect())
                .isInstanceOf(WorkbookException.class)
                .hasMessageContaining("table strict: a record is not JSON of the table's columns: not json at all");
        assertThat(aws.flink.runningJobs()).isEmpty();
    }

    @Test
    void enhancedFanOutAndAtTimestampReadWhatTheyShould() throws Exception {
        aws.stream("fan-out", 2);
        aws.put("fan-out", clicks.subList(0, 40));
        Thread.sleep(50);
        Instant between = Instant.now();
        Thread.sleep(50);
        aws.put("fan-out", clicks.subList(40, 70));
        sql.table("pushed").fromStream("fan-out").columnsOf(Click.class).enhancedFanOut("flink-sql").create();
        sql.table("since").fromStream("fan-out").columnsOf(Click.class).startingAt(between).create();
        String arn = aws.kinesis.describeStreamSummary(b -> b.streamName("fan-out")).streamDescriptionSummary().streamARN();
        Set<String> consumersSeen = ConcurrentHashMap.newKeySet();
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                aws.kinesis.listStreamConsumers(b -> b.streamARN(arn)).consumers().forEach(c -> consumersSeen.add(c.consumerName()));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();

        SqlResult pushed = sql.query("SELECT eventId FROM pushed").until(Until.rows(70).orAfter(Duration.ofSeconds(60))).collect();
        watcher.interrupt();
        watcher.join();
        SqlResult since = sql.query("SELECT eventId FROM since").until(Until.rows(30).orAfter(Duration.ofSeconds(30))).collect();

        assertThat(consumersSeen).as("the connector registered its consumer").contains("flink-sql");
        assertThat(pushed.rows()).map(r -> r.string("eventId")).containsExactlyInAnyOrderElementsOf(
                clicks.subList(0, 70).stream().map(Click::eventId).toList());
        assertThat(since.rows()).map(r -> r.string("eventId")).containsExactlyInAnyOrderElementsOf(
                clicks.subList(40, 70).stream().map(Click::eventId).toList());
    }

    private String oneLineError(String query) {
        try {
            sql.query(query).until(Until.after(Duration.ofSeconds(5))).collect();
        } catch (WorkbookException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            assertThat(e.getStackTrace()).isEmpty();
            return e.getMessage();
        }
        throw new AssertionError("no error for " + query);
    }
}
