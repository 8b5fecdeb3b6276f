package io.kinesisworkbook.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.lib.Workbook;
import io.kinesisworkbook.lib.data.Click;
import io.kinesisworkbook.lib.data.Clickstream;
import io.kinesisworkbook.lib.firehose.DeliveredObjects;
import io.kinesisworkbook.lib.firehose.S3Delivery;
import io.kinesisworkbook.lib.producer.Producer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flink's Firehose sink against the emulator's Firehose, delivering to its S3. */
class FirehoseSinkTest {

    @Test
    void aPumpIntoADeliveryStreamLandsInS3AsJsonLines() throws Exception {
        Workbook aws = Workbook.connect("embedded");
        aws.streams().create("sql-to-firehose", 1);
        List<Click> clicks = Clickstream.seeded(5).take(40);
        try (Producer producer = aws.producer("sql-to-firehose").build()) {
            clicks.forEach(producer::send);
        }
        aws.s3().createBucket(b -> b.bucket("flink-firehose"));
        aws.deliveryStreams().directPut("sql-pages", S3Delivery.to("flink-firehose").prefixes("pages/", "errors/").buffering(1, 1));
        try (EmbeddedFlink flink = EmbeddedFlink.start(Path.of("target", "flink-firehose-test"))) {
            StreamingSql sql = StreamingSql.on(aws.connection(), aws.kinesis(), flink);
            sql.table("clicks").fromStream("sql-to-firehose").columnsOf(Click.class).create();
            sql.deliveryStreamTable("pages", "sql-pages", "`eventId` STRING, `page` STRING");

            try (Pump pump = sql.pump("pages to Firehose", "INSERT INTO pages SELECT eventId, page FROM clicks")) {
                List<String> lines = List.of();
                for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                     lines.size() < clicks.size() && System.nanoTime() < deadline; Thread.sleep(250)) {
                    lines = DeliveredObjects.under(aws.s3(), "flink-firehose", "pages/").stream().flatMap(o -> o.lines().stream()).toList();
                }
                assertThat(lines).containsExactlyInAnyOrderElementsOf(clicks.stream()
                        .map(c -> "{\"eventId\":\"" + c.eventId() + "\",\"page\":\"" + c.page() + "\"}").toList());
            }
        }
    }
}
