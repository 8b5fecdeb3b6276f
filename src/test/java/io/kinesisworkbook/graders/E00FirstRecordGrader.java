package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.Grading.attempt;
import static io.kinesisworkbook.graders.Grading.check;

import io.kinesisworkbook.exercises.E00FirstRecord;
import org.junit.jupiter.api.Test;

class E00FirstRecordGrader {

    @Test
    void theRecordComesBack() throws Exception {
        try (Grading.Aws aws = Grading.Aws.start()) {
            aws.activeStream("first", 2);
            String back = attempt(() -> E00FirstRecord.putAndReadBack(aws.kinesis(), "first", "greeting", "Hello, Kinesis!"),
                    "PutRecord, then GetShardIterator on the shard it answered, then GetRecords.");
            check("Hello, Kinesis!", back, "the text read back", "read the shard PutRecord named, from the record's sequence number");
        }
    }

    @Test
    void itReadsItsOwnRecordNotTheFirstOne() throws Exception {
        try (Grading.Aws aws = Grading.Aws.start()) {
            aws.activeStream("second", 1);
            attempt(() -> E00FirstRecord.putAndReadBack(aws.kinesis(), "second", "k", "older"), "see the first check");
            String back = attempt(() -> E00FirstRecord.putAndReadBack(aws.kinesis(), "second", "k", "newer"), "see the first check");
            check("newer", back, "the second record read back",
                    "TRIM_HORIZON starts at the oldest record; AT_SEQUENCE_NUMBER with PutRecord's sequence number starts at yours");
        }
    }
}
