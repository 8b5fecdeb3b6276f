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

    /** S3's request ids: 16 upper-case hexadecimal characters. */
    static String requestId() {
        return String.format("%016X", ThreadLocalRandom.current().nextLong());
    }
}
