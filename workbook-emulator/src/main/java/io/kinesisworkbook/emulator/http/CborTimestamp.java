package io.kinesisworkbook.emulator.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.IOException;

/**
 * A timestamp as AWS writes it in CBOR: tag 1 (epoch-based date/time) around an integer count of
 * epoch <em>milliseconds</em>. RFC 8949 says tag 1 holds seconds; AWS and its Java SDKs (v1 and v2,
 * so KCL and the Flink connector) use milliseconds, and the SDKs read only an integer there. A generic
 * CBOR decoder still sees the tag and knows the value is a time; without it, only a number.
 *
 * <p>Jackson's tree has no tagged values, so the tree holds this object and it writes itself.
 */
final class CborTimestamp implements JsonSerializable {

    /** CBOR's tag for an epoch-based date/time. */
    static final int EPOCH_DATE_TIME_TAG = 1;

    private final long epochMillis;

    CborTimestamp(long epochMillis) {
        this.epochMillis = epochMillis;
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider serializers) throws IOException {
        if (generator instanceof CBORGenerator cbor) {
            cbor.writeTag(EPOCH_DATE_TIME_TAG);
        }
        generator.writeNumber(epochMillis);
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializerProvider serializers, TypeSerializer types)
            throws IOException {
        serialize(generator, serializers);
    }

    @Override
    public String toString() {
        return "CborTimestamp[" + epochMillis + "]";
    }
}
