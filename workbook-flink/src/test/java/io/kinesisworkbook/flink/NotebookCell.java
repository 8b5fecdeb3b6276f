package io.kinesisworkbook.flink;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.lib.data.Click;
import io.kinesisworkbook.lib.data.Clickstream;
import java.time.Duration;

/**
 * What a notebook cell does with Flink, for {@link EmbeddedFlinkTest}, which loads this class (and
 * Flink with it) in a class loader of its own, as a notebook kernel does.
 */
public final class NotebookCell {

    private NotebookCell() {
    }

    /** Writes {@code clicks} clicks into a stream and returns how many rows a query over it read. */
    public static int countClicks(int clicks) {
        try (FlinkFixture aws = new FlinkFixture(EmulatorOptions.defaults().withInstantTransitions(), "flink-loader-test")) {
            aws.stream("loader", 1);
            aws.put("loader", Clickstream.seeded(4).take(clicks));
            StreamingSql sql = aws.session();
            sql.table("clicks").fromStream("loader").columnsOf(Click.class).create();
            return sql.query("SELECT eventId FROM clicks").until(Until.rows(clicks).orAfter(Duration.ofSeconds(60))).collect().size();
        }
    }
}
