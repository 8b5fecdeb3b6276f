"""DynamoDB through botocore (AWS JSON 1.0): tables, items of every type, errors, transactions,
PartiQL and the Kinesis streaming destination, with the types botocore gives back."""

import json

from workbook_client import client, emit, error_of, supports

dynamodb = client("dynamodb")
kinesis = client("kinesis")
seen = {}

created = dynamodb.create_table(
    TableName="py-orders", BillingMode="PAY_PER_REQUEST",
    KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
    AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"},
                          {"AttributeName": "status", "AttributeType": "S"}],
    GlobalSecondaryIndexes=[{"IndexName": "by-status", "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}],
                             "Projection": {"ProjectionType": "ALL"}}])
seen["created"] = created["TableDescription"]
seen["described"] = dynamodb.describe_table(TableName="py-orders")["Table"]
arn = seen["described"]["TableArn"]

dynamodb.put_item(TableName="py-orders", Item={
    "pk": {"S": "o-1"}, "sk": {"N": "1"}, "status": {"S": "new"}, "blob": {"B": b"\x00\x01"},
    "tags": {"SS": ["a", "b"]}, "nested": {"M": {"list": {"L": [{"N": "1.50"}, {"BOOL": True}, {"NULL": True}]}}}})
seen["item"] = dynamodb.get_item(TableName=arn, Key={"pk": {"S": "o-1"}, "sk": {"N": "1"}})["Item"]
seen["updated"] = dynamodb.update_item(
    TableName=arn, Key={"pk": {"S": "o-1"}, "sk": {"N": "1"}}, UpdateExpression="SET #s = :s ADD tags :t",
    ExpressionAttributeNames={"#s": "status"}, ExpressionAttributeValues={":s": {"S": "paid"}, ":t": {"SS": ["c"]}},
    ReturnValues="UPDATED_NEW")["Attributes"]
seen["query"] = dynamodb.query(TableName="py-orders", IndexName="by-status", KeyConditionExpression="#s = :s",
                               ExpressionAttributeNames={"#s": "status"},
                               ExpressionAttributeValues={":s": {"S": "paid"}})["Count"]

seen["partiql"] = {
    "insert": dynamodb.execute_statement(Statement="INSERT INTO \"py-orders\" VALUE {'pk': 'o-2', 'sk': 2, 'status': 'new'}"),
    "select": dynamodb.execute_statement(Statement="SELECT pk, sk FROM \"py-orders\" WHERE pk = ?",
                                         Parameters=[{"S": "o-2"}])["Items"],
    "batch": dynamodb.batch_execute_statement(Statements=[
        {"Statement": "UPDATE \"py-orders\" SET status = 'shipped' WHERE pk = 'o-2' AND sk = 2"},
        {"Statement": "INSERT INTO \"py-orders\" VALUE {'pk': 'o-2', 'sk': 2}"}])["Responses"],
    "transaction": dynamodb.execute_transaction(TransactStatements=[
        {"Statement": "SELECT * FROM \"py-orders\" WHERE pk = 'o-2' AND sk = 2"}])["Responses"],
    "duplicate": error_of(dynamodb.execute_statement,
                          Statement="INSERT INTO \"py-orders\" VALUE {'pk': 'o-2', 'sk': 2}"),
    "malformed": error_of(dynamodb.execute_statement, Statement="SELEKT * FROM \"py-orders\""),
}

seen["errors"] = {
    "missingTable": error_of(dynamodb.describe_table, TableName="no-such-table"),
    "conditionFailed": error_of(dynamodb.put_item, TableName="py-orders",
                                Item={"pk": {"S": "o-1"}, "sk": {"N": "1"}},
                                ConditionExpression="attribute_not_exists(pk)"),
    "transactionCanceled": error_of(dynamodb.transact_write_items, TransactItems=[
        {"Put": {"TableName": "py-orders", "Item": {"pk": {"S": "o-1"}, "sk": {"N": "1"}},
                 "ConditionExpression": "attribute_not_exists(pk)"}}]),
    "badKey": error_of(dynamodb.batch_write_item, RequestItems={"py-orders": [
        {"PutRequest": {"Item": {"pk": {"S": "no-sort-key"}}}}]}),
}

# The Kinesis streaming destination: the table's changes as records in a Kinesis stream.
kinesis.create_stream(StreamName="py-order-changes", ShardCount=1)
stream_arn = kinesis.describe_stream_summary(StreamName="py-order-changes")["StreamDescriptionSummary"]["StreamARN"]
seen["enabled"] = dynamodb.enable_kinesis_streaming_destination(TableName="py-orders", StreamArn=stream_arn)
seen["destinations"] = dynamodb.describe_kinesis_streaming_destination(TableName="py-orders")
dynamodb.put_item(TableName="py-orders", Item={"pk": {"S": "o-3"}, "sk": {"N": "3"}})
iterator = kinesis.get_shard_iterator(StreamName="py-order-changes", ShardId="shardId-000000000000",
                                      ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
seen["changeRecords"] = [json.loads(record["Data"]) for record in kinesis.get_records(ShardIterator=iterator)["Records"]]
if supports(dynamodb, "update_kinesis_streaming_destination"):
    seen["precision"] = dynamodb.update_kinesis_streaming_destination(
        TableName="py-orders", StreamArn=stream_arn,
        UpdateKinesisStreamingConfiguration={"ApproximateCreationDateTimePrecision": "MICROSECOND"})
seen["disabled"] = dynamodb.disable_kinesis_streaming_destination(TableName="py-orders", StreamArn=stream_arn)

seen["deleted"] = dynamodb.delete_table(TableName=arn)["TableDescription"]
emit(seen)
