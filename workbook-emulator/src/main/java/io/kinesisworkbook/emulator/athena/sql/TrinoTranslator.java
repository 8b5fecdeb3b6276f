package io.kinesisworkbook.emulator.athena.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.athena.QueryFailure;
import io.kinesisworkbook.emulator.glue.CatalogTable;
import java.io.IOException;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Athena's SQL (Trino's dialect) as DuckDB's, through a real parser: DuckDB's own. DuckDB parses
 * the query into its syntax tree as JSON ({@code json_serialize_sql}); this class walks that tree
 * and changes what Trino and DuckDB spell differently; DuckDB writes the tree back as SQL
 * ({@code json_deserialize_sql}). Why DuckDB's parser rather than a Java one: it is the parser the
 * query will run on, so what it accepts it can run; Trino's and DuckDB's grammars (both
 * PostgreSQL-like ANSI SQL) agree on nearly all a query writes, and the two differ mostly in
 * function names, which are only names to a parser.
 *
 * <p>On the tree it
 * <ul>
 *   <li>resolves every table against the Glue catalog (Athena's TABLE_NOT_FOUND with the line and
 *       column Athena gives) and names it fully ({@code awsdatacatalog."db"."table"});</li>
 *   <li>sends Trino's functions that DuckDB lacks or spells otherwise to the macros of
 *       {@code trino-functions.sql} (schema {@code trino}), translating date format strings;</li>
 *   <li>keeps the functions both engines share ({@link #SHARED}) and refuses every other one as
 *       Athena refuses an unknown function (FUNCTION_NOT_FOUND), so a query that runs here runs
 *       on Athena too, and DuckDB's own file-reading functions are out of reach;</li>
 *   <li>names unnamed result columns {@code _col0}, {@code _col1}, ... as Trino does.</li>
 * </ul>
 */
public final class TrinoTranslator {

    /** Functions Trino and DuckDB both have, with the same meaning, plus names DuckDB's parser makes itself. */
    static final Set<String> SHARED = Set.of(
            // aggregates and windows
            "count", "count_star", "sum", "avg", "min", "max", "stddev", "stddev_samp", "stddev_pop", "variance",
            "var_samp", "var_pop", "corr", "covar_pop", "covar_samp", "array_agg", "bool_and", "bool_or", "count_if",
            "arbitrary", "any_value", "max_by", "min_by", "histogram", "regr_slope", "regr_intercept", "kurtosis",
            "skewness", "row_number", "rank", "dense_rank", "ntile", "lag", "lead", "first_value", "last_value",
            "nth_value", "percent_rank", "cume_dist",
            // numbers
            "abs", "ceil", "ceiling", "floor", "round", "sqrt", "cbrt", "exp", "ln", "log2", "log10", "power", "pow",
            "mod", "sign", "degrees", "radians", "pi", "random", "greatest", "least",
            "sin", "cos", "tan", "asin", "acos", "atan", "atan2",
            // strings
            "lower", "upper", "length", "substr", "substring", "concat", "replace", "trim", "ltrim", "rtrim", "lpad",
            "rpad", "reverse", "split_part", "starts_with", "strpos", "position", "regexp_extract",
            "regexp_extract_all", "chr", "concat_ws", "uuid",
            // dates and times
            "date_trunc", "year", "month", "day", "hour", "minute", "second", "quarter", "week",
            "date_part", "current_date", "current_timestamp", "now",
            // conditionals, arrays, maps
            "nullif", "if", "coalesce", "map", "map_keys", "map_values", "flatten", "row",
            // made by DuckDB's parser: INTERVAL literals, LIKE, array and struct syntax
            "to_years", "to_months", "to_weeks", "to_days", "to_hours", "to_minutes", "to_seconds",
            "to_milliseconds", "to_microseconds", "trunc", "~~", "!~~", "~~*", "!~~*", "list_value",
            "struct_pack", "array_extract", "array_slice", "struct_extract");

    /** Trino functions DuckDB has under another name, with the same arguments (lambdas included). */
    static final Map<String, String> RENAMED = Map.of(
            "transform", "list_transform",
            "filter", "list_filter",
            "any_match", "list_bool_or",
            "format", "printf");

    /** Functions whose format argument is a MySQL-style ({@code %Y}) or Java-style ({@code yyyy}) pattern. */
    private static final Map<String, Boolean> MYSQL_FORMAT = Map.of("date_parse", true, "date_format", false);
    private static final Map<String, Boolean> JAVA_FORMAT = Map.of("parse_datetime", true, "format_datetime", false);

    private static final String CATALOG = "awsdatacatalog";
    private static final BigInteger NO_LOCATION = BigInteger.valueOf(Long.MAX_VALUE);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Finds a table in the catalog, or fails the query as Athena does. */
    public interface TableResolver {
        CatalogTable resolve(String catalog, String schema, String table, String position);
    }

    /**
     * The query for DuckDB.
     *
     * @param sql    DuckDB's SQL
     * @param tables the catalog tables it reads, each once
     */
    public record Translation(String sql, List<CatalogTable> tables) {
    }

    private final Connection duckdb;
    private final Set<String> trinoFunctions;

    public TrinoTranslator(Connection duckdb, Set<String> trinoFunctions) {
        this.duckdb = duckdb;
        this.trinoFunctions = trinoFunctions;
    }

    public Translation translate(String sql, TableResolver resolver) throws SQLException {
        JsonNode tree = parse(sql);
        JsonNode statements = tree.path("statements");
        if (statements.size() != 1) {
            throw QueryFailure.syntax("Only one sql statement is allowed. Got: " + statements.size());
        }
        ObjectNode root = (ObjectNode) statements.get(0).path("node");
        Set<String> cteNames = new HashSet<>();
        collectCteNames(root, cteNames);
        Map<String, CatalogTable> tables = new LinkedHashMap<>();
        name(root);
        walk(root, sql, resolver, cteNames, tables);
        return new Translation(deparse(tree), new ArrayList<>(tables.values()));
    }

    private JsonNode parse(String sql) throws SQLException {
        JsonNode tree = run("SELECT json_serialize_sql(?)", sql);
        if (tree.path("error").asBoolean(false)) {
            String message = tree.path("error_message").asText();
            int position = tree.path("position").asInt(0);
            if ("parser".equals(tree.path("error_type").asText())) {
                throw QueryFailure.syntax(QueryFailure.at(sql, position) + ": " + syntaxMessage(message));
            }
            throw QueryFailure.of("NOT_SUPPORTED", QueryFailure.at(sql, position) + ": "
                    + "The embedded emulator runs SELECT queries and Athena's DDL; this statement is not supported");
        }
        return tree;
    }

    private String deparse(JsonNode tree) throws SQLException {
        try (PreparedStatement statement = duckdb.prepareStatement("SELECT json_deserialize_sql(?::JSON)")) {
            statement.setString(1, JSON.writeValueAsString(tree));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }

    private JsonNode run(String query, String argument) throws SQLException {
        try (PreparedStatement statement = duckdb.prepareStatement(query)) {
            statement.setString(1, argument);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return JSON.readTree(result.getString(1));
            }
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }

    /** DuckDB says {@code syntax error at or near "t"}; Trino says {@code mismatched input 't'}. */
    private static String syntaxMessage(String duckDbMessage) {
        int near = duckDbMessage.indexOf("at or near \"");
        if (near >= 0) {
            String token = duckDbMessage.substring(near + 12, duckDbMessage.lastIndexOf('"'));
            return "mismatched input '" + token + "'";
        }
        if (duckDbMessage.contains("at end of input")) {
            return "mismatched input '<EOF>'";
        }
        return duckDbMessage;
    }

    /** Trino names an unnamed result column {@code _colN}, N its place in the select list. */
    private static void name(ObjectNode node) {
        if ("SET_OPERATION_NODE".equals(node.path("type").asText())) {
            if (node.path("left").isObject()) {
                name((ObjectNode) node.get("left"));
            }
            return;
        }
        JsonNode list = node.path("select_list");
        for (int i = 0; i < list.size(); i++) {
            ObjectNode item = (ObjectNode) list.get(i);
            String type = item.path("class").asText();
            if (item.path("alias").asText().isEmpty() && !type.equals("COLUMN_REF") && !type.equals("STAR")) {
                item.put("alias", "_col" + i);
            }
        }
    }

    private static void collectCteNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            for (JsonNode entry : node.path("cte_map").path("map")) {
                names.add(entry.path("key").asText().toLowerCase(Locale.ROOT));
            }
        }
        node.forEach(child -> collectCteNames(child, names));
    }

    private void walk(JsonNode node, String sql, TableResolver resolver, Set<String> cteNames,
                      Map<String, CatalogTable> tables) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            String type = object.path("type").asText();
            if (type.equals("BASE_TABLE")) {
                table(object, sql, resolver, cteNames, tables);
            } else if (type.equals("TABLE_FUNCTION")) {
                tableFunction(object, sql);
            } else if (object.path("class").asText().equals("FUNCTION")) {
                function(object, sql);
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> walk(child, sql, resolver, cteNames, tables));
        }
    }

    private static void table(ObjectNode table, String sql, TableResolver resolver, Set<String> cteNames,
                              Map<String, CatalogTable> tables) {
        String catalog = table.path("catalog_name").asText();
        String schema = table.path("schema_name").asText();
        String name = table.path("table_name").asText().toLowerCase(Locale.ROOT);
        if (catalog.isEmpty() && schema.isEmpty() && cteNames.contains(name)) {
            return;
        }
        CatalogTable found = resolver.resolve(catalog, schema, name, position(table, sql));
        tables.putIfAbsent(found.database() + "." + found.name(), found);
        table.put("catalog_name", CATALOG);
        table.put("schema_name", found.database());
        table.put("table_name", found.name());
        ArrayNode path = table.putObject("qualified_name").putArray("path");
        path.add(CATALOG).add(found.database()).add(found.name());
    }

    /** Trino's UNNEST is the only table function a query may call. */
    private static void tableFunction(ObjectNode table, String sql) {
        String name = table.path("function").path("function_name").asText().toLowerCase(Locale.ROOT);
        if (!name.equals("unnest")) {
            throw QueryFailure.of("FUNCTION_NOT_FOUND", position(table, sql) + ": Table function '" + name
                    + "' not registered");
        }
    }

    private void function(ObjectNode function, String sql) {
        if (function.path("is_operator").asBoolean(false) || !hasLocation(function)) {
            return;
        }
        String name = function.path("function_name").asText().toLowerCase(Locale.ROOT);
        if (!function.path("schema").asText().isEmpty()) {
            throw notRegistered(function.path("schema").asText() + "." + name, function, sql);
        }
        if (MYSQL_FORMAT.containsKey(name) || JAVA_FORMAT.containsKey(name)) {
            translateFormat(function, name, sql);
        }
        if (trinoFunctions.contains(name)) {
            function.put("schema", "trino");
            function.put("catalog", "memory");
            ArrayNode path = function.putObject("qualified_name").putArray("path");
            path.add("memory").add("trino").add(name);
        } else if (RENAMED.containsKey(name)) {
            rename(function, RENAMED.get(name));
        } else if (!SHARED.contains(name)) {
            throw notRegistered(name, function, sql);
        }
    }

    private static void rename(ObjectNode function, String name) {
        function.put("function_name", name);
        function.putObject("qualified_name").putArray("path").add(name);
    }

    private static void translateFormat(ObjectNode function, String name, String sql) {
        JsonNode format = function.path("arguments").path(1).path("expression");
        if (!format.path("class").asText().equals("CONSTANT") || !format.path("literal").path("kind").asText().equals("STRING")) {
            throw QueryFailure.of("NOT_SUPPORTED", position(function, sql) + ": The embedded emulator translates the "
                    + "format of " + name + " only when it is a string literal");
        }
        String text = format.path("literal").path("text").asText();
        String converted = MYSQL_FORMAT.containsKey(name)
                ? DateFormats.fromMySql(text, MYSQL_FORMAT.get(name))
                : DateFormats.fromJava(text, JAVA_FORMAT.get(name));
        ((ObjectNode) format.get("literal")).put("text", converted);
    }

    private static QueryFailure notRegistered(String name, JsonNode function, String sql) {
        return QueryFailure.of("FUNCTION_NOT_FOUND", position(function, sql) + ": Function '" + name + "' not registered");
    }

    private static boolean hasLocation(JsonNode node) {
        JsonNode location = node.path("query_location");
        return location.isNumber() && location.bigIntegerValue().compareTo(NO_LOCATION) < 0;
    }

    private static String position(JsonNode node, String sql) {
        return QueryFailure.at(sql, hasLocation(node) ? node.path("query_location").asInt() : 0);
    }
}
