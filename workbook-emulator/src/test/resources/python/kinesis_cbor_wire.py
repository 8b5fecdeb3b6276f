"""Kinesis's CBOR wire (application/x-amz-cbor-1.1, the AWS SDKs for Java's default), read by a generic
CBOR decoder (cbor2) instead of an SDK: what every byte of an answer is, tags included.

AWS writes timestamps in CBOR as tag 1 around integer epoch milliseconds (RFC 8949 says seconds; the
AWS SDKs for Java write and read milliseconds), blobs as byte strings, errors as {__type, message}.
The decoder keeps tags as {"tag": n, "value": v, "valueType": ...} so the test sees them.
"""

import base64
import datetime
import io
import struct
import urllib.request

import cbor2

from workbook_client import ENDPOINT, REGION, emit, post

try:  # cbor2 5.5 and later
    from cbor2 import _decoder as pure_decoder
except ImportError:  # cbor2 5.4 (Debian 12)
    from cbor2 import decoder as pure_decoder

CBOR = "application/x-amz-cbor-1.1"

# The pure-Python decoder, with tag 1 left to the tag hook instead of turned into a datetime: a
# standard decoder reads AWS's milliseconds as seconds (a year past 50000) and fails.
pure_decoder.semantic_decoders.pop(1, None)


def keep_tag(decoder, tag):
    return {"tag": tag.tag, "value": tag.value, "valueType": type(tag.value).__name__}


def decode(data):
    return pure_decoder.CBORDecoder(io.BytesIO(data), tag_hook=keep_tag).decode()


def call(operation, body):
    status, headers, data = post("Kinesis_20131202." + operation, cbor2.dumps(body), CBOR)
    decoded = decode(data) if data else None
    return {"status": status, "contentType": headers.get("content-type"),
            "errorType": headers.get("x-amzn-errortype"), "body": decoded}


def describe(value):
    """The decoded CBOR as JSON, with the CBOR type of each value kept where JSON would lose it."""
    if isinstance(value, (bytes, bytearray)):
        return {"bytes": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, dict):
        return {str(k): describe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [describe(v) for v in value]
    return value


def subscribe(consumer_arn, shard_id):
    """SubscribeToShard over HTTP/1.1, read frame by frame until an event carries records."""
    body = cbor2.dumps({"ConsumerARN": consumer_arn, "ShardId": shard_id,
                        "StartingPosition": {"Type": "TRIM_HORIZON"}})
    request = urllib.request.Request(ENDPOINT + "/", data=body, method="POST", headers={
        "Content-Type": CBOR, "X-Amz-Target": "Kinesis_20131202.SubscribeToShard",
        "Authorization": "AWS4-HMAC-SHA256 Credential=workbook/20260101/" + REGION + "/kinesis/aws4_request"})
    events = []
    with urllib.request.urlopen(request, timeout=30) as response:
        while len(events) < 5:
            prelude = response.read(12)
            if len(prelude) < 12:
                break
            total, headers_length = struct.unpack(">II", prelude[:8])
            rest = response.read(total - 12)
            headers = parse_headers(rest[:headers_length])
            payload = rest[headers_length:-4]
            events.append({"headers": headers, "payload": describe(decode(payload)) if payload else None})
            if headers.get(":event-type") == "SubscribeToShardEvent" and decode(payload)["Records"]:
                break
    return events


def parse_headers(data):
    headers, at = {}, 0
    while at < len(data):
        name_length = data[at]
        name = data[at + 1:at + 1 + name_length].decode()
        at += 1 + name_length
        kind = data[at]  # 7: a string
        value_length = struct.unpack(">H", data[at + 1:at + 3])[0]
        headers[name] = data[at + 3:at + 3 + value_length].decode() if kind == 7 else None
        at += 3 + value_length
    return headers


seen = {}
seen["create"] = call("CreateStream", {"StreamName": "cbor-wire", "ShardCount": 1})
seen["summary"] = call("DescribeStreamSummary", {"StreamName": "cbor-wire"})
seen["list"] = call("ListStreams", {})
put_at = datetime.datetime.now(datetime.timezone.utc)
seen["put"] = call("PutRecord", {"StreamName": "cbor-wire", "Data": b"\x00\xffraw", "PartitionKey": "k"})
iterator = call("GetShardIterator", {"StreamName": "cbor-wire", "ShardId": "shardId-000000000000",
                                     "ShardIteratorType": "TRIM_HORIZON"})["body"]["ShardIterator"]
seen["records"] = call("GetRecords", {"ShardIterator": iterator})
# As the AWS SDKs for Java send a timestamp: tag 1 around integer epoch milliseconds.
millis = int((put_at - datetime.timedelta(seconds=5)).timestamp() * 1000)
at_timestamp = call("GetShardIterator", {"StreamName": "cbor-wire", "ShardId": "shardId-000000000000",
                                         "ShardIteratorType": "AT_TIMESTAMP",
                                         "Timestamp": cbor2.CBORTag(1, millis)})["body"]["ShardIterator"]
seen["atTimestamp"] = call("GetRecords", {"ShardIterator": at_timestamp})
arn = seen["summary"]["body"]["StreamDescriptionSummary"]["StreamARN"]
consumer = call("RegisterStreamConsumer", {"StreamARN": arn, "ConsumerName": "wire"})
seen["consumer"] = consumer
seen["consumers"] = call("ListStreamConsumers", {"StreamARN": arn})
seen["subscription"] = subscribe(consumer["body"]["Consumer"]["ConsumerARN"], "shardId-000000000000")
seen["missing"] = call("DescribeStreamSummary", {"StreamName": "no-such-stream"})
seen["invalid"] = call("CreateStream", {"StreamName": "bad name!", "ShardCount": 0})

emit(describe(seen))
