package io.kinesisworkbook.emulator.athena.engine;

import io.kinesisworkbook.emulator.athena.QueryFailure;
import io.kinesisworkbook.emulator.glue.CatalogTable;
import io.kinesisworkbook.emulator.glue.Column;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Partition projection ({@code projection.enabled=true}): the partitions are not in the catalog but
 * computed from the table's properties. Rather than enumerate every partition the properties allow
 * (a date range by the hour is tens of thousands), this reads it the other way round: it lists the
 * objects under the location, reads each object's partition values from its key (through
 * {@code storage.location.template}, or Hive's {@code key=value/} folders) and keeps the objects
 * whose values the projection allows: the same objects, and the same rows, as Athena's.
 *
 * <p>Types: {@code enum} (values), {@code integer} (range, digits), {@code date} (range with
 * {@code NOW[+-N UNIT]}, format) and {@code injected} (any value).
 */
final class PartitionProjection {

    private static final Pattern NOW = Pattern.compile("NOW(?:\\s*([+-])\\s*(\\d+)\\s*([A-Za-z]+))?",
            Pattern.CASE_INSENSITIVE);

    private final List<Column> keys;
    private final Map<String, String> properties;
    private final Pattern keyPattern;
    private final S3Location listed;
    private final Instant now;

    private PartitionProjection(CatalogTable table, Instant now) {
        this.keys = table.partitionKeys();
        this.properties = table.parameters();
        this.now = now;
        String template = properties.get("storage.location.template");
        if (template == null) {
            listed = S3Location.parse(table.storage().location(), table.name());
            StringBuilder regex = new StringBuilder(Pattern.quote(listed.prefix()));
            for (Column key : keys) {
                regex.append(Pattern.quote(key.name() + "=")).append(valuePattern(key)).append('/');
            }
            keyPattern = Pattern.compile(regex.append(".*").toString());
        } else {
            int firstVariable = template.indexOf("${");
            S3Location whole = S3Location.parse(template, table.name());
            listed = S3Location.parse(firstVariable < 0 ? template
                    : template.substring(0, template.lastIndexOf('/', firstVariable) + 1), table.name());
            String keyTemplate = whole.prefix();
            StringBuilder regex = new StringBuilder();
            Matcher variable = Pattern.compile("\\$\\{([^}]+)}").matcher(keyTemplate);
            int at = 0;
            while (variable.find()) {
                regex.append(Pattern.quote(keyTemplate.substring(at, variable.start())));
                regex.append(valuePattern(key(variable.group(1), table)));
                at = variable.end();
            }
            regex.append(Pattern.quote(keyTemplate.substring(at)));
            keyPattern = Pattern.compile(regex.append(keyTemplate.endsWith("/") ? ".*" : "/.*").toString());
        }
    }

    /** The table's projection, when it has one enabled. */
    static Optional<PartitionProjection> of(CatalogTable table, Instant now) {
        return table.projectionEnabled() && table.isPartitioned()
                ? Optional.of(new PartitionProjection(table, now)) : Optional.empty();
    }

    /** Where the objects are listed: the location, or the template's part before its first variable. */
    S3Location listed() {
        return listed;
    }

    /** The object's partition values, in key order, or empty when it is outside every projected partition. */
    Optional<List<String>> values(String objectKey) {
        Matcher matcher = keyPattern.matcher(objectKey);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (Column key : keys) {
            String value = matcher.group(groupName(key));
            if (!allows(key, value)) {
                return Optional.empty();
            }
            values.add(value);
        }
        return Optional.of(values);
    }

    private boolean allows(Column key, String value) {
        String type = property(key, "type").toLowerCase(Locale.ROOT);
        return switch (type) {
            case "enum" -> List.of(property(key, "values").split("\\s*,\\s*")).contains(value);
            case "integer" -> integerAllows(key, value);
            case "date" -> dateAllows(key, value);
            case "injected" -> true;
            default -> throw QueryFailure.of("INVALID_TABLE_PROPERTY", "Unsupported projection type '" + type
                    + "' for column '" + key.name() + "'");
        };
    }

    private boolean integerAllows(Column key, String value) {
        String[] range = property(key, "range").split("\\s*,\\s*");
        String digits = properties.get("projection." + key.name() + ".digits");
        try {
            long number = Long.parseLong(value);
            long interval = Long.parseLong(properties.getOrDefault("projection." + key.name() + ".interval", "1"));
            long low = Long.parseLong(range[0]);
            return number >= low && number <= Long.parseLong(range[1]) && (number - low) % interval == 0
                    && (digits == null || value.length() >= Integer.parseInt(digits));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    private boolean dateAllows(Column key, String value) {
        DateTimeFormatter format = formatter(property(key, "format"));
        String[] range = property(key, "range").split("\\s*,\\s*");
        try {
            LocalDateTime date = LocalDateTime.parse(value, format);
            if (!format.format(date).equals(value)) {
                return false;
            }
            return !date.isBefore(bound(range[0], format)) && !date.isAfter(bound(range[1], format));
        } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    private LocalDateTime bound(String text, DateTimeFormatter format) {
        Matcher relative = NOW.matcher(text);
        if (!relative.matches()) {
            return LocalDateTime.parse(text, format);
        }
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        if (relative.group(1) == null) {
            return at;
        }
        long amount = Long.parseLong(relative.group(2)) * (relative.group(1).equals("-") ? -1 : 1);
        ChronoUnit unit = switch (relative.group(3).toUpperCase(Locale.ROOT).replaceAll("S$", "")) {
            case "YEAR" -> ChronoUnit.YEARS;
            case "MONTH" -> ChronoUnit.MONTHS;
            case "WEEK" -> ChronoUnit.WEEKS;
            case "HOUR" -> ChronoUnit.HOURS;
            case "MINUTE" -> ChronoUnit.MINUTES;
            case "SECOND" -> ChronoUnit.SECONDS;
            default -> ChronoUnit.DAYS;
        };
        return at.plus(amount, unit);
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().appendPattern(pattern)
                .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
                .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
                .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
                .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
                .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
                .toFormatter(Locale.ROOT);
    }

    /** A value spans as many folders as its date format has slashes (e.g. {@code yyyy/MM/dd/HH}). */
    private String valuePattern(Column key) {
        String format = properties.getOrDefault("projection." + key.name() + ".format", "");
        String type = properties.getOrDefault("projection." + key.name() + ".type", "");
        long slashes = type.equalsIgnoreCase("date") ? format.chars().filter(c -> c == '/').count() : 0;
        return "(?<" + groupName(key) + ">[^/]+" + "(?:/[^/]+)".repeat((int) slashes) + ")";
    }

    private String groupName(Column key) {
        return "k" + keys.indexOf(key);
    }

    private Column key(String name, CatalogTable table) {
        return keys.stream().filter(key -> key.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> QueryFailure.of("INVALID_TABLE_PROPERTY", "storage.location.template of table '"
                        + table.name() + "' names '" + name + "', which is not a partition column"));
    }

    private String property(Column key, String name) {
        String value = properties.get("projection." + key.name() + "." + name);
        if (value == null) {
            throw QueryFailure.of("INVALID_TABLE_PROPERTY", "Table property 'projection." + key.name() + "." + name
                    + "' is missing for the projected partition column '" + key.name() + "'");
        }
        return value;
    }
}
