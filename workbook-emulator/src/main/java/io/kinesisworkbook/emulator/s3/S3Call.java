package io.kinesisworkbook.emulator.s3;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which S3 operation a request is, as far as notifications care, and the bucket and key it names.
 * S3Proxy answers every operation; the emulator only needs to know the ones that create or remove
 * objects (and so send events), those that create or delete buckets, and the notification
 * configuration, which it answers itself.
 *
 * @param bucket the bucket, or null for the service (ListBuckets)
 * @param key    the object key, decoded, or null for a bucket-level call
 * @param query  the query parameters, decoded
 */
record S3Call(Kind kind, String bucket, String key, Map<String, String> query) {

    enum Kind {
        CREATE_BUCKET, DELETE_BUCKET, PUT_NOTIFICATION, GET_NOTIFICATION,
        PUT_OBJECT, COPY_OBJECT, COMPLETE_MULTIPART_UPLOAD, DELETE_OBJECT, DELETE_OBJECTS, OTHER
    }

    /** Query parameters that name no sub-resource: the SDK adds {@code x-id=PutObject} and alike. */
    private static final Set<String> PLAIN = Set.of("x-id");

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
