package io.kinesisworkbook.emulator.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One REST call as a service sees it.
 *
 * @param method  GET, PUT, POST, DELETE, HEAD
 * @param uri     the request target as sent: path and query, still encoded
 * @param headers the request's headers, names in lower case
 * @param body    the request body, empty when there is none
 * @param region  the region of the request's signature, or the emulator's default region
 */
public record RestRequest(String method, String uri, Map<String, String> headers, byte[] body, String region) {

    /** The decoded path, without the query. */
    public String path() {
        return URI.create(uri.startsWith("/") ? uri : "/" + uri).getPath();
    }

    /** The still-encoded path, without the query, as a signature or a proxy needs it. */
    public String rawPath() {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** The query parameters, decoded; a parameter without a value maps to "". */
    public Map<String, String> query() {
        Map<String, String> parameters = new LinkedHashMap<>();
        int start = uri.indexOf('?');
        if (start < 0) {
            return parameters;
        }
        for (String pair : uri.substring(start + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** The path's segments, decoded: {@code /2015-03-31/functions/f/invocations} gives four. */
    public List<String> segments() {
        return java.util.Arrays.stream(path().split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
