package io.kinesisworkbook.lib.firehose;

import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * Lines of text as Firehose records, for PutRecordBatch. Firehose concatenates the records of an
 * object with no separator, so each record ends with a newline: the object is then one line a record,
 * which is what Athena and most readers of the bucket expect.
 *
 * <pre>{@code
 * aws.firehose().putRecordBatch(b -> b.deliveryStreamName("orders").records(FirehoseLines.of(jsonLines)));
 * }</pre>
 *
 * <p>(Firehose's {@code Record} shares its name with Kinesis's, which the notebooks import; this
 * class keeps the longer name out of a notebook cell.)
 */
public final class FirehoseLines {

    private FirehoseLines() {
    }

    /** One record per line, each ending with a newline. At most 500 fit one PutRecordBatch. */
    public static List<Record> of(List<String> lines) {
        return lines.stream().map(line -> Record.builder().data(SdkBytes.fromUtf8String(line + "\n")).build()).toList();
    }
}
