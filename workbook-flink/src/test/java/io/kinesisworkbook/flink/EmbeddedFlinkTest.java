package io.kinesisworkbook.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.lib.backend.AwsClients;
import io.kinesisworkbook.lib.backend.Backend;
import io.kinesisworkbook.lib.backend.Connection;
import io.kinesisworkbook.lib.data.Click;
import io.kinesisworkbook.lib.data.Clickstream;
import io.kinesisworkbook.lib.producer.Producer;
import io.kinesisworkbook.lib.streams.Streams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** The embedded cluster itself: loopback only, files under its work folder, nothing left after close. */
class EmbeddedFlinkTest {

    @Test
    void closingTheClusterCancelsItsJobsAndLeavesNoThreadBehind() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions())) {
            Connection connection = new Connection(Backend.EMBEDDED, Optional.of(emulator.endpoint()), Region.US_EAST_1,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), Integer.MAX_VALUE);
            KinesisClient kinesis = new AwsClients(connection).kinesis();
            new Streams(kinesis).create("in", 2);
            new Streams(kinesis).create("out", 1);
            try (Producer producer = Producer.to(kinesis, "in").build()) {
                Clickstream.seeded(3).take(50).forEach(producer::send);
            }
            Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
            Path workDir = Path.of("target", "flink-close-test");

            EmbeddedFlink flink = EmbeddedFlink.start(workDir);
            StreamingSql sql = StreamingSql.on(connection, kinesis, flink);
            sql.table("clicks").fromStream("in").columnsOf(Click.class).create();
            sql.table("pages").toStream("out").columns("`page` STRING").withoutEventTime().create();
            Pump pump = sql.pump("copy pages", "INSERT INTO pages SELECT page FROM clicks");
            awaitRunning(pump);
            List<String> listening = listeningAddresses();
            Set<Thread> during = Set.copyOf(Thread.getAllStackTraces().keySet());

            flink.close();

            assertThat(pump.isRunning()).isFalse();
            assertThat(threadsStartedAfter(before)).as("threads the cluster started and left running").isEmpty();
            assertThat(during.size()).as("the cluster did start threads").isGreaterThan(before.size() + 10);
            assertThat(Files.list(workDir).map(p -> p.getFileName().toString())).contains("tmp", "blobs");
            assertThat(listening).as("listening sockets of this JVM").allMatch(a -> a.startsWith("127.0.0.1:") || a.startsWith("[::ffff:127.0.0.1]:"));
            kinesis.close();
        }
    }

    /**
     * A notebook kernel runs cells on threads whose context class loader is the kernel's own, which
     * does not see Flink (the notebook's class path is another loader): the cluster and its queries
     * must not depend on it.
     */
    @Test
    void queriesRunFromAThreadWhoseContextLoaderDoesNotSeeFlink() throws Exception {
        try (FlinkFixture aws = new FlinkFixture(EmulatorOptions.defaults().withInstantTransitions(), "flink-loader-test")) {
            aws.stream("loader", 1);
            aws.put("loader", Clickstream.seeded(4).take(10));
            java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.atomic.AtomicReference<EmbeddedFlink> ownCluster = new java.util.concurrent.atomic.AtomicReference<>();
            Thread cell = new Thread(() -> {
                try {
                    ownCluster.set(EmbeddedFlink.start(Path.of("target", "flink-loader-test-2")));
                    StreamingSql sql = StreamingSql.on(aws.connection, aws.kinesis, ownCluster.get());
                    sql.table("clicks").fromStream("loader").columnsOf(Click.class).create();
                    outcome.set(sql.query("SELECT eventId FROM clicks").until(Until.rows(10).orAfter(Duration.ofSeconds(60))).collect());
                } catch (RuntimeException e) {
                    outcome.set(e);
                }
            }, "cell-with-a-foreign-loader");
            cell.setContextClassLoader(ClassLoader.getPlatformClassLoader());
            cell.start();
            cell.join();
            if (ownCluster.get() != null) {
                ownCluster.get().close();
            }
            assertThat(outcome.get()).isInstanceOf(SqlResult.class);
            assertThat(((SqlResult) outcome.get()).size()).isEqualTo(10);
        }
    }

    private static void awaitRunning(Pump pump) throws InterruptedException {
        for (long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); System.nanoTime() < deadline; Thread.sleep(50)) {
            if (pump.status().equals("RUNNING")) {
                return;
            }
        }
        throw new AssertionError("the pump did not start: " + pump.status());
    }

    /** Threads that were not there before and are still alive a while after close (they may take a moment to end). */
    private static List<String> threadsStartedAfter(Set<Thread> before) throws InterruptedException {
        List<Thread> left = List.of();
        for (int i = 0; i < 100; i++) {
            // "process reaper" is the JDK's, for the ss process this test ran
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive() && !t.getName().equals("process reaper")).toList();
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        return left.stream().map(Thread::getName).sorted().toList();
    }

    /** The local addresses this JVM listens on, from {@code ss}; skipped where it is missing. */
    private static List<String> listeningAddresses() throws Exception {
        Assumptions.assumeTrue(Stream.of("/usr/bin/ss", "/bin/ss", "/usr/sbin/ss").anyMatch(p -> Files.isExecutable(Path.of(p))),
                "ss (iproute2) is missing: cannot list this JVM's listening sockets");
        Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        String pid = "pid=" + ProcessHandle.current().pid() + ",";
        List<String> lines = new String(ss.getInputStream().readAllBytes()).lines().filter(l -> l.contains(pid)).toList();
        ss.waitFor();
        assertThat(lines).as("ss sees this JVM's sockets").isNotEmpty();
        return lines.stream().map(l -> l.trim().split("\\s+")[3]).collect(Collectors.toList());
    }
}
