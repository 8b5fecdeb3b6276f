package io.kinesisworkbook.emulator.athena.engine;

import java.util.List;

/**
 * What a statement returned: its columns with Athena's type names, and its rows as text (null for
 * SQL NULL), as GetQueryResults and the result file give them.
 *
 * @param columns  the columns, in order
 * @param rows     the rows, each value as Athena prints it
 * @param tabular  whether it is a query's table (a header row comes first, written as CSV) or a
 *                 DDL or utility statement's lines (no header, written as text)
 * @param scannedBytes the bytes read from S3, for the query's statistics
 */
public record ResultTable(List<ResultColumn> columns, List<List<String>> rows, boolean tabular, long scannedBytes) {

    /** A DDL statement's answer: nothing. */
    public static ResultTable empty() {
        return new ResultTable(List.of(), List.of(), false, 0);
    }

    /** A utility statement's answer (SHOW TABLES, DESCRIBE): one text column, one line a row. */
    public static ResultTable lines(String column, List<String> lines) {
        return new ResultTable(List.of(ResultColumn.of(column, "string")),
                lines.stream().map(List::of).toList(), false, 0);
    }

    /**
     * A column of a result.
     *
     * @param name      its name
     * @param type      Athena's type name: varchar, bigint, integer, double, boolean, timestamp, array, ...
     * @param precision the precision Athena reports (e.g. 19 for bigint, 2147483647 for varchar)
     * @param scale     the scale (decimal places of a decimal), else 0
     */
    public record ResultColumn(String name, String type, int precision, int scale) {
        public static ResultColumn of(String name, String type) {
            return new ResultColumn(name, type, 0, 0);
        }
    }
}
