package io.kinesisworkbook.emulator.athena;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.glue.DataCatalog;
import io.kinesisworkbook.emulator.http.Operations;
import io.kinesisworkbook.emulator.http.OperationsService;
import io.kinesisworkbook.emulator.s3.ObjectStore;

/**
 * Amazon Athena ({@code X-Amz-Target: AmazonAthena.*}, AWS JSON 1.1): queries in Trino's SQL over
 * the Glue catalog's tables in the emulator's S3, run on DuckDB; DDL on the Glue catalog; work
 * groups; result files at the output location. DuckDB and the query thread start with the first
 * query, so an emulator that runs none pays nothing for Athena.
 */
public final class AthenaService extends OperationsService implements AutoCloseable {

    public static final String TARGET_PREFIX = "AmazonAthena";

    private final QueryRunner runner;

    public AthenaService(EmulatorOptions options, DataCatalog catalog, ObjectStore store) {
        super(TARGET_PREFIX, "athena");
        runner = new QueryRunner(catalog, store, options.clock());
        WorkGroupOperations workGroups = new WorkGroupOperations(options.accountId(), options.clock());
        QueryExecutionOperations queries = new QueryExecutionOperations(workGroups, runner, options.clock());
        CatalogOperations catalogs = new CatalogOperations(catalog, options.accountId());

        operations.structure("StartQueryExecution", queries::start);
        operations.structure("GetQueryExecution", queries::get);
        operations.structure("BatchGetQueryExecution", queries::batchGet);
        operations.structure("ListQueryExecutions", queries::list);
        operations.structure("StopQueryExecution", queries::stop);
        operations.structure("GetQueryResults", queries::results);
        operations.structure("ListDataCatalogs", catalogs::listCatalogs);
        operations.structure("GetDataCatalog", catalogs::getCatalog);
        operations.structure("ListDatabases", catalogs::listDatabases);
        operations.structure("GetDatabase", catalogs::getDatabase);
        operations.structure("ListTableMetadata", catalogs::listTables);
        operations.structure("GetTableMetadata", catalogs::getTable);
        operations.structure("CreateWorkGroup", workGroups::create);
        operations.structure("GetWorkGroup", workGroups::get);
        operations.structure("ListWorkGroups", workGroups::list);
        operations.structure("UpdateWorkGroup", workGroups::update);
        operations.structure("DeleteWorkGroup", workGroups::delete);
        operations.structure("TagResource", workGroups::tag);
        operations.structure("UntagResource", workGroups::untag);
        operations.structure("ListTagsForResource", workGroups::listTags);
    }

    /** Whether DuckDB has started (on the first query), for the start-up test and the benchmark. */
    public boolean engineStarted() {
        return runner.engineStarted();
    }

    @Override
    public void close() {
        runner.close();
    }
}
