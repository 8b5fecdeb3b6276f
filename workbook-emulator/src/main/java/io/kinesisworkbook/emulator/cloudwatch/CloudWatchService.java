package io.kinesisworkbook.emulator.cloudwatch;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.http.AwsProtocol;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.AwsResponse;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.Operations;
import io.kinesisworkbook.emulator.http.QueryService;
import io.kinesisworkbook.emulator.http.RpcV2CborService;
import io.kinesisworkbook.emulator.http.OperationsService;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics;

/**
 * Amazon CloudWatch, in every protocol a current client speaks: Smithy RPC v2 CBOR (the AWS SDK for
 * Java 2.x, botocore 1.36 and later: {@code /service/GraniteServiceVersion20100801/operation/NAME}),
 * the query protocol (the AWS CLI v2 and boto3 of Debian 12: {@code Action=NAME} forms signed for
 * {@code monitoring}) and AWS JSON 1.0 ({@code X-Amz-Target: GraniteServiceVersion20100801.NAME}).
 * It serves the metrics the emulator's services publish and those clients put, from one
 * {@link InMemoryMetrics}. Creating it starts nothing: alarms are evaluated when looked at.
 */
public final class CloudWatchService extends OperationsService implements QueryService, RpcV2CborService {

    public static final String TARGET_PREFIX = "GraniteServiceVersion20100801";

    public CloudWatchService(EmulatorOptions options, InMemoryMetrics metrics) {
        super(TARGET_PREFIX, "cloudwatch");
        CloudWatchContext context = new CloudWatchContext(metrics, options.clock(), options.accountId());
        MetricOperations metricOperations = new MetricOperations(context);
        GetMetricDataOperation metricData = new GetMetricDataOperation(context);
        AlarmOperations alarms = new AlarmOperations(context);
        TagOperations tags = new TagOperations(context, alarms);

        operations.structure("PutMetricData", metricOperations::putMetricData);
        operations.structure("ListMetrics", metricOperations::listMetrics);
        operations.structure("GetMetricStatistics", metricOperations::getMetricStatistics);
        operations.structure("GetMetricData", metricData::getMetricData);

        operations.structure("PutMetricAlarm", alarms::putMetricAlarm);
        operations.structure("DescribeAlarms", alarms::describeAlarms);
        operations.structure("DescribeAlarmsForMetric", alarms::describeAlarmsForMetric);
        operations.structure("DescribeAlarmHistory", alarms::describeAlarmHistory);
        operations.structure("SetAlarmState", alarms::setAlarmState);
        operations.structure("EnableAlarmActions", alarms::enableAlarmActions);
        operations.structure("DisableAlarmActions", alarms::disableAlarmActions);
        operations.structure("DeleteAlarms", alarms::deleteAlarms);

        operations.structure("TagResource", tags::tagResource);
        operations.structure("UntagResource", tags::untagResource);
        operations.structure("ListTagsForResource", tags::listTagsForResource);
    }

    @Override
    public String signingName() {
        return "monitoring";
    }

    @Override
    public String queryApiVersion() {
        return "2010-08-01";
    }

    @Override
    public String xmlNamespace() {
        return "http://monitoring.amazonaws.com/doc/2010-08-01/";
    }

    @Override
    public String rpcV2ServiceName() {
        return TARGET_PREFIX;
    }

    @Override
    public String shapeNamespace() {
        return "com.amazonaws.cloudwatch";
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        if (!operations.names().contains(request.operation())) {
            throw unknownOperation(request);
        }
        return operations.call(request);
    }

    /** Each protocol's own answer to an operation we do not have. */
    private static AwsServiceException unknownOperation(AwsRequest request) {
        if (request.protocol() == AwsProtocol.QUERY) {
            return AwsServiceException.invalidAction(request.operation());
        }
        if (request.protocol() == AwsProtocol.RPC_V2_CBOR) {
            return new AwsServiceException("UnknownOperationException", "Unknown operation " + request.operation(), 404);
        }
        return AwsServiceException.unknownOperation(TARGET_PREFIX + "." + request.operation());
    }
}
