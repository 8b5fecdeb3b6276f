package io.kinesisworkbook.emulator.athena;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.athena.engine.ResultTable;
import io.kinesisworkbook.emulator.athena.engine.ResultTable.ResultColumn;
import io.kinesisworkbook.emulator.athena.engine.S3Location;
import io.kinesisworkbook.emulator.s3.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The files Athena leaves at the output location:
 * <ul>
 *   <li>a query's {@code <id>.csv}: a header row, then the rows; every value in double quotes
 *       (a quote doubled), a NULL as nothing at all, lines ending in {@code \n};</li>
 *   <li>a DDL or utility statement's {@code <id>.txt}: its lines as they are (values joined by tabs);</li>
 *   <li>beside either, {@code <file>.metadata} with the result's column information.</li>
 * </ul>
 */
final class ResultFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectStore store;

    ResultFiles(ObjectStore store) {
        this.store = store;
    }

    /** Checks the output location's bucket first, as Athena does before it runs anything. */
    void checkBucket(String outputLocation) {
        S3Location location = S3Location.parse(outputLocation, "results");
        if (!store.bucketExists(location.bucket())) {
            throw QueryFailure.results("Unable to verify/create output bucket " + location.bucket());
        }
    }

    void write(String outputLocation, ResultTable table) {
        String body = table.tabular() ? csv(table) : text(table.rows());
        put(outputLocation, body.getBytes(StandardCharsets.UTF_8), table.tabular() ? "text/csv" : "text/plain");
        put(outputLocation + ".metadata", metadata(table), "application/octet-stream");
    }

    static String csv(ResultTable table) {
        StringBuilder out = new StringBuilder();
        line(out, table.columns().stream().map(ResultColumn::name).toList());
        table.rows().forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String value = values.get(i);
            if (value != null) {
                out.append('"').append(value.replace("\"", "\"\"")).append('"');
            }
        }
        out.append('\n');
    }

    private static String text(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            out.append(String.join("\t", row.stream().map(v -> v == null ? "" : v).toList())).append('\n');
        }
        return out.toString();
    }

    private static byte[] metadata(ResultTable table) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode columns = root.putArray("ColumnInfo");
        table.columns().forEach(column -> columns.add(QueryExecutionOperations.columnInfo(JSON.createObjectNode(), column)));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void put(String path, byte[] data, String contentType) {
        S3Location location = S3Location.parse(path, "results");
        String key = location.prefix().substring(0, location.prefix().length() - 1);
        try {
            store.putObject(location.bucket(), key, data, contentType);
        } catch (ObjectStore.ObjectStoreException e) {
            throw QueryFailure.results("Error writing file to " + path + ": " + e.getMessage());
        }
    }
}
