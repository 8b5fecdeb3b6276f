package io.kinesisworkbook.flink;

import io.kinesisworkbook.lib.backend.WorkbookException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flink's answer to a bad statement, told in one line.
 *
 * <p>A typo in a query reaches the cell as a chain of three or four exceptions and a hundred lines
 * of planner frames, with the useful sentence buried in the middle ({@code Column 'pagee' not found
 * in any table}) and, for a parse error, followed by every token the parser would have accepted.
 * This finds the sentence, keeps the position Flink gives ({@code line 1, column 8}) and drops the
 * rest, so a learner sees what to fix.
 */
final class SqlErrors {

    private static final Pattern POSITION = Pattern.compile("(?:From line (\\d+), column (\\d+) to line \\d+, column \\d+"
            + "|at line (\\d+), column (\\d+))");
    private static final int LONGEST = 400;

    private SqlErrors() {
    }

    /** A {@link WorkbookException} (no stack trace) that says what Flink refused in {@code statement}. */
    static WorkbookException of(String what, Throwable problem) {
        return new WorkbookException(what + ": " + oneLine(problem), problem);
    }

    /**
     * The most telling message in a chain of causes, with the position in the statement when Flink gave
     * one: the deepest message (the planner's own words), unless the chain holds one of the workbook's
     * own messages about a record, which says more than the parser that choked on it.
     */
    static String oneLine(Throwable problem) {
        String position = null;
        String deepest = null;
        for (Throwable t = problem; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains(CountedJsonFormatFactory.MALFORMED_RECORD)) {
                return shortened(message.substring(message.indexOf("table ")).lines().findFirst().orElse(message));
            }
            if (position == null) {
                position = parserPosition(t);
            }
            if (message == null || message.isBlank()) {
                continue;
            }
            Matcher at = POSITION.matcher(message);
            if (position == null && at.find()) {
                position = at.group(1) != null ? "line " + at.group(1) + ", column " + at.group(2)
                        : "line " + at.group(3) + ", column " + at.group(4);
            }
            deepest = firstSentence(message);
        }
        if (deepest == null) {
            deepest = problem.getClass().getSimpleName();
        }
        return shortened(position != null && !deepest.contains(position) ? deepest + " (" + position + ")" : deepest);
    }

    private static String shortened(String line) {
        return line.length() <= LONGEST ? line : line.substring(0, LONGEST) + "...";
    }

    /**
     * Calcite's parse exceptions carry the position separately from their message ({@code getPos()},
     * e.g. "line 1, column 1"); they live in the planner's own class loader, hence the reflection.
     */
    private static String parserPosition(Throwable t) {
        try {
            Object pos = t.getClass().getMethod("getPos").invoke(t);
            return pos == null ? null : pos.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The message up to its first line break or the parser's list of expected tokens, with the position prefix dropped. */
    private static String firstSentence(String message) {
        String text = message.strip();
        int expecting = text.indexOf("Was expecting");
        if (expecting > 0) {
            text = text.substring(0, expecting);
        }
        text = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(text);
        text = text.replaceFirst("^From line \\d+, column \\d+ to line \\d+, column \\d+: ", "");
        return text.strip();
    }
}
