package io.kinesisworkbook.emulator.athena.engine;

import io.kinesisworkbook.emulator.athena.QueryFailure;

/**
 * A table's or partition's {@code LOCATION}: a bucket and a key prefix that names a folder (a
 * trailing slash is added, as Athena reads a location as a folder).
 */
public record S3Location(String bucket, String prefix) {

    /** The location, or Athena's error for one that is not in S3. */
    public static S3Location parse(String location, String table) {
        if (location == null || location.isBlank()) {
            throw QueryFailure.of("HIVE_METASTORE_ERROR", "Table '" + table + "' has no LOCATION");
        }
        String rest;
        if (location.startsWith("s3://")) {
            rest = location.substring(5);
        } else if (location.startsWith("s3a://") || location.startsWith("s3n://")) {
            rest = location.substring(6);
        } else {
            throw QueryFailure.of("HIVE_METASTORE_ERROR", "Table '" + table + "' has LOCATION '" + location
                    + "', which is not in Amazon S3: Athena reads s3:// locations only");
        }
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw QueryFailure.of("HIVE_METASTORE_ERROR", "Table '" + table + "' has LOCATION '" + location
                    + "', which names no bucket");
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        return new S3Location(bucket, prefix);
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }
}
