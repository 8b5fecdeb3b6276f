package io.kinesisworkbook.emulator.http;

/** Produces the events of one streamed response, such as a SubscribeToShard subscription. */
@FunctionalInterface
public interface EventStreamSource {

    /** Called on the connection's event loop once the response headers are on their way. */
    void start(EventStreamSink sink);
}
