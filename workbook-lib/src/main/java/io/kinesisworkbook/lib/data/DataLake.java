package io.kinesisworkbook.lib.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder that stands in for S3 in a batch pipeline, the way data landed before streaming:
 * producers append lines to the current file; every {@code rollEvery} (an hour in real life, a
 * second here) that file is closed and lands in the folder, where a batch job finds it on its next
 * run. A batch job {@linkplain #takeNewLines() takes} each landed file once.
 *
 * <pre>{@code
 * DataLake lake = DataLake.inTempFolder("clicks", Duration.ofSeconds(1));
 * lake.append(json);                         // from the producer
 * List<String> lines = lake.takeNewLines();  // from the batch job, on its schedule
 * }</pre>
 *
 * <p>A file lands whole: it is written under a temporary name and then renamed, so the batch job
 * never reads half a file. Appending and taking may happen on different threads.
 */
public final class DataLake implements AutoCloseable {

    private static final String LANDED = ".jsonl";

    private final Path folder;
    private final long rollEveryNanos;
    private final List<String> current = new ArrayList<>();
    private final Set<Path> taken = new HashSet<>();
    private long currentStartedNanos;
    private int landed;

    private DataLake(Path folder, Duration rollEvery) {
        this.folder = folder;
        this.rollEveryNanos = rollEvery.toNanos();
    }

    /** A new, empty lake in a temporary folder whose files land every {@code rollEvery}. */
    public static DataLake inTempFolder(String prefix, Duration rollEvery) {
        if (rollEvery.isNegative() || rollEvery.isZero()) {
            throw new IllegalArgumentException("rollEvery must be positive, got " + rollEvery);
        }
        try {
            return new DataLake(Files.createTempDirectory(prefix), rollEvery);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary folder for the data lake", e);
        }
    }

    /** Adds a line to the current file; lands the current file first if it is {@code rollEvery} old. */
    public synchronized void append(String line) {
        long now = System.nanoTime();
        if (!current.isEmpty() && now - currentStartedNanos >= rollEveryNanos) {
            roll();
        }
        if (current.isEmpty()) {
            currentStartedNanos = now;
        }
        current.add(line);
    }

    /** Lands the current file now, if it has any lines. */
    public synchronized void roll() {
        if (current.isEmpty()) {
            return;
        }
        landed++;
        Path file = folder.resolve(String.format("part-%05d%s", landed, LANDED));
        Path writing = folder.resolve(file.getFileName() + ".writing");
        try {
            Files.write(writing, current);
            Files.move(writing, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not land " + file, e);
        }
        current.clear();
    }

    /** Every line of the files that landed since the last call, oldest file first. */
    public List<String> takeNewLines() {
        List<String> lines = new ArrayList<>();
        for (Path file : landedFiles()) {
            synchronized (taken) {
                if (!taken.add(file)) {
                    continue;
                }
            }
            try {
                lines.addAll(Files.readAllLines(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + file, e);
            }
        }
        return lines;
    }

    /** How many files have landed so far. */
    public synchronized int filesLanded() {
        return landed;
    }

    public Path folder() {
        return folder;
    }

    /** Lands the last, partial file, as a producer does when it stops. */
    @Override
    public void close() {
        roll();
    }

    /** Removes the folder and everything in it. */
    public void delete() {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + folder, e);
        }
    }

    private List<Path> landedFiles() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(LANDED)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + folder, e);
        }
    }
}
