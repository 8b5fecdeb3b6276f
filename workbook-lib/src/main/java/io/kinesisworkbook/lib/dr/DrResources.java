package io.kinesisworkbook.lib.dr;

import io.kinesisworkbook.lib.s3.Buckets;

/**
 * The names of one disaster-recovery pipeline's resources, and where in the DR bucket each kind of
 * data goes.
 *
 * @param primaryBucket  the bucket the application writes, whose loss the pipeline is for
 * @param drBucket       the bucket the pipeline writes: captured events and logs, copies, query results
 * @param stream         the Kinesis data stream both S3's events and the application's logs go into
 * @param rule           the EventBridge rule that sends the primary bucket's object events to the stream
 * @param deliveryStream the Firehose delivery stream that reads the stream
 * @param function       the Lambda function Firehose transforms records with
 * @param database       the Glue database of the Athena table
 * @param copier         the KCL application that copies each changed object into the DR bucket
 */
public record DrResources(String primaryBucket, String drBucket, String stream, String rule, String deliveryStream,
                          String function, String database, String copier) {

    /** Firehose's JSON lines, the Athena table's location. */
    public static final String CAPTURED = "captured/";
    /** Firehose's error output: records the transform failed, with their raw data. */
    public static final String ERRORS = "capture-errors/";
    /** The copier's copies: {@code copies/<object key>/<etag>}, every version an object had. */
    public static final String COPIES = "copies/";
    /** Athena's query results. */
    public static final String RESULTS = "athena-results/";
    /** The Athena table over {@link #CAPTURED}. */
    public static final String TABLE = "captured";

    /** Every name from one prefix ({@code dr}: {@code dr-primary}, {@code dr-changes}, ...); bucket names made unique on AWS. */
    public static DrResources named(String prefix, Buckets buckets) {
        return new DrResources(buckets.uniqueName(prefix + "-primary"), buckets.uniqueName(prefix + "-recovery"),
                prefix + "-changes", prefix + "-object-changes", prefix + "-capture", prefix + "-transform",
                prefix.replace('-', '_'), prefix + "-copier");
    }

    public String capturedLocation() {
        return "s3://" + drBucket + "/" + CAPTURED;
    }

    public String resultsLocation() {
        return "s3://" + drBucket + "/" + RESULTS;
    }

    /** Where the copier keeps the version of {@code key} whose ETag is {@code etag}. */
    public static String copyKey(String key, String etag) {
        return COPIES + key + "/" + etag;
    }
}
