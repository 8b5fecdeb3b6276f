package io.kinesisworkbook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Header;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZContext;
import org.rapaio.org.zeromq.ZMQ;

/**
 * A request that reaches the kernel while it connects is answered, not dropped: what classic
 * Notebook 6 needs, which sends its kernel_info_request once. The kernel is made slow exactly where
 * rapaio's {@code Channels.connect} is: after the sockets are bound and the loops started, before
 * the handlers exist. The request arrives in that gap.
 */
class KernelRunnerTest {

    private static final int REPLY_TIMEOUT_MILLIS = 15_000;
    /** Long enough for the shell loop, which polls its socket every 50 ms, to see the request. */
    private static final long GAP_MILLIS = 500;

    @Test
    void aRequestThatComesBeforeTheHandlersIsAnsweredOnceTheyExist() throws Exception {
        ConnectionProperties connection = new ConnectionProperties(JupyterTools.freePort(), JupyterTools.freePort(), "tcp",
                "hmac-sha256", JupyterTools.freePort(), JupyterTools.freePort(), "127.0.0.1", JupyterTools.freePort(),
                UUID.randomUUID().toString());
        Channels channels = new Channels(connection);
        // The kernel's loops can die as they start (LoopGuard's race): guard them here as KernelMain does.
        LoopGuard.startWatching(() -> channels);
        try (ZContext context = new ZContext()) {
            ZMQ.Socket jupyter = context.createSocket(SocketType.DEALER);
            jupyter.setReceiveTimeOut(REPLY_TIMEOUT_MILLIS);
            jupyter.connect(connection.formatAddress(connection.shellPort()));
            HMACDigest signer = connection.createHMACDigest();
            RapaioKernel kernel = new RapaioKernel() {
                @Override
                public void registerChannels(Channels registered) {
                    super.registerChannels(registered);
                    sendKernelInfoRequest(jupyter, signer);
                    sleep(GAP_MILLIS);
                }
            };

            KernelRunner.connectHoldingEarlyRequests(channels, kernel);

            assertThat(replyType(jupyter)).as("the reply to the kernel_info_request sent before the handlers existed")
                    .isEqualTo("kernel_info_reply");
        } finally {
            channels.markForShutdown();
            channels.close();
        }
    }

    /** A kernel_info_request as Jupyter's wire protocol frames it (a DEALER adds no identity). */
    private static void sendKernelInfoRequest(ZMQ.Socket socket, HMACDigest signer) {
        byte[] header = """
                {"msg_id": "%s", "username": "test", "session": "%s", "date": "%s", "msg_type": "kernel_info_request", "version": "5.3"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), Instant.now()).getBytes(StandardCharsets.UTF_8);
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        socket.sendMore(Transform.IDENTITY_DELIMITER);
        socket.sendMore(signer.computeSignature(header, empty, empty, empty));
        socket.sendMore(header);
        socket.sendMore(empty);
        socket.sendMore(empty);
        socket.send(empty);
    }

    /** The msg_type of the next message on the socket, or null if none came in time. */
    private static String replyType(ZMQ.Socket socket) {
        List<byte[]> frames = new ArrayList<>();
        do {
            byte[] frame = socket.recv();
            if (frame == null) {
                return null;
            }
            frames.add(frame);
        } while (socket.hasReceiveMore());
        int delimiter = 0;
        while (!Transform.equalsIdentityDelimiter(frames.get(delimiter))) {
            delimiter++;
        }
        return Transform.fromJson(frames.get(delimiter + 2), Header.class).type().name();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
