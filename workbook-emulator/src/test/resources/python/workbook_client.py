"""What every test script shares: clients for the emulator, errors as data, and the JSON it prints.

A script observes and prints; the JUnit test that ran it (PythonScript) checks. So a script never
asserts: it records what a client saw, with the types that client gave it (a botocore timestamp is a
datetime, a blob is bytes), and the Java side decides whether that is what AWS would have given.
"""

import base64
import datetime
import decimal
import json
import os
import sys
import urllib.error
import urllib.request

ENDPOINT = os.environ["WORKBOOK_ENDPOINT"]
REGION = os.environ.get("AWS_DEFAULT_REGION", "us-east-1")


def client(service, validate=True):
    """A botocore client for the emulator that never retries, so the script sees each answer as sent.
    validate=False sends what an older botocore's model would refuse (Debian's knows 2022's limits)."""
    import boto3
    from botocore.config import Config

    session = boto3.session.Session(
        aws_access_key_id="workbook", aws_secret_access_key="workbook", region_name=REGION)
    config = Config(retries={"max_attempts": 1, "mode": "standard"}, connect_timeout=5, read_timeout=60,
                    s3={"addressing_style": "path"}, parameter_validation=validate)
    return session.client(service, endpoint_url=ENDPOINT, config=config)


def supports(service_client, operation):
    """Whether this botocore knows an operation: Debian's is older than AWS's newest operations."""
    return hasattr(service_client, operation)


def error_of(call, *args, **kwargs):
    """Calls a client method that should fail: the error as botocore read it, or None if it succeeded."""
    from botocore.exceptions import ClientError

    try:
        call(*args, **kwargs)
    except ClientError as e:
        error = e.response.get("Error", {})
        return {
            "code": error.get("Code"),
            "message": error.get("Message"),
            "status": e.response.get("ResponseMetadata", {}).get("HTTPStatusCode"),
            "exception": type(e).__name__,
        }
    return None


def get(path, service):
    """A raw REST GET, below any SDK, signed (in name only) for a service: (status, headers with
    lowercase names, body bytes). The emulator routes REST calls by path and the signature's service."""
    return send(urllib.request.Request(ENDPOINT + path, method="GET", headers={
        "Authorization": "AWS4-HMAC-SHA256 Credential=workbook/20260101/" + REGION + "/" + service + "/aws4_request"}))


def raw_error(status_headers_body):
    """A raw error answer: its status, x-amzn-ErrorType and the members of its JSON body, as sent."""
    status, headers, body = status_headers_body
    return {"status": status, "errorType": headers.get("x-amzn-errortype"), "body": json.loads(body)}


def post(target, body, content_type):
    """A raw RPC call (X-Amz-Target), below any SDK: (status, headers with lowercase names, body bytes)."""
    return send(urllib.request.Request(ENDPOINT + "/", data=body, method="POST", headers={
        "Content-Type": content_type,
        "X-Amz-Target": target,
        "Authorization": "AWS4-HMAC-SHA256 Credential=workbook/20260101/" + REGION + "/any/aws4_request",
    }))


def send(request):
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, lowercase(response.headers), response.read()
    except urllib.error.HTTPError as e:
        return e.code, lowercase(e.headers), e.read()


def lowercase(headers):
    return {name.lower(): value for name, value in headers.items()}


def typed(value):
    """A client's value as JSON that keeps its type: datetimes and bytes are marked, so a test can tell."""
    if isinstance(value, datetime.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, (bytes, bytearray)):
        return {"bytes": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, decimal.Decimal):
        return {"decimal": str(value)}
    if isinstance(value, dict):
        return {str(k): typed(v) for k, v in value.items() if k != "ResponseMetadata"}
    if isinstance(value, (list, tuple)):
        return [typed(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((typed(v) for v in value), key=json.dumps)
    if hasattr(value, "read"):  # a streaming body
        return {"bytes": base64.b64encode(value.read()).decode("ascii")}
    return value


def emit(observations):
    """Prints what the script observed, as one JSON document, for the JUnit test to check, with the
    botocore version that observed it (when botocore was used)."""
    if "botocore" in sys.modules:
        observations = dict(observations, botocoreVersion=sys.modules["botocore"].__version__)
    json.dump(typed(observations), sys.stdout)
    sys.stdout.write("\n")
