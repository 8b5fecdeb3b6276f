package io.kinesisworkbook.graders;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.flink.Heartbeats;
import io.kinesisworkbook.flink.SqlResult;
import io.kinesisworkbook.flink.StreamingSql;
import io.kinesisworkbook.flink.Until;
import io.kinesisworkbook.lib.backend.AwsClients;
import io.kinesisworkbook.lib.backend.Backend;
import io.kinesisworkbook.lib.backend.Connection;
import io.kinesisworkbook.lib.data.Click;
import io.kinesisworkbook.lib.producer.Producer;
import io.kinesisworkbook.lib.streams.Streams;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Exercise 09's test bed: an emulator, a stream of clicks with known event times, the table
 * {@code clicks} over it, and the rows a correct query returns. Started once, on first use.
 *
 * <p>Three 10-second windows; in each, five pages with different counts (no ties, so the top three
 * are unambiguous). The clicks are shuffled within each second, so they arrive out of order by less
 * than the watermark's 2 seconds, and a heartbeat an hour later closes every window.
 */
final class E09Grading {

    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    /** Clicks per page in each window: window 0, 1, 2. */
    private static final int[][] HITS = {{5, 4, 3, 2, 1}, {3, 6, 1, 4, 2}, {2, 1, 7, 1, 5}};
    private static final String[] PAGES = {"/", "/search", "/cart", "/deals", "/help"};

    /** The rows a correct answer returns: "window start|page|hits". */
    static final Set<String> EXPECTED = expected();

    private static StreamingSql sql;

    private E09Grading() {
    }

    /** The rows {@code query} returns on the known clicks, as "window start|page|hits". */
    static synchronized Set<String> rowsOf(String query) {
        SqlResult result = session().query(query).until(Until.after(Duration.ofSeconds(15)).orQuietFor(Duration.ofSeconds(2))).collect();
        Set<String> rows = new TreeSet<>();
        result.rows().forEach(r -> rows.add(r.get("window_start") + "|" + r.get("page") + "|" + r.get("hits")));
        return rows;
    }

    private static StreamingSql session() {
        if (sql == null) {
            Emulator emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions());
            Connection connection = new Connection(Backend.EMBEDDED, Optional.of(emulator.endpoint()), Region.US_EAST_1,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("grader", "grader")), Integer.MAX_VALUE);
            KinesisClient kinesis = new AwsClients(connection).kinesis();
            new Streams(kinesis).create("e09-clicks", 1);
            try (Producer producer = Producer.to(kinesis, "e09-clicks").build()) {
                clicks().forEach(producer::send);
            }
            Heartbeats.send(kinesis, "e09-clicks", START.plus(Duration.ofHours(1)));
            sql = StreamingSql.on(connection, kinesis);
            sql.table("clicks").fromStream("e09-clicks").columnsOf(Click.class).create();
        }
        return sql;
    }

    private static List<Click> clicks() {
        List<Click> clicks = new ArrayList<>();
        Random random = new Random(9);
        for (int window = 0; window < HITS.length; window++) {
            for (int second = 0; second < 10; second++) {
                List<Click> inSecond = new ArrayList<>();
                for (int page = 0; page < PAGES.length; page++) {
                    for (int n = 0; n < HITS[window][page]; n++) {
                        if ((n + page) % 10 == second) {
                            Instant at = START.plusSeconds(window * 10L + second).plusMillis(random.nextInt(1000));
                            inSecond.add(new Click("c-" + window + "-" + page + "-" + n, at, "user-" + random.nextInt(5), "s",
                                    PAGES[page], null, "desktop", Click.Action.PAGE_VIEW));
                        }
                    }
                }
                Collections.shuffle(inSecond, random);
                clicks.addAll(inSecond);
            }
        }
        return clicks;
    }

    private static Set<String> expected() {
        Set<String> rows = new TreeSet<>();
        for (int window = 0; window < HITS.length; window++) {
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4));
            int w = window;
            order.sort((a, b) -> HITS[w][b] - HITS[w][a]);
            for (int place = 0; place < 3; place++) {
                int page = order.get(place);
                rows.add(START.plusSeconds(window * 10L) + "|" + PAGES[page] + "|" + HITS[window][page]);
            }
        }
        return rows;
    }
}
