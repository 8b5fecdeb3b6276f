package io.kinesisworkbook.emulator.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.cloudwatch.math.TimeSeries;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import java.util.List;

/**
 * GetMetricData: up to 500 queries (metrics and metric math) over one time range, newest first
 * unless {@code ScanBy} says otherwise, paged by {@code MaxDatapoints} (100,800 a page unless
 * less is asked) with a {@code NextToken}; a query whose values go on in the next page is
 * {@code PartialData}.
 */
final class GetMetricDataOperation {

    static final int MAX_DATAPOINTS = 100_800;

    private final CloudWatchContext context;

    GetMetricDataOperation(CloudWatchContext context) {
        this.context = context;
    }

    JsonNode getMetricData(AwsRequest request) {
        Members members = request.members();
        List<MetricQuery> queries = MetricQuery.readAll(members, "MetricDataQueries");
        CloudWatchContext.TimeRange range = CloudWatchContext.TimeRange.read(members);
        String scanBy = members.string("ScanBy");
        if (scanBy != null && !scanBy.equals("TimestampDescending") && !scanBy.equals("TimestampAscending")) {
            throw CloudWatchErrors.validation(scanBy, "scanBy",
                    "Member must satisfy enum value set: [TimestampDescending, TimestampAscending]");
        }
        boolean ascending = "TimestampAscending".equals(scanBy);
        Integer max = members.integer("MaxDatapoints");
        if (max != null && max < 1) {
            throw CloudWatchErrors.invalidParameterValue("The parameter MaxDatapoints must be greater than 0.");
        }
        int pageSize = max == null ? MAX_DATAPOINTS : Math.min(max, MAX_DATAPOINTS);
        long skip = CloudWatchContext.position(members.string("NextToken"), "datapoints");

        List<MetricQueryResults.Result> results = new MetricQueryResults(context.metrics, queries, range.startMillis(),
                range.endMillis()).all();
        ObjectNode response = request.newObject();
        ArrayNode out = response.putArray("MetricDataResults");
        long position = 0;
        long pageEnd = skip + pageSize;
        boolean more = false;
        for (MetricQueryResults.Result result : results) {
            if (!result.query().returnData()) {
                continue;
            }
            TimeSeries series = result.series();
            long first = Math.max(0, Math.min(series.size(), skip - position));
            long last = Math.max(first, Math.min(series.size(), pageEnd - position));
            boolean partial = last < series.size();
            more |= partial;
            out.add(resultShape(request, result, (int) first, (int) last, ascending, partial));
            position += series.size();
        }
        if (more) {
            response.put("NextToken", CloudWatchContext.token("datapoints", pageEnd));
        }
        response.putArray("Messages");
        return response;
    }

    /** Values {@code [first, last)} of a result, counted in the order they are returned. */
    private static ObjectNode resultShape(AwsRequest request, MetricQueryResults.Result result, int first, int last,
                                          boolean ascending, boolean partial) {
        ObjectNode shape = request.newObject();
        shape.put("Id", result.query().id());
        shape.put("Label", result.label());
        ArrayNode timestamps = shape.putArray("Timestamps");
        ArrayNode values = shape.putArray("Values");
        TimeSeries series = result.series();
        for (int k = first; k < last; k++) {
            int i = ascending ? k : series.size() - 1 - k;
            timestamps.add(Members.timestamp(request.protocol(), series.timestamps()[i]));
            values.add(series.values()[i]);
        }
        shape.put("StatusCode", partial ? "PartialData" : "Complete");
        if (!result.messages().isEmpty()) {
            ArrayNode messages = shape.putArray("Messages");
            for (String[] message : result.messages()) {
                messages.addObject().put("Code", message[0]).put("Value", message[1]);
            }
        }
        return shape;
    }
}
