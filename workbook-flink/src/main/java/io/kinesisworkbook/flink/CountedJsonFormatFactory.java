package io.kinesisworkbook.flink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.formats.json.JsonFormatFactory;
import org.apache.flink.formats.json.JsonFormatOptions;
import org.apache.flink.metrics.Counter;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.format.DecodingFormat;
import org.apache.flink.table.connector.format.EncodingFormat;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DeserializationFormatFactory;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.factories.SerializationFormatFactory;
import org.apache.flink.table.types.DataType;

/**
 * The format {@code workbook-json}: Flink's own {@code json} format, with ISO-8601 timestamps as
 * the workbook's events write them, that never drops a record without counting it.
 *
 * <p>Flink's JSON format either fails the whole query on the first record it cannot parse, or, with
 * {@code json.ignore-parse-errors}, skips such records silently. A learner deserves to know that
 * records were skipped: here each one is counted per table ({@link MalformedRecords}, and the
 * reader's {@code malformedRecords} metric), and {@code 'workbook-json.malformed' = 'fail'} fails
 * the query instead, naming the record.
 */
public final class CountedJsonFormatFactory implements DeserializationFormatFactory, SerializationFormatFactory {

    public static final String IDENTIFIER = "workbook-json";

    /** How the message of a query failed by a malformed record reads, after the table's name. */
    static final String MALFORMED_RECORD = "a record is not JSON of the table's columns";

    static final ConfigOption<String> MALFORMED = ConfigOptions.key("malformed").stringType().defaultValue("skip")
            .withDescription("'skip' (count and skip a record that is not JSON of the table's columns) or 'fail'");

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    /** One JSON document per line: Firehose concatenates records as they come, so each brings its own newline. */
    static final ConfigOption<Boolean> LINES = ConfigOptions.key("lines").booleanType().defaultValue(false)
            .withDescription("end each record written with a newline");

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(MALFORMED, LINES);
    }

    @Override
    public DecodingFormat<DeserializationSchema<RowData>> createDecodingFormat(DynamicTableFactory.Context context,
                                                                              ReadableConfig formatOptions) {
        FactoryUtil.validateFactoryOptions(this, formatOptions);
        String malformed = formatOptions.get(MALFORMED);
        if (!malformed.equals("skip") && !malformed.equals("fail")) {
            throw new org.apache.flink.table.api.ValidationException(
                    "'" + IDENTIFIER + ".malformed' must be 'skip' or 'fail', not '" + malformed + "'");
        }
        DecodingFormat<DeserializationSchema<RowData>> json = new JsonFormatFactory().createDecodingFormat(context, jsonOptions());
        String table = context.getObjectIdentifier().getObjectName();
        MalformedRecords.reset(table);
        return new CountingDecodingFormat(json, table, malformed.equals("fail"));
    }

    @Override
    public EncodingFormat<SerializationSchema<RowData>> createEncodingFormat(DynamicTableFactory.Context context,
                                                                            ReadableConfig formatOptions) {
        FactoryUtil.validateFactoryOptions(this, formatOptions);
        EncodingFormat<SerializationSchema<RowData>> json = new JsonFormatFactory().createEncodingFormat(context, jsonOptions());
        if (!formatOptions.get(LINES)) {
            return json;
        }
        return new EncodingFormat<>() {
            @Override
            public SerializationSchema<RowData> createRuntimeEncoder(org.apache.flink.table.connector.sink.DynamicTableSink.Context sink,
                                                                     DataType type) {
                return new LineSerializer(json.createRuntimeEncoder(sink, type));
            }

            @Override
            public ChangelogMode getChangelogMode() {
                return json.getChangelogMode();
            }
        };
    }

    /** Flink's JSON encoder, with a newline after each document. */
    private record LineSerializer(SerializationSchema<RowData> json) implements SerializationSchema<RowData> {
        @Override
        public void open(InitializationContext context) throws Exception {
            json.open(context);
        }

        @Override
        public byte[] serialize(RowData row) {
            byte[] document = json.serialize(row);
            byte[] line = java.util.Arrays.copyOf(document, document.length + 1);
            line[document.length] = '\n';
            return line;
        }
    }

    /** Flink's JSON, strict (a parse error is an exception we count), with ISO-8601 timestamps. */
    private static Configuration jsonOptions() {
        Configuration options = new Configuration();
        options.set(JsonFormatOptions.TIMESTAMP_FORMAT, "ISO-8601");
        options.set(JsonFormatOptions.IGNORE_PARSE_ERRORS, false);
        options.set(JsonFormatOptions.FAIL_ON_MISSING_FIELD, false);
        return options;
    }

    private record CountingDecodingFormat(DecodingFormat<DeserializationSchema<RowData>> json, String table, boolean fail)
            implements DecodingFormat<DeserializationSchema<RowData>> {

        @Override
        public DeserializationSchema<RowData> createRuntimeDecoder(DynamicTableSource.Context context, DataType type) {
            return new CountingDeserializer(json.createRuntimeDecoder(context, type), table, fail);
        }

        @Override
        public ChangelogMode getChangelogMode() {
            return json.getChangelogMode();
        }
    }

    /** Flink's JSON deserializer, with each record it cannot read counted (and skipped) or failing the job. */
    static final class CountingDeserializer implements DeserializationSchema<RowData> {
        private static final long serialVersionUID = 1L;
        private static final int SHOWN_CHARACTERS = 200;

        private final DeserializationSchema<RowData> json;
        private final String table;
        private final boolean fail;
        private transient Counter metric;

        CountingDeserializer(DeserializationSchema<RowData> json, String table, boolean fail) {
            this.json = json;
            this.table = table;
            this.fail = fail;
        }

        @Override
        public void open(InitializationContext context) throws Exception {
            json.open(context);
            metric = context.getMetricGroup().counter("malformedRecords");
        }

        @Override
        public RowData deserialize(byte[] message) throws IOException {
            try {
                return json.deserialize(message);
            } catch (IOException | RuntimeException e) {
                String record = shown(message);
                String problem = rootMessage(e);
                if (fail) {
                    throw new IOException("table " + table + ": " + MALFORMED_RECORD + ": " + record
                            + " (" + problem + ")", e);
                }
                MalformedRecords.add(table, record, problem);
                if (metric != null) {
                    metric.inc();
                }
                return null;
            }
        }

        @Override
        public boolean isEndOfStream(RowData nextElement) {
            return false;
        }

        @Override
        public TypeInformation<RowData> getProducedType() {
            return json.getProducedType();
        }

        private static String shown(byte[] message) {
            String text = message == null ? "null" : new String(message, StandardCharsets.UTF_8);
            return text.length() <= SHOWN_CHARACTERS ? text : text.substring(0, SHOWN_CHARACTERS) + "...";
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            return message.lines().findFirst().orElse(message);
        }
    }
}
