package io.kinesisworkbook.emulator.s3;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which S3 operation a request is, as far as the emulator's own parts care, and the bucket and key
 * it names. S3Proxy answers every operation; the emulator only needs to know the ones that create or
 * remove objects (and so send events), those that create or delete buckets, the object requests a
 * bucket policy may deny, and the bucket settings it answers itself (notifications, policy, tags).
 *
 * @param bucket the bucket, or null for the service (ListBuckets)
 * @param key    the object key, decoded, or null for a bucket-level call
 * @param query  the query parameters, decoded
 */
record S3Call(Kind kind, String bucket, String key, Map<String, String> query) {

    enum Kind {
        CREATE_BUCKET, DELETE_BUCKET, PUT_NOTIFICATION, GET_NOTIFICATION,
        PUT_POLICY, GET_POLICY, DELETE_POLICY, PUT_TAGGING, GET_TAGGING, DELETE_TAGGING,
        PUT_OBJECT, COPY_OBJECT, COMPLETE_MULTIPART_UPLOAD, DELETE_OBJECT, DELETE_OBJECTS, OTHER
    }

    /** Query parameters that name no sub-resource: the SDK adds {@code x-id=PutObject} and alike. */
    private static final Set<String> PLAIN = Set.of("x-id");

    /** Query parameters of a plain GetObject: a version, a part, or response header overrides. */
    private static final Set<String> READS = Set.of("x-id", "versionId", "partNumber", "response-content-type",
            "response-content-language", "response-expires", "response-cache-control", "response-content-disposition",
            "response-content-encoding");

    /**
     * @param method     the HTTP method
     * @param target     the path-style request target ({@code /bucket/key?query}), still encoded
     * @param copySource the {@code x-amz-copy-source} header, or null
     */
    static S3Call of(String method, String target, String copySource) {
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        Map<String, String> query = query(question < 0 ? "" : target.substring(question + 1));
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        String bucket = decode(slash < 0 ? trimmed : trimmed.substring(0, slash));
        String key = slash < 0 || slash == trimmed.length() - 1 ? null : decode(trimmed.substring(slash + 1));
        if (bucket.isEmpty()) {
            return new S3Call(Kind.OTHER, null, null, query);
        }
        return new S3Call(kind(method, key, query, copySource), bucket, key, query);
    }

    private static Kind kind(String method, String key, Map<String, String> query, String copySource) {
        boolean plain = PLAIN.containsAll(query.keySet());
        if (key == null) {
            if (query.containsKey("notification")) {
                return method.equals("PUT") ? Kind.PUT_NOTIFICATION : method.equals("GET") ? Kind.GET_NOTIFICATION : Kind.OTHER;
            }
            if (query.containsKey("policy")) {
                return bucketSetting(method, Kind.PUT_POLICY, Kind.GET_POLICY, Kind.DELETE_POLICY);
            }
            if (query.containsKey("tagging")) {
                return bucketSetting(method, Kind.PUT_TAGGING, Kind.GET_TAGGING, Kind.DELETE_TAGGING);
            }
            return switch (method) {
                case "PUT" -> plain ? Kind.CREATE_BUCKET : Kind.OTHER;
                case "DELETE" -> plain ? Kind.DELETE_BUCKET : Kind.OTHER;
                case "POST" -> query.containsKey("delete") ? Kind.DELETE_OBJECTS : Kind.OTHER;
                default -> Kind.OTHER;
            };
        }
        return switch (method) {
            case "PUT" -> !plain ? Kind.OTHER : copySource != null ? Kind.COPY_OBJECT : Kind.PUT_OBJECT;
            case "POST" -> query.containsKey("uploadId") ? Kind.COMPLETE_MULTIPART_UPLOAD : Kind.OTHER;
            case "DELETE" -> query.containsKey("uploadId") ? Kind.OTHER : Kind.DELETE_OBJECT;
            default -> Kind.OTHER;
        };
    }

    private static Kind bucketSetting(String method, Kind put, Kind get, Kind delete) {
        return switch (method) {
            case "PUT" -> put;
            case "GET" -> get;
            case "DELETE" -> delete;
            default -> Kind.OTHER;
        };
    }

    /**
     * The IAM action an object request needs, for the bucket policy's denials: {@code s3:PutObject}
     * for every write (PutObject, CopyObject's destination, the steps of a multipart upload),
     * {@code s3:GetObject} for GetObject and HeadObject, {@code s3:DeleteObject} for DeleteObject;
     * null for anything else (bucket-level calls, DeleteObjects, ACLs, ...), which policies do not
     * refuse here.
     */
    String objectAction(String method) {
        if (key == null) {
            return null;
        }
        return switch (kind) {
            case PUT_OBJECT, COPY_OBJECT, COMPLETE_MULTIPART_UPLOAD -> "s3:PutObject";
            case DELETE_OBJECT -> "s3:DeleteObject";
            default -> switch (method) {
                case "PUT" -> query.containsKey("uploadId") && query.containsKey("partNumber") ? "s3:PutObject" : null;
                case "POST" -> query.containsKey("uploads") ? "s3:PutObject" : null;
                case "GET", "HEAD" -> query.keySet().stream().allMatch(READS::contains) ? "s3:GetObject" : null;
                default -> null;
            };
        };
    }

    private static Map<String, String> query(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                parameters.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                        equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    /** Percent-decoding as in a path: a {@code +} stays a plus (URLDecoder would make it a space). */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int codePoint = text.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
