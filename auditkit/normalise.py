"""Engine results → findings: one place that knows each engine's shape."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from auditkit import config_hosts, datavalues, sourcetext
from auditkit.analyzers._python_catalogue import python_catalogue
from auditkit.core.model import Category, Finding, Location, Severity
from auditkit.core.pathmatch import is_test_path, matches_any
from auditkit.core.policy import GatewayPolicy, Policy
from auditkit.core.waivers import ALREADY_COMPLIANT, WaivedEndpoint
from auditkit.engines.bandit import BanditIssue
from auditkit.engines.python_cst import PythonFileResult
from auditkit.engines.semgrep import SemgrepMatch
from auditkit.flows.findings import FlowFindings
from auditkit.jurisdiction import Classifier, Verdict, find_endpoints, provider_hints
from auditkit.jurisdiction.hints import in_scope, key_before, key_hints, key_words, terraform_scopes
from auditkit.protected import host_is_protected, url_host

PROTECTED_REFERENCE = "reference to a protected host"
_BANDIT_SEVERITY = {"HIGH": Severity.HIGH, "MEDIUM": Severity.MEDIUM, "LOW": Severity.LOW}


@dataclass
class Normaliser:
    root: Path
    policy: Policy
    languages: dict[str, str]  # path -> language

    def __post_init__(self) -> None:
        self.classifier = Classifier(self.policy.jurisdiction)
        self._hints: dict[str, frozenset[str]] = {}
        self._tf_scopes: dict[str, tuple[tuple[int, int, str], ...]] = {}
        self._file_bytes: tuple[str, bytes] | None = None
        # (path, offset, list opener) of the last item looked up in a bracketed list
        self._last_list: tuple[str, int, str | None] | None = None
        # (path, indent) -> (line start, key) of the last YAML block list item looked up
        self._yaml_items: dict[tuple[str, int], tuple[int, str | None]] = {}
        # allow_hosts matches, with the verdict each endpoint has without allow_hosts: the
        # report shows what the allow-list waived (auditkit.triage.waivers).
        self.allowed_by_policy: list[tuple[str, WaivedEndpoint]] = []
        self._unwaived: Classifier | None = None
        self._flows: FlowFindings | None = None

    # ------------------------------------------------------------------ endpoints

    def endpoint_findings(self, match: SemgrepMatch) -> list[Finding]:
        raw = sourcetext.matched_text(self.root, match.path, match.start.offset, match.end.offset)
        if match.role == "region-identifier":
            value = raw
            values = [(0, len(raw), raw.rsplit(".", 1)[-1])]
            hints = frozenset({match.get("provider") or ""}) - {""}
        else:
            value = sourcetext.literal_value(raw)
            values = find_endpoints(value)
            hints = self._provider_hints(match.path, match.start.offset)
        out = []
        protected = self.policy.gateway.protected_hosts
        in_prose = match.role == "endpoint-literal" and _in_prose(self.root, match)
        base_hints = hints
        for start, end, text in values:
            hints = base_hints
            if protected and match.role == "endpoint-literal":
                host = url_host(text)
                if host is not None and host_is_protected(host, protected):
                    out += self._protected_literal(match, host, raw, start)
                    continue
            verdict = self.classifier.classify(text, hints)
            keyish = verdict is not None and verdict.kind == "host" and value == raw
            if keyish and self._followed_by_key_colon(match, raw, end):
                continue
            if verdict is not None and match.role == "endpoint-literal" and _keyed(verdict):
                key = self._key(match, raw, value, start)
                if _not_an_endpoint(verdict, key) or self._email_domain(match, verdict, key):
                    continue
                named = key_hints(key) if key is not None and verdict.kind == "region" else None
                if named and named != hints:
                    # "S3_REGION": the key names the service, more precisely than the file
                    verdict = self.classifier.classify(text, named)
                    hints = named
            if verdict is not None and verdict.basis == "policy" and verdict.compliant is True:
                self._note_allowed(match, raw, text, hints, verdict, in_prose)
                continue
            if verdict is None or verdict.internal:
                continue
            if verdict.compliant is True:
                if verdict.operator_compliant is False:
                    out.append(self._operator_finding(match, verdict))
                continue
            data = None
            if match.role == "endpoint-literal" and value == raw:
                data = self._data_context(match, raw, start, text)
                if data is not None and not data.endpoint:
                    continue
            finding = self._endpoint_finding(match, raw, verdict)
            if value == raw and len(values) > 1:
                # several candidates in one match: each at its own line and column
                finding = replace(finding, location=self._token_location(match, raw, start, end))
            if in_prose and _bare_name_on_registry_evidence(text, verdict):
                finding = _mentioned_in_text(finding)
            if data is not None:
                finding = _data_value(finding, data.reason)
            out.append(finding)
        return out

    def _data_context(
        self, match: SemgrepMatch, raw: str, start: int, text: str
    ) -> datavalues.DataContext | None:
        """Whether the address at ``start`` of the match is data (a visitor IP, a CIDR range,
        a version), judged by the text before it on its line and the literal around it."""
        offset = match.start.offset + len(raw[:start].encode("utf-8"))
        try:
            before = sourcetext.line_before(self.root, match.path, offset)
            literal, _, _ = sourcetext.text_around(
                self.root, match.path, match.start.offset, match.end.offset
            )
        except OSError:
            return None
        # the token as written: find_endpoints reads "8.8.8.0/24" as the address 8.8.8.0
        token = raw[start:].split(None, 1)[0] if raw[start:].strip() else text
        return datavalues.classify(token, before, literal)

    def _token_location(self, match: SemgrepMatch, raw: str, start: int, end: int) -> Location:
        first = match.start.offset + len(raw[:start].encode("utf-8"))
        last = match.start.offset + len(raw[:end].encode("utf-8"))
        line, column = sourcetext.position(self.root, match.path, first)
        end_line, end_column = sourcetext.position(self.root, match.path, last)
        return Location(match.path, line, column, end_line, end_column)

    def _protected_literal(
        self, match: SemgrepMatch, host: str, raw: str, start: int
    ) -> list[Finding]:
        """A reference to a protected service outside the gateway (config value or constant),
        at the host itself: in a URL with a scheme and credentials the host is what an auditor
        looks for on the line."""
        why = self._outside_gateway(match.path)
        if why is None:
            return []
        at = raw.lower().find(host, start)
        location = (
            self._token_location(match, raw, at, at + len(host)) if at >= 0 else _location(match)
        )
        finding = self._protected_host_finding(
            location,
            host,
            PROTECTED_REFERENCE,
            why,
            self.policy.gateway,
            self.languages.get(match.path, ""),
            "semgrep",
        )
        return [finding]

    def config_host_findings(self, path: str) -> list[Finding]:
        """Protected hosts that a config file outside the gateway connects to, where the
        endpoint rules cannot see them: dotless hosts and non-URL connection strings
        (auditkit.config_hosts). One finding per line survives the scan's dedupe."""
        protected = self.policy.gateway.protected_hosts
        language = self.languages.get(path, "")
        if not protected or language not in config_hosts.CONFIG_LANGUAGES:
            return []
        why = self._outside_gateway(path)
        if why is None:
            return []
        try:
            text = sourcetext.file_text(self.root, path)
        except OSError:
            return []
        return [
            self._protected_host_finding(
                Location(path, ref.line, ref.column, ref.line, ref.end_column),
                ref.host,
                PROTECTED_REFERENCE,
                why,
                self.policy.gateway,
                language,
                config_hosts.ENGINE,
            )
            for ref in config_hosts.protected_references(text, language, protected)
        ]

    def _note_allowed(
        self,
        match: SemgrepMatch,
        raw: str,
        text: str,
        hints: frozenset[str],
        verdict: Verdict,
        in_prose: bool,
    ) -> None:
        """Record an endpoint that allow_hosts made compliant, with its verdict without it."""
        pattern = self.classifier.allow_pattern(verdict.host or "")
        if pattern is None:
            return
        if self._unwaived is None:
            self._unwaived = Classifier(replace(self.policy.jurisdiction, allow_hosts=()))
        would = self._unwaived.classify(text, hints)
        if would is None or would.internal:
            return
        loc = _location(match)
        would_be, severity = ALREADY_COMPLIANT, None
        if would.compliant is not True:
            finding = self._endpoint_finding(match, raw, would)
            if in_prose and _bare_name_on_registry_evidence(text, would):
                finding = _mentioned_in_text(finding)
            if is_test_path(match.path):
                finding = replace(finding, severity=Severity.INFO)
            would_be, severity = finding.category.value, finding.severity.value
        endpoint = WaivedEndpoint(
            path=loc.path,
            line=loc.start_line,
            column=loc.start_column,
            endpoint=would.endpoint,
            host=would.host,
            provider=would.provider,
            region=would.region,
            jurisdiction=would.jurisdiction,
            would_be=would_be,
            severity=severity,
            reason=would.reason,
        )
        self.allowed_by_policy.append((pattern, endpoint))

    def _provider_hints(self, path: str, offset: int) -> frozenset[str]:
        """The clouds a literal at byte ``offset`` of ``path`` may mean: the file's, or in
        Terraform the one provider of the provider/resource/data block that holds it."""
        if path not in self._hints:
            try:
                text = sourcetext.file_text(self.root, path)
            except OSError:
                text = ""
            language = self.languages.get(path, "")
            self._hints[path] = provider_hints(text, language)
            if language == "terraform":
                self._tf_scopes[path] = terraform_scopes(text.encode("utf-8", "surrogateescape"))
        scopes = self._tf_scopes.get(path)
        scoped = in_scope(scopes, offset) if scopes else None
        return frozenset({scoped}) if scoped is not None else self._hints[path]

    def _key(self, match: SemgrepMatch, raw: str, value: str, start: int) -> str | None:
        """The key the value at ``start`` is assigned to on its line (``S3_REGION=``,
        ``runId=``, ``group:``), None when it stands alone."""
        offset = match.start.offset
        if value == raw:  # a token inside a longer text: the key right before the token
            offset += len(raw[:start].encode("utf-8"))
        try:
            before = sourcetext.line_before(self.root, match.path, offset)
        except OSError:
            return None
        key = key_before(before)
        if (
            key is None
            and _YAML_ITEM.fullmatch(before)
            and self.languages.get(match.path) == "yaml"
        ):
            key = self._yaml_parent_key(match.path, offset - len(before.encode("utf-8")), before)
        return key

    def _followed_by_key_colon(self, match: SemgrepMatch, raw: str, end: int) -> bool:
        """A token of a longer text that ": " follows in the file is a mapping key, not a
        value: a Kubernetes annotation or label quoted in a script (``grep -q
        'argocd.argoproj.io/sync-wave: "-1"'``). A port or an image tag follows the colon
        without a space (``db.example.com:5432``, ``"image: ghcr.io/acme/app:"``)."""
        at = match.start.offset + len(raw[:end].encode("utf-8"))
        try:
            after = sourcetext.matched_text(self.root, match.path, at, at + 2)
        except OSError:
            return False
        return _KEY_COLON.match(after) is not None

    def _yaml_parent_key(self, path: str, line_start: int, item: str) -> str | None:
        """The key of the YAML block list that holds the item ``item`` (the text before the
        value: "      - "), which starts at byte ``line_start``: the nearest line above that
        is less indented, or as indented but no list item ("apiGroups:" then "- x")."""
        data = self._bytes(path)
        if data is None:
            return None
        indent = len(item) - len(item.lstrip())
        # The previous item of the same list has the same key: a list of 10,000 domains is
        # read once, not 10,000 times up to its key.
        previous = self._yaml_items.get((path, indent))
        key: str | None = None
        end = line_start
        for _ in range(_YAML_PARENT_REACH):
            if end <= 0:
                break
            start = data.rfind(b"\n", 0, end - 1) + 1
            if previous is not None and start == previous[0]:
                key = previous[1]
                break
            line = data[start : end - 1].decode("utf-8", "replace")
            end = start
            text = line.lstrip()
            if not text or text.startswith("#"):
                continue
            depth = len(line) - len(text)
            if depth < indent or (depth == indent and not text.startswith("-")):
                key = key_before(line.rstrip() + " ")
                break
        self._yaml_items[(path, indent)] = (line_start, key)
        return key

    def _bytes(self, path: str) -> bytes | None:
        """The file's bytes, kept for one file at a time: matches arrive grouped by file."""
        if self._file_bytes is None or self._file_bytes[0] != path:
            try:
                text = sourcetext.file_text(self.root, path)
            except OSError:
                return None
            self._file_bytes = (path, text.encode("utf-8", "surrogateescape"))
        return self._file_bytes[1]

    def _email_domain(self, match: SemgrepMatch, verdict: Verdict, key: str | None) -> bool:
        """A bare domain that is the value of an e-mail domain key, or an item of a list whose
        name says so (``PERSONAL_EMAIL_DOMAINS = ["yahoo.co.uk", ...]``): the part after "@"
        of addresses that users type in, not a server the code contacts."""
        if verdict.kind != "host" or verdict.compliant is True or not _bare_domain(verdict):
            return False
        if key is not None and _names_email_domains(key_words(key)):
            return True
        data = self._bytes(match.path)
        if data is None:
            return False
        offset = match.start.offset
        last = self._last_list
        if (
            last is not None
            and last[0] == match.path
            and last[1] <= offset
            and data.find(b"[", last[1], offset) < 0
            and data.find(b"]", last[1], offset) < 0
        ):
            opener = last[2]  # no bracket since the previous item: the same list
        else:
            opener = _list_opener(data, offset)
        self._last_list = (match.path, offset, opener)
        return opener is not None and _names_email_domains(key_words(opener))

    def _endpoint_finding(self, match: SemgrepMatch, raw: str, verdict: Verdict) -> Finding:
        location = _location(match)
        evidence: dict[str, Any] = {
            "endpoint": verdict.endpoint,
            "host": verdict.host,
            "provider": verdict.provider,
            "region": verdict.region,
            "jurisdiction": verdict.jurisdiction,
            "basis": verdict.basis,
            "vendor": verdict.vendor,
            "operator": verdict.operator,
            "operator_jurisdiction": verdict.operator_jurisdiction,
            "eu_alternative": verdict.eu_alternative,
            "reason": verdict.reason,
            "extractor": match.rule_id,
        }
        if verdict.candidates:
            evidence["candidates"] = [
                {"provider": c.provider, "region": c.region, "jurisdiction": c.jurisdiction}
                for c in verdict.candidates
            ]
        where = _describe(verdict)
        if verdict.eu_alternative:
            where += f"; EU endpoint available: {verdict.eu_alternative}"
        if verdict.compliant is False:
            severity = Severity.MEDIUM if verdict.basis == "cctld" else Severity.HIGH
            return Finding(
                rule_id="endpoint.non-eu",
                category=Category.NON_EU_ENDPOINT,
                severity=severity,
                message=f"Hardcoded endpoint outside the allowed jurisdictions: {where}",
                location=location,
                snippet=self._snippet(match),
                engine="semgrep",
                evidence=tuple(evidence.items()),
            )
        return Finding(
            rule_id="endpoint.unverified",
            category=Category.UNVERIFIED_ENDPOINT,
            severity=Severity.INFO,
            message=f"External endpoint whose jurisdiction cannot be determined: {where}",
            location=location,
            snippet=self._snippet(match),
            engine="semgrep",
            evidence=tuple(evidence.items()),
        )

    def _operator_finding(self, match: SemgrepMatch, verdict: Verdict) -> Finding:
        """An endpoint in an allowed place whose operator's legal home the policy's
        [jurisdiction] operators does not allow: high when the service keeps the data."""
        raw = sourcetext.matched_text(self.root, match.path, match.start.offset, match.end.offset)
        base = self._endpoint_finding(match, raw, verdict)
        place = verdict.jurisdiction or "an allowed place"
        home = verdict.operator_jurisdiction
        return replace(
            base,
            rule_id="endpoint.operator-jurisdiction",
            category=Category.OPERATOR_JURISDICTION,
            severity=Severity.HIGH if verdict.stores_data else Severity.MEDIUM,
            message=(
                f"Endpoint located in {place} but operated by {verdict.operator} ({home}), "
                f"whose legal home the policy's operators list does not allow: {_describe(verdict)}"
            ),
            evidence=(*base.evidence, ("stores_data", verdict.stores_data)),
        )

    def _snippet(self, match: SemgrepMatch) -> str:
        return sourcetext.snippet(self.root, match.path, match.start.line, match.end.line)

    # ------------------------------------------------------------------ gateway

    def _outside_gateway(self, path: str) -> str | None:
        """Why ``path`` is in scope for gateway rules, or None when it is exempt."""
        gw = self.policy.gateway
        if matches_any(path, gw.paths):
            return None
        if is_test_path(path) and not gw.include_tests:
            return None
        if not gw.declared:
            return "no gateway is declared in the policy"
        return f"{path} is outside the gateway paths ({', '.join(gw.paths) or 'none'})"

    def gateway_from_semgrep(self, match: SemgrepMatch) -> list[Finding]:
        why = self._outside_gateway(match.path)
        if why is None:
            return []
        gw = self.policy.gateway
        if match.role == "http-call":
            raw = sourcetext.matched_text(
                self.root, match.path, match.start.offset, match.end.offset
            )
            host = url_host(sourcetext.literal_value(raw))
            if host is None or not host_is_protected(host, gw.protected_hosts):
                return []
            return [
                self._protected_host_finding(
                    _location(match),
                    host,
                    match.get("sink") or "HTTP call",
                    why,
                    gw,
                    self.languages.get(match.path) or match.get("language") or "",
                    "semgrep",
                )
            ]
        broker = match.get("broker")
        if not gw.counts_broker(broker):
            return []
        sink = match.get("sink") or match.rule_id
        store = match.get("store") or "data store"
        language = self.languages.get(match.path) or match.get("language") or ""
        finding = self._bypass_finding(
            _location(match), sink, store, language, why, gw, "semgrep", ""
        )
        return [_with_broker(finding, broker)]

    def gateway_from_python(self, result: PythonFileResult) -> list[Finding]:
        why = self._outside_gateway(result.path)
        if why is None:
            return []
        gw = self.policy.gateway
        catalogue = python_catalogue(gw.extra_sinks("python"))
        out: list[Finding] = []
        called_stores: set[str] = set()
        for call in result.calls:
            c: Any = call
            loc = Location(result.path, c.start_line, c.start_column, c.end_line, c.end_column)
            if c.protected_host:
                out.append(
                    self._protected_host_finding(
                        loc, c.protected_host, c.sink, why, gw, "python", "libcst", c.via
                    )
                )
            else:
                called_stores.add(c.store)
                sink = catalogue.sinks.get(c.sink)
                broker = sink.broker if sink is not None else None
                if not gw.counts_broker(broker):
                    continue  # a side of a broker the policy does not count
                finding = self._bypass_finding(
                    loc, c.sink, c.store, "python", why, gw, "libcst", c.via
                )
                out.append(_with_broker(finding, broker))
        for edge in result.imports:
            e: Any = edge
            if e.type_checking_only or e.store in called_stores or _is_exceptions_module(e.module):
                continue
            if not gw.brokers and any(
                e.module == m or e.module.startswith(f"{m}.") for m in catalogue.broker_modules
            ):
                continue
            loc = self._module_location(result.path, e.line, e.column, e.module)
            out.append(
                Finding(
                    rule_id="gateway.import",
                    category=Category.GATEWAY_BYPASS,
                    severity=Severity.LOW if gw.declared else Severity.INFO,
                    message=(
                        f"Data-store driver {e.module} ({e.store}) is imported outside the "
                        "gateway; no direct call of this driver was found in this file"
                    ),
                    location=loc,
                    snippet=sourcetext.snippet(self.root, result.path, e.line, e.line),
                    engine="libcst",
                    evidence=(
                        ("module", e.module),
                        ("store", e.store),
                        ("language", "python"),
                        ("why", why),
                        ("view", "import graph (import-linter forbidden contract equivalent)"),
                        (
                            "call_level",
                            "no call of this driver in the file; the call-level analysis "
                            "decides the category when it finds one",
                        ),
                    ),
                )
            )
        return out

    def _module_location(self, path: str, line: int, column: int, module: str) -> Location:
        """The module name within its import statement (the statement when not found)."""
        text = sourcetext.snippet(self.root, path, line, line)
        at = text.find(module, max(column - 1, 0))
        if at >= 0:
            return Location(path, line, at + 1, line, at + 1 + len(module))
        return Location(path, line, column, line, max(len(text), column) + 1)

    def _bypass_finding(
        self,
        loc: Location,
        sink: str,
        store: str,
        language: str,
        why: str,
        gw: GatewayPolicy,
        engine: str,
        via: str,
    ) -> Finding:
        evidence: dict[str, Any] = {"sink": sink, "store": store, "language": language, "why": why}
        if via:
            evidence["resolved_via"] = via
        if gw.declared:
            gateway = gw.name or "the gateway"
            message = f"Direct {store} access via {sink} bypasses {gateway}"
            severity = Severity.HIGH
        else:
            message = f"Direct {store} access via {sink} (inventory: no gateway declared)"
            severity = Severity.LOW
        return Finding(
            rule_id="gateway.bypass",
            category=Category.GATEWAY_BYPASS,
            severity=severity,
            message=message,
            location=loc,
            snippet=sourcetext.snippet(self.root, loc.path, loc.start_line, loc.end_line),
            engine=engine,
            evidence=tuple(evidence.items()),
        )

    def _protected_host_finding(
        self,
        loc: Location,
        host: str,
        sink: str,
        why: str,
        gw: GatewayPolicy,
        language: str,
        engine: str,
        via: str = "",
    ) -> Finding:
        evidence: dict[str, Any] = {
            "sink": sink,
            "store": "protected-service",
            "host": host,
            "language": language,
            "why": why,
        }
        if via:
            evidence["resolved_via"] = via
        gateway = gw.name or "the gateway"
        return Finding(
            rule_id="gateway.protected-host",
            category=Category.GATEWAY_BYPASS,
            severity=Severity.HIGH,
            message=f"Call to protected internal service {host} bypasses {gateway}",
            location=loc,
            snippet=sourcetext.snippet(self.root, loc.path, loc.start_line, loc.end_line),
            engine=engine,
            evidence=tuple(evidence.items()),
        )

    # ------------------------------------------------------------------ data flows

    def flows_from_python(self, result: PythonFileResult) -> list[Finding]:
        if not result.flows and not result.unguarded:
            return []
        return self._flow_findings().from_python(result.path, result.flows, result.unguarded)

    def flows_from_semgrep(self, match: SemgrepMatch) -> list[Finding]:
        language = self.languages.get(match.path) or match.get("language") or ""
        return self._flow_findings().from_semgrep(
            match.path,
            _location(match),
            match.start.offset,
            match.end.offset,
            match.role,
            match.get("kind") or "",
            language,
        )

    def _flow_findings(self) -> FlowFindings:
        if self._flows is None:
            self._flows = FlowFindings(self.root, self.policy, self.classifier, self.languages)
        return self._flows

    # ------------------------------------------------------------------ bandit

    def bandit_findings(self, issues: Iterable[BanditIssue]) -> list[Finding]:
        out = []
        for i in issues:
            # assert in test code is how tests work, not a weakness: never cry wolf there.
            if i.test_id == "B101" and is_test_path(i.path):
                continue
            evidence: dict[str, Any] = {
                "test_id": i.test_id,
                "test_name": i.test_name,
                "confidence": i.confidence.lower(),
                "more_info": i.more_info,
            }
            if i.cwe is not None:
                evidence["cwe"] = f"CWE-{i.cwe}"
            out.append(
                Finding(
                    rule_id=f"bandit.{i.test_id}",
                    category=Category.SECURITY,
                    severity=_BANDIT_SEVERITY.get(i.severity, Severity.LOW),
                    message=i.text,
                    location=Location(i.path, i.line, i.column, i.end_line, i.end_column),
                    snippet=sourcetext.snippet(self.root, i.path, i.line, i.end_line),
                    engine="bandit",
                    evidence=tuple(evidence.items()),
                )
            )
        return out


