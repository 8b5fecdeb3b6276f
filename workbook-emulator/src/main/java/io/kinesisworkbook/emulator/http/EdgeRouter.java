package io.kinesisworkbook.emulator.http;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the service a request is for, from its {@code X-Amz-Target}, and the region it is signed for. */
public final class EdgeRouter {

    /** {@code Credential=AKID/20250101/us-east-1/kinesis/aws4_request}: the third part is the region. */
    private static final Pattern CREDENTIAL_REGION = Pattern.compile("Credential=[^/]*/[^/]*/([^/]+)/");

    private final Map<String, TargetService> byPrefix = new LinkedHashMap<>();
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
        for (TargetService service : services) {
            byPrefix.put(service.targetPrefix(), service);
        }
        this.restServices = List.copyOf(restServices);
        this.defaultRegion = defaultRegion;
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
            Matcher matcher = CREDENTIAL_REGION.matcher(authorization);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return defaultRegion;
    }

    public Collection<TargetService> services() {
        return byPrefix.values();
    }
}
