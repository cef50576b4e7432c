# ruff: noqa: E501
"""A fixed report from hand-made findings: the input of the golden-file tests.

It holds one finding of every kind the renderers must handle: each category and several
severities, a suppressed, a baselined and two triaged findings, a stale triage decision, an
engine issue, and a file name and literals that carry markup (which must stay text).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from auditkit.core.fingerprint import assign_fingerprints
from auditkit.core.model import (
    Category,
    Coverage,
    EngineIssue,
    EngineRun,
    Finding,
    Location,
    ScannedFile,
    ScanResult,
    Severity,
    SkippedFile,
    Suppression,
)
from auditkit.core.policy import Policy, parse_policy
from auditkit.core.waivers import (
    POLICY_FROM_TARGET,
    ExcludedEntry,
    Exclusion,
    GatewayShare,
    HostWaiver,
    WaivedEndpoint,
    Waivers,
)
from auditkit.report import Report, build_report
from auditkit.report.model import Decision, GitState, Rule, RuleFile, Status
from auditkit.report.rules import RuleCatalog, public_rules, semgrep_rules
from auditkit.report.triage import TriageFile

HOSTILE_DIR = 'services/"><img src=x onerror=alert(1)>'
HOSTILE_PATH = f"{HOSTILE_DIR}/a<script>alert(1)</script>.py"
HOSTILE_LITERAL = 'https://evil.example.cn/"><script>alert(1)</script>'

POLICY_TEXT = """\
[audit]
name = "Clover service audit"

[jurisdiction]
allowed = ["EU", "EEA"]
allow_hosts = ["*.clover.internal"]

[gateway]
name = "clover_gateway"
paths = ["services/gateway/**"]
protected_hosts = ["user-data.svc.cluster.local"]
"""

SEMGREP_RULES = b"""\
rules:
  - id: endpoint-url-literal
    message: A string literal that holds a URL or host name.
    languages: [python, go, javascript, typescript, java]
    severity: INFO
    metadata:
      auditkit:
        role: endpoint-literal
    pattern: '"$S"'
  - id: aws-region-constant
    message: An AWS SDK region constant such as Regions.US_EAST_1.
    languages: [java]
    severity: INFO
    metadata:
      auditkit:
        role: region-identifier
        provider: aws
    pattern: Regions.$R
