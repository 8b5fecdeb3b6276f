package io.kinesisworkbook.emulator.s3;

import io.kinesisworkbook.emulator.http.RestResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * S3's errors for what the emulator answers itself (S3Proxy answers the rest): S3's XML error
 * document, its codes, HTTP statuses and words.
 */
final class S3Errors {

    /** An S3 error: its code, status and message, and the extra elements some carry (ArgumentName...). */
    static final class S3Exception extends RuntimeException {
        final int status;
        final String code;
        final Map<String, String> details;

        S3Exception(int status, String code, String message, Map<String, String> details) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
            this.details = details;
        }

        RestResponse toResponse() {
            String requestId = requestId();
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>")
                    .append(code).append("</Code><Message>").append(Xml.escape(getMessage())).append("</Message>");
            details.forEach((name, value) -> xml.append('<').append(name).append('>').append(Xml.escape(value))
                    .append("</").append(name).append('>'));
            xml.append("<RequestId>").append(requestId).append("</RequestId><HostId>").append(requestId)
                    .append("</HostId></Error>");
            return RestResponse.of(status, "application/xml", xml.toString().getBytes(StandardCharsets.UTF_8))
                    .withHeader("x-amz-request-id", requestId);
        }
    }

    private S3Errors() {
    }

    static S3Exception noSuchBucket(String bucket) {
        return new S3Exception(404, "NoSuchBucket", "The specified bucket does not exist", Map.of("BucketName", bucket));
    }

    static S3Exception malformedXml() {
        return new S3Exception(400, "MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema", Map.of());
    }

    static S3Exception invalidArgument(String message, String argumentName, String argumentValue) {
        Map<String, String> details = new LinkedHashMap<>();
        if (argumentName != null) {
            details.put("ArgumentName", argumentName);
            details.put("ArgumentValue", argumentValue);
        }
        return new S3Exception(400, "InvalidArgument", message, details);
    }

    /** A bucket policy S3 would not take: 400 MalformedPolicy. */
    static S3Exception malformedPolicy(String message) {
        return new S3Exception(400, "MalformedPolicy", message, Map.of());
    }

    static S3Exception noSuchBucketPolicy(String bucket) {
        return new S3Exception(404, "NoSuchBucketPolicy", "The bucket policy does not exist", Map.of("BucketName", bucket));
    }

    /**
     * A request a bucket policy denies, in S3's words since 2024 (which name the caller, the action,
     * the resource and the kind of policy). The emulator cannot tell callers apart, so the caller is
     * the account's root.
     */
    static S3Exception accessDenied(String account, String action, String resource) {
        return new S3Exception(403, "AccessDenied", "User: arn:aws:iam::" + account + ":root is not authorized to perform: "
                + action + " on resource: \"" + resource + "\" with an explicit deny in a resource-based policy", Map.of());
    }

    static S3Exception noSuchTagSet(String bucket) {
        return new S3Exception(404, "NoSuchTagSet", "The TagSet does not exist", Map.of("BucketName", bucket));
    }

    static S3Exception invalidTag(String message) {
        return new S3Exception(400, "InvalidTag", message, Map.of());
    }

    /** "Unable to validate the following destination configurations": ArgumentName1, ArgumentValue1, ... */
    static S3Exception unableToValidate(Map<String, String> failures) {
        Map<String, String> details = new LinkedHashMap<>();
        int n = 1;
        for (Map.Entry<String, String> failure : failures.entrySet()) {
            details.put("ArgumentName" + n, failure.getKey());
            details.put("ArgumentValue" + n, failure.getValue());
            n++;
        }
        return new S3Exception(400, "InvalidArgument", "Unable to validate the following destination configurations",
                details);
    }

    /** An answer the emulator makes itself, with a request id as S3's answers have. */
    static RestResponse withRequestId(RestResponse response) {
        return response.withHeader("x-amz-request-id", requestId());
    }

    /** S3's request ids: 16 upper-case hexadecimal characters. */
    static String requestId() {
        return String.format("%016X", ThreadLocalRandom.current().nextLong());
    }
}
