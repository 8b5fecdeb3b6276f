package io.kinesisworkbook.emulator.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Glue's input structures ({@code DatabaseInput}, {@code TableInput}, {@code PartitionInput})
 * into the catalog's records. Glue checks little of a table beyond its name: a column's type or a
 * location is whatever the client wrote, and Athena finds out when it queries.
 */
final class CatalogInputs {

    private CatalogInputs() {
    }

    /** Glue keeps database and table names in lower case. */
    static String name(JsonNode input, String member) {
        JsonNode name = input.get("Name");
        if (name == null || !name.isTextual()) {
            throw GlueErrors.invalidInput(member + ".Name is required.");
        }
        String text = name.textValue();
        String path = member.substring(0, 1).toLowerCase(Locale.ROOT) + member.substring(1) + ".name";
        new Validation().length(text, path, 1, 255).throwIfAny();
        return text.toLowerCase(Locale.ROOT);
    }

    static CatalogTable table(String database, ObjectNode input, long createTime, long updateTime, int version) {
        String name = name(input, "TableInput");
        ObjectNode kept = input.deepCopy();
        kept.put("Name", name);
        return new CatalogTable(database, name, columns(input.get("PartitionKeys"), "TableInput.PartitionKeys"),
                storage(input.get("StorageDescriptor")), stringMap(input.get("Parameters")), createTime, updateTime,
                version, kept);
    }

    static CatalogPartition partition(CatalogTable table, ObjectNode input, long createTime) {
        List<String> values = strings(input.get("Values"));
        if (values.size() != table.partitionKeys().size()) {
            throw GlueErrors.invalidInput("The number of partition keys do not match the number of partition values.");
        }
        StorageDescriptor storage = input.has("StorageDescriptor")
                ? storage(input.get("StorageDescriptor")) : StorageDescriptor.empty();
        return new CatalogPartition(values, storage, createTime, input.deepCopy());
    }

    static StorageDescriptor storage(JsonNode descriptor) {
        if (descriptor == null || !descriptor.isObject()) {
            return StorageDescriptor.empty();
        }
        JsonNode serde = descriptor.path("SerdeInfo");
        return new StorageDescriptor(columns(descriptor.get("Columns"), "StorageDescriptor.Columns"),
                text(descriptor.get("Location")), text(descriptor.get("InputFormat")),
                text(serde.get("SerializationLibrary")), stringMap(serde.get("Parameters")));
    }

    static List<Column> columns(JsonNode list, String member) {
        List<Column> columns = new ArrayList<>();
        if (list == null || !list.isArray()) {
            return columns;
        }
        for (JsonNode column : list) {
            String name = text(column.get("Name"));
            if (name == null || name.isEmpty()) {
                throw GlueErrors.invalidInput(member + " has a column without a Name.");
            }
            columns.add(new Column(name, text(column.get("Type")), text(column.get("Comment"))));
        }
        return columns;
    }

    static List<String> strings(JsonNode list) {
        List<String> values = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    static Map<String, String> stringMap(JsonNode map) {
        Map<String, String> result = new LinkedHashMap<>();
        if (map != null && map.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                result.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return result;
    }


    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
