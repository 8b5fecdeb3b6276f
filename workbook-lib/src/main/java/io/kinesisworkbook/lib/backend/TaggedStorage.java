package io.kinesisworkbook.lib.backend;

import io.kinesisworkbook.lib.athena.GlueCatalog;
import io.kinesisworkbook.lib.events.EventRules;
import io.kinesisworkbook.lib.s3.Buckets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The kinds of resource the disaster-recovery pipeline adds to what {@link CleanAws} finds and
 * deletes: EventBridge rules (their targets first), Glue databases (their tables first) and S3
 * buckets (their objects first: Athena's query results and everything the pipeline wrote). The
 * deleting is the pipeline's own helpers' ({@link EventRules}, {@link GlueCatalog}, {@link Buckets}).
 */
final class TaggedStorage {

    private final EventBridgeClient events;
    private final GlueClient glue;
    private final S3Client s3;
    private final String region;
    private final String accountId;

    TaggedStorage(EventBridgeClient events, GlueClient glue, S3Client s3, String region, String accountId) {
        this.events = events;
        this.glue = glue;
        this.s3 = s3;
        this.region = region;
        this.accountId = accountId;
    }

    /** The default event bus's rules whose tags say the workbook created them. */
    List<String> taggedRules() {
        List<Rule> rules = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            ListRulesResponse page = events.listRules(b -> b.nextToken(from));
            rules.addAll(page.rules());
            token = page.nextToken();
        } while (token != null);
        Map<String, String> arns = rules.stream().collect(Collectors.toMap(Rule::name, Rule::arn));
        return CleanAws.ours(arns.keySet().stream().sorted().toList(), name -> events.listTagsForResource(
                b -> b.resourceARN(arns.get(name))).tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value())));
    }

    void deleteRule(String rule) {
        new EventRules(events, s3, () -> null).delete(rule);
    }

    /** Glue databases whose tags say the workbook created them. */
    List<String> taggedDatabases() {
        List<String> names = glue.getDatabasesPaginator(b -> { }).stream()
                .flatMap(page -> page.databaseList().stream()).map(Database::name).toList();
        return CleanAws.ours(names, name -> glue.getTags(b -> b.resourceArn(
                "arn:aws:glue:" + region + ":" + accountId + ":database/" + name)).tags());
    }

    void deleteDatabase(String database) {
        new GlueCatalog(glue).deleteDatabase(database);
    }

    /**
     * Buckets whose tags say the workbook created them. A bucket whose tags cannot be read here
     * (none, another region's, someone else's policy) is not the workbook's to delete.
     */
    List<String> taggedBuckets() {
        List<String> names = s3.listBuckets().buckets().stream().map(b -> b.name()).toList();
        return CleanAws.ours(names, name -> {
            try {
                return s3.getBucketTagging(b -> b.bucket(name)).tagSet().stream()
                        .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
            } catch (S3Exception untaggedOrElsewhere) {
                return Map.of();
            }
        });
    }

    void deleteBucket(String bucket) {
        Buckets.deleteWithObjects(s3, bucket);
    }
}
