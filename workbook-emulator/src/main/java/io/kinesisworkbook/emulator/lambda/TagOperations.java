package io.kinesisworkbook.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.RestRequest;
import io.kinesisworkbook.emulator.http.RestResponse;
import io.kinesisworkbook.emulator.http.Validation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** TagResource, UntagResource and ListTags, on functions named by ARN ({@code /2017-03-31/tags/ARN}). */
final class TagOperations {

    private final LambdaContext context;

    TagOperations(LambdaContext context) {
        this.context = context;
    }

    RestResponse tag(RestRequest request, String arn) {
        LambdaFunction function = function(arn);
        Members body = LambdaJson.body(request.body());
        Map<String, String> tags = body.stringMap("Tags");
        new Validation().notNull(tags, "tags").throwIfAny();
        function.tag(tags);
        return LambdaJson.empty(204);
    }

    RestResponse untag(RestRequest request, String arn) {
        LambdaFunction function = function(arn);
        List<String> keys = repeated(request.uri(), "tagKeys");
        new Validation().notNull(keys.isEmpty() ? null : keys, "tagKeys").throwIfAny();
        function.untag(keys);
        return LambdaJson.empty(204);
    }

    RestResponse list(String arn) {
        LambdaFunction function = function(arn);
        ObjectNode answer = LambdaJson.MAPPER.createObjectNode();
        ObjectNode tags = answer.putObject("Tags");
        function.tags().forEach(tags::put);
        return LambdaJson.response(200, answer);
    }

    /** Tags belong to the function, whatever version the ARN names. */
    private LambdaFunction function(String arn) {
        String[] parts = arn.split(":");
        if (parts.length < 7 || !parts[0].equals("arn") || !parts[2].equals("lambda") || !parts[5].equals("function")) {
            throw LambdaErrors.invalidParameter("Resource ARN (" + arn + ") is not a valid ARN.");
        }
        LambdaFunction function = context.functions.find(parts[3], parts[6]);
        if (function == null) {
            throw LambdaErrors.functionNotFound(arn);
        }
        return function;
    }

    /** A query parameter that may repeat ({@code ?tagKeys=a&tagKeys=b}). */
    private static List<String> repeated(String uri, String name) {
        List<String> values = new ArrayList<>();
        int query = uri.indexOf('?');
        if (query < 0) {
            return values;
        }
        for (String pair : uri.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (key.equals(name) && equals >= 0) {
                values.add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
