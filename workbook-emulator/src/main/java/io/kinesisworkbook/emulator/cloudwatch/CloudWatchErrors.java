package io.kinesisworkbook.emulator.cloudwatch;

import io.kinesisworkbook.emulator.http.AwsServiceException;

/**
 * CloudWatch's errors in its own words. CloudWatch is "query compatible": each error has a shape
 * name for JSON and CBOR ({@code InvalidParameterValueException}) and a code for the query protocol
 * ({@code InvalidParameterValue}), which JSON and CBOR answers repeat in {@code x-amzn-query-error}.
 * Messages name members the query protocol's way ({@code MetricData.member.1.Value}) whatever the
 * protocol, as AWS's do.
 */
final class CloudWatchErrors {

    private CloudWatchErrors() {
    }

    static AwsServiceException invalidParameterValue(String message) {
        return AwsServiceException.queryCompatible("InvalidParameterValueException", "InvalidParameterValue", message, 400);
    }

    /** "The parameter MetricData.member.1.MetricName is required." */
    static AwsServiceException missingParameter(String parameter) {
        return AwsServiceException.queryCompatible("MissingRequiredParameterException", "MissingParameter",
                "The parameter " + parameter + " is required.", 400);
    }

    static AwsServiceException invalidParameterCombination(String message) {
        return AwsServiceException.queryCompatible("InvalidParameterCombinationException", "InvalidParameterCombination",
                message, 400);
    }

    /** "The parameters A and B are mutually exclusive and you have specified both." */
    static AwsServiceException mutuallyExclusive(String first, String second) {
        return invalidParameterCombination("The parameters " + first + " and " + second
                + " are mutually exclusive and you have specified both.");
    }

    /** "The collection MetricData must not have a size greater than 1000." */
    static AwsServiceException tooMany(String collection, int limit) {
        return invalidParameterValue("The collection " + collection + " must not have a size greater than " + limit + ".");
    }

    /** The shape-level checks (lengths, enums, minimums): query code ValidationError. */
    static AwsServiceException validation(String message) {
        return AwsServiceException.queryCompatible("ValidationException", "ValidationError", message, 400);
    }

    /** "1 validation error detected: Value 'X' at 'stateValue' failed to satisfy constraint: ..." */
    static AwsServiceException validation(Object value, String member, String constraint) {
        return validation("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    /** An alarm that does not exist (SetAlarmState, DeleteAlarms): 404 with no message, as AWS answers. */
    static AwsServiceException alarmNotFound(String message) {
        return AwsServiceException.queryCompatible("ResourceNotFound", "ResourceNotFound", message, 404);
    }

    /** A resource named by ARN that does not exist (the tagging operations). */
    static AwsServiceException resourceNotFound(String message) {
        return AwsServiceException.queryCompatible("ResourceNotFoundException", "ResourceNotFoundException", message, 404);
    }

    static AwsServiceException invalidNextToken() {
        return AwsServiceException.queryCompatible("InvalidNextToken", "InvalidNextToken", "The service returned an "
                + "invalid NextToken.", 400);
    }

    static AwsServiceException limitExceeded(String message) {
        return AwsServiceException.queryCompatible("LimitExceededFault", "LimitExceeded", message, 400);
    }

    static AwsServiceException invalidFormat(String message) {
        return AwsServiceException.queryCompatible("InvalidFormatFault", "InvalidFormat", message, 400);
    }
}
