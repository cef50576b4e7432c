"""The rule catalogue a report lists under its methodology.

Three sources: auditkit's public finding rules (docs/ARCHITECTURE.md), the semgrep rules
under ``rulesets/`` that extract the literals and sinks behind them, and bandit's tests.
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import rfc8785

from auditkit.core.model import Category, Severity
from auditkit.report.model import Rule, RuleFile

_SECURITY_IMPACT = (
    "A general security weakness in Python code, reported by bandit. It does not by itself "
    "move data out of the allowed jurisdictions, but it may weaken the controls around it."
)
_SECURITY_RECOMMENDATION = (
    "Fix the code following the bandit guidance for this test, or record a triage decision "
    "that explains why it is not exploitable here."
)


@dataclass(frozen=True, slots=True)
class _Public:
    id: str
    title: str
    category: Category
    severity: Severity | None
    engine: str
    description: str
    impact: str
    recommendation: str


_PUBLIC = (
    _Public(
        "endpoint.non-eu",
        "Non-EU endpoint",
        Category.NON_EU_ENDPOINT,
        None,
        "semgrep",
        "A hardcoded URL, host name, IP address or cloud region whose jurisdiction is known "
        "and not allowed by the policy. The jurisdiction comes from auditkit's offline "
        "classifier: cloud-provider region tables, country-code top-level domains, IP "
        "allocations, or the policy's deny_hosts. Severity is high when the basis is a cloud "
        "region, an IP allocation or the policy, and medium for a country-code domain.",
        "Data sent to this endpoint may be stored or processed outside the allowed "
        "jurisdictions. That breaks the data-residency commitment and may be a transfer of "
        "personal data to a third country under GDPR Chapter V.",
        "Move the dependency to an endpoint in an allowed jurisdiction (for a cloud service, "
        "an EU region), or route the traffic through the approved gateway. If the endpoint "
        "never receives personal data, record that decision in the triage file.",
    ),
    _Public(
        "endpoint.operator-jurisdiction",
        "Endpoint operated from a denied jurisdiction",
        Category.OPERATOR_JURISDICTION,
        None,
        "semgrep",
        "An endpoint located in an allowed place (an EU cloud region, a vendor's EU data "
        "region) whose operator, the provider's or vendor's ultimate parent, has its legal "
        "home outside the policy's [jurisdiction] operators. Reported only when the policy "
        "sets operators. Severity is high when the service stores what it is sent (object "
        "storage, databases, analytics), medium otherwise. Operators and their legal homes "
        "come from auditkit's operators table.",
        "The data sits in an allowed place, but the operator can be compelled by the "
        "authorities of its home country to hand it over (e.g. the US CLOUD Act, the PRC "
        "National Intelligence Law).",
        "Use a provider or vendor whose operator is in an allowed jurisdiction, or record a "
        "triage decision with the legal assessment.",
    ),
    _Public(
        "endpoint.unverified",
        "Unverified external endpoint",
        Category.UNVERIFIED_ENDPOINT,
        Severity.INFO,
        "semgrep",
        "An external endpoint whose jurisdiction cannot be determined offline, for example a "
        "generic top-level domain without a known provider. Listed as an inventory item for "
        "manual review.",
        "Unknown: data may leave the allowed jurisdictions without anyone noticing.",
        "Establish where the service is hosted and who operates it; then add it to "
        "allow_hosts or deny_hosts in the policy, or record a triage decision.",
    ),
    _Public(
        "gateway.bypass",
        "Gateway bypass: direct data-store access",
        Category.GATEWAY_BYPASS,
        None,
        "libcst, semgrep",
        "Code outside the gateway paths opens a database, cache, object store or message "
        "store directly, through a known data-store driver API. Without a declared gateway "
        "the same accesses are listed at low severity as an inventory.",
        "Data access that bypasses the gateway escapes its residency, access-control and "
        "logging guarantees: the gateway's controls cannot be relied upon for this data.",
        "Replace the direct access with a call to the gateway's API, or move the code into "
        "the gateway and declare it in gateway.paths.",
    ),
    _Public(
        "gateway.protected-host",
        "Gateway bypass: protected internal service",
        Category.GATEWAY_BYPASS,
        Severity.HIGH,
        "libcst, semgrep",
        "Code outside the gateway calls an internal data service that the policy declares "
        "protected (gateway.protected_hosts).",
        "The protected service is reached without the gateway's residency and access "
        "controls; its data can flow anywhere the calling service sends it.",
        "Call the gateway instead of the protected service, or move the code into the gateway.",
    ),
    _Public(
        "gateway.import",
        "Data-store driver imported outside the gateway",
        Category.GATEWAY_BYPASS,
        None,
        "libcst",
        "A data-store driver module is imported outside the gateway, but no direct call to it "
        "was found in the same file (the import-graph view of a gateway bypass).",
        "Lower confidence: the driver may be used indirectly or be dead code. Either way the "
        "module boundary that the gateway relies on is not enforced.",
        "Remove the import, or move the code that needs it into the gateway.",
    ),
    _Public(
        "data-egress.endpoint",
        "Personal data sent to a non-EU or unverified endpoint",
        Category.DATA_EGRESS,
        None,
        "libcst, semgrep",
        "A value of a [data.categories] category flows, within a function, to an HTTP call, "
        "a SaaS SDK call, a message producer or a storage upload whose endpoint is outside "
        "the allowed jurisdictions (critical) or cannot be placed (high). evidence.flow lists "
        "the steps from the source to the sink.",
        "Personal data of this category leaves the EU enclave: a transfer to a third country "
        "under GDPR Chapter V, against the programme's residency promise.",
        "Send only what the recipient needs (drop, hash or tokenise the value), or use the "
        "vendor's EU endpoint, or route the call through the gateway.",
    ),
    _Public(
        "data-egress.log",
        "Personal data written to a log",
        Category.DATA_EGRESS,
        Severity.MEDIUM,
        "libcst, semgrep",
        "A value of a [data.categories] category reaches a log or print call.",
        "Logs are shipped, retained and read far more widely than the store the data came "
        "from; the residency and access guarantees do not follow them.",
        "Log an identifier or a masked value instead.",
    ),
    _Public(
        "data-egress.store",
        "Personal data written to a store outside the gateway",
        Category.DATA_EGRESS,
        Severity.HIGH,
        "libcst, semgrep",
        "A value of a [data.categories] category is written to a data store (a catalogued "
        "driver's handle in Python; a store-like receiver in other languages) outside the "
        "gateway paths.",
        "A copy of the data escapes the gateway's residency and access controls.",
        "Write through the gateway's API, or move the code into the gateway.",
    ),
    _Public(
        "gateway.authorization",
        "Gateway entry point without an authorization check",
        Category.GATEWAY_AUTHORIZATION,
        Severity.HIGH,
        "libcst, semgrep",
        "A route handler or exported function inside the gateway paths reaches a protected "
        "store or data category with none of the policy's [gateway.authorization] checks "
        "(decorator, annotation, or a call before the access).",
        "Anyone who can reach the endpoint can read the protected data: the gateway does not "
        "enforce that only authorised employees reach it.",
        "Add the authorization check to the entry point before the access.",
    ),
)


@dataclass(frozen=True, slots=True)
class RuleCatalog:
    rules: tuple[Rule, ...]
    ruleset_digest: str
    ruleset_files: tuple[RuleFile, ...]


def load_catalog() -> RuleCatalog:
    """The catalogue of the rules this auditkit installation ships and runs."""
    from auditkit import __version__
    from auditkit.rulesets import ruleset_digest, ruleset_files, rulesets_dir

    base = rulesets_dir()
    files = tuple(
        RuleFile(p.relative_to(base).as_posix(), hashlib.sha256(p.read_bytes()).hexdigest())
        for p in ruleset_files()
    )
    semgrep = [
        rule
        for p in ruleset_files()
        if p.suffix == ".yaml" and p.relative_to(base).parts[0] == "semgrep"
        for rule in semgrep_rules(p.relative_to(base).as_posix(), p.read_bytes())
    ]
    rules = (*public_rules(__version__), *semgrep, *bandit_rules())
    return RuleCatalog(tuple(rules), ruleset_digest(), files)


def public_rules(version: str) -> tuple[Rule, ...]:
    """auditkit's own finding rules; their digest pins the definition and tool version."""
    out = []
    for p in _PUBLIC:
        definition = {"id": p.id, "title": p.title, "description": p.description}
        digest = _digest({**definition, "auditkit": version})
        out.append(
            Rule(
                id=p.id,
                title=p.title,
                description=p.description,
                role="finding",
                engine=p.engine,
                category=p.category,
                severity=p.severity,
                source="auditkit",
                digest=digest,
                impact=p.impact,
                recommendation=p.recommendation,
            )
        )
    return tuple(out)


