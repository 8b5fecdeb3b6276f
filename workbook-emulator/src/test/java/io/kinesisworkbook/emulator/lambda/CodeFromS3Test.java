package io.kinesisworkbook.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.http.EdgeRouter;
import io.kinesisworkbook.emulator.http.EdgeServer;
import io.kinesisworkbook.emulator.kinesis.KinesisService;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics;
import io.kinesisworkbook.emulator.s3.ObjectStore;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;

/** Code.S3Bucket and Code.S3Key, read through the ObjectStore the S3 service will provide (a fake here). */
class CodeFromS3Test {

    /** An in-memory S3 of one bucket. */
    static final class FakeObjectStore implements ObjectStore {
        final Map<String, byte[]> objects = new ConcurrentHashMap<>();

        @Override
        public boolean bucketExists(String bucket) {
            return bucket.equals("code");
        }

        @Override
        public void putObject(String bucket, String key, byte[] data, String contentType) {
            objects.put(key, data);
        }

        @Override
        public byte[] getObject(String bucket, String key) {
            return bucketExists(bucket) ? objects.get(key) : null;
        }
    }

    @Test
    void aFunctionsCodeIsReadFromS3() throws Exception {
        EmulatorOptions options = EmulatorOptions.defaults().withInstantTransitions();
        FakeObjectStore s3 = new FakeObjectStore();
        s3.putObject("code", "functions/greeter.zip", TestFunctions.greeter(), "application/zip");
        KinesisService kinesis = new KinesisService(options, new InMemoryMetrics());
        try (LambdaService service = new LambdaService(options, kinesis.tap(), s3);
             EdgeServer server = EdgeServer.start("127.0.0.1", 0,
                     new EdgeRouter(List.of(kinesis), List.of(service), options.defaultRegion()));
             LambdaClient lambda = LambdaTestBase.lambdaClient(URI.create("http://127.0.0.1:" + server.port()))) {

            lambda.createFunction(b -> b.functionName("from-s3").runtime("java21").handler("demo.Greeter").role(LambdaTestBase.ROLE)
                    .code(c -> c.s3Bucket("code").s3Key("functions/greeter.zip")));

            assertThat(lambda.invoke(b -> b.functionName("from-s3")
                    .payload(software.amazon.awssdk.core.SdkBytes.fromUtf8String("{\"name\":\"S3\"}"))).payload().asUtf8String())
                    .isEqualTo("\"Hello, S3!\"");
            String location = lambda.getFunction(b -> b.functionName("from-s3")).code().location();
            byte[] downloaded = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(URI.create(location)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
            assertThat(java.util.Arrays.equals(downloaded, s3.objects.get("functions/greeter.zip")))
                    .as("Code.Location serves the package as uploaded").isTrue();
            assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName("missing-key").runtime("java21")
                    .handler("demo.Greeter").role(LambdaTestBase.ROLE).code(c -> c.s3Bucket("code").s3Key("nope.zip"))))
                    .isInstanceOf(InvalidParameterValueException.class)
                    .hasMessageContaining("Error occurred while GetObject. S3 Error Code: NoSuchKey.");
        }
    }
}
