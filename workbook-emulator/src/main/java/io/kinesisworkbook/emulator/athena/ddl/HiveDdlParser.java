package io.kinesisworkbook.emulator.athena.ddl;

import io.kinesisworkbook.emulator.athena.QueryFailure;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.AddPartitions;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.CreateDatabase;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.CreateTable;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.Describe;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.DropDatabase;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.DropPartitions;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.DropTable;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.PartitionSpec;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.RepairTable;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.ShowColumns;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.ShowDatabases;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.ShowPartitions;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.ShowTables;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.TableRef;
import io.kinesisworkbook.emulator.athena.ddl.DdlTokens.Kind;
import io.kinesisworkbook.emulator.athena.ddl.DdlTokens.Token;
import io.kinesisworkbook.emulator.glue.Column;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A recursive-descent parser for the Hive DDL Athena accepts: CREATE DATABASE/SCHEMA, DROP
 * DATABASE, CREATE EXTERNAL TABLE (ROW FORMAT SERDE ... WITH SERDEPROPERTIES, STORED AS,
 * PARTITIONED BY, LOCATION, TBLPROPERTIES), DROP TABLE, MSCK REPAIR TABLE, ALTER TABLE ADD/DROP
 * PARTITION, SHOW DATABASES/TABLES/PARTITIONS/COLUMNS and DESCRIBE.
 */
public final class HiveDdlParser {

    private final DdlTokens tokens;

    private HiveDdlParser(String sql) {
        this.tokens = new DdlTokens(sql);
    }

    static DdlStatement parse(String sql) {
        HiveDdlParser parser = new HiveDdlParser(sql);
        DdlStatement statement = parser.statement();
        if (!parser.tokens.atEnd()) {
            throw parser.tokens.mismatched("<EOF>");
        }
        return statement;
    }

    private DdlStatement statement() {
        if (tokens.accept("CREATE")) {
            return create();
        }
        if (tokens.accept("DROP")) {
            if (tokens.accept("TABLE")) {
                boolean ifExists = ifExists();
                return new DropTable(tableRef(), ifExists);
            }
            if (tokens.accept("DATABASE") || tokens.accept("SCHEMA")) {
                boolean ifExists = ifExists();
                String name = tokens.name();
                boolean cascade = tokens.accept("CASCADE");
                if (!cascade) {
                    tokens.accept("RESTRICT");
                }
                return new DropDatabase(name, ifExists, cascade);
            }
            throw tokens.mismatched("'TABLE', 'DATABASE', 'SCHEMA'");
        }
        if (tokens.accept("MSCK")) {
            tokens.expect("REPAIR");
            tokens.expect("TABLE");
            return new RepairTable(tableRef());
        }
        if (tokens.accept("ALTER")) {
            return alterTable();
        }
        if (tokens.accept("SHOW")) {
            return show();
        }
        if (tokens.accept("DESCRIBE") || tokens.accept("DESC")) {
            tokens.accept("FORMATTED");
            tokens.accept("EXTENDED");
            return new Describe(tableRef());
        }
        throw tokens.mismatched("'ALTER', 'CREATE', 'DESCRIBE', 'DROP', 'MSCK', 'SHOW'");
    }

    private DdlStatement create() {
        if (tokens.accept("DATABASE") || tokens.accept("SCHEMA")) {
            boolean ifNotExists = ifNotExists();
            String name = tokens.name();
            String comment = null;
            String location = null;
            Map<String, String> properties = Map.of();
            while (!tokens.atEnd()) {
                if (tokens.accept("COMMENT")) {
                    comment = tokens.string();
                } else if (tokens.accept("LOCATION")) {
                    location = tokens.string();
                } else if (tokens.accept("WITH")) {
                    tokens.expect("DBPROPERTIES");
                    properties = properties();
                } else {
                    throw tokens.mismatched("'COMMENT', 'LOCATION', 'WITH', <EOF>");
                }
            }
            return new CreateDatabase(name, ifNotExists, comment, location, properties);
        }
        Token first = tokens.peek();
        boolean external = tokens.accept("EXTERNAL");
        if (!tokens.accept("TABLE")) {
            if (tokens.peek().is("VIEW") || tokens.peek().is("OR")) {
                throw QueryFailure.of("NOT_SUPPORTED", QueryFailure.at(tokens.sql(), first.offset())
                        + ": The embedded emulator does not support views");
            }
            throw tokens.mismatched("'DATABASE', 'EXTERNAL', 'SCHEMA', 'TABLE'");
        }
        boolean ifNotExists = ifNotExists();
        TableRef table = tableRef();
        if (tokens.peek().is("AS") || tokens.peek().is("WITH")) {
            throw QueryFailure.of("NOT_SUPPORTED", QueryFailure.at(tokens.sql(), tokens.peek().offset())
                    + ": The embedded emulator does not support CREATE TABLE AS SELECT");
        }
        if (!external) {
            throw QueryFailure.ddl("SemanticException Only external tables are supported: use CREATE EXTERNAL TABLE "
                    + "(Iceberg tables and CREATE TABLE AS are not supported by the embedded emulator)");
        }
        return createTable(table, ifNotExists);
    }

