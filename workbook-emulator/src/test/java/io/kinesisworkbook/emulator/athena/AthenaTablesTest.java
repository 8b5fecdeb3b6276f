package io.kinesisworkbook.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.athena.model.QueryExecution;

/** Parquet, partition projection, the SerDe's malformed lines, ALTER TABLE, DESCRIBE, and tables Athena cannot read. */
class AthenaTablesTest extends AthenaTestBase {

    @Test
    void parquetColumnsAreMatchedByName() throws Exception {
        Path file = Files.createTempFile("orders", ".parquet");
        try (Connection duckdb = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new java.util.Properties());
             Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT i AS Order_Id, 'item-' || (i % 3) AS item, i * 1.5 AS amount FROM range(10) t(i)) "
                    + "TO '" + file + "' (FORMAT parquet)");
        }
        s3.putObject(b -> b.bucket(DATA).key("orders/part-0.parquet"), RequestBody.fromFile(file));
        Files.delete(file);
        run("CREATE EXTERNAL TABLE orders (order_id bigint, item string, amount double, missing string) "
                + "STORED AS PARQUET LOCATION 's3://data/orders/'");
        assertThat(rows("SELECT item, count(*) AS n, sum(amount) AS total, max(missing) AS m FROM orders GROUP BY item ORDER BY item"))
                .containsExactly(List.of("item", "n", "total", "m"), Arrays.asList("item-0", "4", "27.0", null),
                        Arrays.asList("item-1", "3", "18.0", null), Arrays.asList("item-2", "3", "22.5", null));
    }

    @Test
    void projectedPartitionsComeFromTheTablesProperties() {
        putGzip("events/2024/01/01/00/a.gz", "{\"kind\":\"put\"}\n{\"kind\":\"delete\"}\n");
        putGzip("events/2024/01/02/13/b.gz", "{\"kind\":\"put\"}\n");
        putGzip("events/1999/01/01/00/old.gz", "{\"kind\":\"too old\"}\n");
        run("""
                CREATE EXTERNAL TABLE events (kind string) PARTITIONED BY (hour string)
                ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'
                LOCATION 's3://data/events/'
                TBLPROPERTIES ('projection.enabled' = 'true', 'projection.hour.type' = 'date',
                  'projection.hour.format' = 'yyyy/MM/dd/HH', 'projection.hour.range' = '2020/01/01/00,NOW',
                  'projection.hour.interval' = '1', 'projection.hour.interval.unit' = 'HOURS',
                  'storage.location.template' = 's3://data/events/${hour}/')
                """);
        assertThat(rows("SELECT hour, count(*) AS n FROM events GROUP BY hour ORDER BY hour"))
                .containsExactly(List.of("hour", "n"), List.of("2024/01/01/00", "2"), List.of("2024/01/02/13", "1"));
    }

    @Test
    void malformedLinesFailUnlessTheSerDeIgnoresThem() {
        put("bad/a.json", "{\"n\":1}\n{broken\n");
        run("CREATE EXTERNAL TABLE strict (n int) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://data/bad/'");
        run("CREATE EXTERNAL TABLE lenient (n int) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' "
                + "WITH SERDEPROPERTIES ('ignore.malformed.json' = 'true') LOCATION 's3://data/bad/'");
        assertThat(failure("SELECT * FROM strict")).startsWith("HIVE_CURSOR_ERROR: Row is not a valid JSON Object")
                .contains("s3://data/bad/a.json");
        assertThat(rows("SELECT n FROM lenient ORDER BY n")).containsExactly(List.of("n"), List.of("1"), Arrays.asList((String) null));
        put("bad2/a.json", "{\"n\":\"many\"}\n");
        run("CREATE EXTERNAL TABLE typed (n int) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://data/bad2/'");
        assertThat(failure("SELECT * FROM typed")).startsWith("HIVE_BAD_DATA").doesNotContain("workbook-athena");
    }

    @Test
    void partitionsAddedByAlterTable() {
        put("sales/region=eu/a.json", "{\"amount\":5}\n");
        put("elsewhere/us/a.json", "{\"amount\":7}\n");
        run("CREATE EXTERNAL TABLE sales (amount int) PARTITIONED BY (region string) "
                + "ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://data/sales/'");
        run("ALTER TABLE sales ADD PARTITION (region = 'eu') PARTITION (region = 'us') LOCATION 's3://data/elsewhere/us/'");
        assertThat(rows("SHOW PARTITIONS sales")).containsExactly(List.of("region=eu"), List.of("region=us"));
        assertThat(rows("SELECT region, sum(amount) AS total FROM sales GROUP BY region ORDER BY region"))
                .containsExactly(List.of("region", "total"), List.of("eu", "5"), List.of("us", "7"));
        assertThat(rows("DESCRIBE sales")).first().isEqualTo(List.of(String.format("%-20s\t%-20s\t", "amount", "int")));
        run("ALTER TABLE sales DROP PARTITION (region = 'us')");
        assertThat(rows("SELECT count(*) FROM sales")).containsExactly(List.of("_col0"), List.of("1"));
    }

    @Test
    void tablesAthenaCannotReadFailAsAthenaFails() {
        glue.createTable(b -> b.databaseName("default").tableInput(t -> t.name("local")
                .storageDescriptor(sd -> sd.location("/tmp/data").columns(Column.builder().name("a").type("string").build())
                        .serdeInfo(s -> s.serializationLibrary("org.openx.data.jsonserde.JsonSerDe")))));
        assertThat(failure("SELECT * FROM local")).startsWith("HIVE_METASTORE_ERROR").contains("not in Amazon S3");
        run("CREATE EXTERNAL TABLE nobucket (a string) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' "
                + "LOCATION 's3://no-such-bucket/x/'");
        assertThat(failure("SELECT * FROM nobucket")).startsWith("HIVE_FILESYSTEM_ERROR").contains("bucket does not exist");
        assertThat(failure("CREATE EXTERNAL TABLE hdfs (a string) LOCATION 'hdfs://x/'")).startsWith("FAILED: SemanticException");
        assertThat(failure("CREATE EXTERNAL TABLE nowhere.t (a string) LOCATION 's3://data/x/'"))
                .isEqualTo("FAILED: SemanticException [Error 10072]: Database does not exist: nowhere");
        assertThat(failure("DROP TABLE never_made")).isEqualTo("FAILED: SemanticException [Error 10001]: Table not found default.never_made");
        assertThat(failure("CREATE EXTERNAL TABL x (a int)")).startsWith("line 1:17: mismatched input 'TABL'");
        assertThat(run("DROP TABLE IF EXISTS never_made").status().state().toString()).isEqualTo("SUCCEEDED");
        QueryExecution csv = run("CREATE EXTERNAL TABLE csv (a string) ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' "
                + "LOCATION 's3://data/csv/'");
        assertThat(csv.status().state().toString()).isEqualTo("SUCCEEDED");
        put("csv/a.csv", "x,y\n");
        assertThat(failure("SELECT * FROM csv")).startsWith("HIVE_UNSUPPORTED_FORMAT");
    }

    @Test
    void databasesThroughAthena() {
        run("CREATE DATABASE IF NOT EXISTS analytics COMMENT 'for reports'");
        assertThat(glue.getDatabase(b -> b.name("analytics")).database().description()).isEqualTo("for reports");
        assertThat(rows("SHOW DATABASES LIKE 'ana*'")).containsExactly(List.of("analytics"));
        run("CREATE EXTERNAL TABLE analytics.t (a string) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' "
                + "LOCATION 's3://data/t/'");
        assertThat(failure("DROP DATABASE analytics")).contains("is not empty");
        run("DROP DATABASE analytics CASCADE");
        assertThat(glue.getDatabases(b -> b.build()).databaseList()).extracting(d -> d.name()).doesNotContain("analytics");
    }
}
