"""Annotated test file for endpoint-literal-python (semgrep convention).

A URL in a module docstring is documentation: https://docs.example.com/module
"""

import boto3
import requests

# URLs of many schemes
# ruleid: endpoint-literal-python
API = "https://api.example.com/v1/items?x=1"
# ruleid: endpoint-literal-python
BUCKET = 's3://audit-bucket/prefix/'
# ruleid: endpoint-literal-python
GCS = "gs://bucket/object"
# ruleid: endpoint-literal-python
PG = "postgresql://user:secret@db.example.com:5432/app"
# ruleid: endpoint-literal-python
MONGO = "mongodb+srv://cluster0.abcde.mongodb.net/test"
# ruleid: endpoint-literal-python
JDBC = "jdbc:postgresql://db.example.de:5432/app"
# ruleid: endpoint-literal-python
REDIS = "redis://cache.internal:6379/0"
# ruleid: endpoint-literal-python
AMQP = "amqp://guest:guest@mq.example.com:5672/vhost"
# ruleid: endpoint-literal-python
CMD = "curl -fsS https://install.example.com/get.sh | sh"

# host names, host:port, paths, wildcards, domain suffixes
# ruleid: endpoint-literal-python
HOST = "api.example.com"
# ruleid: endpoint-literal-python
HOSTPORT = "db.example.co.uk:5432"
# ruleid: endpoint-literal-python
HOSTPATH = "storage.example.com/bucket/key"
# ruleid: endpoint-literal-python
WILDCARD = "*.example.com"
# ruleid: endpoint-literal-python
SUFFIX = ".svc.cluster.local"
# ruleid: endpoint-literal-python
IDN = "xn--80ak6aa92e.xn--p1ai"
# ruleid: endpoint-literal-python
BROKERS = "kafka-1.example.com:9092,kafka-2.example.com:9092"

# IP addresses
# ruleid: endpoint-literal-python
IPV4 = "203.0.113.7"
# ruleid: endpoint-literal-python
IPV4_PORT = "203.0.113.7:8080"
# ruleid: endpoint-literal-python
CIDR = "10.0.0.0/16"
# ruleid: endpoint-literal-python
IPV6 = "2001:db8::1"
# ruleid: endpoint-literal-python
IPV6_PORT = "[2001:db8::1]:443"
# ruleid: endpoint-literal-python
IPV6_FULL = "2001:0db8:0000:0000:0000:ff00:0042:8329"
# ruleid: endpoint-literal-python
MAPPED = "::ffff:192.0.2.1"

# cloud regions and zones
# ruleid: endpoint-literal-python
s3 = boto3.client("s3", region_name="us-east-1")
# ruleid: endpoint-literal-python
HUAWEI = "eu-west-101"
# ruleid: endpoint-literal-python
GOV = "us-gov-west-1"
# ruleid: endpoint-literal-python
AZ = "eu-west-1a"
# ruleid: endpoint-literal-python
AZ_ID = "euw1-az3"
# ruleid: endpoint-literal-python
GCP = "europe-west2"
# ruleid: endpoint-literal-python
GCP_ZONE = "us-central1-a"
# ruleid: endpoint-literal-python
TENCENT = "ap-guangzhou"
# ruleid: endpoint-literal-python
SCALEWAY = "fr-par"
# ruleid: endpoint-literal-python
SCALEWAY_ZONE = "nl-ams-1"
# ruleid: endpoint-literal-python
OCI = "eu-frankfurt-1"
# ruleid: endpoint-literal-python
IBM = "eu-de"
# ruleid: endpoint-literal-python
EXOSCALE = "de-fra-1"
# ruleid: endpoint-literal-python
HETZNER = "fsn1"
# ruleid: endpoint-literal-python
AZURE = "westeurope"
# ruleid: endpoint-literal-python
AZURE_US = "eastus2"
# ruleid: endpoint-literal-python
AZURE_DISPLAY = "Switzerland North"
# ruleid: endpoint-literal-python
ARN = "arn:aws:sqs:us-west-2:123456789012:orders"

# connection strings without a URL
# ruleid: endpoint-literal-python
MSSQL = "Server=tcp:orders.database.windows.net,1433;Initial Catalog=orders;"
# ruleid: endpoint-literal-python
LIBPQ = "host=db.example.com port=5432 dbname=app"

# literal forms: bytes, raw, triple-quoted, implicit concatenation, f-strings
# ruleid: endpoint-literal-python
RAW = rb"raw.example.com"
# ruleid: endpoint-literal-python
TRIPLE = """https://triple.example.com/path
    more text
"""
# ruleid: endpoint-literal-python
CONCAT = "first.example.com" "second.example.com"
# ruleid: endpoint-literal-python
FSTRING = f"https://api.example.com/{version}/items"
# ruleid: endpoint-literal-python
FSTRING_SUFFIX = f"https://{bucket}.s3.eu-central-1.amazonaws.com/key"
# ruleid: endpoint-literal-python
FORMAT = "https://{}.example.com/".format(tenant)
# ruleid: endpoint-literal-python
requests.get("https://call.example.com/x", timeout=3)
# ruleid: endpoint-literal-python
MAPPING = {"primary.example.com": 5432}


