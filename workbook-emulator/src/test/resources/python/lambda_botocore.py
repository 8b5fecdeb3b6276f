"""Lambda (REST-JSON) through botocore: a Java function deployed from the zip the test built, invoked."""

import base64
import json
import os

from workbook_client import client, emit, error_of, get, raw_error

lambda_ = client("lambda")
seen = {}

with open(os.environ["FUNCTION_ZIP"], "rb") as package:
    code = package.read()
seen["created"] = lambda_.create_function(FunctionName="py-greeter", Runtime="java17", Handler="demo.Greeter",
                                          Role="arn:aws:iam::000000000000:role/lambda", Code={"ZipFile": code},
                                          Timeout=10)
seen["configuration"] = lambda_.get_function_configuration(FunctionName="py-greeter")
invoked = lambda_.invoke(FunctionName="py-greeter", Payload=json.dumps({"name": "botocore"}), LogType="Tail")
seen["invoke"] = {
    "status": invoked["StatusCode"],
    "payload": json.loads(invoked["Payload"].read()),
    "version": invoked.get("ExecutedVersion"),
    "log": base64.b64decode(invoked["LogResult"]).decode(),
}
# An event that does not fit the handler's input type (a list for a Map) fails inside the runtime.
broken = lambda_.invoke(FunctionName="py-greeter", Payload=b"[1, 2]")
seen["functionError"] = {"error": broken.get("FunctionError"), "payload": json.loads(broken["Payload"].read())}
seen["functions"] = [f["FunctionName"] for f in lambda_.list_functions()["Functions"]]
seen["errors"] = {
    "missingFunction": error_of(lambda_.get_function, FunctionName="no-such-function"),
    "notJson": error_of(lambda_.invoke, FunctionName="py-greeter", Payload=b"not json"),
    "badRuntime": error_of(lambda_.create_function, FunctionName="py-python", Runtime="python3.12",
                           Handler="app.handler", Role="arn:aws:iam::000000000000:role/lambda",
                           Code={"ZipFile": code}),
}
# Below botocore, which reads either casing: Lambda names this error's member Message, capitalised.
seen["rawMissing"] = raw_error(get("/2015-03-31/functions/no-such-function", "lambda"))
lambda_.delete_function(FunctionName="py-greeter")
seen["afterDelete"] = error_of(lambda_.invoke, FunctionName="py-greeter", Payload=b"{}")
emit(seen)
