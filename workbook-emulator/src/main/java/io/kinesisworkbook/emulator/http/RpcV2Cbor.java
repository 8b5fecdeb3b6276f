package io.kinesisworkbook.emulator.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Smithy RPC v2 CBOR, the protocol newer AWS SDKs speak to services such as CloudWatch: every call
 * is {@code POST /service/SERVICE/operation/OPERATION} with the header {@code smithy-protocol:
 * rpc-v2-cbor} and a CBOR body; answers carry the same header and {@code Content-Type:
 * application/cbor}; errors are a CBOR map with {@code __type} (the error's shape id) and {@code message}.
 *
 * <p>It differs from AWS's older CBOR 1.1 in its address (a path, not {@code X-Amz-Target}) and in
 * timestamps: epoch seconds, integer or floating, under CBOR tag 1 (RFC 8949's epoch date-time).
 */
public final class RpcV2Cbor {

    public static final String PROTOCOL_HEADER = "smithy-protocol";
    public static final String PROTOCOL_NAME = "rpc-v2-cbor";
    /** CBOR's tag for a date-time given as seconds since the epoch. */
    private static final int EPOCH_SECONDS_TAG = 1;
    private static final Pattern PATH = Pattern.compile("/service/([^/]+)/operation/([^/?]+)");

    private RpcV2Cbor() {
    }

    /** The service and operation a request path names, or null when it is not an RPC v2 path. */
    public static Address addressOf(String uri) {
        Matcher matcher = PATH.matcher(uri);
        return matcher.matches() ? new Address(matcher.group(1), matcher.group(2)) : null;
    }

    /** {@code /service/GraniteServiceVersion20100801/operation/PutMetricData}, taken apart. */
    public record Address(String service, String operation) {
    }

    /** A timestamp in a response tree; written as tag 1 and epoch seconds. */
    static JsonNode timestamp(long epochMillis) {
        return JsonNodeFactory.instance.pojoNode(new EpochTimestamp(epochMillis));
    }

    static CBORMapper mapper() {
        SimpleModule timestamps = new SimpleModule("rpc-v2-cbor-timestamps");
        timestamps.addSerializer(EpochTimestamp.class, new EpochTimestampSerializer());
        CBORMapper mapper = new CBORMapper();
        mapper.registerModule(timestamps);
        return mapper;
    }

    private record EpochTimestamp(long epochMillis) {
    }

    private static final class EpochTimestampSerializer extends StdSerializer<EpochTimestamp> {
        EpochTimestampSerializer() {
            super(EpochTimestamp.class);
        }

        @Override
        public void serialize(EpochTimestamp value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            if (generator instanceof CBORGenerator cbor) {
                cbor.writeTag(EPOCH_SECONDS_TAG);
            }
            long millis = value.epochMillis();
            if (Math.floorMod(millis, 1000L) == 0) {
                generator.writeNumber(Math.floorDiv(millis, 1000L));
            } else {
                generator.writeNumber(millis / 1000.0);
            }
        }
    }
}