def semgrep_rules(rel_path: str, content: bytes) -> list[Rule]:
    """The rules of one semgrep YAML file; the digest of each is the file's sha256."""
    import yaml  # type: ignore[import-untyped]  # PyYAML ships no stubs; bandit brings it

    digest = hashlib.sha256(content).hexdigest()
    data = yaml.safe_load(content) or {}
    out = []
    for raw in data.get("rules", []) if isinstance(data, dict) else []:
        if not isinstance(raw, dict) or "id" not in raw:
            continue
        meta = (raw.get("metadata") or {}).get("auditkit") or {}
        message = " ".join(str(raw.get("message", "")).split())
        out.append(
            Rule(
                id=str(raw["id"]),
                title=str(meta.get("title") or raw["id"]),
                description=message,
                role=str(meta.get("role") or "extractor"),
                engine="semgrep",
                category=None,
                severity=None,
                source=f"rulesets/{rel_path}",
                digest=digest,
                impact="",
                recommendation="",
            )
        )
    return out


def bandit_rules() -> tuple[Rule, ...]:
    """Every bandit test, from bandit's own plugin registry (no subprocess)."""
    import warnings

    try:
        with warnings.catch_warnings():  # stevedore's deprecation noise while plugins load
            warnings.simplefilter("ignore", DeprecationWarning)
            from bandit.core import extension_loader  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - bandit is a dependency
        return ()
    from importlib.metadata import version as dist_version

    source = f"bandit {dist_version('bandit')}"
    manager: Any = extension_loader.MANAGER
    rules = [_bandit_plugin(tid, p.plugin, source) for tid, p in manager.plugins_by_id.items()]
    rules += [_bandit_blacklist(tid, e, source) for tid, e in manager.blacklist_by_id.items()]
    return tuple(sorted(rules, key=lambda r: r.id))


