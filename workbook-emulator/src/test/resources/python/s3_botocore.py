"""S3 (REST-XML, served by S3Proxy inside the emulator) through botocore."""

import urllib.request

from workbook_client import client, emit, error_of

s3 = client("s3")
seen = {}

s3.create_bucket(Bucket="py-bucket")
s3.put_object(Bucket="py-bucket", Key="dir/hello.txt", Body=b"hello, s3", ContentType="text/plain",
              Metadata={"owner": "workbook"})
seen["head"] = s3.head_object(Bucket="py-bucket", Key="dir/hello.txt")
seen["body"] = s3.get_object(Bucket="py-bucket", Key="dir/hello.txt")["Body"].read().decode()
seen["range"] = s3.get_object(Bucket="py-bucket", Key="dir/hello.txt", Range="bytes=0-4")["Body"].read().decode()
seen["list"] = s3.list_objects_v2(Bucket="py-bucket", Prefix="dir/", Delimiter="/")
url = s3.generate_presigned_url("get_object", Params={"Bucket": "py-bucket", "Key": "dir/hello.txt"}, ExpiresIn=60)
with urllib.request.urlopen(url, timeout=30) as response:
    seen["presigned"] = response.read().decode()
seen["buckets"] = [b["Name"] for b in s3.list_buckets()["Buckets"]]
seen["errors"] = {
    "noSuchKey": error_of(s3.get_object, Bucket="py-bucket", Key="missing"),
    "noSuchBucket": error_of(s3.list_objects_v2, Bucket="no-such-bucket"),
    "notEmpty": error_of(s3.delete_bucket, Bucket="py-bucket"),
}
s3.delete_object(Bucket="py-bucket", Key="dir/hello.txt")
s3.delete_bucket(Bucket="py-bucket")
seen["bucketsAfter"] = [b["Name"] for b in s3.list_buckets()["Buckets"]]
emit(seen)
