"""Flows and unguarded accesses -> findings (``data-egress``, ``gateway-authorization``).

Severity follows where the data goes: **critical** to an endpoint outside the allowed
jurisdictions (classifier verdict, or an SDK's default data region when the classifier has
none) or to one run by an operator whose legal home ``[jurisdiction] operators`` denies,
**high** to an endpoint whose jurisdiction is unknown or to a data store outside the gateway,
**medium** to a log. Data sent to an allowed or internal endpoint, or written to a store inside
the gateway, is no finding. An unguarded gateway entry point is **high**.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditkit import sourcetext
from auditkit.core.model import Category, Finding, Location, Severity
from auditkit.core.pathmatch import is_test_path, matches_any
from auditkit.core.policy import Policy
from auditkit.flows import handler_input, relays, spring
from auditkit.flows import steps as story
from auditkit.flows.go_routes import GoRoutes
from auditkit.flows.names import categories
from auditkit.flows.results import ENDPOINT, LOG, STORE, DataFlow, FlowStep, UnguardedAccess
from auditkit.jurisdiction import Classifier, Verdict
from auditkit.jurisdiction.groups import expand_allowed

RULE_ENDPOINT = "data-egress.endpoint"
RULE_LOG = "data-egress.log"
RULE_STORE = "data-egress.store"
RULE_AUTHORIZATION = "gateway.authorization"


@dataclass(frozen=True)
class _Sink:
    """Where one flow ends, as the finding describes it."""

    kind: str
    sink: str
    endpoint: str | None
    via: str
    default_jurisdiction: str | None = None
    vendor: str | None = None
    store: str | None = None


class FlowFindings:
    def __init__(
        self,
        root: Path,
        policy: Policy,
        classifier: Classifier,
        files: Mapping[str, str] | None = None,
    ) -> None:
        """``files``: the scanned files (path -> language), where Spring interfaces that
        declare handlers are looked for."""
        self.root = root
        self.policy = policy
        self.classifier = classifier
        self.cats = categories(policy.data.categories)
        self._allowed = expand_allowed(policy.jurisdiction.allowed)
        self._spring = spring.SpringTree(root, files or {})
        self._go_routes = GoRoutes(root, files or {}, policy.gateway.authorizers("go"))

    # ------------------------------------------------------------------ scope

    def _in_gateway(self, path: str) -> bool:
        return bool(self.policy.gateway.paths) and matches_any(path, self.policy.gateway.paths)

    def _authorization_scope(self, path: str) -> bool:
        gw = self.policy.gateway
        return self._in_gateway(path) and (gw.include_tests or not is_test_path(path))

    # ------------------------------------------------------------------ python

    def from_python(
        self, path: str, flows: tuple[object, ...], unguarded: tuple[object, ...]
    ) -> list[Finding]:
        out: list[Finding] = []
        for item in flows:
            assert isinstance(item, DataFlow)
            sink = _Sink(
                item.kind,
                item.sink,
                item.endpoint,
                item.endpoint_via,
                item.default_jurisdiction,
                item.vendor,
                item.store,
            )
            loc = Location(path, item.start_line, item.start_column, item.end_line, item.end_column)
            finding = self._egress(loc, item.category, sink, item.steps, "libcst", "python")
            if finding is not None:
                out.append(finding)
        if self._authorization_scope(path):
            for access in unguarded:
                assert isinstance(access, UnguardedAccess)
                loc = Location(
                    path, access.start_line, access.start_column, access.end_line, access.end_column
                )
                out.append(
                    self._unguarded(
                        loc,
                        access.entry_point,
                        access.entry_line,
                        access.kind,
                        access.what,
                        access.via,
                        "libcst",
                        "python",
                    )
                )
        return out

    # ------------------------------------------------------------------ semgrep

    def from_semgrep(
        self, path: str, loc: Location, start: int, end: int, role: str, kind: str, language: str
    ) -> list[Finding]:
        lines = sourcetext.file_text(self.root, path).splitlines()
        text = sourcetext.matched_text(self.root, path, start, end)
        if role == "gateway-authorization":
            if not self._authorization_scope(path):
                return []
            before = sourcetext.matched_text(self.root, path, 0, start)
            if handler_input.caller_input(language, before, text):
                return []  # an annotation or the caller's own input (flows.handler_input)
            name, line = story.handler_name(lines, loc.start_line, language)
            if language == "go" and name in self._go_routes.guarded():
                return []  # wrapped by a check where the route is registered
            if language in spring.LANGUAGES:
                verdict = self._spring_handler(path, loc, kind, language)
                if not verdict.report:
                    return []
                if verdict.entry:
                    name, line = verdict.entry, verdict.entry_line
            category = next((c for n in _words(text) if (c := self.cats.of(n)) is not None), None)
            what, access = (category, "category") if category else (text.split("(")[0], "store")
            return [self._unguarded(loc, name, line, access, what, "", "semgrep", language)]
        out = []
        # A mail call's relay is set where its transport or client is made (auditkit.flows.relays).
        dest = relays.destination(text, lines, language) or story.destination(text, lines)
        for told in story.stories(lines, loc.start_line, text, self.cats, language):
            endpoint, via = dest.endpoints[0] if dest.endpoints else (None, "")
            if kind == ENDPOINT:
                endpoint, via = self._first_placed(dest.endpoints)
            sink = _Sink(
                kind, dest.sink, endpoint, via, dest.default_jurisdiction, dest.vendor, None
            )
            finding = self._egress(loc, told.category, sink, told.steps, "semgrep", language)
            if finding is not None:
                out.append(finding)
        return out

    def _spring_handler(self, path: str, loc: Location, kind: str, language: str) -> spring.Verdict:
        """Class-level guards (Kotlin: semgrep cannot match them) and handlers declared through
        an interface (``kind = "interface"``), read from the source (auditkit.flows.spring)."""
        guards = frozenset(
            c.lstrip("@").rsplit(".", 1)[-1]
            for c in self.policy.gateway.authorizers(language)
            if c.startswith("@")
        )
        line_of = spring.LineOf(sourcetext.file_text(self.root, path))
        offset = line_of.offset(loc.start_line, loc.start_column)
        return self._spring.judge(path, offset, kind, guards, line_of)

    def _first_placed(self, endpoints: tuple[tuple[str, str], ...]) -> tuple[str | None, str]:
        """The first candidate the classifier can place (else the first one at all)."""
        for text, via in endpoints:
            verdict = self.classifier.classify(text)
            if verdict is not None and (verdict.compliant is not None or verdict.internal):
                return text, via
        return endpoints[0] if endpoints else (None, "")

    # ------------------------------------------------------------------ findings

    def _egress(
        self,
        loc: Location,
        category: str,
        sink: _Sink,
        steps: tuple[FlowStep, ...],
        engine: str,
        language: str,
    ) -> Finding | None:
        evidence: dict[str, Any] = {
            "data_category": category,
            "sink": sink.sink,
            "sink_kind": sink.kind,
            "language": language,
        }
        verdict = self._verdict(sink)
        if verdict is not None:
            evidence.update(
                endpoint=verdict.endpoint,
                host=verdict.host,
                provider=verdict.provider,
                region=verdict.region,
                jurisdiction=verdict.jurisdiction,
                basis=verdict.basis,
                reason=verdict.reason,
            )
            evidence.update(_operator_evidence(verdict))
        if sink.vendor:
            evidence["vendor"] = sink.vendor
        if sink.via:
            evidence["resolved_via"] = sink.via
        if sink.kind == LOG:
            rule, severity = RULE_LOG, Severity.MEDIUM
            message = f"{_label(category)} is written to a log by {sink.sink}"
        elif verdict is not None and (
            verdict.internal
            or (verdict.compliant is True and verdict.operator_compliant is not False)
        ):
            if sink.kind != STORE or self._in_gateway(loc.path):
                return None  # stays in an allowed place
            rule, severity = RULE_STORE, Severity.HIGH
            message = self._store_message(category, sink)
        elif verdict is not None and verdict.compliant is False:
            rule, severity = RULE_ENDPOINT, Severity.CRITICAL
            where = _where(verdict)
            message = f"{_label(category)} is sent to {where} by {sink.sink}"
        elif verdict is not None and verdict.operator_compliant is False:
            # Placed in an allowed jurisdiction, but run by an operator whose legal home the
            # policy's [jurisdiction] operators denies: its authorities can compel the operator
            # to hand the data over, so it counts as leaving (DESIGN: denied-operator endpoint).
            rule, severity = RULE_ENDPOINT, Severity.CRITICAL
            message = (
                f"{_label(category)} is sent to {_where(verdict)}, operated by "
                f"{verdict.operator} ({verdict.operator_jurisdiction}), whose legal home the "
                f"policy's operators list does not allow, by {sink.sink}"
            )
        elif sink.kind == STORE:
            if self._in_gateway(loc.path):
                return None
            rule, severity = RULE_STORE, Severity.HIGH
            message = self._store_message(category, sink)
        else:
            rule, severity = RULE_ENDPOINT, Severity.HIGH
            target = sink.endpoint or "a destination that cannot be resolved in this file"
            message = (
                f"{_label(category)} is sent to {target} (jurisdiction unknown) by {sink.sink}"
            )
        if rule == RULE_STORE:
            evidence["why"] = (
                f"{loc.path} is outside the gateway paths"
                if self.policy.gateway.declared
                else "no gateway is declared in the policy"
            )
        evidence["flow"] = [{"path": loc.path, "line": s.line, "note": s.note} for s in steps]
        return Finding(
            rule_id=rule,
            category=Category.DATA_EGRESS,
            severity=severity,
            message=message,
            location=loc,
            snippet=sourcetext.snippet(self.root, loc.path, loc.start_line, loc.end_line),
            engine=engine,
            evidence=tuple(evidence.items()),
        )

    def _store_message(self, category: str, sink: _Sink) -> str:
        gateway = self.policy.gateway.name or "the gateway"
        store = sink.store or "a data store"
        return f"{_label(category)} is written to {store} by {sink.sink}, bypassing {gateway}"

    def _verdict(self, sink: _Sink) -> Verdict | None:
        if sink.kind == LOG or not sink.endpoint:
            return None
        verdict = self.classifier.classify(sink.endpoint)
        if (verdict is None or verdict.compliant is None) and sink.default_jurisdiction:
            # The classifier cannot place the SDK's host; the vendor's default region can.
            code = sink.default_jurisdiction
            compliant = code in self._allowed
            return Verdict(
                input=sink.endpoint,
                kind="host",
                endpoint=sink.endpoint,
                host=sink.endpoint,
                provider=sink.vendor,
                region=None,
                jurisdiction=code,
                compliant=compliant,
                basis="sdk-default",
                internal=False,
                candidates=(),
                reason=f"the {sink.vendor} SDK sends to {sink.endpoint}, in its default data "
                f"region ({code}), unless it is configured otherwise",
            )
        return verdict

    def _unguarded(
        self,
        loc: Location,
        entry: str,
        entry_line: int,
        kind: str,
        what: str,
        via: str,
        engine: str,
        language: str,
    ) -> Finding:
        checks = ", ".join(self.policy.gateway.authorizers(language)) or "none"
        reached = f"protected store via {what}" if kind == "store" else f"{_label(what)}"
        message = (
            f"Gateway entry point {entry} reaches {reached} without an authorization check "
            f"({checks})"
        )
        evidence: dict[str, Any] = {
            "entry_point": entry,
            "entry_line": entry_line,
            "access": kind,
            "sink" if kind == "store" else "data_category": what,
            "authorization": checks,
            "language": language,
        }
        if via:
            evidence["resolved_via"] = via
        return Finding(
            rule_id=RULE_AUTHORIZATION,
            category=Category.GATEWAY_AUTHORIZATION,
            severity=Severity.HIGH,
            message=message,
            location=loc,
            snippet=sourcetext.snippet(self.root, loc.path, loc.start_line, loc.end_line),
            engine=engine,
            evidence=tuple(evidence.items()),
        )


def _label(category: str) -> str:
    return category.replace("_", " ").capitalize() + " data"


def _operator_evidence(verdict: Verdict) -> dict[str, Any]:
    """Who runs the endpoint and the EU alternative, as every endpoint finding carries them
    (whether or not the policy judges operators)."""
    fields = {
        "operator": verdict.operator,
        "operator_jurisdiction": verdict.operator_jurisdiction,
        "vendor": verdict.vendor,
        "eu_alternative": verdict.eu_alternative,
    }
    return {key: value for key, value in fields.items() if value is not None}


def _where(verdict: Verdict) -> str:
    """The destination with the SaaS vendor when there is one, else the cloud provider and
    region: "api.segment.io (Segment US)", "https://s3.us-east-1... (aws us-east-1 US)"."""
    named = verdict.vendor if verdict.provider is None else verdict.provider
    detail = " ".join(p for p in (named, verdict.region, verdict.jurisdiction) if p)
    return f"{verdict.endpoint} ({detail})" if detail else verdict.endpoint


def _words(text: str) -> list[str]:
    import re

    return re.findall(r"[A-Za-z_]\w*", text)
