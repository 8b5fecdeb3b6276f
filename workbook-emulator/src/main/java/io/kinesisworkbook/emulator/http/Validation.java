package io.kinesisworkbook.emulator.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects constraint violations of a request and reports them all at once, in the words AWS
 * uses: {@code 1 validation error detected: Value 'x' at 'streamName' failed to satisfy
 * constraint: Member must ...}.
 */
public final class Validation {

    private final List<String> violations = new ArrayList<>();

    public Validation notNull(Object value, String member) {
        if (value == null) {
            violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    public Validation length(String value, String member, int min, int max) {
        if (value != null) {
            int length = value.codePointCount(0, value.length());
            checkLength(length, "'" + value + "'", member, min, max);
        }
        return this;
    }

    public Validation length(byte[] value, String member, int min, int max) {
        if (value != null) {
            checkLength(value.length, "'java.nio.HeapByteBuffer[pos=0 lim=" + value.length + " cap=" + value.length + "]'",
                    member, min, max);
        }
        return this;
    }

    public Validation size(List<?> value, String member, int min, int max) {
        if (value != null) {
            checkLength(value.size(), "'[" + value.size() + " elements]'", member, min, max);
        }
        return this;
    }

    public Validation pattern(String value, String member, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            violations.add("Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return this;
    }

    public Validation range(Integer value, String member, long min, long max) {
        if (value != null) {
            if (value < min) {
                violations.add("Value '" + value + "' at '" + member
                        + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
            } else if (value > max) {
                violations.add("Value '" + value + "' at '" + member
                        + "' failed to satisfy constraint: Member must have value less than or equal to " + max);
            }
        }
        return this;
    }

    public Validation oneOf(String value, String member, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            violations.add("Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
        }
        return this;
    }

    public void throwIfAny() {
        if (violations.isEmpty()) {
            return;
        }
        String count = violations.size() == 1 ? "1 validation error" : violations.size() + " validation errors";
        throw AwsServiceException.clientError("ValidationException",
                count + " detected: " + String.join("; ", violations));
    }

    private void checkLength(int length, String shown, String member, int min, int max) {
        if (length < min) {
            violations.add("Value " + shown + " at '" + member
                    + "' failed to satisfy constraint: Member must have length greater than or equal to " + min);
        } else if (length > max) {
            violations.add("Value " + shown + " at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
    }
}
