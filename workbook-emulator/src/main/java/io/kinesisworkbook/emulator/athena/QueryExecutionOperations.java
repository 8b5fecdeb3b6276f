package io.kinesisworkbook.emulator.athena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.athena.ddl.DdlExecutor;
import io.kinesisworkbook.emulator.athena.engine.ResultTable;
import io.kinesisworkbook.emulator.athena.engine.ResultTable.ResultColumn;
import io.kinesisworkbook.emulator.http.AwsProtocol;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import io.kinesisworkbook.emulator.glue.DataCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * StartQueryExecution, GetQueryExecution, BatchGetQueryExecution, ListQueryExecutions,
 * StopQueryExecution and GetQueryResults.
 */
final class QueryExecutionOperations {

    private static final String INVALID_OUTPUT = "The S3 location provided to save your query results is invalid. "
            + "Please check your S3 location is correct and is in the same region and try again. If you continue "
            + "to see the issue, contact customer support for further assistance.";

    private final WorkGroupOperations workGroups;
    private final QueryRunner runner;
    private final EmulatorClock clock;
    /** Every execution by id, in the order they were started. */
    private final Map<String, QueryExecution> executions = new ConcurrentHashMap<>();
    private final List<QueryExecution> started = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> byClientToken = new ConcurrentHashMap<>();

    QueryExecutionOperations(WorkGroupOperations workGroups, QueryRunner runner, EmulatorClock clock) {
        this.workGroups = workGroups;
        this.runner = runner;
        this.clock = clock;
    }

    JsonNode start(AwsRequest request) {
        Members members = request.members();
        String query = members.string("QueryString");
        String token = members.string("ClientRequestToken");
        AthenaErrors.check(new Validation().notNull(query, "queryString").length(query, "queryString", 1, 262144)
                .length(token, "clientRequestToken", 32, 128));
        if (token != null && byClientToken.containsKey(request.region() + "/" + token)) {
            return request.newObject().put("QueryExecutionId", byClientToken.get(request.region() + "/" + token));
        }
        WorkGroup group = workGroups.forQuery(request.region(), members.string("WorkGroup"));
        Members context = members.structure("QueryExecutionContext");
        String database = context == null || context.string("Database") == null
                ? DataCatalog.DEFAULT_DATABASE : context.string("Database");
        String catalog = context == null || context.string("Catalog") == null ? "AwsDataCatalog" : context.string("Catalog");
        String id = UUID.randomUUID().toString();
        String type = DdlExecutor.statementType(query);
        String output = outputFolder(group, members.structure("ResultConfiguration"));
        String file = output + (output.endsWith("/") ? "" : "/") + id + ("DML".equals(type) ? ".csv" : ".txt");
        QueryExecution execution = new QueryExecution(id, request.region(), query, database, catalog, group.name(),
                file, type, clock.millis());
        executions.put(id, execution);
        started.add(execution);
        if (token != null) {
            byClientToken.put(request.region() + "/" + token, id);
        }
        runner.submit(execution);
        return request.newObject().put("QueryExecutionId", id);
    }

    /** The work group's location when it enforces its settings or the client gave none; the client's otherwise. */
    private static String outputFolder(WorkGroup group, Members resultConfiguration) {
        String client = resultConfiguration == null ? null : resultConfiguration.string("OutputLocation");
        String location = group.enforced() && group.outputLocation() != null ? group.outputLocation()
                : client != null ? client : group.outputLocation();
        if (location == null) {
            throw AthenaErrors.invalidRequest("No output location provided. An output location is required either "
                    + "through the Workgroup result configuration setting or as an API input.");
        }
        if (!location.startsWith("s3://") || location.length() <= 5 || location.charAt(5) == '/') {
            throw AthenaErrors.invalidRequest(INVALID_OUTPUT);
        }
        return location;
    }

    JsonNode get(AwsRequest request) {
        QueryExecution execution = existing(request.region(), request.members().string("QueryExecutionId"));
        ObjectNode response = request.newObject();
        response.set("QueryExecution", describe(request.protocol(), execution));
        return response;
    }

    JsonNode batchGet(AwsRequest request) {
        List<String> ids = request.members().stringList("QueryExecutionIds");
        AthenaErrors.check(new Validation().notNull(ids, "queryExecutionIds").size(ids, "queryExecutionIds", 1, 50));
        ObjectNode response = request.newObject();
        ArrayNode found = response.putArray("QueryExecutions");
        ArrayNode unprocessed = response.putArray("UnprocessedQueryExecutionIds");
        for (String id : ids) {
            QueryExecution execution = executions.get(id);
            if (execution == null || !execution.region().equals(request.region())) {
                unprocessed.addObject().put("QueryExecutionId", id).put("ErrorCode", "INVALID_INPUT")
                        .put("ErrorMessage", "QueryExecution " + id + " was not found");
            } else {
                found.add(describe(request.protocol(), execution));
            }
        }
        return response;
    }

    /** The work group's executions, newest first, paged by MaxResults (at most 50) and NextToken. */
    JsonNode list(AwsRequest request) {
        Members members = request.members();
        Integer max = members.integer("MaxResults");
        AthenaErrors.check(new Validation().range(max, "maxResults", 0, 50));
        String group = workGroups.forQuery(request.region(), members.string("WorkGroup")).name();
        List<String> ids = new ArrayList<>();
        synchronized (started) {
            for (int i = started.size() - 1; i >= 0; i--) {
                QueryExecution execution = started.get(i);
                if (execution.region().equals(request.region()) && execution.workGroup().equals(group)) {
                    ids.add(execution.id());
                }
            }
        }
        ObjectNode response = request.newObject();
        ArrayNode array = response.putArray("QueryExecutionIds");
        NextTokens.page(ids, members.string("NextToken"), max == null || max == 0 ? 50 : max, response).forEach(array::add);
        return response;
    }

