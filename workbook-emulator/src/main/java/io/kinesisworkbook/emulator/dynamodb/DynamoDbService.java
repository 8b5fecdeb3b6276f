package io.kinesisworkbook.emulator.dynamodb;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.AwsResponse;
import io.kinesisworkbook.emulator.http.Operations;
import io.kinesisworkbook.emulator.http.OperationsService;
import io.kinesisworkbook.emulator.metrics.MetricsSink;
import io.kinesisworkbook.emulator.kinesis.StreamTap;

/**
 * Amazon DynamoDB ({@code X-Amz-Target: DynamoDB_20120810.*}, AWS JSON 1.0): every operation, by
 * name, to the class that answers it.
 */
public final class DynamoDbService extends OperationsService {

    public static final String TARGET_PREFIX = "DynamoDB_20120810";

    private final TableRegistry tables;

    /**
     * @param metrics where the AWS/DynamoDB metrics go (CloudWatch's store)
     * @param kinesis where tables with a Kinesis streaming destination write their item changes
     */
    public DynamoDbService(EmulatorOptions options, MetricsSink metrics, StreamTap kinesis) {
        super(TARGET_PREFIX, "dynamodb");
        tables = new TableRegistry(options.accountId(), options.clock());
        DynamoDbContext context = new DynamoDbContext(tables, options.transitionDelay().toMillis(),
                new DynamoDbMetrics(metrics, options.clock()), new KinesisChangeRecords(kinesis, options.clock()));
        TableOperations table = new TableOperations(context);
        TableSettingsOperations settings = new TableSettingsOperations(context);
        ItemOperations items = new ItemOperations(context);
        QueryOperations queries = new QueryOperations(context);
        BatchOperations batches = new BatchOperations(context);
        TransactionOperations transactions = new TransactionOperations(context);
        KinesisStreamingOperations streaming = new KinesisStreamingOperations(context, kinesis);
        PartiQlOperations partiQl = new PartiQlOperations(context, items, queries, transactions);

        operations.structure("CreateTable", table::createTable);
        operations.structure("DescribeTable", table::describeTable);
        operations.structure("UpdateTable", table::updateTable);
        operations.structure("DeleteTable", table::deleteTable);
        operations.structure("ListTables", table::listTables);

        operations.structure("DescribeTimeToLive", settings::describeTimeToLive);
        operations.structure("UpdateTimeToLive", settings::updateTimeToLive);
        operations.structure("DescribeContinuousBackups", settings::describeContinuousBackups);
        operations.structure("UpdateContinuousBackups", settings::updateContinuousBackups);
        operations.structure("TagResource", settings::tagResource);
        operations.structure("UntagResource", settings::untagResource);
        operations.structure("ListTagsOfResource", settings::listTagsOfResource);
        operations.structure("DescribeLimits", settings::describeLimits);

        operations.structure("PutItem", items::putItem);
        operations.structure("GetItem", items::getItem);
        operations.structure("UpdateItem", items::updateItem);
        operations.structure("DeleteItem", items::deleteItem);
        operations.structure("Query", queries::query);
        operations.structure("Scan", queries::scan);
        operations.structure("BatchGetItem", batches::batchGetItem);
        operations.structure("BatchWriteItem", batches::batchWriteItem);
        operations.structure("TransactWriteItems", transactions::transactWriteItems);
        operations.structure("TransactGetItems", transactions::transactGetItems);

        operations.structure("ExecuteStatement", partiQl::executeStatement);
        operations.structure("BatchExecuteStatement", partiQl::batchExecuteStatement);
        operations.structure("ExecuteTransaction", partiQl::executeTransaction);

        operations.structure("EnableKinesisStreamingDestination", streaming::enable);
        operations.structure("DisableKinesisStreamingDestination", streaming::disable);
        operations.structure("DescribeKinesisStreamingDestination", streaming::describe);
        operations.structure("UpdateKinesisStreamingDestination", streaming::update);
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        synchronized (tables) {
            return operations.call(request);
        }
    }
}
