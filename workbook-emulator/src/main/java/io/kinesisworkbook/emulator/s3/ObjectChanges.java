package io.kinesisworkbook.emulator.s3;

import io.kinesisworkbook.emulator.http.RestRequest;
import io.kinesisworkbook.emulator.http.RestResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.w3c.dom.Element;

/**
 * Reads S3Proxy's answer to a request to learn which objects it created or removed: a PutObject or
 * a DeleteObject that succeeded, a CopyObject or a CompleteMultipartUpload whose 200 holds a result
 * rather than an error (S3 can answer 200 and fail), the keys a DeleteObjects removed.
 */
final class ObjectChanges {

    private ObjectChanges() {
    }

    /**
     * @param sizeOf an object's size, looked up in the store, for answers that do not say it
     */
    static List<ObjectEvents.Change> of(S3Call call, RestRequest request, RestResponse response,
                                        BiFunction<String, String, Long> sizeOf) {
        if (response.status() / 100 != 2) {
            return List.of();
        }
        String requestId = header(response.headers(), "x-amz-request-id");
        String versionId = header(response.headers(), "x-amz-version-id");
        if ("null".equals(versionId)) {
            versionId = null;
        }
        String sourceIp = sourceIp(request);
        return switch (call.kind()) {
            case PUT_OBJECT -> List.of(new ObjectEvents.Change(call.bucket(), call.key(), true, "PutObject",
                    uploadedSize(request), unquoted(header(response.headers(), "etag")), versionId, requestId, sourceIp));
            case COPY_OBJECT -> created(call, "CopyObjectResult", "CopyObject", response, versionId, requestId, sourceIp, sizeOf);
            case COMPLETE_MULTIPART_UPLOAD -> created(call, "CompleteMultipartUploadResult", "CompleteMultipartUpload",
                    response, versionId, requestId, sourceIp, sizeOf);
            case DELETE_OBJECT -> List.of(removed(call.bucket(), call.key(), versionId, requestId, sourceIp));
            case DELETE_OBJECTS -> deletedKeys(request, response).stream()
                    .map(key -> removed(call.bucket(), key, null, requestId, sourceIp)).toList();
            default -> List.of();
        };
    }

    private static List<ObjectEvents.Change> created(S3Call call, String resultElement, String reason, RestResponse response,
                                                     String versionId, String requestId, String sourceIp,
                                                     BiFunction<String, String, Long> sizeOf) {
        Element result = Xml.parse(response.body());
        if (result == null || !resultElement.equals(result.getLocalName())) {
            return List.of();
        }
        Long size = sizeOf.apply(call.bucket(), call.key());
        return List.of(new ObjectEvents.Change(call.bucket(), call.key(), true, reason, size == null ? 0 : size,
                unquoted(Xml.text(result, "ETag")), versionId, requestId, sourceIp));
    }

    private static ObjectEvents.Change removed(String bucket, String key, String versionId, String requestId,
                                               String sourceIp) {
        return new ObjectEvents.Change(bucket, key, false, "DeleteObject", 0, null, versionId, requestId, sourceIp);
    }

    /** The keys a DeleteObjects named, less those its answer lists as errors (a quiet answer lists nothing else). */
    private static List<String> deletedKeys(RestRequest request, RestResponse response) {
        Element asked = Xml.parse(request.body());
        Element answered = Xml.parse(response.body());
        if (asked == null || answered == null || !"DeleteResult".equals(answered.getLocalName())) {
            return List.of();
        }
        Set<String> failed = new HashSet<>();
        Xml.children(answered, "Error").forEach(error -> failed.add(Xml.text(error, "Key")));
        List<String> deleted = new ArrayList<>();
        for (Element object : Xml.children(asked, "Object")) {
            String key = Xml.text(object, "Key");
            if (key != null && !failed.contains(key)) {
                deleted.add(key);
            }
        }
        return deleted;
    }

    /** The object's size: aws-chunked uploads say it in x-amz-decoded-content-length, others are their body. */
    private static long uploadedSize(RestRequest request) {
        String decoded = request.header("x-amz-decoded-content-length");
        if (decoded != null) {
            try {
                return Long.parseLong(decoded.strip());
            } catch (NumberFormatException e) {
                // falls back to the body
            }
        }
        return request.body().length;
    }

    private static String sourceIp(RestRequest request) {
        String forwarded = request.header("x-forwarded-for");
        return forwarded == null || forwarded.isBlank() ? "127.0.0.1" : forwarded.split(",")[0].strip();
    }

    private static String unquoted(String etag) {
        if (etag == null) {
            return null;
        }
        String text = etag.strip();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }

    static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