    private CreateTable createTable(TableRef table, boolean ifNotExists) {
        List<Column> columns = tokens.peek().is("(") ? columns() : List.of();
        String comment = null;
        List<Column> partitionKeys = List.of();
        String serde = null;
        Map<String, String> serdeProperties = Map.of();
        String storedAs = null;
        String inputFormat = null;
        String outputFormat = null;
        String location = null;
        Map<String, String> tableProperties = Map.of();
        while (!tokens.atEnd()) {
            if (tokens.accept("COMMENT")) {
                comment = tokens.string();
            } else if (tokens.accept("PARTITIONED")) {
                tokens.expect("BY");
                partitionKeys = columns();
            } else if (tokens.accept("ROW")) {
                tokens.expect("FORMAT");
                if (tokens.accept("DELIMITED")) {
                    serde = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
                    skipDelimited();
                } else {
                    tokens.expect("SERDE");
                    serde = tokens.string();
                    if (tokens.accept("WITH")) {
                        tokens.expect("SERDEPROPERTIES");
                        serdeProperties = properties();
                    }
                }
            } else if (tokens.accept("WITH")) {
                tokens.expect("SERDEPROPERTIES");
                serdeProperties = properties();
            } else if (tokens.accept("STORED")) {
                tokens.expect("AS");
                if (tokens.accept("INPUTFORMAT")) {
                    inputFormat = tokens.string();
                    tokens.expect("OUTPUTFORMAT");
                    outputFormat = tokens.string();
                } else {
                    storedAs = tokens.name().toUpperCase(Locale.ROOT);
                }
            } else if (tokens.accept("LOCATION")) {
                location = tokens.string();
            } else if (tokens.accept("TBLPROPERTIES")) {
                tableProperties = properties();
            } else {
                throw tokens.mismatched("'COMMENT', 'PARTITIONED', 'ROW', 'STORED', 'LOCATION', 'TBLPROPERTIES', <EOF>");
            }
        }
        return new CreateTable(table, ifNotExists, columns, comment, partitionKeys, serde, serdeProperties, storedAs,
                inputFormat, outputFormat, location, tableProperties);
    }

    /** {@code FIELDS TERMINATED BY ',' ...}: read and dropped (the emulator reads no delimited text). */
    private void skipDelimited() {
        while (tokens.peek().kind() != Kind.END && !tokens.peek().is("STORED") && !tokens.peek().is("LOCATION")
                && !tokens.peek().is("TBLPROPERTIES") && !tokens.peek().is("WITH")) {
            tokens.take();
        }
    }

    private DdlStatement alterTable() {
        tokens.expect("TABLE");
        TableRef table = tableRef();
        if (tokens.accept("ADD")) {
            boolean ifNotExists = ifNotExists();
            List<PartitionSpec> partitions = new ArrayList<>();
            do {
                partitions.add(partitionSpec(true));
            } while (tokens.peek().is("PARTITION"));
            return new AddPartitions(table, ifNotExists, partitions);
        }
        if (tokens.accept("DROP")) {
            boolean ifExists = ifExists();
            List<PartitionSpec> partitions = new ArrayList<>();
            do {
                partitions.add(partitionSpec(false));
            } while (tokens.accept(","));
            return new DropPartitions(table, ifExists, partitions);
        }
        throw tokens.mismatched("'ADD', 'DROP'");
    }