def _is_exceptions_module(module: str) -> bool:
    """``sqlalchemy.exc``, ``psycopg2.errors``: importing exception classes opens nothing."""
    return module.rsplit(".", 1)[-1] in {"exc", "errors", "exceptions"}


def _keyed(verdict: Verdict) -> bool:
    """Verdicts that the key before the value can change: region codes (which cloud, whether
    a code at all) and bare host names (an API group, an e-mail domain)."""
    return verdict.kind == "region" or (verdict.kind == "host" and _bare_domain(verdict))


def _bare_domain(verdict: Verdict) -> bool:
    return not _HAS_PORT_OR_PATH.search(verdict.endpoint)


# Words of a key that names a place: only then is a code that no cloud's table has ("eu-canary-001",
# matched by the shape of AWS's codes) read as a region.
_PLACE_WORDS = frozenset(
    {"region", "regions", "location", "locations", "zone", "zones", "az", "geo", "datacenter",
     "dc", "area", "placement", "site"}
)  # fmt: skip
# Keys whose value is a Kubernetes API group or group/version ("group: gateway.networking.k8s.io",
# "apiVersion: cert-manager.io/v1"): the name of an API, never a server.
_API_GROUP_KEYS = frozenset({"group", "apigroup", "apigroups", "apiversion"})


