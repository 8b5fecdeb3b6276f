package io.kinesisworkbook.emulator.athena.engine;

import java.util.List;

/**
 * One object a query reads: where it is, its ETag (what the cache keys it by), its size (what the
 * query scanned) and the values of the table's partition keys for it.
 */
record TableFile(String bucket, String key, String eTag, long size, List<String> partitionValues) {

    String path() {
        return "s3://" + bucket + "/" + key;
    }
}
