package io.kinesisworkbook.emulator.http;

/**
 * A service reached through Smithy RPC v2 CBOR ({@link RpcV2Cbor}) at
 * {@code /service/NAME/operation/OPERATION}, such as CloudWatch
 * ({@code GraniteServiceVersion20100801}), which the AWS SDK for Java 2.x calls this way.
 */
public interface RpcV2CborService {

    /** The service's short name, for health reports. */
    String name();

    /** The service's shape name in the path, e.g. {@code GraniteServiceVersion20100801}. */
    String rpcV2ServiceName();

    /** The namespace of the service's shape ids, e.g. {@code com.amazonaws.cloudwatch}, which errors' {@code __type} carries. */
    String shapeNamespace();

    /** Answers one call, or throws an {@link AwsServiceException}. */
    AwsResponse handle(AwsRequest request);
}