def _bandit_plugin(test_id: str, plugin: Any, source: str) -> Rule:
    # The reST heading "Bxxx: title" sits in the function's docstring when one module holds
    # several tests (B105-B107), else in the module's.
    title, description = _doc_parts(inspect.getdoc(plugin) or "", test_id)
    if not title:
        title, description = _doc_parts(inspect.getdoc(inspect.getmodule(plugin)) or "", test_id)
    try:
        code = inspect.getsource(plugin)
    except (OSError, TypeError):
        code = test_id
    return _bandit_rule(
        test_id,
        title or plugin.__name__.replace("_", " "),
        description,
        None,
        source,
        hashlib.sha256(code.encode("utf-8")).hexdigest(),
    )


def _bandit_blacklist(test_id: str, entry: dict[str, Any], source: str) -> Rule:
    names = ", ".join(entry.get("qualnames", [])[:6])
    message = str(entry.get("message", "")).replace("{name}", names or entry.get("name", ""))
    severity = {"HIGH": Severity.HIGH, "MEDIUM": Severity.MEDIUM, "LOW": Severity.LOW}.get(
        str(entry.get("level", "")).upper()
    )
    return _bandit_rule(
        test_id,
        f"Blacklisted: {entry.get('name', test_id)}",
        message,
        severity,
        source,
        _digest({k: entry.get(k) for k in ("id", "name", "qualnames", "message", "level")}),
    )


def _bandit_rule(
    test_id: str,
    title: str,
    description: str,
    severity: Severity | None,
    source: str,
    digest: str,
) -> Rule:
    return Rule(
        id=f"bandit.{test_id}",
        title=title,
        description=description or title,
        role="finding",
        engine="bandit",
        category=Category.SECURITY,
        severity=severity,
        source=source,
        digest=digest,
        impact=_SECURITY_IMPACT,
        recommendation=_SECURITY_RECOMMENDATION,
    )


def _doc_parts(doc: str, test_id: str) -> tuple[str, str]:
    """Title and first paragraph of a bandit plugin's reST module docstring."""
    lines = doc.splitlines()
    title = ""
    body_start = 0
    for i, line in enumerate(lines):
        if line.strip("* ").startswith(f"{test_id}:"):  # "B506: …" or "**B105: …**"
            title = line.strip("* ").split(":", 1)[1].strip()
            body_start = i + 1
            break
    paragraph: list[str] = []
    for line in lines[body_start:]:
        stripped = line.strip()
        if set(stripped) <= {"="} and stripped:
            continue
        if not stripped:
            if paragraph:
                break
            continue
        paragraph.append(stripped)
    return title, " ".join(paragraph).replace("``", "")


def _digest(value: Any) -> str:
    return hashlib.sha256(rfc8785.dumps(value)).hexdigest()


def rules_for_ids(catalog: Iterable[Rule], ids: Iterable[str]) -> tuple[Rule, ...]:
    wanted = set(ids)
    return tuple(r for r in catalog if r.id in wanted)
