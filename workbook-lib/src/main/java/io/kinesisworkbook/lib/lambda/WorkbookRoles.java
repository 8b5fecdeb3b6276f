package io.kinesisworkbook.lib.lambda;

import io.kinesisworkbook.lib.backend.AwsClients;
import io.kinesisworkbook.lib.backend.Backend;
import io.kinesisworkbook.lib.backend.Connection;
import io.kinesisworkbook.lib.backend.CostGuard;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;

/**
 * The IAM roles a Lambda function, a Firehose delivery stream and an EventBridge rule act as. On AWS
 * they are created once, tagged like everything else the workbook creates, with the least the
 * workbook needs; the local backends do not check roles, so any well-formed ARN in their account does.
 */
public final class WorkbookRoles {

    static final String LAMBDA_ROLE = "kinesis-workbook-lambda";
    static final String FIREHOSE_ROLE = "kinesis-workbook-firehose";
    static final String EVENTS_ROLE = "kinesis-workbook-events";
    private static final String LOCAL_ACCOUNT = "000000000000";

    private final Connection connection;

    public WorkbookRoles(Connection connection) {
        this.connection = connection;
    }

    /** The role Lambda functions run as: they may write their logs, nothing more. */
    public String lambdaRole() {
        return role(LAMBDA_ROLE, "lambda.amazonaws.com", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogGroup",
                "logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}""");
    }

    /** The role delivery streams act as: read the workbook's streams, run its functions, write its buckets. */
    public String firehoseRole() {
        return role(FIREHOSE_ROLE, "firehose.amazonaws.com", """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":["kinesis:DescribeStream","kinesis:DescribeStreamSummary","kinesis:GetShardIterator",
                "kinesis:GetRecords","kinesis:ListShards"],"Resource":"*"},
                {"Effect":"Allow","Action":["lambda:InvokeFunction","lambda:GetFunctionConfiguration"],"Resource":"*"},
                {"Effect":"Allow","Action":["s3:AbortMultipartUpload","s3:GetBucketLocation","s3:GetObject","s3:ListBucket",
                "s3:ListBucketMultipartUploads","s3:PutObject"],"Resource":"*"}]}""");
    }

    /** The role EventBridge rules deliver to streams with: PutRecord and PutRecords on the workbook's streams. */
    public String eventsRole() {
        return role(EVENTS_ROLE, "events.amazonaws.com", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kinesis:PutRecord","kinesis:PutRecords"],
                "Resource":"*"}]}""");
    }

    private String role(String name, String service, String policy) {
        if (connection.backend() != Backend.AWS) {
            return "arn:aws:iam::" + LOCAL_ACCOUNT + ":role/" + name;
        }
        try (IamClient iam = new AwsClients(connection).configure(IamClient.builder()).build()) {
            String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                    + service + "\"},\"Action\":\"sts:AssumeRole\"}]}";
            boolean created = true;
            try {
                iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(trust)
                        .tags(t -> t.key(CostGuard.TAG_KEY).value(CostGuard.TAG_VALUE)));
            } catch (EntityAlreadyExistsException exists) {
                created = false;   // made by an earlier run
            }
            // Always: an earlier run may have stopped between creating the role and giving it its policy.
            iam.putRolePolicy(b -> b.roleName(name).policyName(name).policyDocument(policy));
            if (created && connection.endpoint().isEmpty()) {   // real AWS, not its rehearsal
                waitForPropagation();
            }
            return iam.getRole(b -> b.roleName(name)).role().arn();
        }
    }

    /** A new IAM role takes some seconds before Lambda and Firehose accept it (IAM is eventually consistent). */
    private static void waitForPropagation() {
        try {
            Thread.sleep(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
