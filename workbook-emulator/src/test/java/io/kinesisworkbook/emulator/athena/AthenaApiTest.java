package io.kinesisworkbook.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.Emulator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/** Athena's API around the queries: work groups, paging, listing, stopping, and its synchronous errors. */
class AthenaApiTest extends AthenaTestBase {

    @Test
    void duckDbStartsWithTheFirstQueryNotWithTheEmulator() {
        try (Emulator fresh = Emulator.start()) {
            assertThat(fresh.athenaEngineStarted()).isFalse();
        }
        run("SELECT 1");
        assertThat(emulator.athenaEngineStarted()).isTrue();
    }

    @Test
    void theHealthEndpointListsGlueAndAthena() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String health = http.send(java.net.http.HttpRequest.newBuilder(emulator.endpoint().resolve("/_workbook/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(health).contains("\"glue\":\"running\"").contains("\"athena\":\"running\"");
    }

    @Test
    void resultsArePagedWithTheHeaderOnTheFirstPage() {
        QueryExecution execution = run("SELECT i FROM unnest(sequence(1, 25)) AS t(i) ORDER BY i");
        GetQueryResultsResponse first = athena.getQueryResults(b -> b.queryExecutionId(execution.queryExecutionId()).maxResults(10));
        assertThat(first.resultSet().rows()).hasSize(10);
        assertThat(values(first.resultSet().rows().get(0))).containsExactly("i");
        GetQueryResultsResponse second = athena.getQueryResults(b -> b.queryExecutionId(execution.queryExecutionId())
                .maxResults(10).nextToken(first.nextToken()));
        assertThat(values(second.resultSet().rows().get(0))).containsExactly("10");
        assertThat(rows("SELECT i FROM unnest(sequence(1, 25)) AS t(i)")).hasSize(26);
        assertThat(execution.statistics().engineExecutionTimeInMillis()).isNotNull();
    }

    @Test
    void workGroupsCarryTheOutputLocation() {
        athena.createWorkGroup(b -> b.name("reports").configuration(c -> c.resultConfiguration(r -> r.outputLocation("s3://results/reports/"))));
        assertThat(athena.getWorkGroup(b -> b.workGroup("reports")).workGroup().configuration().resultConfiguration().outputLocation())
                .isEqualTo("s3://results/reports/");
        assertThat(athena.listWorkGroups(b -> b.build()).workGroups()).extracting(w -> w.name()).contains("primary", "reports");
        String id = athena.startQueryExecution(b -> b.queryString("SELECT 42").workGroup("reports")).queryExecutionId();
        QueryExecution execution = waitFor(id);
        assertThat(execution.resultConfiguration().outputLocation()).isEqualTo("s3://results/reports/" + id + ".csv");
        assertThat(athena.listQueryExecutions(b -> b.workGroup("reports")).queryExecutionIds()).containsExactly(id);
        assertThatThrownBy(() -> athena.createWorkGroup(b -> b.name("reports")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("WorkGroup is already created");
        athena.deleteWorkGroup(b -> b.workGroup("reports"));
        assertThatThrownBy(() -> athena.getWorkGroup(b -> b.workGroup("reports")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("WorkGroup reports is not found.");
        assertThatThrownBy(() -> athena.deleteWorkGroup(b -> b.workGroup("primary"))).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void synchronousErrorsAreInvalidRequests() {
        assertThatThrownBy(() -> athena.startQueryExecution(b -> b.queryString("SELECT 1")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("No output location provided.");
        assertThatThrownBy(() -> athena.startQueryExecution(b -> b.queryString("SELECT 1").resultConfiguration(r -> r.outputLocation("results"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("The S3 location provided to save your query results is invalid.");
        assertThatThrownBy(() -> athena.getQueryExecution(b -> b.queryExecutionId("nope")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("QueryExecution nope was not found");
        QueryExecution failed = run("SELECT * FROM nothing_here");
        assertThatThrownBy(() -> athena.getQueryResults(b -> b.queryExecutionId(failed.queryExecutionId())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("TABLE_NOT_FOUND");
        assertThat(failed.status().athenaError().errorCategory()).isEqualTo(2);
        String missingBucket = athena.startQueryExecution(b -> b.queryString("SELECT 1")
                .resultConfiguration(r -> r.outputLocation("s3://no-such-results/"))).queryExecutionId();
        assertThat(waitFor(missingBucket).status().stateChangeReason()).isEqualTo("Unable to verify/create output bucket no-such-results");
    }

    @Test
    void athenasCatalogCallsReadGlue() {
        run("CREATE EXTERNAL TABLE meta_t (a string, b bigint) PARTITIONED BY (dt string) "
                + "ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://data/meta/'");
        assertThat(athena.listDataCatalogs(b -> b.build()).dataCatalogsSummary()).extracting(c -> c.catalogName())
                .containsExactly("AwsDataCatalog");
        assertThat(athena.listDatabases(b -> b.catalogName("AwsDataCatalog")).databaseList()).extracting(d -> d.name())
                .contains("default");
        var table = athena.getTableMetadata(b -> b.catalogName("AwsDataCatalog").databaseName("default").tableName("meta_t"))
                .tableMetadata();
        assertThat(table.columns()).extracting(c -> c.name() + ":" + c.type()).containsExactly("a:string", "b:bigint");
        assertThat(table.partitionKeys()).extracting(c -> c.name()).containsExactly("dt");
        assertThat(athena.listTableMetadata(b -> b.catalogName("AwsDataCatalog").databaseName("default").expression("meta*"))
                .tableMetadataList()).extracting(t -> t.name()).containsExactly("meta_t");
        assertThatThrownBy(() -> athena.getTableMetadata(b -> b.catalogName("AwsDataCatalog").databaseName("default")
                .tableName("none"))).isInstanceOf(software.amazon.awssdk.services.athena.model.MetadataException.class);
    }

    @Test
    void batchGetAndStop() {
        QueryExecution done = run("SELECT 1");
        var batch = athena.batchGetQueryExecution(b -> b.queryExecutionIds(done.queryExecutionId(), "unknown"));
        assertThat(batch.queryExecutions()).extracting(QueryExecution::queryExecutionId).containsExactly(done.queryExecutionId());
        assertThat(batch.unprocessedQueryExecutionIds()).extracting(u -> u.queryExecutionId()).containsExactly("unknown");
        athena.stopQueryExecution(b -> b.queryExecutionId(done.queryExecutionId()));
        assertThat(waitFor(done.queryExecutionId()).status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        String slow = athena.startQueryExecution(b -> b.queryString(
                "SELECT count(*) FROM unnest(sequence(1, 3000)) a(x) CROSS JOIN unnest(sequence(1, 3000)) b(y) CROSS JOIN unnest(sequence(1, 300)) c(z)")
                .resultConfiguration(r -> r.outputLocation(RESULTS))).queryExecutionId();
        athena.stopQueryExecution(b -> b.queryExecutionId(slow));
        assertThat(waitFor(slow).status().state()).isEqualTo(QueryExecutionState.CANCELLED);
    }
}
