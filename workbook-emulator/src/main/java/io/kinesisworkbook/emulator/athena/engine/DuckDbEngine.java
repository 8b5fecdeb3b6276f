package io.kinesisworkbook.emulator.athena.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One in-memory DuckDB, started on the first Athena query (loading its native library takes most
 * of a second, which the emulator's start must not pay), set up to work offline and to touch no
 * file outside its own temporary directory:
 * <ul>
 *   <li>no extension is installed or loaded on demand (json and parquet are built into the jar);
 *       the extension directory and the spill directory are under that temporary directory;</li>
 *   <li>once set up, DuckDB may read files only there ({@code allowed_directories},
 *       {@code enable_external_access=false}) and its configuration is locked, so a query cannot
 *       read the machine's files or change a setting;</li>
 *   <li>Trino's semantics where DuckDB differs by a setting: integer division, UTC, the
 *       {@code x -> x + 1} lambdas; Trino's functions as macros in the schema {@code trino}
 *       ({@code trino-functions.sql}).</li>
 * </ul>
 * Tables live in the attached in-memory catalog {@code awsdatacatalog}, a schema per Glue database.
 */
public final class DuckDbEngine implements AutoCloseable {

    /** The catalog that holds a schema per Glue database, named as Athena names its catalog. */
    public static final String CATALOG = "awsdatacatalog";
    public static final String FUNCTIONS_SCHEMA = "trino";

    private Path home;
    private Connection connection;
    private Set<String> functions;
    private boolean closed;

    /** The connection, opened and set up on the first call. */
    public synchronized Connection connection() throws SQLException {
        if (closed) {
            throw new SQLException("the Athena engine is closed");
        }
        if (connection == null) {
            start();
        }
        return connection;
    }

    /** Whether DuckDB has been started (for the start-up test). */
    public synchronized boolean started() {
        return connection != null;
    }

    /** Where this engine keeps the objects it has read; DuckDB may read only there. */
    public synchronized Path home() {
        return home;
    }

    /** The names of the Trino functions defined as macros (lower case, without the schema). */
    public synchronized Set<String> trinoFunctions() {
        return functions;
    }

    private void start() throws SQLException {
        try {
            home = Files.createTempDirectory("workbook-athena-");
            Files.createDirectories(home.resolve("extensions"));
            Files.createDirectories(home.resolve("spill"));
            Files.createDirectories(home.resolve("objects"));
        } catch (IOException e) {
            throw new SQLException("cannot create the engine's directory", e);
        }
        Properties settings = new Properties();
        settings.setProperty("autoinstall_known_extensions", "false");
        settings.setProperty("autoload_known_extensions", "false");
        settings.setProperty("extension_directory", home.resolve("extensions").toString());
        settings.setProperty("temp_directory", home.resolve("spill").toString());
        Connection opened = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", settings);
        try (Statement statement = opened.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("SET integer_division = true");
            statement.execute("SET lambda_syntax = 'ENABLE_SINGLE_ARROW'");
            statement.execute("ATTACH ':memory:' AS " + CATALOG);
            statement.execute("CREATE SCHEMA " + FUNCTIONS_SCHEMA);
            for (String macro : macros()) {
                statement.execute(macro);
            }
            functions = new HashSet<>();
            try (ResultSet names = statement.executeQuery("SELECT DISTINCT function_name FROM duckdb_functions() "
                    + "WHERE schema_name = '" + FUNCTIONS_SCHEMA + "'")) {
                while (names.next()) {
                    functions.add(names.getString(1));
                }
            }
            statement.execute("SET allowed_directories = ['" + home.toString().replace("'", "''") + "/']");
            statement.execute("SET enable_external_access = false");
            statement.execute("SET lock_configuration = true");
        } catch (SQLException e) {
            opened.close();
            throw e;
        }
        connection = opened;
    }

    private static String[] macros() {
        try (InputStream in = DuckDbEngine.class.getResourceAsStream("trino-functions.sql")) {
            if (in == null) {
                throw new IllegalStateException("trino-functions.sql is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("(?m)^--.*$", "");
            return Stream.of(text.split(";\\s*\\n")).map(String::strip).filter(s -> !s.isEmpty())
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing anyway
            }
            connection = null;
        }
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is the worst case
            }
        }
    }
}
