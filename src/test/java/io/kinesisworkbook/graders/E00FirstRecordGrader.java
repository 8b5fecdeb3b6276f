package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.Grading.attempt;
import static io.kinesisworkbook.graders.Grading.check;

import io.kinesisworkbook.exercises.E00FirstRecord;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * E00 against the embedded emulator: the text must really go there and back. The learner's client
 * notes every call, so returning the input, or reading some other record, does not pass.
 */
class E00FirstRecordGrader {

    /** E00's method; the grader calls the learner's {@link E00FirstRecord} through it. */
    interface FirstRecord {
        String putAndReadBack(KinesisClient kinesis, String stream, String partitionKey, String text);
    }

    static FirstRecord answer() {
        return TrivialAnswers.answer(FirstRecord.class, E00FirstRecord::putAndReadBack);
    }

    @Test
    void theRecordGoesIntoTheStreamAndComesBackFromIt() throws Exception {
        try (Grading.Aws aws = Grading.Aws.start()) {
            aws.activeStream("first", 2);
            Grading.Calls calls = new Grading.Calls();
            try (KinesisClient kinesis = aws.learnersKinesis(calls)) {
                String back = attempt(() -> answer().putAndReadBack(kinesis, "first", "greeting", "Hello, Kinesis!"),
                        "PutRecord, then GetShardIterator on the shard it answered, then GetRecords.");
                check("Hello, Kinesis!", back, "the text read back", "read the shard PutRecord named, from the record's sequence number");
                List<Grading.Calls.Call> puts = calls.of(PutRecordRequest.class);
                check(1, puts.size(), "PutRecord calls", "put the text into the stream with one PutRecord");
                check(textsReadBy(calls).contains("Hello, Kinesis!"), "the text came back in a GetRecords answer",
                        "return what GetRecords read, not the text you were given");
            }
        }
    }

    @Test
    void itReadsItsOwnRecordFromItsOwnSequenceNumber() throws Exception {
        try (Grading.Aws aws = Grading.Aws.start()) {
            aws.activeStream("second", 1);
            Grading.Calls calls = new Grading.Calls();
            try (KinesisClient kinesis = aws.learnersKinesis(calls)) {
                attempt(() -> answer().putAndReadBack(kinesis, "second", "k", "older"), "see the first check");
                String back = attempt(() -> answer().putAndReadBack(kinesis, "second", "k", "newer"), "see the first check");
                check("newer", back, "the second record read back",
                        "TRIM_HORIZON starts at the oldest record; AT_SEQUENCE_NUMBER with PutRecord's sequence number starts at yours");
                PutRecordResponse put = (PutRecordResponse) calls.of(PutRecordRequest.class).get(1).response();
                List<GetShardIteratorRequest> iterators = calls.of(GetShardIteratorRequest.class).stream()
                        .map(call -> (GetShardIteratorRequest) call.request()).toList();
                check(iterators.stream().anyMatch(request -> request.shardIteratorType() == ShardIteratorType.AT_SEQUENCE_NUMBER
                                && put.sequenceNumber().equals(request.startingSequenceNumber())
                                && put.shardId().equals(request.shardId())),
                        "an AT_SEQUENCE_NUMBER iterator at the second record's own sequence number, on its shard",
                        "PutRecord's answer names the shard and the sequence number");
            }
        }
    }

    /** The texts of every record the learner's GetRecords calls returned. */
    private static List<String> textsReadBy(Grading.Calls calls) {
        return calls.of(GetRecordsRequest.class).stream().filter(call -> call.response() instanceof GetRecordsResponse)
                .flatMap(call -> ((GetRecordsResponse) call.response()).records().stream())
                .map(record -> record.data().asUtf8String()).toList();
    }
}
