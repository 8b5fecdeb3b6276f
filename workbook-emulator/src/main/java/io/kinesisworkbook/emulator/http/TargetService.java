package io.kinesisworkbook.emulator.http;

/**
 * A service reached through {@code X-Amz-Target: <prefix>.<Operation>} (AWS's JSON and CBOR RPC
 * protocols), such as Kinesis ({@code Kinesis_20131202}).
 */
public interface TargetService {

    /** The part of {@code X-Amz-Target} before the dot. */
    String targetPrefix();

    /** The service's short name, as in a signature's credential scope and in health reports. */
    String name();

    /** Answers one call, or throws an {@link AwsServiceException} in AWS's shape. */
    AwsResponse handle(AwsRequest request);
}
