package io.kinesisworkbook.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/** Writes one event-stream response, message by message, on the connection's event loop. */
final class EventStreamWriter implements EventStreamSink {

    private final ChannelHandlerContext context;
    private final AwsProtocol protocol;
    private final boolean keepAlive;
    private boolean open = true;

    private EventStreamWriter(ChannelHandlerContext context, AwsProtocol protocol, boolean keepAlive) {
        this.context = context;
        this.protocol = protocol;
        this.keepAlive = keepAlive;
    }

    static void start(ChannelHandlerContext context, FullHttpRequest request, AwsProtocol protocol,
                      String requestId, EventStreamSource source) {
        EventStreamWriter writer = new EventStreamWriter(context, protocol, HttpUtil.isKeepAlive(request));
        context.writeAndFlush(EdgeHandler.streamHeaders(requestId));
        context.channel().closeFuture().addListener(closed -> writer.open = false);
        source.start(writer);
    }

    @Override
    public void event(String eventType, JsonNode payload) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":message-type", "event");
        headers.put(":event-type", eventType);
        headers.put(":content-type", protocol.contentType());
        send(headers, protocol.write(payload));
    }

    @Override
    public void exception(String exceptionType, String message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":message-type", "exception");
        headers.put(":exception-type", exceptionType);
        headers.put(":content-type", protocol.contentType());
        ObjectNode body = newObject().put("message", message);
        send(headers, protocol.write(body));
        complete();
    }

    @Override
    public void complete() {
        if (!open) {
            return;
        }
        open = false;
        var future = context.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public boolean isOpen() {
        return open && context.channel().isActive();
    }

    @Override
    public boolean isWritable() {
        return context.channel().isWritable();
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return context.executor();
    }

    @Override
    public ObjectNode newObject() {
        return protocol.mapper().createObjectNode();
    }

    @Override
    public AwsProtocol protocol() {
        return protocol;
    }

    private void send(Map<String, String> headers, byte[] payload) {
        if (!isOpen()) {
            return;
        }
        context.writeAndFlush(new DefaultHttpContent(EventStreamMessages.encode(context.alloc(), headers, payload)));
    }
}
