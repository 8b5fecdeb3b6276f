package io.kinesisworkbook.exercises;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

/**
 * Your exercise. Read the Javadoc of each method, replace the TODO, and run {@code ./workbook grade}.
 *
 * <p>Exercise 05 (notebook 05-producers): batching within PutRecords' limits, and retrying what failed. */
public final class E05Batches {

    public static final int MAX_RECORDS = 500;
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private E05Batches() {
    }

    /**
     * Splits {@code entries}, in order, into PutRecords requests of at most 500 records and at most
     * 5 MiB, counting each record as its data plus its partition key's UTF-8 bytes. No batch is empty.
     */
    public static List<List<PutRecordsRequestEntry>> batches(List<PutRecordsRequestEntry> entries) {
        // TODO: walk the entries in order; start a new batch when 500 records or 5 MiB (data + key bytes) would be exceeded.
        throw new UnsupportedOperationException("TODO: exercise E05, batches");
    }

    /** The entries of {@code sent} that {@code answer} refused (its results are in request order). */
    public static List<PutRecordsRequestEntry> toRetry(List<PutRecordsRequestEntry> sent, PutRecordsResponse answer) {
        // TODO: answer.records() is in request order: keep the entries whose result has an errorCode.
        throw new UnsupportedOperationException("TODO: exercise E05, toRetry");
    }
}
