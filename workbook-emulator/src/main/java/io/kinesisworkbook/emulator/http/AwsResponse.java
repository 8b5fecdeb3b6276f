package io.kinesisworkbook.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;

/** What a service answers: a structure, or an event stream (SubscribeToShard). */
public sealed interface AwsResponse {

    record Structure(JsonNode body) implements AwsResponse {
    }

    record EventStream(EventStreamSource source) implements AwsResponse {
    }

    static AwsResponse of(JsonNode body) {
        return new Structure(body);
    }
}