    private PartitionSpec partitionSpec(boolean withLocation) {
        tokens.expect("PARTITION");
        tokens.expect("(");
        Map<String, String> values = new LinkedHashMap<>();
        do {
            String key = tokens.name();
            tokens.expect("=");
            Token value = tokens.take();
            if (value.kind() != Kind.STRING && value.kind() != Kind.NUMBER) {
                throw QueryFailure.syntax(QueryFailure.at(tokens.sql(), value.offset()) + ": mismatched input '"
                        + value.text() + "'. Expecting: <literal>");
            }
            values.put(key, value.text());
        } while (tokens.accept(","));
        tokens.expect(")");
        String location = withLocation && tokens.accept("LOCATION") ? tokens.string() : null;
        return new PartitionSpec(values, location);
    }

    private DdlStatement show() {
        if (tokens.accept("DATABASES") || tokens.accept("SCHEMAS")) {
            tokens.accept("LIKE");
            return new ShowDatabases(tokens.peek().kind() == Kind.STRING ? tokens.string() : null);
        }
        if (tokens.accept("TABLES")) {
            String database = tokens.accept("IN") || tokens.accept("FROM") ? tokens.name() : null;
            tokens.accept("LIKE");
            return new ShowTables(database, tokens.peek().kind() == Kind.STRING ? tokens.string() : null);
        }
        if (tokens.accept("PARTITIONS")) {
            return new ShowPartitions(tableRef());
        }
        if (tokens.accept("COLUMNS")) {
            if (!tokens.accept("IN")) {
                tokens.expect("FROM");
            }
            return new ShowColumns(tableRef());
        }
        throw tokens.mismatched("'COLUMNS', 'DATABASES', 'PARTITIONS', 'SCHEMAS', 'TABLES'");
    }

    private List<Column> columns() {
        tokens.expect("(");
        List<Column> columns = new ArrayList<>();
        do {
            String name = tokens.name();
            String type = type();
            String comment = tokens.accept("COMMENT") ? tokens.string() : null;
            columns.add(new Column(name, type, comment));
        } while (tokens.accept(","));
        tokens.expect(")");
        return columns;
    }

    /** A Hive type as text, e.g. {@code array<struct<a:int,b:string>>}, {@code decimal(10,2)}. */
    private String type() {
        StringBuilder type = new StringBuilder(typeWord());
        int angles = 0;
        if (tokens.peek().is("(")) {
            do {
                type.append(tokens.take().text());
            } while (!type.toString().endsWith(")") && tokens.peek().kind() != Kind.END);
        }
        if (tokens.peek().is("<")) {
            do {
                Token token = tokens.take();
                if (token.is("<")) {
                    angles++;
                } else if (token.is(">")) {
                    angles--;
                }
                type.append(token.kind() == Kind.WORD ? token.text().toLowerCase(Locale.ROOT) : token.text());
            } while (angles > 0 && tokens.peek().kind() != Kind.END);
        }
        return type.toString();
    }

    private String typeWord() {
        Token token = tokens.peek();
        if (token.kind() != Kind.WORD) {
            throw tokens.mismatched("<type>");
        }
        tokens.take();
        return token.text().toLowerCase(Locale.ROOT);
    }

    private Map<String, String> properties() {
        tokens.expect("(");
        Map<String, String> properties = new LinkedHashMap<>();
        if (!tokens.peek().is(")")) {
            do {
                String key = tokens.string();
                tokens.expect("=");
                properties.put(key, tokens.string());
            } while (tokens.accept(","));
        }
        tokens.expect(")");
        return properties;
    }

    private TableRef tableRef() {
        String first = tokens.name();
        if (tokens.accept(".")) {
            String second = tokens.name();
            if (tokens.accept(".")) {
                return new TableRef(second, tokens.name());
            }
            return new TableRef(first, second);
        }
        return new TableRef(null, first);
    }

    private boolean ifNotExists() {
        if (tokens.accept("IF")) {
            tokens.expect("NOT");
            tokens.expect("EXISTS");
            return true;
        }
        return false;
    }

    private boolean ifExists() {
        if (tokens.accept("IF")) {
            tokens.expect("EXISTS");
            return true;
        }
        return false;
    }
}
