package io.kinesisworkbook.emulator.glue;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.http.Operations;
import io.kinesisworkbook.emulator.http.OperationsService;

/**
 * The AWS Glue Data Catalog ({@code X-Amz-Target: AWSGlue.*}, AWS JSON 1.1): databases, tables,
 * partitions and tags, by name, to the class that answers them. The catalog is in memory and costs
 * nothing until used; Athena reads and writes the same {@link DataCatalog}.
 */
public final class GlueService extends OperationsService {

    public static final String TARGET_PREFIX = "AWSGlue";

    private final DataCatalog catalog;

    public GlueService(EmulatorOptions options) {
        super(TARGET_PREFIX, "glue");
        catalog = new DataCatalog(options.accountId(), options.clock());
        DatabaseOperations databases = new DatabaseOperations(catalog, options.accountId());
        TableOperations tables = new TableOperations(catalog, options.accountId());
        PartitionOperations partitions = new PartitionOperations(catalog, options.accountId());
        TagOperations tags = new TagOperations(catalog);

        operations.structure("CreateDatabase", databases::create);
        operations.structure("GetDatabase", databases::get);
        operations.structure("GetDatabases", databases::list);
        operations.structure("DeleteDatabase", databases::delete);
        operations.structure("CreateTable", tables::create);
        operations.structure("GetTable", tables::get);
        operations.structure("GetTables", tables::list);
        operations.structure("UpdateTable", tables::update);
        operations.structure("DeleteTable", tables::delete);
        operations.structure("BatchDeleteTable", tables::batchDelete);
        operations.structure("CreatePartition", partitions::create);
        operations.structure("BatchCreatePartition", partitions::batchCreate);
        operations.structure("GetPartition", partitions::get);
        operations.structure("GetPartitions", partitions::list);
        operations.structure("DeletePartition", partitions::delete);
        operations.structure("BatchDeletePartition", partitions::batchDelete);
        operations.structure("TagResource", tags::tag);
        operations.structure("UntagResource", tags::untag);
        operations.structure("GetTags", tags::get);
    }

    /** The catalog, for Athena. */
    public DataCatalog catalog() {
        return catalog;
    }

}
