package io.kinesisworkbook.emulator.s3;

import io.kinesisworkbook.emulator.http.RestRequest;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which REST requests are S3's, and where their bucket is. S3 is the edge's catch-all: a request
 * with no {@code X-Amz-Target} that no other REST service took is S3's, unless it plainly belongs
 * to another AWS API.
 */
final class S3Routing {

    /**
     * AWS's other REST APIs put their version first ({@code /2015-03-31/functions} for Lambda);
     * S3's paths start with a bucket, and bucket names cannot look like that (they are 3 to 63
     * characters of lower-case letters, digits, dots and hyphens, but {@code 2015-03-31} would be a
     * legal one; no such bucket can be reached here, see the README).
     */
    private static final Pattern API_VERSION_PREFIX = Pattern.compile("^/20\\d\\d-\\d\\d-\\d\\d(/|$)");

    /** The emulator's own endpoints, such as {@code /_workbook/health}. */
    private static final String EMULATOR_PREFIX = "/_workbook/";

    /** {@code my-bucket.localhost:4566}: virtual-hosted-style addressing against the emulator. */
    private static final Pattern VIRTUAL_HOST = Pattern.compile("^([a-z0-9][a-z0-9.-]*[a-z0-9])\\.localhost(:\\d+)?$");

    private S3Routing() {
    }

    static boolean isS3(RestRequest request) {
        String path = request.rawPath();
        if (API_VERSION_PREFIX.matcher(path).find() || path.startsWith(EMULATOR_PREFIX)) {
            return false;
        }
        // A JSON or CBOR RPC call that lost its X-Amz-Target is not S3's (S3 never sends those
        // types): the edge answers it UnknownOperationException, as AWS does.
        String contentType = request.header("content-type");
        return contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-amz-");
    }

    /**
     * The request's path and query in path style, as S3Proxy is given them: unchanged, or with the
     * bucket of a virtual-hosted-style {@code Host} put in front of the path.
     */
    static String pathStyleTarget(RestRequest request) {
        String bucket = virtualHostBucket(request.header("host"));
        return bucket == null ? request.uri() : "/" + bucket + request.uri();
    }

    /** The bucket named by a {@code Host} such as {@code my-bucket.localhost:4566}, or null. */
    static String virtualHostBucket(String host) {
        if (host == null) {
            return null;
        }
        Matcher matcher = VIRTUAL_HOST.matcher(host.toLowerCase(Locale.ROOT));
        return matcher.matches() ? matcher.group(1) : null;
    }
}
