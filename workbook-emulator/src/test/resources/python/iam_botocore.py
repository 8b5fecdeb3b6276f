"""IAM and STS (query protocol, XML) through botocore: the calls the workbook's AWS path makes."""

import json
import urllib.parse

from workbook_client import client, emit, error_of

iam = client("iam")
sts = client("sts")
trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {
    "Service": "firehose.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
seen = {"caller": sts.get_caller_identity()}
seen["caller"].pop("ResponseMetadata", None)
created = iam.create_role(RoleName="kinesis-workbook-firehose", AssumeRolePolicyDocument=trust,
                          Tags=[{"Key": "created-by", "Value": "kinesis-workbook"}])["Role"]
seen["created"] = {"arn": created["Arn"], "createDateType": type(created["CreateDate"]).__name__}
iam.put_role_policy(RoleName="kinesis-workbook-firehose", PolicyName="read-streams",
                    PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": []}))
role = iam.get_role(RoleName="kinesis-workbook-firehose")["Role"]
# botocore decodes the URL-encoded policy document into a dict, as it does AWS's.
seen["trust"] = role["AssumeRolePolicyDocument"]
seen["tags"] = iam.list_role_tags(RoleName="kinesis-workbook-firehose")["Tags"]
seen["policies"] = iam.list_role_policies(RoleName="kinesis-workbook-firehose")["PolicyNames"]
seen["roles"] = [r["RoleName"] for r in iam.list_roles()["Roles"]]
seen["errors"] = {
    "deleteWithPolicy": error_of(iam.delete_role, RoleName="kinesis-workbook-firehose"),
    "missing": error_of(iam.get_role, RoleName="no-such-role"),
    "twice": error_of(iam.create_role, RoleName="kinesis-workbook-firehose", AssumeRolePolicyDocument=trust),
}
iam.delete_role_policy(RoleName="kinesis-workbook-firehose", PolicyName="read-streams")
iam.delete_role(RoleName="kinesis-workbook-firehose")
seen["afterDelete"] = [r["RoleName"] for r in iam.list_roles()["Roles"]]
emit(seen)
