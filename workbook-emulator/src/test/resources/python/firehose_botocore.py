"""Firehose (AWS JSON 1.1) and the S3 bucket it delivers to, through botocore."""

import time

from workbook_client import client, emit, error_of, post, raw_error

# An IntervalInSeconds of 0 is AWS's minimum since 2023; Debian's botocore still checks for 60.
firehose = client("firehose", validate=False)
s3 = client("s3")
seen = {}

s3.create_bucket(Bucket="py-deliveries")
destination = {
    "RoleARN": "arn:aws:iam::000000000000:role/firehose",
    "BucketARN": "arn:aws:s3:::py-deliveries",
    "Prefix": "logs/",
    "BufferingHints": {"SizeInMBs": 1, "IntervalInSeconds": 0},
}
# FileExtension came in 2024; an older botocore refuses the member itself.
knows_extension = "FileExtension" in firehose.meta.service_model.shape_for(
    "ExtendedS3DestinationConfiguration").members
if knows_extension:
    destination["FileExtension"] = ".jsonl"
seen["created"] = firehose.create_delivery_stream(DeliveryStreamName="py-logs", DeliveryStreamType="DirectPut",
                                                  ExtendedS3DestinationConfiguration=destination)
seen["described"] = firehose.describe_delivery_stream(DeliveryStreamName="py-logs")["DeliveryStreamDescription"]
seen["put"] = firehose.put_record(DeliveryStreamName="py-logs", Record={"Data": b'{"line": 1}\n'})
seen["batch"] = firehose.put_record_batch(DeliveryStreamName="py-logs",
                                          Records=[{"Data": b'{"line": 2}\n'}, {"Data": b'{"line": 3}\n'}])

# With a zero interval the record and the batch may be delivered as one object or as two.
objects, lines = [], []
deadline = time.time() + 15
while len(lines) < 3 and time.time() < deadline:
    objects = s3.list_objects_v2(Bucket="py-deliveries").get("Contents", [])
    lines = [line for o in objects
             for line in s3.get_object(Bucket="py-deliveries", Key=o["Key"])["Body"].read().decode().splitlines()]
    time.sleep(0.2)
seen["objects"] = [o["Key"] for o in objects]
seen["lines"] = lines
if knows_extension:
    seen["fileExtension"] = destination["FileExtension"]

seen["errors"] = {
    "missingStream": error_of(firehose.describe_delivery_stream, DeliveryStreamName="no-such-stream"),
    "streamExists": error_of(firehose.create_delivery_stream, DeliveryStreamName="py-logs",
                             ExtendedS3DestinationConfiguration=destination),
}
# Below botocore, which reads either casing: Firehose sends message, lower case.
seen["rawMissing"] = raw_error(post("Firehose_20150804.DescribeDeliveryStream",
                                    b'{"DeliveryStreamName": "no-such-stream"}', "application/x-amz-json-1.1"))
emit(seen)
