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
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
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
     * As in a notebook kernel: JShell loads the notebook's class path (Flink among it) in a class
     * loader of its own, which the JVM's system class loader does not see, and runs cells on threads
     * whose context loader is the system loader. Flink loaded that way must still run a query (its job
     * manager once read a job's configuration with the system loader: ClassNotFoundException:
     * ExecutionConfig).
     */
    @Test
    void queriesRunWhenFlinkIsLoadedByALoaderTheSystemLoaderDoesNotSee() throws Exception {
        List<URL> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(Path.of(entry).toUri().toURL());
        }
        try (URLClassLoader notebookLoader = new URLClassLoader(classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThat(notebookLoader.loadClass(EmbeddedFlink.class.getName())).isNotSameAs(EmbeddedFlink.class);
            Method cell = notebookLoader.loadClass(NotebookCell.class.getName()).getMethod("countClicks", int.class);
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread cellThread = new Thread(() -> {
                try {
                    outcome.set(cell.invoke(null, 10));
                } catch (ReflectiveOperationException e) {
                    outcome.set(e.getCause());
                }
            }, "cell");
            cellThread.setContextClassLoader(ClassLoader.getSystemClassLoader());
            cellThread.start();
            cellThread.join();
            assertThat(outcome.get()).isEqualTo(10);
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
                    // The emulator's own I/O threads serve the connector's calls: they are the test's, not the cluster's.
                    .filter(t -> !before.contains(t) && t.isAlive() && !t.getName().equals("process reaper")
                            && !t.getName().startsWith("emulator-io-")).toList();
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
