package io.kinesisworkbook.lib.dr;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.lib.data.Events;
import io.kinesisworkbook.lib.firehose.DeliveredObjects;
import io.kinesisworkbook.lib.lambda.Lambdas;
import io.kinesisworkbook.lib.producer.Producer;
import io.kinesisworkbook.lib.s3.Buckets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The fault drills of the disaster-recovery pipeline, each undone by its own second call:
 * <ul>
 *   <li>{@link #breakTransform()}: the transform fails every invocation (its environment says
 *       {@code SIMULATED_OUTAGE=true}, as a bad deployment would); Firehose retries, then writes the
 *       records under the error output prefix with their raw data. {@link #mendTransform()}, then
 *       {@link #redrive} puts them back into the stream.</li>
 *   <li>{@link #refuseWrites()}: a bucket policy denies PutObject under {@code captured/}; Firehose
 *       keeps the objects and retries until {@link #allowWrites()}.</li>
 * </ul>
 * (The third drill, a copier worker's restart, is KCL's: {@code worker.crash()} and another worker.)
 */
public final class Drills {

    private final DrResources names;
    private final Lambdas lambdas;
    private final Buckets buckets;
    private final S3Client s3;

    public Drills(DrResources names, Lambdas lambdas, Buckets buckets, S3Client s3) {
        this.names = names;
        this.lambdas = lambdas;
        this.buckets = buckets;
        this.s3 = s3;
    }

    /** Every invocation of the transform fails from now on. */
    public void breakTransform() {
        lambdas.setEnvironment(names.function(), Map.of("SIMULATED_OUTAGE", "true"));
    }

    public void mendTransform() {
        lambdas.setEnvironment(names.function(), Map.of());
    }

    /** S3 refuses Firehose's writes under {@code captured/}; returns the bucket policy that does it. */
    public String refuseWrites() {
        return buckets.denyWrites(names.drBucket(), DrResources.CAPTURED);
    }

    public void allowWrites() {
        buckets.allowWrites(names.drBucket());
    }

    /**
     * Puts every record under the error output back into the stream, with the data it first had,
     * then deletes the error objects it emptied: the records go through the (mended) transform again.
     * An object event keeps its object key as partition key; a log batch gets {@code redriven}.
     * Returns how many records went back.
     */
    public int redrive(Producer producer) {
        List<DeliveredObjects.DeliveredObject> errorObjects = DeliveredObjects.under(s3, names.drBucket(), DrResources.ERRORS);
        int records = 0;
        for (DeliveredObjects.DeliveredObject object : errorObjects) {
            for (String line : object.lines()) {
                byte[] raw = Base64.getDecoder().decode(Events.fromJson(line, JsonNode.class).path("rawData").asText());
                producer.send(partitionKey(raw), raw);
                records++;
            }
        }
        producer.flush();   // every record is in the stream before its error object goes
        List<String> keys = new ArrayList<>();
        errorObjects.forEach(object -> keys.add(object.key()));
        buckets.deleteObjects(names.drBucket(), keys);
        return records;
    }

    private static String partitionKey(byte[] raw) {
        if (raw.length > 0 && raw[0] == '{') {
            try {
                String key = Events.fromJson(raw, JsonNode.class).path("detail").path("object").path("key").asText();
                if (!key.isEmpty()) {
                    return key;
                }
            } catch (RuntimeException notJson) {
                // not an object event: the default key
            }
        }
        return "redriven";
    }
}