def _not_an_endpoint(verdict: Verdict, key: str | None) -> bool:
    if key is None:
        return False
    if verdict.kind == "region":
        # A code in no cloud's table is a guess from its shape; a key that names something
        # else (a run id, a name) says the guess is wrong.
        unknown = all(c.jurisdiction is None for c in verdict.candidates)
        return unknown and _PLACE_WORDS.isdisjoint(key_words(key))
    return key.lower() in _API_GROUP_KEYS


def _names_email_domains(words: frozenset[str]) -> bool:
    return bool(words & {"email", "emails", "mail", "mails"}) and bool(
        words & {"domain", "domains"}
    )


_KEY_COLON = re.compile(r":[ \t]")
# A YAML block list item: "  - " before the value, perhaps with its quote.
_YAML_ITEM = re.compile(r"[ \t]*-[ \t]+[\"']?")
_YAML_PARENT_REACH = 400  # lines up to the list's key: longer lists are not looked through
_LIST_WINDOW = 1 << 16  # e-mail domain lists are a few hundred lines, not more


def _list_opener(data: bytes, offset: int) -> str | None:
    """The text on the line of the "[" that opens the list holding byte ``offset``, up to it;
    None when the offset is in no list (within the window)."""
    low = max(0, offset - _LIST_WINDOW)
    depth = 0
    at = offset
    while True:
        at = max(data.rfind(b"[", low, at), data.rfind(b"]", low, at))
        if at < 0:
            return None
        if data[at] == ord("]"):
            depth += 1
        elif depth:
            depth -= 1
        else:
            line_start = data.rfind(b"\n", 0, at) + 1
            return data[line_start:at].decode("utf-8", "replace")


