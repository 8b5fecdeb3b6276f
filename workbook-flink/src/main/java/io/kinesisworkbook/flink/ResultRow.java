package io.kinesisworkbook.flink;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a query's result, by column name: {@code row.string("page")}, {@code row.number("views")},
 * {@code row.instant("window_start")}. SQL timestamps arrive as {@link Instant}s (the session's
 * time zone is UTC, so a {@code TIMESTAMP(3)} window bound and a {@code TIMESTAMP_LTZ(3)} event time
 * mean the same instant).
 */
public final class ResultRow {

    private final Map<String, Object> values;

    ResultRow(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Object get(String column) {
        if (!values.containsKey(column)) {
            throw new IllegalArgumentException("no column '" + column + "' in this result; its columns are " + values.keySet());
        }
        return values.get(column);
    }

    public String string(String column) {
        Object value = get(column);
        return value == null ? null : value.toString();
    }

    /** A whole number (a COUNT, an INT or BIGINT column). */
    public long number(String column) {
        return ((Number) get(column)).longValue();
    }

    /** Any number, as a double (an AVG, a DECIMAL, a DOUBLE column). */
    public double decimal(String column) {
        Object value = get(column);
        return value instanceof BigDecimal big ? big.doubleValue() : ((Number) value).doubleValue();
    }

    public Instant instant(String column) {
        return (Instant) get(column);
    }

    /** The row as column name to value, in the query's column order. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResultRow row && row.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
