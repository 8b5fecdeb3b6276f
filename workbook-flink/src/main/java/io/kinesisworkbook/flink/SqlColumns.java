package io.kinesisworkbook.flink;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SQL columns of a Java record, so that a table over a stream of {@code Click}s has the columns
 * {@code Click} has: the JSON format reads each column from the field of the same name.
 *
 * <pre>{@code
 * SqlColumns.of(Click.class)   // `eventId` STRING, `timestamp` TIMESTAMP_LTZ(3), `userId` STRING, ...
 * }</pre>
 *
 * Instants become {@code TIMESTAMP_LTZ(3)} (the generators' timestamps are ISO-8601 instants with
 * milliseconds); enums become {@code STRING}; money ({@link BigDecimal}, two decimals in every
 * generator) {@code DECIMAL(18, 2)}; a nested record a {@code ROW}, a list an {@code ARRAY}. Names are
 * quoted, because some (such as {@code timestamp}) are SQL keywords.
 */
public final class SqlColumns {

    private static final Map<Class<?>, String> SIMPLE_TYPES = Map.ofEntries(
            Map.entry(String.class, "STRING"),
            Map.entry(Instant.class, "TIMESTAMP_LTZ(3)"),
            Map.entry(LocalDateTime.class, "TIMESTAMP(3)"),
            Map.entry(BigDecimal.class, "DECIMAL(18, 2)"),
            Map.entry(int.class, "INT"), Map.entry(Integer.class, "INT"),
            Map.entry(long.class, "BIGINT"), Map.entry(Long.class, "BIGINT"),
            Map.entry(double.class, "DOUBLE"), Map.entry(Double.class, "DOUBLE"),
            Map.entry(float.class, "FLOAT"), Map.entry(Float.class, "FLOAT"),
            Map.entry(boolean.class, "BOOLEAN"), Map.entry(Boolean.class, "BOOLEAN"));

    private SqlColumns() {
    }

    /** The column definitions of {@code type}'s components, comma-separated, in declaration order. */
    public static String of(Class<? extends Record> type) {
        return components(type).collect(Collectors.joining(", "));
    }

    /** One definition per component, for a DDL that puts each on its own line. */
    public static List<String> list(Class<? extends Record> type) {
        return components(type).toList();
    }

    private static Stream<String> components(Class<?> type) {
        return Stream.of(type.getRecordComponents()).map(c -> quote(c.getName()) + " " + sqlType(c.getGenericType(), c));
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private static String sqlType(Type type, RecordComponent where) {
        if (type instanceof Class<?> cls) {
            if (SIMPLE_TYPES.containsKey(cls)) {
                return SIMPLE_TYPES.get(cls);
            }
            if (cls.isEnum()) {
                return "STRING";
            }
            if (cls.isRecord()) {
                return "ROW<" + components(cls).collect(Collectors.joining(", ")) + ">";
            }
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && List.class.isAssignableFrom(raw)) {
            return "ARRAY<" + sqlType(generic.getActualTypeArguments()[0], where) + ">";
        }
        throw new IllegalArgumentException("No SQL type for " + where.getDeclaringRecord().getSimpleName() + "."
                + where.getName() + " (" + type.getTypeName() + "): declare the table's columns yourself with columns(...)");
    }
}