    JsonNode stop(AwsRequest request) {
        existing(request.region(), request.members().string("QueryExecutionId")).cancel(clock.millis());
        return request.newObject();
    }

    /** A page of a finished query's rows: the header row first (queries only), as Athena gives it. */
    JsonNode results(AwsRequest request) {
        Members members = request.members();
        Integer max = members.integer("MaxResults");
        AthenaErrors.check(new Validation().range(max, "maxResults", 1, 1000));
        QueryExecution execution = existing(request.region(), members.string("QueryExecutionId"));
        QueryExecution.State state = execution.state();
        if (state == QueryExecution.State.FAILED) {
            throw AthenaErrors.invalidRequest(execution.failure().reason());
        }
        if (state == QueryExecution.State.CANCELLED) {
            throw AthenaErrors.invalidRequest("Query has been cancelled");
        }
        if (state != QueryExecution.State.SUCCEEDED) {
            throw AthenaErrors.invalidRequest("Query has not yet finished. Current state: " + state);
        }
        ResultTable table = execution.result();
        List<List<String>> rows = new ArrayList<>();
        if (table.tabular()) {
            rows.add(table.columns().stream().map(ResultColumn::name).toList());
        }
        rows.addAll(table.rows());
        ObjectNode response = request.newObject();
        response.put("UpdateCount", 0);
        ObjectNode resultSet = response.putObject("ResultSet");
        ArrayNode rowArray = resultSet.putArray("Rows");
        for (List<String> row : NextTokens.page(rows, members.string("NextToken"), max == null ? 1000 : max, response)) {
            ArrayNode data = rowArray.addObject().putArray("Data");
            for (String value : row) {
                ObjectNode datum = data.addObject();
                if (value != null) {
                    datum.put("VarCharValue", value);
                }
            }
        }
        ArrayNode columnInfo = resultSet.putObject("ResultSetMetadata").putArray("ColumnInfo");
        table.columns().forEach(column -> columnInfo.add(columnInfo(request.newObject(), column)));
        return response;
    }

    static ObjectNode columnInfo(ObjectNode node, ResultColumn column) {
        return node.put("CatalogName", "hive").put("SchemaName", "").put("TableName", "")
                .put("Name", column.name()).put("Label", column.name()).put("Type", column.type())
                .put("Precision", column.precision()).put("Scale", column.scale()).put("Nullable", "UNKNOWN")
                .put("CaseSensitive", column.type().equals("varchar") || column.type().equals("string"));
    }

    private ObjectNode describe(AwsProtocol protocol, QueryExecution execution) {
        ObjectNode node = protocol.mapper().createObjectNode();
        node.put("QueryExecutionId", execution.id()).put("Query", execution.query())
                .put("StatementType", execution.statementType());
        node.putObject("ResultConfiguration").put("OutputLocation", execution.outputLocation());
        node.putObject("ResultReuseConfiguration").putObject("ResultReuseByAgeConfiguration").put("Enabled", false);
        node.putObject("QueryExecutionContext").put("Database", execution.database()).put("Catalog", execution.catalog());
        QueryExecution.State state = execution.state();
        ObjectNode status = node.putObject("Status").put("State", state.name());
        status.set("SubmissionDateTime", Members.timestamp(protocol, execution.submitted()));
        if (execution.completed() > 0) {
            status.set("CompletionDateTime", Members.timestamp(protocol, execution.completed()));
        }
        QueryFailure failure = execution.failure();
        if (state == QueryExecution.State.FAILED && failure != null) {
            status.put("StateChangeReason", failure.reason());
            status.putObject("AthenaError").put("ErrorCategory", failure.category()).put("ErrorType", failure.type())
                    .put("Retryable", false).put("ErrorMessage", failure.reason());
        }
        ObjectNode statistics = node.putObject("Statistics");
        ResultTable result = execution.result();
        statistics.put("EngineExecutionTimeInMillis", execution.engineMillis())
                .put("DataScannedInBytes", result == null ? 0 : result.scannedBytes())
                .put("TotalExecutionTimeInMillis", execution.engineMillis() + execution.queueMillis())
                .put("QueryQueueTimeInMillis", execution.queueMillis())
                .put("ServicePreProcessingTimeInMillis", 0)
                .put("QueryPlanningTimeInMillis", 0)
                .put("ServiceProcessingTimeInMillis", 0);
        statistics.putObject("ResultReuseInformation").put("ReusedPreviousResult", false);
        node.put("WorkGroup", execution.workGroup());
        node.putObject("EngineVersion").put("SelectedEngineVersion", "AUTO")
                .put("EffectiveEngineVersion", "Athena engine version 3");
        return node;
    }

    private QueryExecution existing(String region, String id) {
        AthenaErrors.check(new Validation().notNull(id, "queryExecutionId"));
        QueryExecution execution = executions.get(id);
        if (execution == null || !execution.region().equals(region)) {
            throw AthenaErrors.executionNotFound(id);
        }
        return execution;
    }
}
