package io.kinesisworkbook.flink;

import io.kinesisworkbook.lib.backend.Backend;
import io.kinesisworkbook.lib.backend.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * The {@code WITH (...)} options that point Flink's AWS connectors at the workbook's backend: the
 * endpoint, region and credentials every workbook client uses.
 *
 * <p>On AWS the connectors find credentials themselves ({@code AUTO}: the same default chain as the
 * SDK). Elsewhere the keys are written into the table's options, which is harmless for an emulator's
 * dummy keys and is why this is never done on AWS.
 *
 * <p>The Kinesis sink's SDK v2 client speaks HTTP/2, which over plain {@code http://} means
 * cleartext HTTP/2 with prior knowledge (h2c). The embedded emulator speaks it (as AWS speaks HTTP/2
 * over TLS), so the sink keeps its default there; LocalStack and Floci are sent HTTP/1.1, because
 * their h2c support could not be checked here (no Docker).
 */
final class ConnectorOptions {

    private ConnectorOptions() {
    }

    /** The options of the {@code kinesis} connector for {@code stream}. */
    static Map<String, String> kinesis(Connection connection, String stream) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("connector", "kinesis");
        options.put("stream", stream);
        options.putAll(aws(connection));
        if (connection.backend() == Backend.LOCALSTACK || connection.backend() == Backend.FLOCI) {
            options.put("sink.http-client.protocol.version", "HTTP1_1");
        }
        return options;
    }

    /** Region, endpoint and credentials, in the {@code aws.*} keys the AWS connectors share. */
    static Map<String, String> aws(Connection connection) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("aws.region", connection.region().id());
        connection.endpoint().ifPresent(endpoint -> options.put("aws.endpoint", endpoint.toString()));
        if (connection.backend() == Backend.AWS) {
            options.put("aws.credentials.provider", "AUTO");
        } else {
            AwsCredentials keys = connection.credentials().resolveCredentials();
            options.put("aws.credentials.provider", "BASIC");
            options.put("aws.credentials.basic.accesskeyid", keys.accessKeyId());
            options.put("aws.credentials.basic.secretkey", keys.secretAccessKey());
        }
        return options;
    }

    /** {@code 'key' = 'value'} pairs, one a line, as a WITH clause lists them. */
    static String withClause(Map<String, String> options) {
        return options.entrySet().stream()
                .map(e -> "  " + literal(e.getKey()) + " = " + literal(e.getValue()))
                .collect(Collectors.joining(",\n", "WITH (\n", "\n)"));
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