"""


def _f(
    rule: str,
    category: Category,
    severity: Severity,
    message: str,
    path: str,
    line: int,
    needle: str,
    snippet: str,
    engine: str,
    evidence: dict[str, Any],
    suppression: Suppression | None = None,
) -> Finding:
    start = snippet.index(needle) + 1  # 1-based; the end column is exclusive
    end = start + len(needle.split("\n")[0])
    return Finding(
        rule_id=rule,
        category=category,
        severity=severity,
        message=message,
        location=Location(path, line, start, line, end),
        snippet=snippet,
        engine=engine,
        evidence=tuple(evidence.items()),
        suppression=suppression,
    )


def _endpoint(
    host: str,
    provider: str | None,
    region: str | None,
    country: str | None,
    basis: str | None,
    endpoint: str | None = None,
) -> dict[str, Any]:
    return {
        "endpoint": endpoint or f"https://{host}",
        "host": host,
        "provider": provider,
        "region": region,
        "jurisdiction": country,
        "basis": basis,
        "extractor": "endpoint-url-literal",
    }


def _operator(
    vendor: str, operator: str, home: str, eu_alternative: str | None = None
) -> dict[str, Any]:
    """The processor evidence of an endpoint finding (appendix F reads it)."""
    return {
        "vendor": vendor,
        "operator": operator,
        "operator_jurisdiction": home,
        "eu_alternative": eu_alternative,
    }


def findings() -> list[Finding]:
    ne, gw, uv, sec = (
        Category.NON_EU_ENDPOINT,
        Category.GATEWAY_BYPASS,
        Category.UNVERIFIED_ENDPOINT,
        Category.SECURITY,
    )
    out = [
        _f(
            "endpoint.non-eu",
            ne,
            Severity.HIGH,
            "Hardcoded endpoint outside the allowed jurisdictions: https://analytics.cn-beijing.aliyuncs.com (aliyun cn-beijing CN)",
            "services/feed/feed/analytics.py",
            8,
            '"https://analytics.cn-beijing.aliyuncs.com"',
            'ANALYTICS_URL = "https://analytics.cn-beijing.aliyuncs.com"',
            "semgrep",
            {
                **_endpoint(
                    "analytics.cn-beijing.aliyuncs.com",
                    "aliyun",
                    "cn-beijing",
                    "CN",
                    "cloud-region",
                ),
                **_operator("Alibaba Cloud", "Alibaba Group Holding Limited", "CN"),
            },
        ),
        _f(
            "endpoint.non-eu",
            ne,
            Severity.HIGH,
            "Hardcoded endpoint outside the allowed jurisdictions: us-east-1 (aws us-east-1 US)",
            "services/profile/store.go",
            21,
            '"us-east-1"',
            '\tcfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"))',
            "semgrep",
            {
                **_endpoint("", "aws", "us-east-1", "US", "cloud-region", endpoint="us-east-1"),
                "host": None,
                "candidates": [{"provider": "aws", "region": "us-east-1", "jurisdiction": "US"}],
                **_operator("AWS", "Amazon.com, Inc.", "US"),
            },
        ),
        _f(
            "endpoint.non-eu",
            ne,
            Severity.MEDIUM,
            "Hardcoded endpoint outside the allowed jurisdictions: https://verify.example.ru (RU)",
            "services/profile/verify.go",
            12,
            '"https://verify.example.ru"',
            'const verifyURL = "https://verify.example.ru"',
            "semgrep",
            _endpoint("verify.example.ru", None, None, "RU", "cctld"),
        ),
        _f(
            "endpoint.non-eu",
            ne,
            Severity.MEDIUM,
            "Hardcoded endpoint outside the allowed jurisdictions: | *pipes* & `ticks` <b>bold</b>",
            HOSTILE_PATH,
            3,
            f'"{HOSTILE_LITERAL}"',
            f'URL = "{HOSTILE_LITERAL}"  # ``` fence ```` breaker\n<img src=x onerror=alert(2)>',
            "semgrep",
            {
                **_endpoint("evil.example.cn", None, None, "CN", "cctld", endpoint=HOSTILE_LITERAL),
                **_operator(
                    "<b>Evil</b> | Vendor", "Evil & Co <script>", "CN", "`eu.evil.example`|x"
                ),
            },
        ),
        _f(
            "gateway.bypass",
            gw,
            Severity.HIGH,
            "Direct redis access via redis.Redis bypasses clover_gateway",
            "services/feed/feed/cache.py",
            14,
            'redis.Redis(host="cache.feed.svc", port=6379)',
            '    client = redis.Redis(host="cache.feed.svc", port=6379)',
            "libcst",
            {
                "sink": "redis.Redis",
                "store": "redis",
                "language": "python",
                "why": "services/feed/feed/cache.py is outside the gateway paths (services/gateway/**)",
            },
        ),
        _f(
            "gateway.protected-host",
            gw,
            Severity.HIGH,
            "Call to protected internal service user-data.svc.cluster.local bypasses clover_gateway",
            "services/feed/feed/profile_client.py",
            22,
            'requests.get("http://user-data.svc.cluster.local/v1/users/" + uid)',
            '    resp = requests.get("http://user-data.svc.cluster.local/v1/users/" + uid)',
            "libcst",
            {
                "sink": "requests.get",
                "store": "protected-service",
                "host": "user-data.svc.cluster.local",
                "language": "python",
                "why": "services/feed/feed/profile_client.py is outside the gateway paths (services/gateway/**)",
            },
        ),
        _f(
            "gateway.import",
            gw,
            Severity.LOW,
            "Data-store driver boto3 (s3) is imported outside the gateway; no direct call was found in this file",
            "services/feed/feed/archive.py",
            3,
            "boto3",
            "import boto3",
            "libcst",
            {
                "module": "boto3",
                "store": "s3",
                "language": "python",
                "why": "services/feed/feed/archive.py is outside the gateway paths (services/gateway/**)",
                "view": "import graph (import-linter forbidden contract equivalent)",
            },
        ),
        _f(
            "endpoint.unverified",
            uv,
            Severity.INFO,
            "External endpoint whose jurisdiction cannot be determined: https://metrics.example.com",
            "services/feed/feed/settings.py",
            5,
            '"https://metrics.example.com"',
            'METRICS_URL = "https://metrics.example.com"',
            "semgrep",
            _endpoint("metrics.example.com", None, None, None, None),
        ),
        _f(
            "endpoint.unverified",
            uv,
            Severity.INFO,
            "External endpoint whose jurisdiction cannot be determined: https://status.vendor.io",
            "services/feed/feed/settings.py",
            9,
            '"https://status.vendor.io"',
            'STATUS_URL = "https://status.vendor.io"',
            "semgrep",
            _endpoint("status.vendor.io", None, None, None, None),
        ),
        _f(
            "bandit.B608",
            sec,
            Severity.MEDIUM,
            "Possible SQL injection vector through string-based query construction.",
            "services/gateway/clover_gateway/legacy.py",
            31,
            '"SELECT * FROM users WHERE id = %s" % user_id',
            '    cur.execute("SELECT * FROM users WHERE id = %s" % user_id)',
            "bandit",
            {
                "test_id": "B608",
                "test_name": "hardcoded_sql_expressions",
                "confidence": "low",
                "cwe": "CWE-89",
                "more_info": "https://bandit.readthedocs.io/en/1.9.4/plugins/b608_hardcoded_sql_expressions.html",
            },
        ),
        _f(
            "bandit.B105",
            sec,
            Severity.LOW,
            "Possible hardcoded password: 'dev-only'",
            "services/gateway/clover_gateway/config.py",
            7,
            '"dev-only"',
            'DB_PASSWORD = "dev-only"  # auditkit: ignore[bandit.B105] local development default',
            "bandit",
            {
                "test_id": "B105",
                "test_name": "hardcoded_password_string",
                "confidence": "medium",
                "cwe": "CWE-259",
            },
            Suppression(
                "inline",
                "local development default",
                (("location", "services/gateway/clover_gateway/config.py:7"),),
            ),
        ),
        _f(
            "endpoint.non-eu",
            ne,
            Severity.HIGH,
            "Hardcoded endpoint outside the allowed jurisdictions: https://s3.us-west-2.amazonaws.com (aws us-west-2 US)",
            "services/feed/feed/media.py",
            4,
            '"https://s3.us-west-2.amazonaws.com"',
            'BUCKET = "https://s3.us-west-2.amazonaws.com"',
            "semgrep",
            _endpoint("s3.us-west-2.amazonaws.com", "aws", "us-west-2", "US", "cloud-region"),
            Suppression("baseline", "present in baseline .auditkit-baseline.json"),
        ),
        # Data egress (issue 17): a flow to a processor that endpoint findings name (appendix F
        # lists the category it receives), and one to a log whose path and notes carry markup.
        _f(
            "data-egress.endpoint",
            Category.DATA_EGRESS,
            Severity.CRITICAL,
            "Phone number data is sent to https://analytics.cn-beijing.aliyuncs.com (aliyun cn-beijing CN) by requests.post",
            "services/feed/feed/analytics.py",
            41,
            "requests.post(ANALYTICS_URL, json=payload)",
            "    requests.post(ANALYTICS_URL, json=payload)",
            "libcst",
            {
                "data_category": "phone_number",
                "sink": "requests.post",
                "sink_kind": "endpoint",
                "language": "python",
                **_endpoint(
                    "analytics.cn-beijing.aliyuncs.com",
                    "aliyun",
                    "cn-beijing",
                    "CN",
                    "cloud-region",
                ),
                "extractor": None,
                "vendor": "Alibaba Cloud",
                "resolved_via": "constant ANALYTICS_URL (line 8)",
                "flow": [
                    {
                        "path": "services/feed/feed/analytics.py",
                        "line": 37,
                        "note": "phone = user.phone_number",
                    },
                    {
                        "path": "services/feed/feed/analytics.py",
                        "line": 39,
                        "note": 'payload = {"msisdn": phone}',
                    },
                    {
                        "path": "services/feed/feed/analytics.py",
                        "line": 41,
                        "note": "sent by requests.post",
                    },
                ],
            },
        ),
        _f(
            "data-egress.log",
            Category.DATA_EGRESS,
            Severity.MEDIUM,
            "Phone number data is written to a log by logger.info",
            HOSTILE_PATH,
            12,
            'logger.info(f"<b>{phone}</b>")',
            '    logger.info(f"<b>{phone}</b>")',
            "libcst",
            {
                "data_category": "phone_number",
                "sink": "logger.info",
                "sink_kind": "log",
                "language": "python",
                "flow": [
                    {
                        "path": HOSTILE_PATH,
                        "line": 10,
                        "note": "phone = u['phone'] | `x` <script>alert(3)</script>",
                    },
                    {"path": HOSTILE_PATH, "line": 12, "note": "logged by logger.info"},
                ],
            },
        ),
    ]
    out.sort(key=Finding.sort_key)
    return assign_fingerprints(out)


def scan_result() -> ScanResult:
    fs = findings()
    paths = sorted({f.location.path for f in fs} | {"services/feed/feed/__init__.py"})
    scanned = tuple(
        ScannedFile(p, "go" if p.endswith(".go") else "python", f"{i:064x}", 1000 + i, 40 + i)
        for i, p in enumerate(paths)
    )
    return ScanResult(
        target="clover-service",
        findings=tuple(fs),
        coverage=Coverage(
            files_scanned=scanned,
            files_skipped=(
                SkippedFile("README.md", "no auditkit rules for this file type (.md)"),
                SkippedFile("node_modules/", "excluded by .gitignore"),
                SkippedFile(
                    "services/ios/App.swift", "no auditkit rules for this file type (.swift)"
                ),
                SkippedFile(
                    "services/feed/Makefile", "no auditkit rules for this file type (Makefile)"
                ),
            ),
            engine_issues=(
                EngineIssue(
                    "services/feed/feed/jobs.py", "libcst", "syntax error at line 3, column 9"
                ),
            ),
        ),
        engines=(
            EngineRun("semgrep", "1.185.0", len(scanned)),
            EngineRun("bandit", "1.9.4", 9),
            EngineRun("libcst", "1.8.6", 9),
        ),
        waivers=waivers(scanned),
    )


def waivers(scanned: tuple[ScannedFile, ...]) -> Waivers:
    """Every kind of waiver, a hostile path and endpoint among them (they must stay text)."""
    gateway = [f for f in scanned if f.path.startswith("services/gateway/")]
    allowed = WaivedEndpoint(
        HOSTILE_PATH, 3, 7, "https://media.clover.internal/<script>x</script>",
        "media.clover.internal", None, None, None, "compliant", None,
        ".internal is a private-use name.",
    )  # fmt: skip
    waived = WaivedEndpoint(
        "services/feed/feed/mirror.py", 5, 11, "https://mirror.cn.clover.internal",
        "mirror.cn.clover.internal", None, None, "CN", "non-eu-endpoint", "medium",
        ".cn is the country-code domain of China (CN), which the policy does not allow.",
    )  # fmt: skip
    return Waivers(
        excluded=(
            Exclusion("policy", "docs/**", (ExcludedEntry("docs/", 4),)),
            Exclusion("policy", "**/fixtures/**", ()),
            Exclusion(".auditkitignore", None, (ExcludedEntry(f"{HOSTILE_DIR}/vendor/", 2),)),
        ),
        allow_hosts=(HostWaiver("*.clover.internal", (allowed, waived)),),
        gateway=GatewayShare(
            ("services/gateway/**",),
            len(gateway),
            sum(f.lines for f in gateway),
            len(scanned),
            sum(f.lines for f in scanned),
        ),
        protected_hosts=("user-data.svc.cluster.local",),
        suppressed_inline=1,
        baselined=1,
        baseline=".auditkit-baseline.json",
    )


def policy() -> Policy:
    import tomllib

    # The audited tree's own auditkit.toml: the renderings' warning style is in the golden files.
    parsed = parse_policy(tomllib.loads(POLICY_TEXT), "auditkit.toml", POLICY_TEXT)
    return dataclasses.replace(parsed, origin=POLICY_FROM_TARGET)


def catalog() -> RuleCatalog:
    bandit = tuple(
        Rule(id=f"bandit.{tid}", title=title, description=desc, role="finding", engine="bandit",
             category=Category.SECURITY, severity=None, source="bandit 1.9.4", digest=f"{n:064x}",
             impact="A general security weakness in Python code.", recommendation="Fix it or triage it.")
        for n, (tid, title, desc) in enumerate([
            ("B105", "Test for use of hard-coded password strings", "Looks for string literals assigned to password-like names."),
            ("B608", "Test for SQL injection", "Looks for SQL built with string formatting."),
        ])
    )  # fmt: skip
    rules = (
        *public_rules("0.0.0-test"),
        *semgrep_rules("semgrep/endpoints.yaml", SEMGREP_RULES),
        *bandit,
    )
    return RuleCatalog(rules, "ab" * 32, (RuleFile("semgrep/endpoints.yaml", "cd" * 32),))


def triage() -> TriageFile:
    by_rule = {
        (f.rule_id, f.location.line if False else f.location.start_line): f for f in findings()
    }
    cache = by_rule[("gateway.bypass", 14)]
    status = by_rule[("endpoint.unverified", 9)]
    return TriageFile(
        source="triage.toml",
        decisions=(
            Decision(cache.fingerprint, Status.CONFIRMED, "Reproduced: the feed reads user rows from Redis directly.", "A. Auditor", "2026-01-14"),
            Decision(status.fingerprint, Status.FALSE_POSITIVE, "Public status page; never receives personal data.", "A. Auditor", "2026-01-14", "endpoint.unverified", "services/feed/feed/settings.py"),
            Decision("v1:" + "0" * 32, Status.ACCEPTED_RISK, "Legacy exporter, removed in this release.", "B. Reviewer", "2026-01-10", "endpoint.non-eu", "services/feed/feed/export.py"),
        ),
    )  # fmt: skip


def report(target: Path) -> Report:
    built = build_report(
        scan_result(),
        policy(),
        target,
        title="Clover service audit",
        client="Clover Health Data GmbH",
        auditor="Example Assurance <audit@example.eu>",
        date="2026-01-15",
        triage=triage(),
        catalog=catalog(),
    )
    return dataclasses.replace(
        built,
        metadata=dataclasses.replace(built.metadata, tool_version="0.0.0-test"),
        scope=dataclasses.replace(
            built.scope, git=GitState("0123456789abcdef0123456789abcdef01234567", False, "")
        ),
    )
