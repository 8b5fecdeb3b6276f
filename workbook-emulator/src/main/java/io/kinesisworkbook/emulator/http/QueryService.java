package io.kinesisworkbook.emulator.http;

/**
 * A service reached through AWS's query protocol ({@link QueryProtocol}): a form with an
 * {@code Action}, routed by the signing name in the request's credential scope
 * ({@code Credential=AKID/20260101/us-east-1/monitoring/aws4_request}), or, when a request is not
 * signed, by the form's {@code Version}. CloudWatch speaks it today; STS and IAM speak nothing else.
 */
public interface QueryService {

    /** The service's short name, for health reports. */
    String name();

    /** The name requests are signed for, e.g. {@code monitoring} for CloudWatch. */
    String signingName();

    /** The API version forms name, e.g. {@code 2010-08-01}. */
    String queryApiVersion();

    /** The namespace of the service's XML answers, e.g. {@code http://monitoring.amazonaws.com/doc/2010-08-01/}. */
    String xmlNamespace();

    /**
     * Answers one call ({@code operation} is the form's {@code Action}), or throws an
     * {@link AwsServiceException}; unknown actions are {@link AwsServiceException#invalidAction}.
     */
    AwsResponse handle(AwsRequest request);
}
