package io.kinesisworkbook.emulator.glue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsProtocol;
import io.kinesisworkbook.emulator.http.Members;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Glue's response structures, written from the catalog's records, and its paged listings. */
final class GlueShapes {

    private GlueShapes() {
    }

    static ObjectNode database(AwsProtocol protocol, CatalogDatabase database, String accountId) {
        ObjectNode node = database.input().deepCopy();
        node.set("CreateTime", Members.timestamp(protocol, database.createTime()));
        node.put("CatalogId", accountId);
        if (!node.has("CreateTableDefaultPermissions")) {
            ArrayNode permissions = node.putArray("CreateTableDefaultPermissions");
            ObjectNode all = permissions.addObject();
            all.putObject("Principal").put("DataLakePrincipalIdentifier", "IAM_ALLOWED_PRINCIPALS");
            all.putArray("Permissions").add("ALL");
        }
        return node;
    }

    static ObjectNode table(AwsProtocol protocol, CatalogTable table, String accountId) {
        ObjectNode node = table.input().deepCopy();
        node.put("DatabaseName", table.database());
        node.set("CreateTime", Members.timestamp(protocol, table.createTime()));
        node.set("UpdateTime", Members.timestamp(protocol, table.updateTime()));
        if (!node.has("Retention")) {
            node.put("Retention", 0);
        }
        if (!node.has("PartitionKeys")) {
            node.putArray("PartitionKeys");
        }
        node.put("CreatedBy", "arn:aws:iam::" + accountId + ":user/workbook");
        node.put("IsRegisteredWithLakeFormation", false);
        node.put("CatalogId", accountId);
        node.put("VersionId", String.valueOf(table.version()));
        return node;
    }

    static ObjectNode partition(AwsProtocol protocol, CatalogTable table, CatalogPartition partition, String accountId) {
        ObjectNode node = partition.input().deepCopy();
        node.put("DatabaseName", table.database());
        node.put("TableName", table.name());
        node.set("CreationTime", Members.timestamp(protocol, partition.createTime()));
        node.put("CatalogId", accountId);
        return node;
    }

    /**
     * One page of a listing: the items from the token's position, at most {@code max} of them, and
     * a NextToken when more remain.
     */
    static <T> void page(ObjectNode response, String member, List<T> items, String token, Integer max,
                         java.util.function.Function<T, ObjectNode> shape) {
        int start = token == null ? 0 : decode(token);
        int limit = max == null ? 100 : max;
        ArrayNode array = response.putArray(member);
        int end = Math.min(items.size(), start + limit);
        for (int i = start; i < end; i++) {
            array.add(shape.apply(items.get(i)));
        }
        if (end < items.size()) {
            response.put("NextToken", Base64.getEncoder().encodeToString(
                    String.valueOf(end).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static int decode(String token) {
        try {
            return Integer.parseInt(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw GlueErrors.invalidInput("Invalid pagination token.");
        }
    }

}
