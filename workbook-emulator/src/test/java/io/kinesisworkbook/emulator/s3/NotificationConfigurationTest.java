package io.kinesisworkbook.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.SdkClients;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.PutBucketNotificationConfigurationRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * PutBucketNotificationConfiguration and GetBucketNotificationConfiguration through the SDK: what
 * S3 keeps and gives back, and S3's errors for what it refuses.
 */
class NotificationConfigurationTest extends S3TestBase {

    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:on-upload";

    /** The body of the last answer, so that a test can see the elements the SDK's exception leaves out. */
    private final AtomicReference<String> lastBody = new AtomicReference<>();
    private S3Client recording;

    @BeforeAll
    void recordingClient() {
        recording = SdkClients.s3(emulator.endpoint(), new ExecutionInterceptor() {
            @Override
            public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                                 ExecutionAttributes attributes) {
                byte[] body = context.responseBody().map(NotificationConfigurationTest::readAll).orElse(new byte[0]);
                lastBody.set(new String(body, StandardCharsets.UTF_8));
                return Optional.of(new ByteArrayInputStream(body));
            }
        });
    }

    @AfterAll
    void closeRecordingClient() {
        recording.close();
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aBucketStartsWithNoNotificationsAndKeepsWhatItIsGiven() {
        String bucket = newBucket();
        GetBucketNotificationConfigurationResponse none = s3.getBucketNotificationConfiguration(b -> b.bucket(bucket));
        assertThat(none.eventBridgeConfiguration()).isNull();
        assertThat(none.lambdaFunctionConfigurations()).isEmpty();

        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).skipDestinationValidation(true)
                .notificationConfiguration(n -> n.eventBridgeConfiguration(e -> { })
                        .lambdaFunctionConfigurations(LambdaFunctionConfiguration.builder().lambdaFunctionArn(FUNCTION)
                                .events(Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED_DELETE)
                                .filter(f -> f.key(k -> k.filterRules(r -> r.name("prefix").value("uploads/"),
                                        r -> r.name("SUFFIX").value(".csv")))).build())
                        .queueConfigurations(q -> q.queueArn("arn:aws:sqs:us-east-1:000000000000:q").events(Event.S3_OBJECT_RESTORE))));

        GetBucketNotificationConfigurationResponse kept = s3.getBucketNotificationConfiguration(b -> b.bucket(bucket));
        assertThat(kept.eventBridgeConfiguration()).isNotNull();
        LambdaFunctionConfiguration function = kept.lambdaFunctionConfigurations().get(0);
        assertThat(function.id()).isNotBlank();
        assertThat(function.lambdaFunctionArn()).isEqualTo(FUNCTION);
        assertThat(function.events()).containsExactly(Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED_DELETE);
        assertThat(function.filter().key().filterRules()).extracting(r -> r.name() + "=" + r.value())
                .containsExactly(FilterRuleName.PREFIX + "=uploads/", FilterRuleName.SUFFIX + "=.csv");
        assertThat(kept.queueConfigurations()).singleElement().satisfies(q -> assertThat(q.events()).containsExactly(Event.S3_OBJECT_RESTORE));

        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> { }));
        assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket(bucket)).eventBridgeConfiguration()).isNull();
    }

    @Test
    void aBucketThatDoesNotExistIsNoSuchBucket() {
        assertThatThrownBy(() -> s3.getBucketNotificationConfiguration(b -> b.bucket("never-made")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified bucket does not exist");
                });
    }

    @Test
    void aFunctionThatDoesNotExistCannotBeValidated() {
        String bucket = newBucket();
        assertRefused(b -> b.bucket(bucket).notificationConfiguration(function(FUNCTION, Event.S3_OBJECT_CREATED)),
                "InvalidArgument", "Unable to validate the following destination configurations",
                "<ArgumentName1>" + FUNCTION + ", null</ArgumentName1><ArgumentValue1>Not authorized to invoke function ["
                        + FUNCTION + "]</ArgumentValue1>");
    }

    @Test
    void queuesAndTopicsDoNotExistInTheEmulator() {
        String bucket = newBucket();
        assertRefused(b -> b.bucket(bucket).notificationConfiguration(n -> n
                        .queueConfigurations(q -> q.queueArn("arn:aws:sqs:us-east-1:000000000000:my-queue").events(Event.S3_OBJECT_CREATED))
                        .topicConfigurations(t -> t.topicArn("arn:aws:sns:us-east-1:000000000000:my-topic").events(Event.S3_OBJECT_REMOVED))),
                "InvalidArgument", "Unable to validate the following destination configurations",
                "<ArgumentName1>arn:aws:sns:us-east-1:000000000000:my-topic</ArgumentName1><ArgumentValue1>The destination "
                        + "topic does not exist</ArgumentValue1><ArgumentName2>arn:aws:sqs:us-east-1:000000000000:my-queue"
                        + "</ArgumentName2><ArgumentValue2>The destination queue does not exist</ArgumentValue2>");
    }

    @Test
    void malformedConfigurationsAreRefusedInS3sWords() {
        String bucket = newBucket();
        assertRefused(b -> b.bucket(bucket).notificationConfiguration(function("invalid-arn", Event.S3_OBJECT_CREATED)),
                "InvalidArgument", "The ARN could not be parsed",
                "<ArgumentName>CloudFunction</ArgumentName><ArgumentValue>invalid-arn</ArgumentValue>");
        assertRefused(b -> b.bucket(bucket).skipDestinationValidation(true)
                        .notificationConfiguration(n -> n.lambdaFunctionConfigurations(c -> c.lambdaFunctionArn(FUNCTION)
                                .eventsWithStrings("s3:ObjectCreated:Everything"))),
                "InvalidArgument", "The event is not supported for notifications",
                "<ArgumentName>Event</ArgumentName><ArgumentValue>s3:ObjectCreated:Everything</ArgumentValue>");
        assertRefused(b -> b.bucket(bucket).skipDestinationValidation(true).notificationConfiguration(n -> n
                        .lambdaFunctionConfigurations(LambdaFunctionConfiguration.builder().lambdaFunctionArn(FUNCTION)
                                .events(Event.S3_OBJECT_CREATED).filter(f -> f.key(k -> k.filterRules(
                                        r -> r.name("contains").value("x")))).build())),
                "InvalidArgument", "filter rule name must be either prefix or suffix",
                "<ArgumentName>FilterRule.Name</ArgumentName><ArgumentValue>contains</ArgumentValue>");
        assertRefused(b -> b.bucket(bucket).skipDestinationValidation(true).notificationConfiguration(n -> n
                        .lambdaFunctionConfigurations(
                                LambdaFunctionConfiguration.builder().lambdaFunctionArn(FUNCTION).events(Event.S3_OBJECT_CREATED).build(),
                                LambdaFunctionConfiguration.builder().lambdaFunctionArn(FUNCTION + "-2")
                                        .events(Event.S3_OBJECT_CREATED_PUT).build())),
                "InvalidArgument", "Configurations overlap. Configurations on the same bucket cannot share a common event type.",
                "<ArgumentName>Event</ArgumentName><ArgumentValue>s3:ObjectCreated:*, s3:ObjectCreated:Put</ArgumentValue>");
        assertRefused(b -> b.bucket(bucket).skipDestinationValidation(true).notificationConfiguration(n -> n
                        .lambdaFunctionConfigurations(
                                LambdaFunctionConfiguration.builder().lambdaFunctionArn(FUNCTION).events(Event.S3_OBJECT_CREATED)
                                        .filter(f -> f.key(k -> k.filterRules(r -> r.name("prefix").value("logs/")))).build(),
                                LambdaFunctionConfiguration.builder().lambdaFunctionArn(FUNCTION + "-2").events(Event.S3_OBJECT_CREATED)
                                        .filter(f -> f.key(k -> k.filterRules(r -> r.name("prefix").value("logs/2026/")))).build())),
                "InvalidArgument", "Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if "
                        + "the prefixes are overlapping for the same event type.", "");
    }

    @Test
    void rulesThatCannotShareAnEventAreAccepted() {
        String bucket = newBucket();
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).skipDestinationValidation(true).notificationConfiguration(n -> n
                .lambdaFunctionConfigurations(
                        LambdaFunctionConfiguration.builder().lambdaFunctionArn(FUNCTION).events(Event.S3_OBJECT_CREATED)
                                .filter(f -> f.key(k -> k.filterRules(r -> r.name("prefix").value("logs/")))).build(),
                        LambdaFunctionConfiguration.builder().lambdaFunctionArn(FUNCTION).events(Event.S3_OBJECT_CREATED)
                                .filter(f -> f.key(k -> k.filterRules(r -> r.name("prefix").value("images/")))).build(),
                        LambdaFunctionConfiguration.builder().lambdaFunctionArn(FUNCTION).events(Event.S3_OBJECT_REMOVED).build())));
        assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket(bucket)).lambdaFunctionConfigurations()).hasSize(3);
    }

    private static Consumer<NotificationConfiguration.Builder> function(String arn, Event event) {
        return n -> n.lambdaFunctionConfigurations(c -> c.lambdaFunctionArn(arn).events(event));
    }

    private void assertRefused(Consumer<PutBucketNotificationConfigurationRequest.Builder> request, String code,
                               String message, String details) {
        assertThatThrownBy(() -> recording.putBucketNotificationConfiguration(request))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                    assertThat(lastBody.get()).contains(details);
                });
    }
}
