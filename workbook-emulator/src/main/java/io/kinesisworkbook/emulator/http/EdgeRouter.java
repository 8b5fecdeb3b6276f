package io.kinesisworkbook.emulator.http;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the service a request is for, and the region it is signed for: by {@code X-Amz-Target}
 * (AWS JSON and CBOR 1.1), by path ({@code /service/NAME/operation/OP}, Smithy RPC v2 CBOR), by the
 * signing name of a query-protocol form, or else by path among the REST services.
 */
public final class EdgeRouter {

    /** {@code Credential=AKID/20250101/us-east-1/kinesis/aws4_request}: the region, then the signing name. */
    private static final Pattern CREDENTIAL_SCOPE = Pattern.compile("Credential=[^/]*/[^/]*/([^/]+)/([^/]+)/");

    private final Map<String, TargetService> byPrefix = new LinkedHashMap<>();
    private final Map<String, RpcV2CborService> byRpcV2Name = new LinkedHashMap<>();
    private final List<QueryService> queryServices = new java.util.ArrayList<>();
    private final List<RestService> restServices;
    private final String defaultRegion;

    public EdgeRouter(List<TargetService> services, String defaultRegion) {
        this(services, List.of(), defaultRegion);
    }

    /**
     * @param services     the RPC services, found by {@code X-Amz-Target}
     * @param restServices the REST services, asked in this order whether they take a request that
     *                     has no {@code X-Amz-Target}; put a catch-all such as S3 last
     */
    public EdgeRouter(List<TargetService> services, List<RestService> restServices, String defaultRegion) {
        this(services, List.of(), restServices, defaultRegion);
    }

    /**
     * @param services      the RPC services, found by {@code X-Amz-Target}; those that also speak
     *                      Smithy RPC v2 CBOR or the query protocol ({@link RpcV2CborService},
     *                      {@link QueryService}) are found that way too
     * @param queryServices services that speak only the query protocol (STS, IAM)
     * @param restServices  the REST services, asked in order; a catch-all such as S3 goes last
     */
    public EdgeRouter(List<TargetService> services, List<QueryService> queryServices, List<RestService> restServices,
                      String defaultRegion) {
        for (TargetService service : services) {
            byPrefix.put(service.targetPrefix(), service);
            if (service instanceof RpcV2CborService rpcV2) {
                byRpcV2Name.put(rpcV2.rpcV2ServiceName(), rpcV2);
            }
            if (service instanceof QueryService query) {
                this.queryServices.add(query);
            }
        }
        this.queryServices.addAll(queryServices);
        this.restServices = List.copyOf(restServices);
        this.defaultRegion = defaultRegion;
    }

    /** The service a Smithy RPC v2 path names, e.g. {@code GraniteServiceVersion20100801}, or null. */
    public RpcV2CborService rpcV2ServiceFor(String serviceName) {
        return byRpcV2Name.get(serviceName);
    }

    /**
     * The query service a form is for: the one its signature is for, or, when it is not signed
     * for one we know, the one whose API version the form names; null when none.
     */
    public QueryService queryServiceFor(String authorization, String version) {
        String signingName = signingNameOf(authorization);
        for (QueryService service : queryServices) {
            if (service.signingName().equals(signingName)) {
                return service;
            }
        }
        for (QueryService service : queryServices) {
            if (service.queryApiVersion().equals(version)) {
                return service;
            }
        }
        return null;
    }

    public List<QueryService> queryServices() {
        return List.copyOf(queryServices);
    }

    /** The REST service that takes a request, or null when none does. */
    public RestService restServiceFor(RestRequest request) {
        for (RestService service : restServices) {
            if (service.accepts(request)) {
                return service;
            }
        }
        return null;
    }

    public List<RestService> restServices() {
        return restServices;
    }

    /** The service named by a target such as {@code Kinesis_20131202.PutRecord}. */
    public TargetService serviceFor(String target) {
        int dot = target == null ? -1 : target.indexOf('.');
        TargetService service = dot < 0 ? null : byPrefix.get(target.substring(0, dot));
        if (service == null) {
            throw AwsServiceException.unknownOperation(target);
        }
        return service;
    }

    public static String operationOf(String target) {
        return target.substring(target.indexOf('.') + 1);
    }

    public String regionOf(String authorization) {
        if (authorization != null) {
            Matcher matcher = CREDENTIAL_SCOPE.matcher(authorization);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return defaultRegion;
    }

    /** The service a request is signed for ({@code kinesis}, {@code monitoring}), or null when unsigned. */
    public static String signingNameOf(String authorization) {
        if (authorization != null) {
            Matcher matcher = CREDENTIAL_SCOPE.matcher(authorization);
            if (matcher.find()) {
                return matcher.group(2);
            }
        }
        return null;
    }

    public Collection<TargetService> services() {
        return byPrefix.values();
    }
}
