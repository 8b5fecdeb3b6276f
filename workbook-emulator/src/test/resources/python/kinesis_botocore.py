"""Kinesis Data Streams through botocore, which speaks AWS JSON 1.1 to Kinesis (the AWS CLI and boto3 do)."""

import datetime
import json

from workbook_client import client, emit, error_of, supports

kinesis = client("kinesis")
seen = {}

kinesis.create_stream(StreamName="py-clicks", ShardCount=2)
seen["summary"] = kinesis.describe_stream_summary(StreamName="py-clicks")["StreamDescriptionSummary"]
seen["shards"] = kinesis.list_shards(StreamName="py-clicks")["Shards"]

# No ShardCount and no StreamModeDetails: AWS makes an on-demand stream.
kinesis.create_stream(StreamName="py-on-demand")
seen["onDemand"] = kinesis.describe_stream_summary(StreamName="py-on-demand")["StreamDescriptionSummary"]

before = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=5)
seen["putRecord"] = kinesis.put_record(StreamName="py-clicks", Data=b"\x00\x01binary\xff", PartitionKey="user-1")
seen["putRecords"] = kinesis.put_records(StreamName="py-clicks", Records=[
    {"Data": json.dumps({"page": "/home"}).encode(), "PartitionKey": "user-1"},
    {"Data": b"second", "PartitionKey": "user-1"},
])

shard = seen["putRecord"]["ShardId"]
iterator = kinesis.get_shard_iterator(StreamName="py-clicks", ShardId=shard,
                                      ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
seen["getRecords"] = kinesis.get_records(ShardIterator=iterator)
# AWS takes an iterator wrapped in double quotes, as a shell user may paste it.
seen["getRecordsQuoted"] = kinesis.get_records(ShardIterator='"' + iterator + '"')

at_timestamp = kinesis.get_shard_iterator(StreamName="py-clicks", ShardId=shard,
                                          ShardIteratorType="AT_TIMESTAMP", Timestamp=before)["ShardIterator"]
seen["atTimestamp"] = kinesis.get_records(ShardIterator=at_timestamp)["Records"]

stream_arn = seen["summary"]["StreamARN"]
consumer = kinesis.register_stream_consumer(StreamARN=stream_arn, ConsumerName="py-consumer")["Consumer"]
seen["consumer"] = kinesis.describe_stream_consumer(ConsumerARN=consumer["ConsumerARN"])["ConsumerDescription"]

seen["errors"] = {
    "missingStream": error_of(kinesis.describe_stream_summary, StreamName="nope"),
    "badIterator": error_of(kinesis.get_records, ShardIterator="not-an-iterator"),
    "streamExists": error_of(kinesis.create_stream, StreamName="py-clicks", ShardCount=1),
    "onDemandWithShards": error_of(kinesis.create_stream, StreamName="py-bad",
                                   ShardCount=1, StreamModeDetails={"StreamMode": "ON_DEMAND"}),
}

# Resource policies came to Kinesis in 2023; an older botocore (Debian 12's) does not know them.
if supports(kinesis, "put_resource_policy"):
    policy = json.dumps({"Version": "2012-10-17", "Statement": [{
        "Sid": "read", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
        "Action": ["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStreamSummary"],
        "Resource": stream_arn}]})
    seen["policyBefore"] = kinesis.get_resource_policy(ResourceARN=stream_arn)
    kinesis.put_resource_policy(ResourceARN=stream_arn, Policy=policy)
    seen["policy"] = kinesis.get_resource_policy(ResourceARN=stream_arn)
    kinesis.delete_resource_policy(ResourceARN=stream_arn)
    seen["policyAfter"] = kinesis.get_resource_policy(ResourceARN=stream_arn)
    seen["errors"]["deleteMissingPolicy"] = error_of(kinesis.delete_resource_policy, ResourceARN=stream_arn)
    seen["errors"]["policyNotJson"] = error_of(kinesis.put_resource_policy, ResourceARN=stream_arn, Policy="{not json")

emit(seen)