def _in_prose(root: Path, match: SemgrepMatch) -> bool:
    """Whether the matched endpoint sits in running text ("[pre-commit.ci] autoupdate",
    "Connecting to db.example.cn"), not in a setting (a host, a URL, a list of hosts)."""
    try:
        literal, start, end = sourcetext.text_around(
            root, match.path, match.start.offset, match.end.offset
        )
    except OSError:
        return False
    rest = literal[:start] + " " + literal[end:]
    for _, _, token in find_endpoints(rest):
        rest = rest.replace(token, " ")
    return _WORD.search(rest) is not None


_WORD = re.compile(r"[^\W\d_]{2,}")


def _bare_name_on_registry_evidence(text: str, verdict: Verdict) -> bool:
    """A host name without scheme, port or path whose only evidence is its country-code
    domain: in running text it names a service ("pre-commit.ci", "example.ru") more often
    than it configures a connection."""
    return (
        verdict.kind == "host" and verdict.basis == "cctld" and not _HAS_PORT_OR_PATH.search(text)
    )


_HAS_PORT_OR_PATH = re.compile(r"[:/]")


def _mentioned_in_text(finding: Finding) -> Finding:
    """Kept for the auditor's inventory at info severity: it never blocks a commit or a build."""
    note = (
        "context",
        "host name inside text, not a connection setting; registry evidence only: "
        f"reported at info severity (was {finding.severity.value})",
    )
    return replace(finding, severity=Severity.INFO, evidence=(*finding.evidence, note))


def _data_value(finding: Finding, why: str) -> Finding:
    """Kept for the auditor's inventory at info severity: data, never a high finding."""
    note = ("context", f"{why}: reported at info severity (was {finding.severity.value})")
    return replace(finding, severity=Severity.INFO, evidence=(*finding.evidence, note))


def _location(match: SemgrepMatch) -> Location:
    return Location(
        match.path, match.start.line, match.start.column, match.end.line, match.end.column
    )


def _describe(verdict: Verdict) -> str:
    parts = [verdict.endpoint]
    detail = [verdict.vendor] if verdict.vendor and not verdict.provider else []
    if verdict.provider:
        detail.append(verdict.provider)
    if verdict.region:
        detail.append(verdict.region)
    if verdict.jurisdiction:
        detail.append(verdict.jurisdiction)
    if detail:
        parts.append(f"({' '.join(detail)})")
    return " ".join(parts)


def _with_broker(finding: Finding, broker: str | None) -> Finding:
    """A broker finding says which side of the broker it is (the policy's brokers key)."""
    if broker is None:
        return finding
    return replace(finding, evidence=(*finding.evidence, ("broker", broker)))
