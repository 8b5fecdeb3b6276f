package io.kinesisworkbook.emulator.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.PythonScript;
import io.kinesisworkbook.emulator.PythonScriptTest;
import org.junit.jupiter.api.Test;

/** IAM and STS through botocore, which reads the query protocol's XML its own way. */
class IamBotocoreTest extends PythonScriptTest {

    @Override
    protected PythonScript script() {
        return PythonScript.named("iam_botocore.py").requires("boto3");
    }

    @Test
    void theCallerAndTheRoleAreAsAwsDescribesThem() {
        String account = emulator.options().accountId();
        assertThat(seen.at("/caller/Account").asText()).isEqualTo(account);
        assertThat(seen.at("/created/arn").asText()).isEqualTo("arn:aws:iam::" + account + ":role/kinesis-workbook-firehose");
        assertThat(seen.at("/created/createDateType").asText()).isEqualTo("datetime");
        assertThat(seen.at("/trust/Statement/0/Principal/Service").asText()).isEqualTo("firehose.amazonaws.com");
        assertThat(seen.at("/tags/0/Key").asText()).isEqualTo("created-by");
        assertThat(seen.at("/policies/0").asText()).isEqualTo("read-streams");
        assertThat(seen.at("/roles").toString()).isEqualTo("[\"kinesis-workbook-firehose\"]");
        assertThat(seen.at("/afterDelete").toString()).isEqualTo("[]");
    }

    @Test
    void errorsCarryIamsCodesAndStatuses() {
        assertThat(seen.at("/errors/deleteWithPolicy/code").asText()).isEqualTo("DeleteConflict");
        assertThat(seen.at("/errors/deleteWithPolicy/status").asInt()).isEqualTo(409);
        assertThat(seen.at("/errors/missing/code").asText()).isEqualTo("NoSuchEntity");
        assertThat(seen.at("/errors/missing/message").asText()).isEqualTo("The role with name no-such-role cannot be found.");
        assertThat(seen.at("/errors/twice/code").asText()).isEqualTo("EntityAlreadyExists");
    }
}
