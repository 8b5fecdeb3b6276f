package io.kinesisworkbook.lib.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import java.net.URI;
import java.net.URL;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class S3ClientTest {

    @Test
    void theLibrarysS3ClientWritesAndReadsTheEmulatorsBuckets() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults());
             S3Client s3 = new AwsClients(connection(Backend.EMBEDDED, emulator)).s3()) {
            s3.createBucket(b -> b.bucket("deliveries"));
            s3.putObject(b -> b.bucket("deliveries").key("2026/11/26/batch-1"), RequestBody.fromString("{\"clicks\":3}\n"));

            assertThat(s3.getObjectAsBytes(b -> b.bucket("deliveries").key("2026/11/26/batch-1")).asUtf8String())
                    .isEqualTo("{\"clicks\":3}\n");
            assertThat(emulator.objectStore().getObject("deliveries", "2026/11/26/batch-1")).asString()
                    .isEqualTo("{\"clicks\":3}\n");
        }
    }

    @Test
    void onlyAwsGetsVirtualHostedStyleAddressing() {
        URI endpoint = URI.create("http://localhost:4566");
        for (Backend backend : Backend.values()) {
            try (S3Client s3 = new AwsClients(connection(backend, endpoint)).s3()) {
                URL url = s3.utilities().getUrl(b -> b.bucket("deliveries").key("batch-1"));
                assertThat(url.toString()).as(backend.toString()).isEqualTo(backend == Backend.AWS
                        ? "http://deliveries.localhost:4566/batch-1"
                        : "http://localhost:4566/deliveries/batch-1");
            }
        }
    }

    private static Connection connection(Backend backend, Emulator emulator) {
        return connection(backend, emulator.endpoint());
    }

    private static Connection connection(Backend backend, URI endpoint) {
        return new Connection(backend, Optional.of(endpoint), Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), Integer.MAX_VALUE);
    }
}
