package io.kinesisworkbook.lib.bench;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.lib.LocalAws;
import io.kinesisworkbook.lib.dr.DrPipeline;
import io.kinesisworkbook.lib.dr.DrResources;
import io.kinesisworkbook.lib.lambda.ModuleJars;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import tech.tablesaw.api.Table;

/**
 * Notebook 10's pipeline on the embedded emulator: from PutObject on the primary bucket to the
 * object's row visible to an Athena query over the DR bucket (S3 event, EventBridge rule, stream,
 * Firehose with the Lambda transform and its buffer, S3, Athena). One object at a time, each waited
 * for by querying Athena every 50 ms; prints the buffering interval beside the percentiles. A main,
 * not a test: it prints numbers and asserts nothing.
 */
public final class DrEndToEndBenchmark {

    private static final int BUFFER_SECONDS = 1;
    private static final int WARM_UP = 3;
    private static final int MEASURED = 20;

    public static void main(String[] args) throws Exception {
        try (LocalAws aws = new LocalAws(EmulatorOptions.defaults().withInstantTransitions());
             DrPipeline pipeline = DrPipeline.on(aws.connection, "bench")) {
            pipeline.build(ModuleJars.of("workbook-lambdas"), 1, BUFFER_SECONDS);
            DrResources names = pipeline.names();
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                String key = "bench/object-" + i;
                long start = System.nanoTime();
                pipeline.s3().putObject(b -> b.bucket(names.primaryBucket()).key(key), RequestBody.fromString("object " + i));
                while (rows(pipeline, key) == 0) {
                    Thread.sleep(50);
                }
                if (i >= WARM_UP) {
                    millis.add((System.nanoTime() - start) / 1_000_000);
                }
            }
            pipeline.tearDown();
            Collections.sort(millis);
            System.out.printf("PutObject to its row in Athena, %d objects one at a time, Firehose buffering %d s:%n",
                    MEASURED, BUFFER_SECONDS);
            System.out.printf("  p50 %,d ms   p90 %,d ms   max %,d ms   (the issue's bound: buffering + 2 s = %,d ms)%n",
                    millis.get(millis.size() / 2), millis.get(millis.size() * 9 / 10), millis.get(millis.size() - 1),
                    BUFFER_SECONDS * 1000 + 2000);
        }
    }

    private static long rows(DrPipeline pipeline, String key) {
        Table count = pipeline.athena().query("SELECT count(*) AS n FROM captured WHERE object_key = '" + key + "'");
        return count.longColumn("n").get(0);
    }
}
