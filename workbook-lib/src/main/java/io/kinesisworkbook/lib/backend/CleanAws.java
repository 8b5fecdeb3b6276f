package io.kinesisworkbook.lib.backend;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListStreamsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * {@code ./workbook clean-aws [--yes]}: lists everything the workbook created on AWS (what the
 * {@link CostGuard} tagged), asks, and deletes it, so a learner's account stops costing money.
 */
public final class CleanAws {

    private final KinesisClient kinesis;
    private final PrintStream out;

    public CleanAws(KinesisClient kinesis, PrintStream out) {
        this.kinesis = kinesis;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        boolean yes = List.of(args).contains("--yes");
        Connection connection;
        try {
            connection = Backends.connect(Backend.AWS, Settings.current());
        } catch (WorkbookException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        try (KinesisClient kinesis = new AwsClients(connection).kinesis()) {
            var reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            int deleted = new CleanAws(kinesis, System.out).run(yes, () -> reader.readLine(), connection.region().id());
            System.exit(deleted < 0 ? 1 : 0);
        }
    }

    /** An answer to the question; {@code null} when there is no one to ask. */
    public interface Answer {
        String read() throws Exception;
    }

    /** Lists, asks unless {@code yes}, deletes. Returns how many streams were deleted (-1 if declined). */
    public int run(boolean yes, Answer answer, String region) throws Exception {
        List<String> streams = taggedStreams();
        if (streams.isEmpty()) {
            out.println("Nothing to clean: no stream in " + region + " is tagged " + CostGuard.TAG_KEY + "="
                    + CostGuard.TAG_VALUE + ".");
            return 0;
        }
        out.println("The workbook created these streams in " + region + ":");
        streams.forEach(name -> out.println("  " + name));
        if (!yes) {
            out.print("Delete them (and their consumers)? [y/N] ");
            out.flush();
            String reply = answer.read();
            if (reply == null || !reply.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
                out.println("Nothing deleted.");
                return -1;
            }
        }
        for (String name : streams) {
            try {
                kinesis.deleteStream(b -> b.streamName(name).enforceConsumerDeletion(true));
                out.println("deleted " + name);
            } catch (ResourceNotFoundException alreadyGone) {
                out.println("already gone: " + name);
            }
        }
        return streams.size();
    }

    /** Every stream whose tags say the workbook created it. */
    public List<String> taggedStreams() {
        List<String> tagged = new ArrayList<>();
        ListStreamsResponse page = kinesis.listStreams();
        while (true) {
            for (String name : page.streamNames()) {
                boolean ours = kinesis.listTagsForStream(b -> b.streamName(name)).tags().stream()
                        .anyMatch(t -> CostGuard.TAG_KEY.equals(t.key()) && CostGuard.TAG_VALUE.equals(t.value()));
                if (ours) {
                    tagged.add(name);
                }
            }
            if (!Boolean.TRUE.equals(page.hasMoreStreams()) || page.nextToken() == null) {
                return tagged;
            }
            String token = page.nextToken();
            page = kinesis.listStreams(b -> b.nextToken(token));
        }
    }
}
