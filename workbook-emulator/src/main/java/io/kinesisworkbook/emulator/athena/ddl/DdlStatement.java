package io.kinesisworkbook.emulator.athena.ddl;

import io.kinesisworkbook.emulator.glue.Column;
import java.util.List;
import java.util.Map;

/** The DDL and utility statements Athena runs through the Hive DDL executor, parsed. */
sealed interface DdlStatement {

    /** A table named in a statement; {@code database} is null when the statement names none. */
    record TableRef(String database, String name) {
    }

    record CreateDatabase(String name, boolean ifNotExists, String comment, String location,
                          Map<String, String> properties) implements DdlStatement {
    }

    record DropDatabase(String name, boolean ifExists, boolean cascade) implements DdlStatement {
    }

    /**
     * {@code CREATE EXTERNAL TABLE}: the columns, partition keys, SerDe or storage format, location and properties.
     */
    record CreateTable(TableRef table, boolean ifNotExists, List<Column> columns, String comment,
                       List<Column> partitionKeys, String serde, Map<String, String> serdeProperties,
                       String storedAs, String inputFormat, String outputFormat, String location,
                       Map<String, String> tableProperties) implements DdlStatement {
    }

    record DropTable(TableRef table, boolean ifExists) implements DdlStatement {
    }

    record RepairTable(TableRef table) implements DdlStatement {
    }

    /** One {@code PARTITION (k = 'v', ...) [LOCATION '...']} of an ALTER TABLE. */
    record PartitionSpec(Map<String, String> values, String location) {
    }

    record AddPartitions(TableRef table, boolean ifNotExists, List<PartitionSpec> partitions) implements DdlStatement {
    }

    record DropPartitions(TableRef table, boolean ifExists, List<PartitionSpec> partitions) implements DdlStatement {
    }

    record ShowDatabases(String pattern) implements DdlStatement {
    }

    record ShowTables(String database, String pattern) implements DdlStatement {
    }

    record ShowPartitions(TableRef table) implements DdlStatement {
    }

    record ShowColumns(TableRef table) implements DdlStatement {
    }

    record Describe(TableRef table) implements DdlStatement {
    }
}
