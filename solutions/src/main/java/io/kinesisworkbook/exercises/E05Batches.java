package io.kinesisworkbook.exercises;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

/** Exercise 05 (notebook 05-producers): batching within PutRecords' limits, and retrying what failed. */
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
        List<List<PutRecordsRequestEntry>> batches = new ArrayList<>();
        List<PutRecordsRequestEntry> current = new ArrayList<>();
        long bytes = 0;
        for (PutRecordsRequestEntry entry : entries) {
            long size = entry.data().asByteArrayUnsafe().length + entry.partitionKey().getBytes(StandardCharsets.UTF_8).length;
            if (!current.isEmpty() && (current.size() == MAX_RECORDS || bytes + size > MAX_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(entry);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** The entries of {@code sent} that {@code answer} refused (its results are in request order). */
    public static List<PutRecordsRequestEntry> toRetry(List<PutRecordsRequestEntry> sent, PutRecordsResponse answer) {
        List<PutRecordsRequestEntry> refused = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (answer.records().get(i).errorCode() != null) {
                refused.add(sent.get(i));
            }
        }
        return refused;
    }
}
