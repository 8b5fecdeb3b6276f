package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.TrivialAnswers.mustFail;

import io.kinesisworkbook.graders.E00FirstRecordGrader.FirstRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** E00's grader fails unless the text really goes into the stream and comes back from its own sequence number. */
class E00FirstRecordTrivialAnswersTest {

    @Test
    void theTextItWasGiven() {
        mustFail(E00FirstRecordGrader.class, FirstRecord.class, "return text;", (kinesis, stream, key, text) -> text);
    }

    @Test
    void putButNotReadBack() {
        mustFail(E00FirstRecordGrader.class, FirstRecord.class, "PutRecord, then return text", (kinesis, stream, key, text) -> {
            kinesis.putRecord(b -> b.streamName(stream).partitionKey(key).data(SdkBytes.fromUtf8String(text)));
            return text;
        });
    }

    @Test
    void theOldestRecordOfTheShard() {
        mustFail(E00FirstRecordGrader.class, FirstRecord.class, "reads from TRIM_HORIZON", (kinesis, stream, key, text) -> {
            var put = kinesis.putRecord(b -> b.streamName(stream).partitionKey(key).data(SdkBytes.fromUtf8String(text)));
            String iterator = kinesis.getShardIterator(b -> b.streamName(stream).shardId(put.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            return kinesis.getRecords(b -> b.shardIterator(iterator)).records().get(0).data().asUtf8String();
        });
    }
}
