package io.kinesisworkbook.lib.athena;

import java.time.Duration;
import tech.tablesaw.api.Table;

/**
 * What one Athena statement gave.
 *
 * @param id           the query execution's id
 * @param table        its rows, typed
 * @param scannedBytes the bytes Athena read from S3 (what a query is billed by)
 * @param engineTime   how long the engine worked on it
 * @param total        from StartQueryExecution to the last page of results, as this client saw it
 * @param resultFile   where Athena wrote the result, {@code s3://.../<id>.csv}
 */
public record QueryResult(String id, Table table, long scannedBytes, Duration engineTime, Duration total,
                          String resultFile) {

    /** One line for a notebook: rows, bytes scanned, time. */
    public String summary() {
        return String.format("%,d rows, %,d bytes scanned, %,d ms in the engine, %,d ms in all", table.rowCount(),
                scannedBytes, engineTime.toMillis(), total.toMillis());
    }
}
