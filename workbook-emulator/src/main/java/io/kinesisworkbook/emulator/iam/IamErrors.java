package io.kinesisworkbook.emulator.iam;

import io.kinesisworkbook.emulator.http.AwsServiceException;

/** IAM's errors in its own words (its API reference's error lists), with AWS's HTTP statuses. */
final class IamErrors {

    private IamErrors() {
    }

    /** "The role with name kinesis-workbook-lambda cannot be found." (404) */
    static AwsServiceException noSuchRole(String roleName) {
        return new AwsServiceException("NoSuchEntity", "The role with name " + roleName + " cannot be found.", 404);
    }

    /** "The role policy with name X cannot be found." (404) */
    static AwsServiceException noSuchRolePolicy(String policyName) {
        return new AwsServiceException("NoSuchEntity", "The role policy with name " + policyName + " cannot be found.", 404);
    }

    /** "Role with name X already exists." (409) */
    static AwsServiceException roleExists(String roleName) {
        return new AwsServiceException("EntityAlreadyExists", "Role with name " + roleName + " already exists.", 409);
    }

    /** A role that still has inline policies cannot be deleted. (409) */
    static AwsServiceException mustDeletePoliciesFirst() {
        return new AwsServiceException("DeleteConflict", "Cannot delete entity, must delete policies first.", 409);
    }

    /** "This policy contains invalid Json" (400) */
    static AwsServiceException malformedPolicy() {
        return AwsServiceException.clientError("MalformedPolicyDocument", "This policy contains invalid Json");
    }

    /** "1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null" */
    static AwsServiceException missing(String member) {
        return AwsServiceException.clientError("ValidationError", "1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }

    /** "1 validation error detected: Value 'x y' at 'roleName' failed to satisfy constraint: ..." */
    static AwsServiceException invalid(String value, String member, String constraint) {
        return AwsServiceException.clientError("ValidationError", "1 validation error detected: Value '" + value + "' at '"
                + member + "' failed to satisfy constraint: " + constraint);
    }
}
