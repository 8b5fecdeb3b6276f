package io.kinesisworkbook.lib.backend;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListStreamsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * {@code ./workbook clean-aws [--yes]}: lists everything the workbook created on AWS (what the
 * {@link CostGuard} tagged: delivery streams, Lambda functions, streams, and DynamoDB tables such as
 * KCL lease tables), asks, and deletes it, so a learner's account stops costing money.
 */
public final class CleanAws {

    private final KinesisClient kinesis;
    private final DynamoDbClient dynamoDb;
    private final FirehoseClient firehose;
    private final LambdaClient lambda;
    private final PrintStream out;

    public CleanAws(KinesisClient kinesis, DynamoDbClient dynamoDb, FirehoseClient firehose, LambdaClient lambda,
                    PrintStream out) {
        this.kinesis = kinesis;
        this.dynamoDb = dynamoDb;
        this.firehose = firehose;
        this.lambda = lambda;
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
        AwsClients clients = new AwsClients(connection);
        try (KinesisClient kinesis = clients.kinesis(); DynamoDbClient dynamoDb = clients.dynamoDb();
             FirehoseClient firehose = clients.configure(FirehoseClient.builder()).build();
             LambdaClient lambda = clients.configure(LambdaClient.builder()).build()) {
            var reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            int deleted = new CleanAws(kinesis, dynamoDb, firehose, lambda, System.out).run(yes, () -> reader.readLine(),
                    connection.region().id());
            System.exit(deleted < 0 ? 1 : 0);
        }
    }

    /** An answer to the question; {@code null} when there is no one to ask. */
    public interface Answer {
        String read() throws Exception;
    }

    /** Lists, asks unless {@code yes}, deletes. Returns how many resources were deleted (-1 if declined). */
    public int run(boolean yes, Answer answer, String region) throws Exception {
        List<String> deliveryStreams = taggedDeliveryStreams();
        List<String> functions = taggedFunctions();
        List<String> streams = taggedStreams();
        List<String> tables = taggedTables();
        int total = deliveryStreams.size() + functions.size() + streams.size() + tables.size();
        if (total == 0) {
            out.println("Nothing to clean: nothing in " + region + " is tagged " + CostGuard.TAG_KEY + "="
                    + CostGuard.TAG_VALUE + ".");
            return 0;
        }
        out.println("The workbook created these in " + region + ":");
        deliveryStreams.forEach(name -> out.println("  delivery stream " + name));
        functions.forEach(name -> out.println("  Lambda function " + name));
        streams.forEach(name -> out.println("  stream " + name));
        tables.forEach(name -> out.println("  DynamoDB table " + name));
        if (!yes) {
            out.print("Delete them (streams with their consumers)? [y/N] ");
            out.flush();
            String reply = answer.read();
            if (reply == null || !reply.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
                out.println("Nothing deleted.");
                return -1;
            }
        }
        // Delivery streams first: they read the streams and run the functions.
        deliveryStreams.forEach(this::deleteDeliveryStream);
        functions.forEach(this::deleteFunction);
        streams.forEach(this::deleteStream);
        tables.forEach(this::deleteTable);
        return total;
    }

    private void deleteDeliveryStream(String name) {
        try {
            firehose.deleteDeliveryStream(b -> b.deliveryStreamName(name));
            out.println("deleted delivery stream " + name);
        } catch (software.amazon.awssdk.services.firehose.model.ResourceNotFoundException alreadyGone) {
            out.println("already gone: " + name);
        } catch (software.amazon.awssdk.services.firehose.model.ResourceInUseException busy) {
            out.println("not deleted now (" + busy.awsErrorDetails().errorMessage() + "): " + name
                    + "; run clean-aws again later");
        }
    }

    private void deleteFunction(String name) {
        try {
            lambda.deleteFunction(b -> b.functionName(name));
            out.println("deleted Lambda function " + name);
        } catch (software.amazon.awssdk.services.lambda.model.ResourceNotFoundException alreadyGone) {
            out.println("already gone: " + name);
        }
    }

    /** Every delivery stream whose tags say the workbook created it. */
    public List<String> taggedDeliveryStreams() {
        List<String> tagged = new ArrayList<>();
        String start = null;
        while (true) {
            String from = start;
            var page = firehose.listDeliveryStreams(b -> b.limit(100).exclusiveStartDeliveryStreamName(from));
            for (String name : page.deliveryStreamNames()) {
                boolean ours = firehose.listTagsForDeliveryStream(b -> b.deliveryStreamName(name)).tags().stream()
                        .anyMatch(t -> CostGuard.TAG_KEY.equals(t.key()) && CostGuard.TAG_VALUE.equals(t.value()));
                if (ours) {
                    tagged.add(name);
                }
            }
            if (!Boolean.TRUE.equals(page.hasMoreDeliveryStreams()) || page.deliveryStreamNames().isEmpty()) {
                return tagged;
            }
            start = page.deliveryStreamNames().get(page.deliveryStreamNames().size() - 1);
        }
    }

    /** Every Lambda function whose tags say the workbook created it. */
    public List<String> taggedFunctions() {
        List<String> tagged = new ArrayList<>();
        for (var function : lambda.listFunctionsPaginator().functions()) {
            Map<String, String> tags = lambda.listTags(b -> b.resource(function.functionArn())).tags();
            if (CostGuard.TAG_VALUE.equals(tags.get(CostGuard.TAG_KEY))) {
                tagged.add(function.functionName());
            }
        }
        return tagged;
    }

    private void deleteStream(String name) {
        try {
            kinesis.deleteStream(b -> b.streamName(name).enforceConsumerDeletion(true));
            out.println("deleted stream " + name);
        } catch (ResourceNotFoundException alreadyGone) {
            out.println("already gone: " + name);
        }
    }

    private void deleteTable(String name) {
        try {
            dynamoDb.deleteTable(b -> b.tableName(name));
            out.println("deleted DynamoDB table " + name);
        } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException alreadyGone) {
            out.println("already gone: " + name);
        } catch (software.amazon.awssdk.services.dynamodb.model.ResourceInUseException busy) {
            out.println("not deleted now (" + busy.awsErrorDetails().errorMessage() + "): " + name + "; run clean-aws again later");
        }
    }

    /** Every DynamoDB table whose tags say the workbook created it. */
    public List<String> taggedTables() {
        List<String> tagged = new ArrayList<>();
        for (String name : dynamoDb.listTablesPaginator().tableNames()) {
            String arn = dynamoDb.describeTable(b -> b.tableName(name)).table().tableArn();
            boolean ours = dynamoDb.listTagsOfResource(b -> b.resourceArn(arn)).tags().stream()
                    .anyMatch(t -> CostGuard.TAG_KEY.equals(t.key()) && CostGuard.TAG_VALUE.equals(t.value()));
            if (ours) {
                tagged.add(name);
            }
        }
        return tagged;
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
