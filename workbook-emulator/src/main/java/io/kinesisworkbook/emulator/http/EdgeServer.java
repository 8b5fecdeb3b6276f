package io.kinesisworkbook.emulator.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The emulator's single HTTP port, like LocalStack's and Floci's 4566. It speaks HTTP/1.1 and
 * HTTP/2 cleartext (prior knowledge, as the AWS SDK's Netty client uses it, and the h2c upgrade),
 * because SubscribeToShard's event stream is read over HTTP/2 by default.
 */
public final class EdgeServer implements AutoCloseable {

    /** Large enough for a PutRecord of a 10 MiB record, base64-encoded, with room to spare. */
    static final int MAX_REQUEST_BYTES = 32 * 1024 * 1024;

    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final Channel serverChannel;

    private EdgeServer(EventLoopGroup acceptor, EventLoopGroup workers, Channel serverChannel) {
        this.acceptor = acceptor;
        this.workers = workers;
        this.serverChannel = serverChannel;
    }

    public static EdgeServer start(String host, int port, EdgeRouter router) {
        EventLoopGroup acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("emulator-accept", true));
        EventLoopGroup workers = new NioEventLoopGroup(0, new DefaultThreadFactory("emulator-io", true));
        try {
            Channel channel = new ServerBootstrap()
                    .group(acceptor, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ConnectionInitializer(router))
                    .bind(host, port)
                    .syncUninterruptibly()
                    .channel();
            return new EdgeServer(acceptor, workers, channel);
        } catch (RuntimeException e) {
            acceptor.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public String host() {
        return ((InetSocketAddress) serverChannel.localAddress()).getHostString();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Each connection starts as HTTP/1.1 and becomes HTTP/2 on a prior-knowledge preface or an upgrade. */
    private static final class ConnectionInitializer extends ChannelInitializer<SocketChannel> {
        private final EdgeRouter router;

        ConnectionInitializer(EdgeRouter router) {
            this.router = router;
        }

        @Override
        protected void initChannel(SocketChannel channel) {
            HttpServerCodec http1 = new HttpServerCodec();
            HttpServerUpgradeHandler upgrade = new HttpServerUpgradeHandler(http1, protocol ->
                    AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)
                            ? new Http2ServerUpgradeCodec(Http2FrameCodecBuilder.forServer().build(), http2Streams())
                            : null, MAX_REQUEST_BYTES);
            ChannelPipeline pipeline = channel.pipeline();
            pipeline.addLast(new CleartextHttp2ServerUpgradeHandler(http1, upgrade, new PriorKnowledgeHttp2()));
            pipeline.addLast(new PlainHttp1());
        }

        private Http2MultiplexHandler http2Streams() {
            return new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel stream) {
                    stream.pipeline().addLast(
                            new Http2StreamFrameToHttpObjectCodec(true),
                            new HttpObjectAggregator(MAX_REQUEST_BYTES),
                            new EdgeHandler(router));
                }
            });
        }

        /** A client that starts with the HTTP/2 preface: frame codec and one child channel a stream. */
        private final class PriorKnowledgeHttp2 extends ChannelInitializer<Channel> {
            @Override
            protected void initChannel(Channel channel) {
                ChannelPipeline pipeline = channel.pipeline();
                String self = pipeline.context(this).name();
                // The multiplexer looks for the frame codec when it is added: the codec goes in first.
                Http2FrameCodec codec = Http2FrameCodecBuilder.forServer().build();
                pipeline.addAfter(self, null, codec);
                pipeline.addAfter(pipeline.context(codec).name(), null, http2Streams());
            }
        }

        /** Reached by the first request of a connection that stays on HTTP/1.1. */
        private final class PlainHttp1 extends SimpleChannelInboundHandler<HttpMessage> {
            @Override
            protected void channelRead0(ChannelHandlerContext context, HttpMessage message) {
                ChannelPipeline pipeline = context.pipeline();
                pipeline.addAfter(context.name(), null, new EdgeHandler(router));
                pipeline.addAfter(context.name(), null, new HttpObjectAggregator(MAX_REQUEST_BYTES));
                pipeline.addAfter(context.name(), null, new HttpServerKeepAliveHandler());
                pipeline.remove(this);
                context.fireChannelRead(ReferenceCountUtil.retain(message));
            }
        }
    }
}
