package io.kinesisworkbook.lib.backend;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * {@code ./workbook clean-aws [--yes]}: lists everything the workbook created on AWS (what the
 * {@link CostGuard} tagged: delivery streams, EventBridge rules, Lambda functions, streams, DynamoDB
 * tables such as KCL lease tables, Glue databases with their tables; the S3 buckets it tagged or
 * named as {@link BucketNames} names them, emptied first, Athena's query results included; the IAM
 * roles it tagged, with their policies), asks, and deletes it, so a learner's account stops costing
 * money. With {@code WORKBOOK_AWS_REHEARSAL_ENDPOINT} set it cleans the rehearsal's emulator instead.
 */
public final class CleanAws implements AutoCloseable {

    private final KinesisClient kinesis;
    private final DynamoDbClient dynamoDb;
    private final FirehoseClient firehose;
    private final LambdaClient lambda;
    private final S3Client s3;
    private final IamClient iam;
    private final EventBridgeClient events;
    private final GlueClient glue;
    private final TaggedStorage storage;
    private final String account;
    private final PrintStream out;

    /** A clean-up with clients of its own for {@code clients}' backend; close it to close them. */
    public CleanAws(AwsClients clients, PrintStream out) {
        this.kinesis = clients.kinesis();
        this.dynamoDb = clients.dynamoDb();
        this.firehose = clients.firehose();
        this.lambda = clients.lambda();
        this.s3 = clients.s3();
        this.iam = clients.iam();
        this.account = clients.account();
        this.events = clients.configure(EventBridgeClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())).build();
        this.glue = clients.configure(GlueClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())).build();
        this.storage = new TaggedStorage(events, glue, s3, clients.connection().region().id(), account);
        this.out = out;
    }

    @Override
    public void close() {
        kinesis.close();
        dynamoDb.close();
        firehose.close();
        lambda.close();
        s3.close();
        iam.close();
        events.close();
        glue.close();
    }

    static final String USAGE = """
            usage: workbook clean-aws [--yes]
              lists what the workbook created on AWS (tagged %s=%s), asks, and deletes it
              --yes   delete without asking""".formatted(CostGuard.TAG_KEY, CostGuard.TAG_VALUE);

    public static void main(String[] args) throws Exception {
        boolean yes = false;
        for (String arg : args) {
            switch (arg) {
                case "--yes" -> yes = true;
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> {
                    // A typo must not be taken for a yes or a no: refuse it before anything is listed.
                    System.err.println("workbook clean-aws: unknown option: " + arg);
                    System.err.println(USAGE);
                    System.exit(2);
                    return;
                }
            }
        }
        Connection connection;
        try {
            connection = Backends.connect(Backend.AWS, Settings.current());
        } catch (WorkbookException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("clean-aws on " + connection.describe());
        var reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int deleted;
        try (CleanAws clean = new CleanAws(new AwsClients(connection), System.out)) {
            deleted = clean.run(yes, () -> reader.readLine(), connection.region().id());
        }
        System.exit(deleted < 0 ? 1 : 0);
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
        List<String> rules = storage.taggedRules();
        List<String> databases = storage.taggedDatabases();
        List<String> buckets = java.util.stream.Stream.concat(ourBuckets(region).stream(), storage.taggedBuckets().stream())
                .distinct().sorted().toList();
        List<String> roles = taggedRoles();
        int total = deliveryStreams.size() + functions.size() + streams.size() + tables.size() + rules.size()
                + databases.size() + buckets.size() + roles.size();
        if (total == 0) {
            out.println("Nothing to clean: nothing in " + region + " is tagged " + CostGuard.TAG_KEY + "="
                    + CostGuard.TAG_VALUE + ", no bucket is named workbook-...-" + account + "-" + region
                    + ", and no IAM role is tagged.");
            return 0;
        }
        out.println("The workbook created these in " + region + ":");
        deliveryStreams.forEach(name -> out.println("  delivery stream " + name));
        functions.forEach(name -> out.println("  Lambda function " + name));
        streams.forEach(name -> out.println("  stream " + name));
        tables.forEach(name -> out.println("  DynamoDB table " + name));
        rules.forEach(name -> out.println("  EventBridge rule " + name));
        databases.forEach(name -> out.println("  Glue database " + name + " (with its tables)"));
        buckets.forEach(name -> out.println("  S3 bucket " + name + " (with every object in it)"));
        roles.forEach(name -> out.println("  IAM role " + name + " (global: the workbook recreates it when it needs it)"));
        if (!yes) {
            out.print("Delete them (streams with their consumers, buckets with their objects)? [y/N] ");
            out.flush();
            String reply = answer.read();
            if (reply == null || !reply.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
                out.println("Nothing deleted.");
                return -1;
            }
        }
        // Delivery streams and rules first: they read the streams, run the functions, write the buckets.
        deliveryStreams.forEach(name -> delete("delivery stream", name,
                () -> firehose.deleteDeliveryStream(b -> b.deliveryStreamName(name))));
        rules.forEach(name -> delete("EventBridge rule", name, () -> storage.deleteRule(name)));
        functions.forEach(name -> delete("Lambda function", name, () -> lambda.deleteFunction(b -> b.functionName(name))));
        streams.forEach(name -> delete("stream", name,
                () -> kinesis.deleteStream(b -> b.streamName(name).enforceConsumerDeletion(true))));
        tables.forEach(name -> delete("DynamoDB table", name, () -> dynamoDb.deleteTable(b -> b.tableName(name))));
        databases.forEach(name -> delete("Glue database", name, () -> storage.deleteDatabase(name)));
        buckets.forEach(name -> delete("S3 bucket", name, () -> storage.deleteBucket(name)));
        // Roles last: what used them is gone.
        roles.forEach(name -> delete("IAM role", name, () -> deleteRole(name)));
        return total;
    }

    /** IAM deletes only a role without policies: its inline policies go first. */
    private void deleteRole(String role) {
        for (String policy : iam.listRolePoliciesPaginator(b -> b.roleName(role)).policyNames()) {
            iam.deleteRolePolicy(b -> b.roleName(role).policyName(policy));
        }
        iam.deleteRole(b -> b.roleName(role));
    }

    /**
     * Deletes one resource and says so. A missing resource (ResourceNotFoundException, S3's
     * NoSuchBucket, IAM's NoSuchEntity) and a busy one (ResourceInUseException) do not stop the clean-up.
     */
    private void delete(String kind, String name, Runnable deletion) {
        try {
            deletion.run();
            out.println("deleted " + kind + " " + name);
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails().errorCode();
            if (Set.of("ResourceNotFoundException", "NoSuchBucket", "NoSuchEntity", "EntityNotFoundException").contains(code)) {
                out.println("already gone: " + kind + " " + name);
            } else if ("ResourceInUseException".equals(code)) {
                out.println("not deleted now (" + e.awsErrorDetails().errorMessage() + "): " + kind + " " + name
                        + "; run clean-aws again later");
            } else {
                throw e;
            }
        }
    }

    /** Every delivery stream whose tags say the workbook created it. */
    public List<String> taggedDeliveryStreams() {
        List<String> names = new ArrayList<>();
        boolean more = true;
        while (more) {
            String from = names.isEmpty() ? null : names.get(names.size() - 1);
            var page = firehose.listDeliveryStreams(b -> b.limit(100).exclusiveStartDeliveryStreamName(from));
            names.addAll(page.deliveryStreamNames());
            more = Boolean.TRUE.equals(page.hasMoreDeliveryStreams()) && !page.deliveryStreamNames().isEmpty();
        }
        return ours(names, name -> firehose.listTagsForDeliveryStream(b -> b.deliveryStreamName(name)).tags().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value())));
    }

    /** Every Lambda function whose tags say the workbook created it. */
    public List<String> taggedFunctions() {
        Map<String, String> arns = new LinkedHashMap<>();
        lambda.listFunctionsPaginator().functions().forEach(f -> arns.put(f.functionName(), f.functionArn()));
        return ours(arns.keySet(), name -> lambda.listTags(b -> b.resource(arns.get(name))).tags());
    }

    /** Every stream whose tags say the workbook created it. */
    public List<String> taggedStreams() {
        return ours(kinesis.listStreamsPaginator().streamNames(), name -> kinesis.listTagsForStream(b -> b.streamName(name))
                .tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value())));
    }

    /** Every DynamoDB table whose tags say the workbook created it. */
    public List<String> taggedTables() {
        return ours(dynamoDb.listTablesPaginator().tableNames(), name -> {
            String arn = dynamoDb.describeTable(b -> b.tableName(name)).table().tableArn();
            return dynamoDb.listTagsOfResource(b -> b.resourceArn(arn)).tags().stream()
                    .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
        });
    }

    /** Every S3 bucket named as the workbook names its buckets in this account and region ({@link BucketNames}). */
    public List<String> ourBuckets(String region) {
        return s3.listBuckets().buckets().stream().map(Bucket::name)
                .filter(name -> BucketNames.isOurs(name, account, region)).toList();
    }

    /** Every IAM role whose tags say the workbook created it (the roles Lambda and Firehose act as). */
    public List<String> taggedRoles() {
        List<String> names = new ArrayList<>();
        iam.listRolesPaginator().roles().forEach(role -> names.add(role.roleName()));
        return ours(names, name -> iam.listRoleTagsPaginator(b -> b.roleName(name)).tags().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value())));
    }

    /** The names whose tags carry the cost guard's tag. */
    static List<String> ours(Iterable<String> names, Function<String, Map<String, String>> tagsOf) {
        List<String> ours = new ArrayList<>();
        for (String name : names) {
            if (CostGuard.TAG_VALUE.equals(tagsOf.apply(name).get(CostGuard.TAG_KEY))) {
                ours.add(name);
            }
        }
        return ours;
    }
}
