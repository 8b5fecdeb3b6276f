package io.kinesisworkbook.flink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A Flink SQL table over a Kinesis stream: what Kinesis Data Analytics called an in-application
 * stream. Reading it reads the stream; {@code INSERT INTO} it writes records into the stream.
 *
 * <pre>{@code
 * KinesisTable clicks = sql.table("clicks").fromStream("sql-clicks").columnsOf(Click.class).create();
 * System.out.println(clicks.ddl());     // the CREATE TABLE statement it ran
 * }</pre>
 *
 * <p>Each record is one JSON document (the format {@code workbook-json}: Flink's JSON, which counts
 * the records it cannot read instead of dropping them silently; see {@link MalformedRecords}).
 * A table over records that have an instant {@code timestamp} (every generator's events) gets two
 * more columns: {@code event_time}, that timestamp as the table's event time, with a watermark that
 * waits {@value #DEFAULT_WATERMARK_SECONDS} seconds for late records, and {@code arrival_time}, when
 * Kinesis received the record (its approximate arrival timestamp), and {@code proc_time}, when
 * Flink processes it (processing time).
 */
public final class KinesisTable {

    static final int DEFAULT_WATERMARK_SECONDS = 2;

    private final String name;
    private final String stream;
    private final String ddl;

    KinesisTable(String name, String stream, String ddl) {
        this.name = name;
        this.stream = stream;
        this.ddl = ddl;
    }

    public String name() {
        return name;
    }

    public String stream() {
        return stream;
    }

    /** The CREATE TABLE statement that declared this table. */
    public String ddl() {
        return ddl;
    }

    /** Records of this table that were not JSON of its columns' types, counted since the table was declared. */
    public long malformedRecords() {
        return MalformedRecords.count(name);
    }

    @Override
    public String toString() {
        return name + " over Kinesis stream " + stream;
    }

    /** Where a table starts reading its stream. */
    public enum StartingPosition { TRIM_HORIZON, LATEST }

    /** What a table does with a record it cannot read as JSON of its columns. */
    public enum OnMalformed {
        /** Count it (see {@link KinesisTable#malformedRecords()}) and carry on: the default. */
        SKIP,
        /** Fail the query, with the record in the message. */
        FAIL
    }

    /** Builds the CREATE TABLE statement, checks the stream exists, and runs it. */
    public static final class Builder {
        private final String name;
        private final Consumer<KinesisTable.Builder> create;
        private String stream;
        private final List<String> columns = new ArrayList<>();
        private String eventTimeSource;
        private Duration watermarkDelay = Duration.ofSeconds(DEFAULT_WATERMARK_SECONDS);
        private StartingPosition start = StartingPosition.TRIM_HORIZON;
        private java.time.Instant startTime;
        private OnMalformed onMalformed = OnMalformed.SKIP;
        private String fanOutConsumer;
        private final List<String> partitionKeys = new ArrayList<>();
        private final Map<String, String> extraOptions = new LinkedHashMap<>();
        private KinesisTable created;

        Builder(String name, Consumer<KinesisTable.Builder> create) {
            this.name = Objects.requireNonNull(name, "name");
            this.create = create;
        }

        /** The stream the table reads and writes. */
        public Builder fromStream(String stream) {
            this.stream = Objects.requireNonNull(stream, "stream");
            return this;
        }

        /** Same as {@link #fromStream}, reads better for a table that is written: {@code .toStream("alerts")}. */
        public Builder toStream(String stream) {
            return fromStream(stream);
        }

        /**
         * The columns of a record type (see {@link SqlColumns}); when it has an {@code Instant timestamp},
         * that becomes the event time.
         */
        public Builder columnsOf(Class<? extends Record> type) {
            columns.addAll(SqlColumns.list(type));
            boolean hasTimestamp = Stream.of(type.getRecordComponents())
                    .anyMatch(c -> c.getName().equals("timestamp") && c.getType() == java.time.Instant.class);
            if (hasTimestamp && eventTimeSource == null) {
                eventTimeSource = "timestamp";
            }
            return this;
        }

        /** Columns written out, e.g. {@code "page STRING, views BIGINT"}. */
        public Builder columns(String definitions) {
            columns.add(definitions);
            return this;
        }

        /** The event time comes from {@code column} (a TIMESTAMP_LTZ(3) or TIMESTAMP(3) column). */
        public Builder eventTime(String column, Duration watermarkDelay) {
            this.eventTimeSource = Objects.requireNonNull(column, "column");
            return watermark(watermarkDelay);
        }

        /** How long the watermark waits for late records (event time's allowed out-of-orderness). */
        public Builder watermark(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("a watermark delay cannot be negative: " + delay);
            }
            this.watermarkDelay = delay;
            return this;
        }

        /** No event time: a table that is only written, or read in processing time. */
        public Builder withoutEventTime() {
            this.eventTimeSource = null;
            return this;
        }

        /** Where reading starts: the oldest record kept ({@code TRIM_HORIZON}, the default) or new records only. */
        public Builder startingAt(StartingPosition position) {
            this.start = Objects.requireNonNull(position, "position");
            this.startTime = null;
            return this;
        }

        /** Reading starts at the first record that arrived at or after {@code time} (AT_TIMESTAMP). */
        public Builder startingAt(java.time.Instant time) {
            this.startTime = Objects.requireNonNull(time, "time");
            return this;
        }

        public Builder onMalformed(OnMalformed what) {
            this.onMalformed = Objects.requireNonNull(what, "what");
            return this;
        }

        /** Reads through enhanced fan-out as the consumer {@code consumerName} (registered by the connector). */
        public Builder enhancedFanOut(String consumerName) {
            this.fanOutConsumer = Objects.requireNonNull(consumerName, "consumerName");
            return this;
        }

        /** Records written into the stream get these columns' values as partition key (else a random one). */
        public Builder partitionedBy(String... columns) {
            partitionKeys.addAll(List.of(columns));
            return this;
        }

        /** Any other option of Flink's Kinesis connector, e.g. {@code option("scan.shard.getrecords.intervalmillis", "100")}. */
        public Builder option(String key, String value) {
            extraOptions.put(key, value);
            return this;
        }

        /** Declares the table; fails in one line if the stream does not exist or Flink refuses the statement. */
        public KinesisTable create() {
            if (stream == null) {
                throw new IllegalStateException("table " + name + ": say which stream it reads, with fromStream(name)");
            }
            if (columns.isEmpty()) {
                throw new IllegalStateException("table " + name + ": give it columns, with columnsOf(Type.class) or columns(\"...\")");
            }
            create.accept(this);
            return created;
        }

        String name() {
            return name;
        }

        String stream() {
            return stream;
        }

        void created(KinesisTable table) {
            this.created = table;
        }

        /** The CREATE TABLE statement, with the backend's connector options. */
        String ddl(Map<String, String> connectionOptions) {
            List<String> lines = new ArrayList<>(columns);
            if (eventTimeSource != null) {
                lines.add("`event_time` AS " + SqlColumns.quote(eventTimeSource));
            }
            lines.add("`arrival_time` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL");
            if (eventTimeSource != null) {
                lines.add("`proc_time` AS PROCTIME()");
            }
            if (eventTimeSource != null) {
                lines.add("WATERMARK FOR `event_time` AS `event_time` - " + interval(watermarkDelay));
            }
            Map<String, String> options = new LinkedHashMap<>(connectionOptions);
            if (startTime == null) {
                options.put("scan.stream.initpos", start.name());
            } else {
                options.put("scan.stream.initpos", "AT_TIMESTAMP");
                options.put("scan.stream.initpos-timestamp",
                        String.format(java.util.Locale.ROOT, "%.3f", startTime.toEpochMilli() / 1000.0));
            }
            // One shard per reader when there are as many readers as shards, so each reader's
            // watermark follows one shard's order (see the module README on event time).
            options.put("scan.shard-assigner", "uniform");
            if (fanOutConsumer != null) {
                options.put("scan.stream.recordpublisher", "EFO");
                options.put("scan.stream.efo.consumername", fanOutConsumer);
            }
            options.put("format", CountedJsonFormatFactory.IDENTIFIER);
            options.put(CountedJsonFormatFactory.IDENTIFIER + ".malformed", onMalformed.name().toLowerCase(java.util.Locale.ROOT));
            options.putAll(extraOptions);
            String partitioned = partitionKeys.isEmpty() ? ""
                    : "PARTITIONED BY (" + String.join(", ", partitionKeys.stream().map(SqlColumns::quote).toList()) + ")\n";
            return "CREATE TABLE " + SqlColumns.quote(name) + " (\n  " + String.join(",\n  ", lines) + "\n)\n"
                    + partitioned + ConnectorOptions.withClause(options);
        }

        /**
         * A delay as a SQL interval. A plain {@code SECOND} interval holds at most 99 seconds (its
         * default leading precision is 2), so longer delays are written {@code DAY TO SECOND}.
         */
        static String interval(Duration delay) {
            long millis = delay.toMillis();
            if (millis < 100_000) {
                return millis % 1000 == 0 ? "INTERVAL '" + millis / 1000 + "' SECOND"
                        : "INTERVAL '" + String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0) + "' SECOND";
            }
            return String.format(java.util.Locale.ROOT, "INTERVAL '%d %02d:%02d:%02d.%03d' DAY TO SECOND(3)", delay.toDays(),
                    delay.toHoursPart(), delay.toMinutesPart(), delay.toSecondsPart(), delay.toMillisPart());
        }
    }
}
