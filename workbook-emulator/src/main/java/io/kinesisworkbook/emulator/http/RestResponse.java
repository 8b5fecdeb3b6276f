package io.kinesisworkbook.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a {@link RestService} answers: a status, headers and a body. */
public record RestResponse(int status, Map<String, String> headers, byte[] body) {

    public static RestResponse of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new RestResponse(status, headers, body);
    }

    public static RestResponse json(int status, String json) {
        return of(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** The same response with one more header. */
    public RestResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new RestResponse(status, more, body);
    }
}
