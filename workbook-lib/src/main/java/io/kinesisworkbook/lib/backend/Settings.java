package io.kinesisworkbook.lib.backend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The workbook's settings, each read from (first found wins) a Java system property, an
 * environment variable, then a {@code workbook.properties} file in the working directory or one
 * of its parents (so a notebook in {@code notebooks/} finds the one at the root).
 *
 * <pre>
 * property            environment          meaning
 * workbook.backend    WORKBOOK_BACKEND     embedded | localstack | floci | aws
 * workbook.endpoint   WORKBOOK_ENDPOINT    LocalStack/Floci endpoint (default http://localhost:4566)
 * workbook.region     WORKBOOK_REGION      region for the local backends (default us-east-1)
 * workbook.maxShards  WORKBOOK_MAX_SHARDS  on AWS, the most shards a stream may have (default 4)
 * workbook.emulator   WORKBOOK_EMULATOR    an emulator already running for every kernel (set by ./workbook start)
 * workbook.awsRehearsalEndpoint  WORKBOOK_AWS_REHEARSAL_ENDPOINT  the aws backend's code path run against the
 *                                                   workbook's emulator there (CI's rehearsal; no account used)
 * </pre>
 */
public final class Settings {

    public static final String FILE_NAME = "workbook.properties";

    private final Map<String, String> environment;
    private final Properties system;
    private final Properties file;

    Settings(Map<String, String> environment, Properties system, Properties file) {
        this.environment = environment;
        this.system = system;
        this.file = file;
    }

    /** The settings of this process. */
    public static Settings current() {
        return new Settings(System.getenv(), System.getProperties(), readFile(Path.of("").toAbsolutePath()));
    }

    /** A setting by its property name ({@code workbook.backend}); its environment name is derived. */
    public Optional<String> get(String property) {
        String value = system.getProperty(property);
        if (value == null) {
            value = environment.get(environmentName(property));
        }
        if (value == null) {
            value = file.getProperty(property);
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** {@code workbook.maxShards} -> {@code WORKBOOK_MAX_SHARDS}. */
    static String environmentName(String property) {
        return property.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(java.util.Locale.ROOT);
    }

    private static Properties readFile(Path directory) {
        Properties properties = new Properties();
        for (Path dir = directory; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                try (InputStream in = Files.newInputStream(candidate)) {
                    properties.load(in);
                } catch (IOException e) {
                    throw new WorkbookException("Cannot read " + candidate + ": " + e.getMessage());
                }
                break;
            }
        }
        return properties;
    }
}
