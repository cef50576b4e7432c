"""find_endpoints: which parts of a string literal may be endpoints."""

from __future__ import annotations

import pytest

from auditkit.jurisdiction import find_endpoints

CASES = [
    # whole-literal region codes count; inside prose they do not
    ("eu-west-2", ["eu-west-2"]),
    (" eu-west-2 ", ["eu-west-2"]),
    ("westeurope", ["westeurope"]),
    ("West Europe", ["West Europe"]),
    ("Germany West Central", ["Germany West Central"]),
    ("Regions.US_EAST_1", ["Regions.US_EAST_1"]),
    ("us-west-2a", ["us-west-2a"]),
    ("fsn1", ["fsn1"]),
    ("deployed to eu-west-2 last year", []),
    ("the West Europe region", []),
    # URLs of any scheme, trailing punctuation dropped
    (
        "https://a.example.de/x and http://b.example.fr.",
        ["https://a.example.de/x", "http://b.example.fr"],
    ),
    ("(https://x.example.de/a)", ["https://x.example.de/a"]),
    ("postgres://u:p@10.0.0.1:5432/db", ["postgres://u:p@10.0.0.1:5432/db"]),
    (
        "mongodb+srv://cluster0.abcde.mongodb.net/test",
        ["mongodb+srv://cluster0.abcde.mongodb.net/test"],
    ),
    ("bucket=s3://b/key", ["s3://b/key"]),
    ("jdbc:postgresql://db.example.de:5432/app", ["jdbc:postgresql://db.example.de:5432/app"]),
    ("jdbc:oracle:thin:@//db.example.fr:1521/svc", ["jdbc:oracle:thin:@//db.example.fr:1521/svc"]),
    ("see https://${HOST}/x", ["https://${HOST}/x"]),
    # host[:port], IP literals
    (
        "Server=tcp:myserver.database.windows.net,1433;Database=db",
        ["myserver.database.windows.net"],
    ),
    (
        "kafka-1.example.de:9092,kafka-2.example.de:9092",
        ["kafka-1.example.de:9092", "kafka-2.example.de:9092"],
    ),
    ("connect 10.0.0.1:5432 or [2001:db8::1]:443", ["10.0.0.1:5432", "[2001:db8::1]:443"]),
    ("image: europe-west2-docker.pkg.dev/p/r/i:1", ["europe-west2-docker.pkg.dev/p/r/i:1"]),
    ("see api.example.de/v1/x, then", ["api.example.de/v1/x"]),
    ("github.com/aws/aws-sdk-go-v2/aws", ["github.com/aws/aws-sdk-go-v2/aws"]),
    ("12:30:45 2001:db8::5", ["2001:db8::5"]),
    ("10.0.0.0/8", ["10.0.0.0"]),
    ("redis:6379", ["redis:6379"]),
    ("localhost:8080", ["localhost:8080"]),
    (
        "arn:aws:s3:eu-central-1:123456789012:accesspoint/x",
        ["arn:aws:s3:eu-central-1:123456789012:accesspoint/x"],
    ),
    # not endpoints at all
    ("v1.2.3", []),
    ("1.2.3.4.5", []),
    ("mail me at a@b.de", []),
    ("", []),
    ("   ", []),
    ("hello", []),
    ("ERROR", []),
]


@pytest.mark.parametrize(("literal", "expected"), CASES, ids=[c[0] or "<empty>" for c in CASES])
def test_find_endpoints(literal: str, expected: list[str]) -> None:
    spans = find_endpoints(literal)
    assert [text for _, _, text in spans] == expected
    for start, end, text in spans:
        assert literal[start:end] == text
