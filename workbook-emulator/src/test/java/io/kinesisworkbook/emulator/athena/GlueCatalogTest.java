package io.kinesisworkbook.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetTableResponse;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/** The Glue Data Catalog through the SDK's GlueClient, and the same catalog seen from Athena. */
class GlueCatalogTest extends AthenaTestBase {

    static TableInput.Builder clicks(String name) {
        return TableInput.builder().name(name).tableType("EXTERNAL_TABLE")
                .parameters(Map.of("classification", "json"))
                .partitionKeys(Column.builder().name("dt").type("string").build())
                .storageDescriptor(sd -> sd.location("s3://data/clicks/")
                        .columns(Column.builder().name("user").type("string").comment("who").build(),
                                Column.builder().name("page").type("string").build())
                        .inputFormat("org.apache.hadoop.mapred.TextInputFormat")
                        .outputFormat("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
                        .serdeInfo(s -> s.serializationLibrary("org.openx.data.jsonserde.JsonSerDe")
                                .parameters(Map.of("ignore.malformed.json", "true"))));
    }

    @Test
    void databasesAreCreatedListedAndDeleted() {
        glue.createDatabase(b -> b.databaseInput(d -> d.name("Shop").description("orders")).tags(Map.of("owner", "me")));
        assertThat(glue.getDatabase(b -> b.name("shop")).database().name()).isEqualTo("shop");
        assertThat(glue.getDatabase(b -> b.name("shop")).database().description()).isEqualTo("orders");
        assertThat(glue.getDatabases(b -> b.build()).databaseList()).extracting(d -> d.name()).contains("default", "shop");
        assertThatThrownBy(() -> glue.createDatabase(b -> b.databaseInput(d -> d.name("shop"))))
                .isInstanceOf(AlreadyExistsException.class).hasMessageStartingWith("Database already exists.");
        String arn = "arn:aws:glue:us-east-1:000000000000:database/shop";
        assertThat(glue.getTags(b -> b.resourceArn(arn)).tags()).containsEntry("owner", "me");
        glue.deleteDatabase(b -> b.name("shop"));
        assertThatThrownBy(() -> glue.getDatabase(b -> b.name("shop")))
                .isInstanceOf(EntityNotFoundException.class).hasMessageStartingWith("Database shop not found.");
    }

    @Test
    void tablesKeepWhatTheyWereGiven() {
        glue.createDatabase(b -> b.databaseInput(d -> d.name("web")));
        glue.createTable(b -> b.databaseName("web").tableInput(clicks("Clicks").build()));
        GetTableResponse response = glue.getTable(b -> b.databaseName("web").name("clicks"));
        Table table = response.table();
        assertThat(table.name()).isEqualTo("clicks");
        assertThat(table.databaseName()).isEqualTo("web");
        assertThat(table.storageDescriptor().columns()).extracting(Column::name).containsExactly("user", "page");
        assertThat(table.storageDescriptor().serdeInfo().parameters()).containsEntry("ignore.malformed.json", "true");
        assertThat(table.partitionKeys()).extracting(Column::name).containsExactly("dt");
        assertThat(table.createTime()).isNotNull();
        assertThatThrownBy(() -> glue.createTable(b -> b.databaseName("web").tableInput(clicks("clicks").build())))
                .isInstanceOf(AlreadyExistsException.class).hasMessageStartingWith("Table already exists.");
        assertThatThrownBy(() -> glue.createTable(b -> b.databaseName("nope").tableInput(clicks("x").build())))
                .isInstanceOf(EntityNotFoundException.class).hasMessageStartingWith("Database nope not found.");

        glue.updateTable(b -> b.databaseName("web").tableInput(clicks("clicks").description("changed").build()));
        assertThat(glue.getTable(b -> b.databaseName("web").name("clicks")).table().description()).isEqualTo("changed");
        assertThat(glue.getTable(b -> b.databaseName("web").name("clicks")).table().versionId()).isEqualTo("1");
        assertThat(glue.getTables(b -> b.databaseName("web").expression("cli*")).tableList()).hasSize(1);

        glue.deleteTable(b -> b.databaseName("web").name("clicks"));
        assertThatThrownBy(() -> glue.getTable(b -> b.databaseName("web").name("clicks")))
                .isInstanceOf(EntityNotFoundException.class).hasMessageStartingWith("Table clicks not found.");
    }

    @Test
    void partitionsAreAddedFilteredAndDeleted() {
        glue.createDatabase(b -> b.databaseInput(d -> d.name("parts")));
        glue.createTable(b -> b.databaseName("parts").tableInput(clicks("clicks").build()));
        var batch = glue.batchCreatePartition(b -> b.databaseName("parts").tableName("clicks").partitionInputList(
                partition("2024-01-01"), partition("2024-01-02"), partition("2024-01-01")));
        assertThat(batch.errors()).hasSize(1);
        assertThat(batch.errors().get(0).errorDetail().errorCode()).isEqualTo("AlreadyExistsException");
        assertThat(glue.getPartitions(b -> b.databaseName("parts").tableName("clicks")).partitions()).hasSize(2);
        List<Partition> filtered = glue.getPartitions(b -> b.databaseName("parts").tableName("clicks")
                .expression("dt > '2024-01-01'")).partitions();
        assertThat(filtered).extracting(Partition::values).containsExactly(List.of("2024-01-02"));
        assertThatThrownBy(() -> glue.createPartition(b -> b.databaseName("parts").tableName("clicks")
                .partitionInput(p -> p.values("a", "b"))))
                .isInstanceOf(InvalidInputException.class);
        glue.deletePartition(b -> b.databaseName("parts").tableName("clicks").partitionValues("2024-01-01"));
        assertThatThrownBy(() -> glue.getPartition(b -> b.databaseName("parts").tableName("clicks")
                .partitionValues("2024-01-01"))).isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void tagsOnTables() {
        glue.createDatabase(b -> b.databaseInput(d -> d.name("tagged")));
        glue.createTable(b -> b.databaseName("tagged").tableInput(clicks("t").build()));
        String arn = "arn:aws:glue:us-east-1:000000000000:table/tagged/t";
        glue.tagResource(b -> b.resourceArn(arn).tagsToAdd(Map.of("workbook", "true", "x", "y")));
        glue.untagResource(b -> b.resourceArn(arn).tagsToRemove("x"));
        assertThat(glue.getTags(b -> b.resourceArn(arn)).tags()).containsExactly(Map.entry("workbook", "true"));
        assertThatThrownBy(() -> glue.getTags(b -> b.resourceArn("arn:aws:glue:us-east-1:000000000000:table/tagged/none")))
                .isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void athenaSeesGlueTablesAndGlueSeesAthenaTables() {
        glue.createDatabase(b -> b.databaseInput(d -> d.name("crossed")));
        glue.createTable(b -> b.databaseName("crossed").tableInput(clicks("from_glue").build()));
        put("clicks/dt=2024-05-01/a.json", "{\"USER\":\"ann\",\"page\":\"/\"}\nnot json\n");
        glue.createPartition(b -> b.databaseName("crossed").tableName("from_glue")
                .partitionInput(p -> p.values("2024-05-01").storageDescriptor(sd -> sd.location("s3://data/clicks/dt=2024-05-01/"))));
        assertThat(rows("SELECT user, page, dt FROM crossed.from_glue ORDER BY user NULLS LAST")).containsExactly(
                List.of("user", "page", "dt"), List.of("ann", "/", "2024-05-01"), java.util.Arrays.asList(null, null, "2024-05-01"));

        assertThat(run("CREATE EXTERNAL TABLE crossed.from_athena (id bigint) STORED AS PARQUET LOCATION 's3://data/p/'")
                .status().state().toString()).isEqualTo("SUCCEEDED");
        Table table = glue.getTable(b -> b.databaseName("crossed").name("from_athena")).table();
        assertThat(table.storageDescriptor().serdeInfo().serializationLibrary())
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        assertThat(table.parameters()).containsEntry("EXTERNAL", "TRUE");
        assertThat(rows("SHOW TABLES IN crossed")).containsExactly(List.of("from_athena"), List.of("from_glue"));
    }

    private static PartitionInput partition(String dt) {
        return PartitionInput.builder().values(dt)
                .storageDescriptor(sd -> sd.location("s3://data/clicks/dt=" + dt + "/")).build();
    }
}
