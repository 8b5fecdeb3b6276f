package io.kinesisworkbook.lib.dr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.lib.data.LogLine;
import io.kinesisworkbook.lib.producer.Producer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The application's producers: they ship their log lines into the stream in GZIP-compressed
 * batches, in the shape CloudWatch Logs gives a subscription ({@code messageType: DATA_MESSAGE},
 * {@code logGroup}, {@code logStream}, {@code logEvents: [{id, timestamp, message}]}), one log
 * stream per host. Why compress: log lines repeat themselves, so a batch shrinks to a fraction, and
 * a shard takes 1 MB a second; Firehose's transform undoes it before anyone queries the lines.
 *
 * <p>Each line's message is structured (JSON with level, host, service, message, latency and
 * status), as most services log today, so the transform can filter by level and Athena can query
 * the fields.
 */
public final class LogShipper {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one {@link #ship} sent: lines, batches, their size before and after GZIP, and the lines by level. */
    public record Shipped(int lines, int batches, long rawBytes, long gzipBytes, Map<LogLine.Level, Integer> byLevel) {

        /** Lines at or above {@code level}: what the transform keeps with that MIN_LEVEL. */
        public int atLeast(LogLine.Level level) {
            return byLevel.entrySet().stream().filter(e -> e.getKey().compareTo(level) >= 0)
                    .mapToInt(Map.Entry::getValue).sum();
        }

        /** The batches' size after GZIP as a share of before. */
        public double compressionRatio() {
            return rawBytes == 0 ? 1 : (double) gzipBytes / rawBytes;
        }
    }

    private final Producer producer;
    private final String logGroup;
    private long nextId;

    /** @param producer a producer into the pipeline's stream (the caller closes it) */
    public LogShipper(Producer producer, String logGroup) {
        this.producer = producer;
        this.logGroup = logGroup;
    }

    /** Ships {@code lines} in batches of at most {@code batchSize} lines per host, and flushes. */
    public Shipped ship(List<LogLine> lines, int batchSize) {
        Map<String, List<LogLine>> byHost = new LinkedHashMap<>();
        lines.forEach(line -> byHost.computeIfAbsent(line.host(), h -> new ArrayList<>()).add(line));
        Map<LogLine.Level, Integer> byLevel = new EnumMap<>(LogLine.Level.class);
        int batches = 0;
        long raw = 0;
        long compressed = 0;
        for (Map.Entry<String, List<LogLine>> host : byHost.entrySet()) {
            List<LogLine> hostLines = host.getValue();
            for (int from = 0; from < hostLines.size(); from += batchSize) {
                List<LogLine> batch = hostLines.subList(from, Math.min(hostLines.size(), from + batchSize));
                byte[] message = subscriptionMessage(host.getKey(), batch);
                byte[] gzip = gzip(message);
                producer.send(host.getKey(), gzip);
                batches++;
                raw += message.length;
                compressed += gzip.length;
                batch.forEach(line -> byLevel.merge(line.level(), 1, Integer::sum));
            }
        }
        producer.flush();
        return new Shipped(lines.size(), batches, raw, compressed, byLevel);
    }

    /** CloudWatch Logs' DATA_MESSAGE for one log stream (the host). */
    private byte[] subscriptionMessage(String host, List<LogLine> batch) {
        ObjectNode message = JSON.createObjectNode()
                .put("messageType", "DATA_MESSAGE")
                .put("owner", "000000000000")
                .put("logGroup", logGroup)
                .put("logStream", host);
        message.putArray("subscriptionFilters").add("kinesis-workbook-dr");
        ArrayNode events = message.putArray("logEvents");
        for (LogLine line : batch) {
            events.addObject()
                    .put("id", host + "-" + nextId++)
                    .put("timestamp", line.timestamp().toEpochMilli())
                    .put("message", structured(line));
        }
        return message.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String structured(LogLine line) {
        return JSON.createObjectNode()
                .put("timestamp", line.timestamp().toString())
                .put("level", line.level().name())
                .put("host", line.host())
                .put("service", line.service())
                .put("message", line.message())
                .put("latency_ms", line.latencyMs())
                .put("status", line.httpStatus())
                .toString();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
