package io.kinesisworkbook.lib.athena;

import java.util.List;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * The Glue Data Catalog's databases, where Athena's tables live. A database is created through Glue
 * rather than Athena's {@code CREATE DATABASE} so that, on AWS, the cost guard can tag it and
 * {@code ./workbook clean-aws} can find it; tables are made with Athena's DDL.
 */
public final class GlueCatalog {

    private final GlueClient glue;

    public GlueCatalog(GlueClient glue) {
        this.glue = glue;
    }

    /** Creates the database; one by that name is kept as it is. */
    public void createDatabase(String name, String description) {
        try {
            glue.createDatabase(b -> b.databaseInput(d -> d.name(name).description(description)));
        } catch (AlreadyExistsException kept) {
            // made by an earlier run
        }
    }

    /** The database's tables' names; empty when the database does not exist. */
    public List<String> tables(String database) {
        try {
            return glue.getTablesPaginator(b -> b.databaseName(database)).stream()
                    .flatMap(page -> page.tableList().stream()).map(Table::name).toList();
        } catch (EntityNotFoundException gone) {
            return List.of();
        }
    }

    /** Deletes the database's tables, then the database (the data in S3 stays); nothing happens when there is none. */
    public void deleteDatabase(String database) {
        for (String table : tables(database)) {
            glue.deleteTable(b -> b.databaseName(database).name(table));
        }
        try {
            glue.deleteDatabase(b -> b.name(database));
        } catch (EntityNotFoundException alreadyGone) {
            // nothing to delete
        }
    }
}
