package io.kinesisworkbook.emulator.athena.engine;

import io.kinesisworkbook.emulator.athena.QueryFailure;
import io.kinesisworkbook.emulator.glue.CatalogPartition;
import io.kinesisworkbook.emulator.glue.CatalogTable;
import io.kinesisworkbook.emulator.glue.Column;
import io.kinesisworkbook.emulator.s3.ObjectStore;
import io.kinesisworkbook.emulator.s3.ObjectStore.ObjectSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The objects a table's query reads, as Athena finds them:
 * <ul>
 *   <li>not partitioned: every object under the location, in sub-folders too;</li>
 *   <li>partitioned: the objects under each partition the catalog knows (a partition that is only
 *       in S3 is not read until MSCK REPAIR TABLE or ALTER TABLE ADD PARTITION adds it);</li>
 *   <li>partition projection: the objects whose keys fall in a projected partition.</li>
 * </ul>
 * Like Hive, it skips hidden objects (a name or folder starting with {@code _} or {@code .}),
 * folder markers and empty objects.
 */
final class TableFiles {

    private final ObjectStore store;

    TableFiles(ObjectStore store) {
        this.store = store;
    }

    List<TableFile> of(CatalogTable table, List<CatalogPartition> partitions, Instant now) {
        Optional<PartitionProjection> projection = PartitionProjection.of(table, now);
        if (projection.isPresent()) {
            S3Location listed = projection.get().listed();
            return list(listed, table.name(), summary -> projection.get().values(summary.key()).orElse(null));
        }
        if (!table.isPartitioned()) {
            return list(S3Location.parse(table.storage().location(), table.name()), table.name(), summary -> List.of());
        }
        List<TableFile> files = new ArrayList<>();
        for (CatalogPartition partition : partitions) {
            S3Location location = partition.storage().location() != null
                    ? S3Location.parse(partition.storage().location(), table.name())
                    : hiveFolder(table, partition.values());
            files.addAll(list(location, table.name(), summary -> partition.values()));
        }
        return files;
    }

    /** A partition without a location of its own is in its Hive folder under the table's location. */
    static S3Location hiveFolder(CatalogTable table, List<String> values) {
        S3Location root = S3Location.parse(table.storage().location(), table.name());
        StringBuilder prefix = new StringBuilder(root.prefix());
        List<Column> keys = table.partitionKeys();
        for (int i = 0; i < keys.size(); i++) {
            prefix.append(keys.get(i).name()).append('=').append(values.get(i)).append('/');
        }
        return new S3Location(root.bucket(), prefix.toString());
    }

    /** The visible objects under a location, each with its partition values (null: not the table's). */
    List<ObjectSummary> visible(S3Location location, String table) {
        if (!store.bucketExists(location.bucket())) {
            throw QueryFailure.of("HIVE_FILESYSTEM_ERROR", "Failed to list directory: " + location
                    + " (table '" + table + "'): The specified bucket does not exist");
        }
        return store.listObjects(location.bucket(), location.prefix()).stream()
                .filter(summary -> summary.size() > 0 && !hidden(summary.key().substring(location.prefix().length())))
                .toList();
    }

    private List<TableFile> list(S3Location location, String table, Function<ObjectSummary, List<String>> values) {
        List<TableFile> files = new ArrayList<>();
        for (ObjectSummary summary : visible(location, table)) {
            List<String> partition = values.apply(summary);
            if (partition != null) {
                files.add(new TableFile(location.bucket(), summary.key(), summary.eTag(), summary.size(), partition));
            }
        }
        return files;
    }

    private static boolean hidden(String relativeKey) {
        if (relativeKey.endsWith("/") || relativeKey.endsWith("_$folder$")) {
            return true;
        }
        for (String part : relativeKey.split("/")) {
            if (part.startsWith("_") || part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
