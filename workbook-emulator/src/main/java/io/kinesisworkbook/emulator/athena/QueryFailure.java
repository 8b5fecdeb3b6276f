package io.kinesisworkbook.emulator.athena;

/**
 * Why a query FAILED, as Athena tells it: the reason in {@code Status.StateChangeReason} and
 * {@code AthenaError} (its category, type and whether a retry may help).
 *
 * @see <a href="https://docs.aws.amazon.com/athena/latest/ug/error-reference.html">Athena error catalog</a>
 */
public final class QueryFailure extends RuntimeException {

    /** {@code ErrorCategory}: 1 SYSTEM, 2 USER, 3 OTHER; every failure here is the user's. */
    public static final int USER = 2;

    /** {@code ErrorType}s from the catalog's ranges: query, data and DDL errors; results not written. */
    public static final int DATA_ERROR = 1002;
    public static final int DDL_FAILED = 1003;
    public static final int QUERY_ERROR = 1006;
    public static final int RESULTS_NOT_WRITTEN = 401;

    private final int category;
    private final int type;

    private QueryFailure(String reason, int category, int type) {
        super(reason, null, false, false);
        this.category = category;
        this.type = type;
    }

    /** A query's error, named as Trino names it: {@code TABLE_NOT_FOUND: line 1:15: Table ... does not exist}. */
    public static QueryFailure of(String errorName, String message) {
        return new QueryFailure(errorName + ": " + message, USER, QUERY_ERROR);
    }

    /** A syntax error: {@code line 1:10: mismatched input 'FORM'...}, with no error name before it. */
    public static QueryFailure syntax(String message) {
        return new QueryFailure(message, USER, QUERY_ERROR);
    }

    /** An error reading the data: {@code HIVE_BAD_DATA}, {@code HIVE_CURSOR_ERROR}. */
    public static QueryFailure data(String errorName, String message) {
        return new QueryFailure(errorName + ": " + message, USER, DATA_ERROR);
    }

    /** A DDL statement that failed, in Hive's words: {@code FAILED: SemanticException ...}. */
    public static QueryFailure ddl(String message) {
        return new QueryFailure("FAILED: " + message, USER, DDL_FAILED);
    }

    /** Results could not be written to the output location (e.g. its bucket does not exist). */
    public static QueryFailure results(String message) {
        return new QueryFailure(message, USER, RESULTS_NOT_WRITTEN);
    }

    public String reason() {
        return getMessage();
    }

    public int category() {
        return category;
    }

    public int type() {
        return type;
    }

    /** A position in the query text as Trino writes it: {@code line 1:15}, both counted from 1. */
    public static String at(String sql, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(offset, sql.length()); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "line " + line + ":" + column;
    }
}
