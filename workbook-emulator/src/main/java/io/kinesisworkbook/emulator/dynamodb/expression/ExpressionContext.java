package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.dynamodb.AttributeValues;
import io.kinesisworkbook.emulator.dynamodb.DynamoDbErrors;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request's ExpressionAttributeNames and ExpressionAttributeValues, shared by all its expressions:
 * AWS refuses placeholders that no expression of the request uses.
 */
public final class ExpressionContext {

    private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, JsonNode> values = new LinkedHashMap<>();
    private final Set<String> unusedNames = new LinkedHashSet<>();
    private final Set<String> unusedValues = new LinkedHashSet<>();

    /** Either may be null (or JSON null) when the request has none; both are checked as AWS checks them. */
    public ExpressionContext(JsonNode expressionAttributeNames, JsonNode expressionAttributeValues) {
        if (present(expressionAttributeNames)) {
            if (expressionAttributeNames.isEmpty()) {
                throw DynamoDbErrors.validation("ExpressionAttributeNames must not be empty");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expressionAttributeNames.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!NAME_KEY.matcher(entry.getKey()).matches()) {
                    throw DynamoDbErrors.validation(
                            "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + entry.getKey() + "\"");
                }
                names.put(entry.getKey(), entry.getValue().asText());
            }
        }
        if (present(expressionAttributeValues)) {
            if (expressionAttributeValues.isEmpty()) {
                throw DynamoDbErrors.validation("ExpressionAttributeValues must not be empty");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expressionAttributeValues.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!VALUE_KEY.matcher(entry.getKey()).matches()) {
                    throw DynamoDbErrors.validation(
                            "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + entry.getKey() + "\"");
                }
                values.put(entry.getKey(), entry.getValue());
            }
            values.forEach(ExpressionContext::validateValue);
        }
        unusedNames.addAll(names.keySet());
        unusedValues.addAll(values.keySet());
    }

    /** A context for a request without placeholders. */
    public static ExpressionContext empty() {
        return new ExpressionContext(null, null);
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    /** AWS names the key of a bad value: "ExpressionAttributeValues contains invalid value: ... for key :v". */
    private static void validateValue(String key, JsonNode value) {
        try {
            AttributeValues.validate(value);
        } catch (AwsServiceException e) {
            if (!e.errorType().equals("ValidationException")) {
                throw e;
            }
            throw DynamoDbErrors.validation(
                    "ExpressionAttributeValues contains invalid value: " + e.getMessage() + " for key " + key);
        }
    }

    /** The attribute name a {@code #name} stands for, or null when it is not defined; marks it used. */
    String name(String placeholder) {
        unusedNames.remove(placeholder);
        return names.get(placeholder);
    }

    /** The value a {@code :value} stands for, or null when it is not defined; marks it used. */
    JsonNode value(String placeholder) {
        unusedValues.remove(placeholder);
        return values.get(placeholder);
    }

    /**
     * Call once all of the request's expressions are parsed: AWS refuses placeholders none of them
     * used, names before values.
     */
    public void requireAllUsed() {
        if (!unusedNames.isEmpty()) {
            throw DynamoDbErrors.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        if (!unusedValues.isEmpty()) {
            throw DynamoDbErrors.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }
}
