package io.kinesisworkbook.lib.data;

import java.util.ArrayList;
import java.util.List;

/**
 * What a line-by-line log shipper sends from an application's log: the access log's INFO, WARN and
 * ERROR lines, DEBUG lines in between (about one line in four), and now and then (about one line in
 * a hundred) a line that is no log line at all, a stack trace's {@code at ...} line sent on its own. A Firehose transform keeps the first,
 * drops the second and rejects the third, and this class counts each kind so a notebook can check
 * where every line went.
 *
 * <pre>{@code
 * ShippedLogLines shipped = ShippedLogLines.from(AppLogs.seeded(8), 3_000);
 * shipped.lines();          // in the order the shipper sends them
 * shipped.logLines();       // 3,000
 * }</pre>
 */
public final class ShippedLogLines {

    private final List<String> lines = new ArrayList<>();
    private int logLines;
    private int debugLines;
    private int notLogLines;

    private ShippedLogLines() {
    }

    /** The lines shipped around {@code count} access-log lines of {@code logs}. */
    public static ShippedLogLines from(AppLogs logs, int count) {
        ShippedLogLines shipped = new ShippedLogLines();
        for (LogLine log : logs.take(count)) {
            shipped.add(log.text());
            shipped.logLines++;
            if (shipped.lines.size() % 4 == 0) {
                shipped.add(log.timestamp() + " DEBUG " + log.host() + " cache lookup took 1ms");
                shipped.debugLines++;
            }
            if (shipped.lines.size() % 97 == 0) {
                shipped.add("\tat com.example." + log.service() + ".Handler.handle(Handler.java:" + shipped.lines.size() + ")");
                shipped.notLogLines++;
            }
        }
        return shipped;
    }

    /** Every line, in the order they are shipped. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** INFO, WARN and ERROR lines: a transform turns each into JSON. */
    public int logLines() {
        return logLines;
    }

    /** DEBUG lines: a transform drops them. */
    public int debugLines() {
        return debugLines;
    }

    /** Lines that are no log line (a stack trace's {@code at ...}): a transform rejects them. */
    public int notLogLines() {
        return notLogLines;
    }

    private void add(String line) {
        lines.add(line);
    }
}
