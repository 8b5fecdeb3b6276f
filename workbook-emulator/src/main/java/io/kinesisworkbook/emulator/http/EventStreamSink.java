package io.kinesisworkbook.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ScheduledExecutorService;

/** Where an {@link EventStreamSource} writes its events; all calls come from {@link #scheduler()}. */
public interface EventStreamSink {

    /** Sends one event ({@code :message-type event}) whose payload is encoded like the request. */
    void event(String eventType, JsonNode payload);

    /** Sends an exception event ({@code :message-type exception}) and ends the stream. */
    void exception(String exceptionType, String message);

    /** Ends the stream normally. */
    void complete();

    /** False once the stream ended or the client went away. */
    boolean isOpen();

    /** True while the connection can take more bytes without buffering: send more only then. */
    boolean isWritable();

    /** The connection's own executor: schedule the next event here. */
    ScheduledExecutorService scheduler();

    /** A new, empty payload structure in the request's encoding. */
    com.fasterxml.jackson.databind.node.ObjectNode newObject();

    AwsProtocol protocol();
}
