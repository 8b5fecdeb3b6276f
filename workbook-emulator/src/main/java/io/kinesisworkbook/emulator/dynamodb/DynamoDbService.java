package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.AwsResponse;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.TargetService;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Amazon DynamoDB ({@code X-Amz-Target: DynamoDB_20120810.*}, AWS JSON 1.0): every operation, by
 * name, to the class that answers it.
 */
public final class DynamoDbService implements TargetService {

    public static final String TARGET_PREFIX = "DynamoDB_20120810";

    private final Map<String, Function<AwsRequest, JsonNode>> operations = new TreeMap<>();
    private final TableRegistry tables;

    public DynamoDbService(EmulatorOptions options) {
        tables = new TableRegistry(options.accountId(), options.clock());
        DynamoDbContext context = new DynamoDbContext(tables, options.transitionDelay().toMillis());
        TableOperations table = new TableOperations(context);
        TableSettingsOperations settings = new TableSettingsOperations(context);
        ItemOperations items = new ItemOperations(context);
        QueryOperations queries = new QueryOperations(context);
        BatchOperations batches = new BatchOperations(context);
        TransactionOperations transactions = new TransactionOperations(context);

        operations.put("CreateTable", table::createTable);
        operations.put("DescribeTable", table::describeTable);
        operations.put("UpdateTable", table::updateTable);
        operations.put("DeleteTable", table::deleteTable);
        operations.put("ListTables", table::listTables);

        operations.put("DescribeTimeToLive", settings::describeTimeToLive);
        operations.put("UpdateTimeToLive", settings::updateTimeToLive);
        operations.put("DescribeContinuousBackups", settings::describeContinuousBackups);
        operations.put("UpdateContinuousBackups", settings::updateContinuousBackups);
        operations.put("TagResource", settings::tagResource);
        operations.put("UntagResource", settings::untagResource);
        operations.put("ListTagsOfResource", settings::listTagsOfResource);
        operations.put("DescribeLimits", settings::describeLimits);

        operations.put("PutItem", items::putItem);
        operations.put("GetItem", items::getItem);
        operations.put("UpdateItem", items::updateItem);
        operations.put("DeleteItem", items::deleteItem);
        operations.put("Query", queries::query);
        operations.put("Scan", queries::scan);
        operations.put("BatchGetItem", batches::batchGetItem);
        operations.put("BatchWriteItem", batches::batchWriteItem);
        operations.put("TransactWriteItems", transactions::transactWriteItems);
        operations.put("TransactGetItems", transactions::transactGetItems);
    }

    /** The operations this emulator answers, for its documentation and tests. */
    public Set<String> operations() {
        return operations.keySet();
    }

    @Override
    public String targetPrefix() {
        return TARGET_PREFIX;
    }

    @Override
    public String name() {
        return "dynamodb";
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        Function<AwsRequest, JsonNode> operation = operations.get(request.operation());
        if (operation == null) {
            throw AwsServiceException.unknownOperation(TARGET_PREFIX + "." + request.operation());
        }
        synchronized (tables) {
            return AwsResponse.of(operation.apply(request));
        }
    }
}
