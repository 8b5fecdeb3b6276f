package io.kinesisworkbook.emulator.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;

/** IAM roles and STS GetCallerIdentity through the AWS SDK for Java (query protocol, XML answers). */
class IamServiceTest {

    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private Emulator emulator;
    private IamClient iam;
    private StsClient sts;

    @BeforeEach
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("workbook", "workbook"));
        iam = IamClient.builder().endpointOverride(emulator.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials).build();
        sts = StsClient.builder().endpointOverride(emulator.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(credentials).build();
    }

    @AfterEach
    void stop() {
        iam.close();
        sts.close();
        emulator.close();
    }

    @Test
    void theCallerIsTheEmulatorsAccount() {
        var identity = sts.getCallerIdentity();
        assertThat(identity.account()).isEqualTo(emulator.options().accountId());
        assertThat(identity.arn()).isEqualTo("arn:aws:iam::" + emulator.options().accountId() + ":root");
    }

    @Test
    void aRoleIsCreatedTaggedGivenAPolicyAndFoundAgain() {
        Role created = iam.createRole(b -> b.roleName("kinesis-workbook-lambda").assumeRolePolicyDocument(TRUST)
                .tags(Tag.builder().key("created-by").value("kinesis-workbook").build())).role();
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + emulator.options().accountId() + ":role/kinesis-workbook-lambda");
        assertThat(created.roleId()).startsWith("AROA").hasSize(21);
        assertThat(created.createDate()).isNotNull();
        iam.putRolePolicy(b -> b.roleName("kinesis-workbook-lambda").policyName("logs")
                .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}"));

        Role got = iam.getRole(b -> b.roleName("kinesis-workbook-lambda")).role();
        assertThat(got.arn()).isEqualTo(created.arn());
        assertThat(URLDecoder.decode(got.assumeRolePolicyDocument(), StandardCharsets.UTF_8)).isEqualTo(TRUST);
        assertThat(iam.listRoles().roles()).extracting(Role::roleName).containsExactly("kinesis-workbook-lambda");
        assertThat(iam.listRoleTags(b -> b.roleName("kinesis-workbook-lambda")).tags())
                .containsExactly(Tag.builder().key("created-by").value("kinesis-workbook").build());
        assertThat(iam.listRolePolicies(b -> b.roleName("kinesis-workbook-lambda")).policyNames()).containsExactly("logs");
        assertThat(URLDecoder.decode(iam.getRolePolicy(b -> b.roleName("kinesis-workbook-lambda").policyName("logs"))
                .policyDocument(), StandardCharsets.UTF_8)).contains("2012-10-17");
    }

    @Test
    void aRoleWithPoliciesIsDeletedOnlyAfterThem() {
        iam.createRole(b -> b.roleName("r").assumeRolePolicyDocument(TRUST));
        iam.putRolePolicy(b -> b.roleName("r").policyName("p").policyDocument("{}"));
        assertThatThrownBy(() -> iam.deleteRole(b -> b.roleName("r")))
                .isInstanceOf(DeleteConflictException.class)
                .hasMessageStartingWith("Cannot delete entity, must delete policies first.")
                .satisfies(e -> assertThat(((DeleteConflictException) e).statusCode()).isEqualTo(409));
        iam.deleteRolePolicy(b -> b.roleName("r").policyName("p"));
        iam.deleteRole(b -> b.roleName("r"));
        assertThat(iam.listRoles().roles()).isEmpty();
    }

    @Test
    void errorsAreIamsOwn() {
        iam.createRole(b -> b.roleName("twice").assumeRolePolicyDocument(TRUST));
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName("twice").assumeRolePolicyDocument(TRUST)))
                .isInstanceOf(EntityAlreadyExistsException.class)
                .hasMessageStartingWith("Role with name twice already exists.");
        assertThatThrownBy(() -> iam.getRole(b -> b.roleName("missing")))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessageStartingWith("The role with name missing cannot be found.")
                .satisfies(e -> assertThat(((NoSuchEntityException) e).statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> iam.deleteRolePolicy(b -> b.roleName("twice").policyName("none")))
                .isInstanceOf(NoSuchEntityException.class)
                .hasMessageStartingWith("The role policy with name none cannot be found.");
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName("bad").assumeRolePolicyDocument("not json")))
                .isInstanceOf(MalformedPolicyDocumentException.class);
    }

    @Test
    void rolesArePagedWithAMarker() {
        for (String name : List.of("a", "b", "c")) {
            iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(TRUST));
        }
        var first = iam.listRoles(b -> b.maxItems(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.roles()).extracting(Role::roleName).containsExactly("a", "b");
        assertThat(iam.listRolesPaginator().roles()).extracting(Role::roleName).containsExactly("a", "b", "c");
    }
}
