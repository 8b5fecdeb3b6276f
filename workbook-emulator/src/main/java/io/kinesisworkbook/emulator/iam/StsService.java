package io.kinesisworkbook.emulator.iam;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.AwsResponse;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.QueryService;

/**
 * AWS Security Token Service: GetCallerIdentity, which tells a client which account its credentials
 * belong to (the workbook names its S3 buckets after it). The emulator checks no signature, so every
 * caller is the account's root. Query protocol only, signed for {@code sts}.
 */
public final class StsService implements QueryService {

    private final String accountId;

    public StsService(EmulatorOptions options) {
        this.accountId = options.accountId();
    }

    @Override
    public String name() {
        return "sts";
    }

    @Override
    public String signingName() {
        return "sts";
    }

    @Override
    public String queryApiVersion() {
        return "2011-06-15";
    }

    @Override
    public String xmlNamespace() {
        return "https://sts.amazonaws.com/doc/2011-06-15/";
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        if (!"GetCallerIdentity".equals(request.operation())) {
            throw AwsServiceException.invalidAction(request.operation());
        }
        ObjectNode identity = request.newObject();
        identity.put("UserId", accountId).put("Account", accountId).put("Arn", "arn:aws:iam::" + accountId + ":root");
        return AwsResponse.of(identity);
    }
}
