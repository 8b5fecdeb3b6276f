package io.kinesisworkbook.lib.dr;

import io.kinesisworkbook.lib.view.Tables;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Counts that must agree, one line each: what went in at one hop against what came out at the next.
 * A pipeline that loses nothing reconciles every line exactly; one that repeats (at least once) is
 * reconciled by counting distinct events.
 */
public final class Reconciliation {

    /** One count to agree: what went in, what came out. */
    public record Line(String what, long expected, long observed, boolean reconciled) {
    }

    private final List<Line> lines = new ArrayList<>();

    public Reconciliation line(String what, long expected, long observed) {
        lines.add(new Line(what, expected, observed, expected == observed));
        return this;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Whether every line agrees. */
    public boolean reconciled() {
        return lines.stream().allMatch(Line::reconciled);
    }

    /** The lines that do not agree, for a check's message. */
    public List<Line> differences() {
        return lines.stream().filter(line -> !line.reconciled()).toList();
    }

    public Table table(String title) {
        return Tables.fromRecords(title, lines);
    }
}
