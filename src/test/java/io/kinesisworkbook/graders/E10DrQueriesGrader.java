package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.Grading.attempt;
import static io.kinesisworkbook.graders.Grading.check;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.exercises.E10DrQueries;
import io.kinesisworkbook.lib.athena.Athena;
import io.kinesisworkbook.lib.backend.WorkbookException;
import io.kinesisworkbook.lib.dr.DrQueries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.s3.S3Client;
import tech.tablesaw.api.Table;

/**
 * E10 on the embedded emulator. The pattern is tried with EventBridge's TestEventPattern on known
 * events: the bucket's invoice changes must match, everything else must not. The query runs on Athena
 * over known captured lines (GZIP JSON lines in S3, notebook 10's table): repeats, lines out of
 * order, two changes in one millisecond, times in the other order than S3's sequencer, and the
 * disaster's deletions after the moment asked about.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class E10DrQueriesGrader {

    static final String BUCKET = "shop-primary";
    static final String MOMENT = "2026-12-01 10:00:00.000";

    /** E10's two methods; the grader calls the learner's {@link E10DrQueries} through it. */
    interface DrQueriesAnswer {
        String invoiceChangesPattern(String bucket);

        String restoreListAsOf(String moment);
    }

    static DrQueriesAnswer answer() {
        return TrivialAnswers.answer(DrQueriesAnswer.class, new DrQueriesAnswer() {
            @Override
            public String invoiceChangesPattern(String bucket) {
                return E10DrQueries.invoiceChangesPattern(bucket);
            }

            @Override
            public String restoreListAsOf(String moment) {
                return E10DrQueries.restoreListAsOf(moment);
            }
        });
    }

    private Emulator emulator;
    private EventBridgeClient events;
    private S3Client s3;
    private AthenaClient athenaClient;
    private Athena athena;

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions());
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("grader", "grader"));
        events = EventBridgeClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        s3 = S3Client.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(credentials).build();
        athenaClient = AthenaClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        s3.createBucket(b -> b.bucket("recovery"));
        s3.putObject(b -> b.bucket("recovery").key("captured/2026/12/01/10/part-1.gz"),
                RequestBody.fromBytes(gzip(String.join("\n", capturedLines()) + "\n")));
        athena = new Athena(athenaClient, "s3://recovery/athena-results/", "default");
        athena.run(DrQueries.createTable("s3://recovery/captured/"));
    }

    @AfterAll
    void stop() {
        events.close();
        s3.close();
        athenaClient.close();
        emulator.close();
    }

    // ---- the event pattern ----

    @Test
    void thePatternMatchesTheBucketsInvoiceChanges() {
        String pattern = pattern();
        for (String type : List.of("Object Created", "Object Deleted")) {
            String event = s3Event("aws.s3", type, BUCKET, "invoices/2026/12/a.pdf");
            check(true, matches(pattern, event), type + " of " + BUCKET + "/invoices/2026/12/a.pdf matched",
                    "detail-type takes both values in one array; detail.bucket.name and detail.object.key nest as in the event");
        }
    }

    @Test
    void thePatternMatchesNothingElse() {
        String pattern = pattern();
        Map<String, String> others = new LinkedHashMap<>();
        others.put("another bucket's invoice", s3Event("aws.s3", "Object Created", "shop-backup", "invoices/a.pdf"));
        others.put("another prefix", s3Event("aws.s3", "Object Created", BUCKET, "photos/invoices/a.jpg"));
        others.put("a key without the slash", s3Event("aws.s3", "Object Created", BUCKET, "invoices.csv"));
        others.put("Object Restore Completed", s3Event("aws.s3", "Object Restore Completed", BUCKET, "invoices/a.pdf"));
        others.put("Object Tags Added", s3Event("aws.s3", "Object Tags Added", BUCKET, "invoices/a.pdf"));
        others.put("another source", s3Event("shop.app", "Object Created", BUCKET, "invoices/a.pdf"));
        for (Map.Entry<String, String> other : others.entrySet()) {
            check(false, matches(pattern, other.getValue()), "the pattern matched " + other.getKey(),
                    "name the source, both detail types, the bucket and the key's prefix \"invoices/\"");
        }
    }

    // ---- the restore list ----

    @Test
    void theRestoreListHoldsTheObjectsOfThatMoment() {
        Table rows = restoreList();
        check(List.of("invoices/a.pdf", "invoices/c.pdf", "invoices/d.pdf", "invoices/e.pdf", "invoices/f.pdf",
                        "invoices/h.pdf"), rows.stringColumn("object_key").asList(),
                "object_key, in order, as the bucket stood at " + MOMENT,
                "only changes up to the moment (event_time <= TIMESTAMP '...'); a key whose last change was a deletion is "
                        + "not restored; one row per key (GROUP BY), ORDER BY object_key");
    }

    @Test
    void eachObjectComesBackAsTheVersionItHeld() {
        Table rows = restoreList();
        Map<String, String> versions = new LinkedHashMap<>();
        for (int i = 0; i < rows.rowCount(); i++) {
            versions.put(rows.stringColumn("object_key").get(i), rows.stringColumn("etag").get(i));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("invoices/a.pdf", "a2");
        expected.put("invoices/c.pdf", "c3");
        expected.put("invoices/d.pdf", "d2");
        expected.put("invoices/e.pdf", "e2");
        expected.put("invoices/f.pdf", "f1");
        expected.put("invoices/h.pdf", "h1");
        expected.forEach((key, etag) -> check(etag, versions.get(key), "the ETag restored for " + key,
                "the last change is the greatest sequencer, not the latest event_time (two changes can share a time, "
                        + "or carry them in the other order): max_by(etag, sequencer)"));
    }

    private String pattern() {
        return attempt(() -> answer().invoiceChangesPattern(BUCKET), "a JSON object: {\"source\": [\"aws.s3\"], ...}");
    }

    private boolean matches(String pattern, String event) {
        try {
            return events.testEventPattern(b -> b.eventPattern(pattern).event(event)).result();
        } catch (EventBridgeException refused) {
            return Assertions.fail("EventBridge refused the pattern: " + refused.awsErrorDetails().errorMessage()
                    + ". Hint: every value to match is in an array, a prefix is {\"prefix\": \"...\"} inside it");
        }
    }

    private Table restoreList() {
        String sql = attempt(() -> answer().restoreListAsOf(MOMENT), "SELECT object_key, ... FROM captured ...");
        Table rows;
        try {
            rows = athena.query(sql);
        } catch (WorkbookException refused) {
            return Assertions.fail("Athena refused the query: " + refused.getMessage()
                    + ". Hint: Trino's SQL; the table is captured, a time is TIMESTAMP '" + MOMENT + "'");
        }
        check(true, rows.columnNames().containsAll(List.of("object_key", "etag")), "columns object_key and etag in "
                + rows.columnNames(), "name them with AS: max_by(etag, sequencer) AS etag");
        return rows;
    }

    /** An S3 event as EventBridge delivers it, with every field TestEventPattern wants. */
    static String s3Event(String source, String detailType, String bucket, String key) {
        return """
                {"version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718", "detail-type": "%s", "source": "%s",
                 "account": "000000000000", "time": "2026-12-01T09:00:00Z", "region": "us-east-1",
                 "resources": ["arn:aws:s3:::%s"],
                 "detail": {"version": "0", "bucket": {"name": "%s"},
                            "object": {"key": "%s", "size": 120, "etag": "abc", "sequencer": "0000000000000001"},
                            "request-id": "R1", "requester": "000000000000", "source-ip-address": "127.0.0.1",
                            "reason": "PutObject"}}""".formatted(detailType, source, bucket, bucket, key);
    }

    /**
     * The DR bucket's captured lines, in the order they arrived (not the order of the changes). As of
     * the moment: a is at its second version, b deleted, c deleted and created again, d's two versions
     * share a millisecond, e's times are in the other order than its sequencers, f was captured twice,
     * g was created after the moment, h created just before it and overwritten just after; then the
     * disaster deletes everything.
     */
    static List<String> capturedLines() {
        List<String> lines = new ArrayList<>();
        lines.add(change("a", "created", "a2", "0000000000000020", "09:30:00.000"));
        lines.add(change("a", "created", "a1", "0000000000000010", "09:00:00.000"));
        lines.add(change("b", "created", "b1", "0000000000000011", "09:00:00.000"));
        lines.add(change("c", "created", "c3", "0000000000000032", "09:20:00.000"));
        lines.add(change("b", "deleted", null, "0000000000000021", "09:10:00.000"));
        lines.add(change("c", "created", "c1", "0000000000000012", "09:00:00.000"));
        lines.add(change("c", "deleted", null, "0000000000000022", "09:05:00.000"));
        lines.add(change("d", "created", "d2", "0000000000000023", "09:40:00.000"));
        lines.add(change("d", "created", "d1", "0000000000000013", "09:40:00.000"));
        lines.add(change("e", "created", "e1", "0000000000000014", "09:50:00.500"));
        lines.add(change("e", "created", "e2", "0000000000000024", "09:50:00.400"));
        lines.add(change("f", "created", "f1", "0000000000000015", "09:00:00.000"));
        lines.add(change("f", "created", "f1", "0000000000000015", "09:00:00.000"));
        lines.add(change("g", "created", "g1", "0000000000000016", "10:05:00.000"));
        lines.add(change("h", "created", "h1", "0000000000000017", "09:59:59.999"));
        lines.add(change("h", "created", "h2", "0000000000000027", "10:00:00.001"));
        lines.add("{\"kind\":\"log\",\"event_id\":\"log-1\",\"event_time\":\"2026-12-01 09:31:00.000\",\"level\":\"ERROR\","
                + "\"host\":\"web-1\",\"service\":\"checkout\",\"message\":\"invoices/a.pdf not found\"}");
        String sequencer = "0000000000000040";
        for (String key : List.of("a", "c", "d", "e", "f", "g", "h")) {
            lines.add(change(key, "deleted", null, sequencer, "10:30:00.000"));
        }
        return lines;
    }

    private static String change(String key, String action, String etag, String sequencer, String time) {
        return ("{\"kind\":\"object\",\"event_id\":\"%s-%s\",\"event_time\":\"2026-12-01 %s\",\"captured_at\":\"2026-12-01 %s\","
                + "\"action\":\"%s\",\"bucket\":\"%s\",\"object_key\":\"invoices/%s.pdf\",\"size\":120,%s"
                + "\"sequencer\":\"%s\",\"reason\":\"%s\",\"request_id\":\"R-%s\"}").formatted(key, sequencer, time, time,
                action, BUCKET, key, etag == null ? "" : "\"etag\":\"" + etag + "\",", sequencer,
                action.equals("created") ? "PutObject" : "DeleteObject", sequencer);
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
