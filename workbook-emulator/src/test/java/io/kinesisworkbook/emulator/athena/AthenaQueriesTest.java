package io.kinesisworkbook.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/** Queries through the SDK over GZIP JSON lines, Hive partitions and the JSON SerDe's rules. */
class AthenaQueriesTest extends AthenaTestBase {

    @BeforeAll
    void createTable() {
        putGzip("logs/dt=2024-01-01/part-0.json.gz", """
                {"Level":"INFO","service":"web","latency_ms":12,"ts":"2024-01-01 10:00:00","payload":"{\\"user\\":{\\"id\\":\\"u1\\"}}"}
                {"level":"ERROR","service":"web","latency_ms":250,"ts":"2024-01-01 10:05:00","tags":["a","b"]}
                """);
        putGzip("logs/dt=2024-01-02/part-0.json.gz", """
                {"level":"INFO","service":"api","latency_ms":30,"ts":"2024-01-02 08:00:00","tags":["c"]}
                {"level":"WARN","service":"api"}
                """);
        put("logs/dt=2024-01-02/_SUCCESS", "not data");
        put("logs/dt=2024-01-03/part-0.json", "{\"level\":\"INFO\",\"service\":\"late\"}\n");
        QueryExecution created = run("""
                CREATE EXTERNAL TABLE logs (
                  level string, service string, latency_ms int, ts timestamp, payload string, tags array<string>)
                PARTITIONED BY (dt string)
                ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
                LOCATION 's3://data/logs/'
                """);
        assertThat(created.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
        assertThat(created.statementType().toString()).isEqualTo("DDL");
        // Until the catalog knows the partitions, the table is empty, as on Athena.
        assertThat(rows("SELECT count(*) FROM logs")).containsExactly(List.of("_col0"), List.of("0"));
        assertThat(rows("MSCK REPAIR TABLE logs"))
                .contains(List.of("Repair: Added partition to metastore logs:dt=2024-01-01"));
    }

    @Test
    void partitionsAreReadAndHiddenObjectsAreNot() {
        assertThat(rows("MSCK REPAIR TABLE logs")).isEmpty();
        assertThat(rows("SELECT dt, count(*) AS n FROM logs GROUP BY dt ORDER BY dt"))
                .containsExactly(List.of("dt", "n"), List.of("2024-01-01", "2"), List.of("2024-01-02", "2"),
                        List.of("2024-01-03", "1"));
    }

    @Test
    void keysMatchColumnsWhateverTheirCaseAndMissingKeysAreNull() {
        assertThat(rows("SELECT level, latency_ms, tags FROM logs WHERE dt = '2024-01-01' ORDER BY ts"))
                .containsExactly(List.of("level", "latency_ms", "tags"), Arrays.asList("INFO", "12", null),
                        List.of("ERROR", "250", "[a, b]"));
    }

    @Test
    void columnInfoUsesAthenasTypeNames() {
        QueryExecution execution = run("SELECT service, count(*), avg(latency_ms), max(ts), cardinality(tags) FROM logs GROUP BY service, tags");
        List<ColumnInfo> columns = athena.getQueryResults(b -> b.queryExecutionId(execution.queryExecutionId()))
                .resultSet().resultSetMetadata().columnInfo();
        assertThat(columns).extracting(ColumnInfo::name).containsExactly("service", "_col1", "_col2", "_col3", "_col4");
        assertThat(columns).extracting(ColumnInfo::type).containsExactly("varchar", "bigint", "double", "timestamp", "bigint");
    }

    @Test
    void trinoFunctionsAreTranslated() {
        assertThat(rows("""
                SELECT json_extract_scalar(payload, '$.user.id') AS user_id,
                       date_format(ts, '%Y-%m-%d %H:%i') AS minute,
                       date_parse('2024/01/01 10:00:00', '%Y/%m/%d %H:%i:%s') AS parsed,
                       regexp_like(service, '^w') AS web,
                       element_at(tags, 1) AS first_tag,
                       to_unixtime(ts) AS seconds
                FROM logs WHERE dt = '2024-01-01' AND level = 'INFO'
                """)).containsExactly(List.of("user_id", "minute", "parsed", "web", "first_tag", "seconds"),
                Arrays.asList("u1", "2024-01-01 10:00", "2024-01-01 10:00:00.000", "true", null, "1.7041032E9"));
        assertThat(rows("SELECT approx_distinct(service), from_unixtime(0), from_iso8601_timestamp('2024-01-01T10:00:00Z'),"
                + " 7 / 2, CAST(12 AS VARCHAR), date_trunc('day', TIMESTAMP '2024-01-01 10:00:00') + INTERVAL '1' DAY FROM logs"))
                .containsExactly(List.of("_col0", "_col1", "_col2", "_col3", "_col4", "_col5"),
                        List.of("3", "1970-01-01 00:00:00.000 UTC", "2024-01-01 10:00:00.000 UTC", "3", "12",
                                "2024-01-02 00:00:00.000"));
    }

    @Test
    void lambdasUnnestCtesAndQuotedNames() {
        assertThat(rows("""
                WITH recent AS (SELECT "service", tags FROM logs WHERE dt >= '2024-01-01')
                SELECT service, tag, transform(ARRAY[1, 2], x -> x * 10) AS tens,
                       regexp_replace(service, '[aeiou]', '_') AS masked
                FROM recent CROSS JOIN UNNEST(tags) AS t(tag)
                ORDER BY service, tag
                """)).containsExactly(List.of("service", "tag", "tens", "masked"),
                List.of("api", "c", "[10, 20]", "_p_"), List.of("web", "a", "[10, 20]", "w_b"),
                List.of("web", "b", "[10, 20]", "w_b"));
    }

    @Test
    void datesAndArithmeticAsTrinoComputesThem() {
        assertThat(rows("SELECT millisecond(TIMESTAMP '2024-01-01 10:00:12.345'),"
                + " date_add('hour', 3, TIMESTAMP '2024-01-01 23:00:00'),"
                + " date_diff('day', TIMESTAMP '2024-01-01 10:00:00', TIMESTAMP '2024-01-03 09:00:00'),"
                + " format_datetime(TIMESTAMP '2024-03-05 07:08:09', 'yyyy-MM-dd''T''HH:mm'),"
                + " day_of_week(DATE '2024-01-07')"))
                .containsExactly(List.of("_col0", "_col1", "_col2", "_col3", "_col4"),
                        List.of("345", "2024-01-02 02:00:00.000", "1", "2024-03-05T07:08", "7"));
        assertThat(failure("SELECT 7 / 0")).isEqualTo("DIVISION_BY_ZERO: Division by zero");
        assertThat(failure("SELECT level, count(*) FROM logs")).startsWith("EXPRESSION_NOT_AGGREGATE: line 1:8: 'level'");
    }

    @Test
    void resultsAreWrittenAsAthenaWritesThem() {
        QueryExecution execution = run("SELECT 'say \"hi\"' AS quote, CAST(NULL AS varchar) AS nothing, 1 AS one");
        String location = execution.resultConfiguration().outputLocation();
        assertThat(location).isEqualTo(RESULTS + execution.queryExecutionId() + ".csv");
        String key = location.substring("s3://results/".length());
        String csv = s3.getObjectAsBytes(b -> b.bucket("results").key(key)).asUtf8String();
        assertThat(csv).isEqualTo("\"quote\",\"nothing\",\"one\"\n\"say \"\"hi\"\"\",,\"1\"\n");
        assertThat(s3.headObject(b -> b.bucket("results").key(key + ".metadata")).contentLength()).isPositive();
    }

    @Test
    void errorsAreAthenas() {
        assertThat(failure("SELECT * FROM nowhere")).isEqualTo(
                "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.default.nowhere' does not exist");
        assertThat(failure("SELECT nosuch(level) FROM logs")).isEqualTo(
                "FUNCTION_NOT_FOUND: line 1:8: Function 'nosuch' not registered");
        assertThat(failure("SELECT missing FROM logs")).isEqualTo(
                "COLUMN_NOT_FOUND: line 1:8: Column 'missing' cannot be resolved");
        assertThat(failure("SELECT * FORM logs")).startsWith("line 1:15: mismatched input 'logs'");
        assertThat(failure("SELECT * FROM other.logs")).isEqualTo(
                "SCHEMA_NOT_FOUND: line 1:15: Schema 'other' does not exist");
        assertThat(failure("SELECT * FROM read_text('/etc/passwd')")).startsWith("FUNCTION_NOT_FOUND");
    }
}
