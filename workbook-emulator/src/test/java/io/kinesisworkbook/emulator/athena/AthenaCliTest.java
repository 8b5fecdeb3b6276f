package io.kinesisworkbook.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Glue and Athena through the AWS CLI, a second client that forgives less than the Java SDK (its
 * own JSON parsing and error printing). Skipped, with the reason printed, where {@code aws} is missing.
 */
class AthenaCliTest extends AthenaTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out + err, e);
            }
        }
    }

    @BeforeAll
    void needsTheCli() {
        String reason = null;
        try {
            Process version = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            if (!version.waitFor(30, TimeUnit.SECONDS) || version.exitValue() != 0) {
                reason = "the AWS CLI ('aws --version') did not answer";
            }
        } catch (IOException e) {
            reason = "the AWS CLI ('aws') is not installed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reason = "interrupted";
        }
        if (reason != null) {
            System.out.println("AthenaCliTest skipped: " + reason);
        }
        Assumptions.assumeTrue(reason == null, reason);
    }

    @Test
    void aTableAndAQueryThroughTheCli() {
        putGzip("cli/part-0.json.gz", "{\"Name\":\"a\",\"n\":1}\n{\"name\":\"b\",\"n\":2}\n{\"name\":\"b\",\"n\":3}\n");
        assertThat(aws("glue", "create-database", "--database-input", "{\"Name\":\"cli\"}").exit()).isZero();

        String created = startQuery("CREATE EXTERNAL TABLE t (name string, n int) "
                + "ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://data/cli/'");
        assertThat(state(created)).isEqualTo("SUCCEEDED");

        String query = startQuery("SELECT name, sum(n) AS total FROM t GROUP BY name ORDER BY name");
        assertThat(state(query)).isEqualTo("SUCCEEDED");
        JsonNode results = aws("athena", "get-query-results", "--query-execution-id", query).json().path("ResultSet");
        List<String> cells = new ArrayList<>();
        results.path("Rows").forEach(row -> row.path("Data").forEach(d -> cells.add(d.path("VarCharValue").asText())));
        assertThat(cells).containsExactly("name", "total", "a", "1", "b", "5");
        assertThat(results.path("ResultSetMetadata").path("ColumnInfo").get(1).path("Type").asText()).isEqualTo("bigint");

        Result missing = aws("glue", "get-table", "--database-name", "cli", "--name", "missing");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("EntityNotFoundException").contains("Table missing not found.");
        Result badQuery = aws("athena", "get-query-execution", "--query-execution-id", "nope");
        assertThat(badQuery.err()).contains("InvalidRequestException");
    }

    private String startQuery(String sql) {
        return aws("athena", "start-query-execution", "--query-string", sql,
                "--query-execution-context", "Database=cli",
                "--result-configuration", "OutputLocation=s3://results/cli/").json().path("QueryExecutionId").asText();
    }

    private String state(String id) {
        for (int i = 0; i < 100; i++) {
            String state = aws("athena", "get-query-execution", "--query-execution-id", id).json()
                    .path("QueryExecution").path("Status").path("State").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return state;
            }
        }
        throw new AssertionError("query " + id + " did not finish");
    }

    private Result aws(String... arguments) {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", emulator.endpoint().toString(),
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put("AWS_ACCESS_KEY_ID", "test");
        environment.put("AWS_SECRET_ACCESS_KEY", "test");
        environment.put("AWS_PAGER", "");
        environment.remove("AWS_PROFILE");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("aws " + String.join(" ", arguments) + " did not finish");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