def handler(event):
    """Docstring URLs are documentation: https://docs.example.com/handler"""
    # ruleid: endpoint-literal-python
    return "https://return.example.com"


# ";" inside a URL (CSS2 font axes) is part of it; a ";" that ends the token, starts the next
# URL of a list or a key=value property (JDBC options, matrix parameters) is not
# ruleid: endpoint-literal-python
AXES = "https://fonts.example.com/css2?family=Inter:wght@400;600"
# ruleid: endpoint-literal-python
SESSION = "https://shop.example.com/cart;jsessionid=ABC123?x=1"
# ruleid: endpoint-literal-python
TWO_URLS = "https://one.example.com/a;https://two.example.com/b"
# ruleid: endpoint-literal-python
ENDS = "https://semi.example.com/x;"


class Client:
    """See https://docs.example.com/client and eu-west-1."""

    # ruleid: endpoint-literal-python
    endpoint = "https://client.example.com"


# annotated assignments: pydantic settings, dataclass defaults, typed module constants
# ruleid: endpoint-literal-python
TYPED_URL: str = "https://typed.example.com/v1"


class Settings:
    """Defaults of a pydantic BaseSettings class, not documentation."""

    # ruleid: endpoint-literal-python
    database_url: str = "postgresql://settings.example.com:5432/app"
    # ruleid: endpoint-literal-python
    aws_region: str = "ap-northeast-2"


def typed_local():
    # ruleid: endpoint-literal-python
    target: str = "https://local.example.com"
    return target


# negatives
# ok: endpoint-literal-python
WORD = "hello"
# ok: endpoint-literal-python
SENTENCE = "deploy to eu-west-1 later"
# ok: endpoint-literal-python
CONFIG = "config.yaml"
# ok: endpoint-literal-python
SETUP = "setup.py"
# ok: endpoint-literal-python
JAVA_PACKAGE = "com.example.app"
# ok: endpoint-literal-python
VERSION = "1.2.3"
# ok: endpoint-literal-python
SEPARATOR = "::"
# ok: endpoint-literal-python
TIME = "12:30:45"
# ok: endpoint-literal-python
KEBAB = "max-age"
# ok: endpoint-literal-python
SCHEME_ONLY = f"https://{host}"
# ok: endpoint-literal-python
URL_FORMAT = "%s://%s:%d" % (scheme, host, port)
# ok: endpoint-literal-python
LOCALE = "de-DE"
# ok: endpoint-literal-python
WORDS = "de-duplicate"
# ok: endpoint-literal-python
EMPTY = ""
# ok: endpoint-literal-python
ALIAS = API
# ok: endpoint-literal-python
x = 1  # "https://comment.example.com" and eu-west-1 in a comment
# https://comment.example.com/only
"""A bare string statement is documentation too: https://bare.example.com"""


# longer text (issue 12, class 2): each candidate is matched on its own line, inside
# multi-line literals and commands built as strings; prose around a region is not a setting
TRANSCRIPT = """POST /v1/events HTTP/1.1
# ruleid: endpoint-literal-python
Host: transcript.example.com
# ruleid: endpoint-literal-python
X-Upstream: 198.51.100.23:8443
# ok: endpoint-literal-python
deployed to eu-west-2 last year
"""
SQL = """
    SELECT id FROM servers
    # ruleid: endpoint-literal-python
    WHERE region = 'ap-southeast-2'
"""
# ruleid: endpoint-literal-python
DEPLOY = "aws s3 sync dist s3://site --region ap-southeast-1"
# ruleid: endpoint-literal-python
PROBE = "curl -fsS health.example.net"
ONE_LINE = (
    # ruleid: endpoint-literal-python
    "GET / HTTP/1.1\r\nHost: escaped.example.com\r\n\r\n"
)


def documented():
    """An example request in a docstring is documentation:

    Host: docs.example.com
    --region us-west-1
    """


# region ids in the forms SDKs use (issue 12, class 4)
# ruleid: endpoint-literal-python
OSS_BUCKET = oss2.Bucket(auth, endpoint, "media", region="oss-cn-hangzhou")
# ruleid: endpoint-literal-python
OSS_ENDPOINT = f"oss-cn-beijing-{suffix}.aliyuncs.com"
# ruleid: endpoint-literal-python
ZONE = "us-west-2a"
# ruleid: region-location-python
bq = bigquery.Client(location="US")
# ruleid: region-location-python
bq.location = "asia"
# ok: region-location-python
label = Label(text="US")
# ok: region-location-python
dataset = bigquery.Dataset(ref, location=region)


# A class attribute that is the first statement of its class body is a setting, not a
# docstring (found missing on healthchecks: Twilio URLs first in their transport classes)
class FirstAttribute:
    # ruleid: endpoint-literal-python
    URL = "https://first-attribute.example.com/v1"
    timeout = 10


class DocumentedClass:
    """Documentation: https://class-doc.example.com/ is not an endpoint."""

    # ruleid: endpoint-literal-python
    URL = "https://after-docstring.example.com/v1"


class BareString:
    # ok: endpoint-literal-python
    "https://bare-string.example.com"
    y = 2
