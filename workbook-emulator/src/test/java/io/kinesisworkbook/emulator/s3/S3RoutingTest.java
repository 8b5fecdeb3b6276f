package io.kinesisworkbook.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.http.RestRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3RoutingTest {

    @Test
    void bucketPathsAreS3s() {
        assertThat(S3Routing.isS3(get("/"))).isTrue();
        assertThat(S3Routing.isS3(get("/clicks-archive"))).isTrue();
        assertThat(S3Routing.isS3(get("/clicks-archive/2026/11/26/part-0?versionId=1"))).isTrue();
        assertThat(S3Routing.isS3(get("/2026-archive/key"))).isTrue();
    }

    @Test
    void otherRestApisAndTheEmulatorsOwnPathsAreNot() {
        assertThat(S3Routing.isS3(get("/2015-03-31/functions"))).isFalse();
        assertThat(S3Routing.isS3(get("/2015-03-31/functions/f/invocations"))).isFalse();
        assertThat(S3Routing.isS3(get("/2017-03-31/tags/arn"))).isFalse();
        assertThat(S3Routing.isS3(get("/2015-03-31"))).isFalse();
        assertThat(S3Routing.isS3(get("/_workbook/health"))).isFalse();
    }

    @Test
    void anRpcCallWithoutItsTargetIsNotS3s() {
        RestRequest json = new RestRequest("POST", "/", Map.of("content-type", "application/x-amz-json-1.1"), new byte[0], "us-east-1");
        RestRequest cbor = new RestRequest("POST", "/", Map.of("content-type", "application/x-amz-cbor-1.1"), new byte[0], "us-east-1");
        RestRequest deleteObjects = new RestRequest("POST", "/b?delete", Map.of("content-type", "application/xml"), new byte[0], "us-east-1");
        assertThat(S3Routing.isS3(json)).isFalse();
        assertThat(S3Routing.isS3(cbor)).isFalse();
        assertThat(S3Routing.isS3(deleteObjects)).isTrue();
    }

    @Test
    void aBucketInTheHostNameIsMovedIntoThePath() {
        assertThat(S3Routing.pathStyleTarget(withHost("/key?x=1", "my-bucket.localhost:4566"))).isEqualTo("/my-bucket/key?x=1");
        assertThat(S3Routing.pathStyleTarget(withHost("/", "logs.example.localhost"))).isEqualTo("/logs.example/");
        assertThat(S3Routing.pathStyleTarget(withHost("/my-bucket/key", "localhost:4566"))).isEqualTo("/my-bucket/key");
        assertThat(S3Routing.pathStyleTarget(withHost("/my-bucket/key", "127.0.0.1:4566"))).isEqualTo("/my-bucket/key");
    }

    private static RestRequest get(String uri) {
        return new RestRequest("GET", uri, Map.of(), new byte[0], "us-east-1");
    }

    private static RestRequest withHost(String uri, String host) {
        return new RestRequest("GET", uri, Map.of("host", host), new byte[0], "us-east-1");
    }
}
