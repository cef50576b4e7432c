"""Endpoint text -> Verdict under a jurisdiction policy.

The order of evidence, strongest first: the policy's own host lists; cloud regions (a region
code, or a host name that carries one); the location of a public IP address; the country-code
top-level domain. Anything weaker is not guessed: the verdict is "unknown" (compliant=None),
with a reason that says what is missing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from auditkit.core.policy import JurisdictionPolicy
from auditkit.jurisdiction import context, domains, groups, ips, reasons, regions
from auditkit.jurisdiction.catalogue import Region, catalogue
from auditkit.jurisdiction.hostpatterns import HostPatterns
from auditkit.jurisdiction.hosts import CloudHost, match_host
from auditkit.jurisdiction.operators import operator
from auditkit.jurisdiction.parse import Parsed, parse
from auditkit.jurisdiction.places import of_country
from auditkit.jurisdiction.vendors import VendorMatch, match_vendor
from auditkit.jurisdiction.verdict import Candidate, Verdict

_CACHE_SIZE = 1 << 16
_AWS_PRINCIPAL = re.compile(r"(?:[a-z0-9-]+\.)+amazonaws\.com(?:\.cn)?")


def _is_aws_service_principal(parsed: Parsed, cloud: CloudHost) -> bool:
    """``s3.amazonaws.com`` bare, in an IAM policy, names a service principal, not a server.

    Only region-less names written with neither scheme, port nor path qualify: with a scheme
    (``https://s3.amazonaws.com``) the name is the global endpoint and is classified.
    """
    return (
        parsed.bare
        and not parsed.has_path
        and cloud.rule.provider == "aws"
        and (cloud.region is None or cloud.rule.exact)
        and _AWS_PRINCIPAL.fullmatch(parsed.host) is not None
    )


_API_VERSION = re.compile(r"[a-z0-9.-]+/v\d+(?:(?:alpha|beta)\d+)?")


class Classifier:
    """Classifies endpoint literals; safe to share, memoised per (text, provider hints)."""

    def __init__(self, policy: JurisdictionPolicy) -> None:
        self._setup(policy)

    def _setup(self, policy: JurisdictionPolicy) -> None:
        self.policy = policy
        self.allowed = groups.expand_allowed(policy.allowed)
        self._allow = HostPatterns.compile(policy.allow_hosts)
        self._deny = HostPatterns.compile(policy.deny_hosts)
        # None: the policy sets no [jurisdiction] operators, so operators are not judged.
        self._operators = (
            groups.expand_allowed(policy.operators) if policy.operators is not None else None
        )
        self._cached = lru_cache(maxsize=_CACHE_SIZE)(self._classify)

    def __getstate__(self) -> dict[str, object]:
        # The memo is per process: ship the policy, rebuild the cache on arrival (process pools).
        return {"policy": self.policy}

    def __setstate__(self, state: dict[str, object]) -> None:
        policy = state["policy"]
        assert isinstance(policy, JurisdictionPolicy)
        self._setup(policy)

    def classify(self, text: str, provider_hints: frozenset[str] = frozenset()) -> Verdict | None:
        """The verdict for ``text``; None when it is not an endpoint at all."""
        return self._cached(text, frozenset(provider_hints))

    def allow_pattern(self, host: str) -> str | None:
        """The policy's allow_hosts pattern, as written, that ``host`` matches; None if none."""
        matched = self._allow.match(host)
        if matched is None:
            return None
        # HostPatterns answers with the glob in lower case: the report names it as written.
        for pattern in self.policy.allow_hosts:
            if pattern == matched or pattern.strip().lower().rstrip(".") == matched:
                return pattern
        return matched

    # ------------------------------------------------------------------ dispatch

    def _classify(self, text: str, hints: frozenset[str]) -> Verdict | None:
        verdict = self._locate(text, hints)
        if verdict is None or verdict.internal:
            return verdict  # internal names and allow_hosts: nobody else's to judge
        return self._with_operator(verdict)

    def _locate(self, text: str, hints: frozenset[str]) -> Verdict | None:
        t = text.strip().strip("\"'`")
        if not t or len(t) > 2048:
            return None
        if "://" not in t and not t.lower().startswith("jdbc:"):
            ref = regions.resolve(t)
            if ref is not None:
                return self._region(text, ref, hints)
        if t.startswith(".") and not t.startswith(".."):
            return self._host_tail(text, t[1:])
        parsed = parse(t)
        if parsed is None:
            return None
        if parsed.bucket_provider is not None:
            return self._bucket(text, parsed)
        address = parsed.address
        verdict = (
            self._ip(text, parsed, address) if address is not None else self._host(text, parsed)
        )
        return None if verdict is None else self._apply_host_lists(verdict)

    # ------------------------------------------------------------------ regions

    def _region(self, text: str, ref: regions.RegionRef, hints: frozenset[str]) -> Verdict | None:
        chosen = context.choose(ref.regions, hints, ref.fixed_provider)
        unknown = () if chosen else ref.unknown
        if unknown and hints and not ref.fixed_provider:
            unknown = tuple(p for p in unknown if p in hints) or unknown
        if not chosen and not unknown:
            return None
        candidates = tuple(_candidate(r) for r in chosen) + tuple(
            Candidate(provider, ref.code, None) for provider in unknown
        )
        judgements = [groups.judge(r.place, self.allowed) for r in chosen] + [None] * len(unknown)
        compliant = context.combine(judgements)
        providers = {c.provider for c in candidates}
        codes = {c.region for c in candidates}
        countries = {c.jurisdiction for c in candidates}
        provider = providers.pop() if len(providers) == 1 else None
        jurisdiction = countries.pop() if len(countries) == 1 else None
        reason = reasons.for_region_code(ref.code, chosen, unknown, candidates, compliant)
        return Verdict(
            input=text,
            kind="region",
            endpoint=ref.endpoint,
            host=None,
            provider=provider,
            region=codes.pop() if len(codes) == 1 else ref.code,
            jurisdiction=jurisdiction,
            compliant=compliant,
            basis="cloud-region",
            internal=False,
            candidates=candidates,
            reason=reason,
        )

    # ------------------------------------------------------------------ IP addresses

    def _ip(self, text: str, parsed: Parsed, address: ips.IPAddress) -> Verdict:
        facts = ips.facts(address)
        kind = "url" if parsed.scheme else "ip"
        if facts.internal is not None:
            return self._internal(text, parsed, kind, f"{address} is a {facts.internal}.")
        code = facts.code
        if code is None or code in ips.UNKNOWN_CODES:
            why = {
                "EU": "registered to a European network without a country",
                "AP": "registered to an Asia-Pacific network without a country",
            }.get(code or "", "not in the IP location database")
            return _verdict(
                text, kind, parsed, None, None, None, None, None,
                f"{address} is {why}, so its location is unknown.",
            )  # fmt: skip
        place = of_country(code)
        compliant = groups.judge(place, self.allowed)
        reason = (
            f"{address} is located in {place.label} according to the IPFire location database, "
            f"{reasons.judged(compliant)}."
        )
        return _verdict(text, kind, parsed, None, None, code, compliant, "ip", reason)

    # ------------------------------------------------------------------ host names

    def _host(self, text: str, parsed: Parsed) -> Verdict | None:
        host = parsed.host
        if parsed.has_path and domains.is_module_host(host):
            return None  # "github.com/org/module": an import path, not a connection
        if parsed.has_path and _API_VERSION.fullmatch(text.strip()):
            return None  # "networking.k8s.io/v1": a Kubernetes API group/version
        internal = domains.internal_name(host)
        if internal is not None:
            # A bare word ("redis", "config.yaml") is no endpoint; with a port or a scheme it is
            # an internal service name. Bare names under internal suffixes are internal hosts.
            word = internal.kind == "single-label" and host != "localhost"
            if parsed.bare and (word or internal.kind == "unknown-tld"):
                return None
            return self._internal(text, parsed, parsed.kind, f"{host}: {internal.why}.")
        vendor = match_vendor(host)
        if vendor is not None:
            return self._vendor_host(text, parsed, vendor)
        cloud = match_host(host)
        if cloud is not None and _is_aws_service_principal(parsed, cloud):
            return None
        if cloud is not None:
            return self._cloud_host(text, parsed, cloud)
        if parsed.bare and not domains.plausible_bare_host(parsed.original_host, host):
            return None
        return self._domain(text, parsed)

    def _host_tail(self, text: str, tail: str) -> Verdict | None:
        """ ".s3.us-east-1.amazonaws.com/key": the constant tail of a templated host name
        (f"https://{bucket}.s3...", `s3.${x}.us-east-1...`), which is all semgrep shows of it.
        Only a tail that names a cloud region counts; ".example.com" alone is a domain suffix
        (a no_proxy entry, a cookie domain), not a place something connects to."""
        parsed = parse(tail)
        if parsed is None or parsed.address is not None or parsed.bucket_provider is not None:
            return None
        cloud = match_host(parsed.host)
        if cloud is None or cloud.region is None:
            return None
        return self._apply_host_lists(self._cloud_host(text, parsed, cloud))

    def _cloud_host(self, text: str, parsed: Parsed, cloud: CloudHost) -> Verdict:
        cat = catalogue()
        rule = cloud.rule
        name = cat.providers[rule.provider].name
        region = cloud.region
        if region is not None:
            compliant = groups.judge(region.place, self.allowed)
            reason = reasons.for_host_region(name, region, compliant)
            return _verdict(
                text, parsed.kind, parsed, rule.provider, region.code, region.place.country,
                compliant, "cloud-region", reason, (_candidate(region),),
            )  # fmt: skip
        if rule.place.known:
            compliant = groups.judge(rule.place, self.allowed)
            what = f" ({rule.note})" if rule.note else f" ({name})"
            reason = (
                f"Host names under {rule.suffix}{what} are operated in {rule.place.label}, "
                f"{reasons.judged(compliant)}."
            )
            return _verdict(
                text, parsed.kind, parsed, rule.provider, None, rule.place.country, compliant,
                "cloud-region", reason,
            )  # fmt: skip
        if cloud.unknown_code is not None:
            reason = (
                f"The host name carries {cloud.unknown_code}, shaped like a region code of {name} "
                "but not in auditkit's catalogue, so its location is unknown."
            )
            return _verdict(
                text, parsed.kind, parsed, rule.provider, cloud.unknown_code, None, None, None,
                reason, (Candidate(rule.provider, cloud.unknown_code, None),),
            )  # fmt: skip
        why = f" ({rule.note})" if rule.note else ""
        reason = (
            f"{name} host name without a region{why}: its location cannot be determined from "
            "the name."
        )
        return _verdict(text, parsed.kind, parsed, rule.provider, None, None, None, None, reason)

    def _vendor_host(self, text: str, parsed: Parsed, match: VendorMatch) -> Verdict:
        vendor, rule, place, region = match.vendor, match.rule, match.place, match.region
        owner = operator(vendor.operator)
        host = parsed.host
        in_eea = place.known and place.countries <= groups.groups().eea
        eu_alternative = None if in_eea else vendor.eu_alternative
        what = f"{vendor.name} ({vendor.family_title})"
        if region is not None:
            compliant = groups.judge(place, self.allowed)
            name = catalogue().providers[region.provider].name
            reason = (
                f"{host} is {what}, hosted in {name} region {region.code} "
                f"({reasons.where(region)}), {reasons.judged(compliant)}."
            )
        elif place.known:
            compliant = groups.judge(place, self.allowed)
            note = f"{rule.note}, " if rule.note else ""
            reason = f"{host} is {what}: {note}{place.label}, {reasons.judged(compliant)}."
        else:
            compliant = None
            note = rule.note or "the host name does not say where the data is"
            reason = f"{host} is {what}; {note}, so its location is unknown."
        if owner is not None:
            reason += f" Operated by {owner.label}."
        if eu_alternative:
            reason += f" EU endpoint available: {eu_alternative}."
        return Verdict(
            input=text, kind=parsed.kind, endpoint=parsed.endpoint, host=host,
            provider=region.provider if region is not None else None,
            region=region.code if region is not None else None,
            jurisdiction=place.country, compliant=compliant,
            basis="vendor-region" if place.known else None, internal=False,
            candidates=(_candidate(region),) if region is not None else (), reason=reason,
            vendor=vendor.name, operator=owner.name if owner else None,
            operator_jurisdiction=owner.country if owner else None,
            eu_alternative=eu_alternative, stores_data=vendor.stores_data,
        )  # fmt: skip

    def _with_operator(self, verdict: Verdict) -> Verdict:
        """Name the cloud provider's operator (vendors name theirs already) and judge the
        operator's legal home under [jurisdiction] operators."""
        if verdict.vendor is None and verdict.provider is not None:
            provider = catalogue().providers.get(verdict.provider)
            if provider is not None:
                owner = operator(_run_by(verdict) or provider.operator)
                verdict = replace(
                    verdict,
                    vendor=provider.name,
                    operator=owner.name if owner else None,
                    operator_jurisdiction=owner.country if owner else None,
                    stores_data=_stores_data(verdict.host),
                )
                alternative = _eu_regions(provider.key) if verdict.compliant is False else None
                if alternative:
                    verdict = replace(
                        verdict,
                        eu_alternative=alternative,
                        reason=f"{verdict.reason} EU endpoint available: {alternative}.",
                    )
        if self._operators is None or verdict.operator_jurisdiction is None:
            return verdict
        return replace(verdict, operator_compliant=verdict.operator_jurisdiction in self._operators)

    def _domain(self, text: str, parsed: Parsed) -> Verdict:
        info = domains.tld_info(parsed.host)
        tld = f".{info.tld}"
        if info.place is None:
            why = (
                "a country-code domain marketed for generic use"
                if info.kind == "generic-cc"
                else "a generic top-level domain"
            )
            reason = f"{tld} is {why}; it says nothing about where the host is."
            return _verdict(text, parsed.kind, parsed, None, None, None, None, None, reason)
        compliant = groups.judge(info.place, self.allowed)
        if info.kind == "eu":
            reason = (
                f"{tld} domains are registered to EU/EEA residents and organisations, "
                f"{reasons.judged(compliant)} (registry evidence, not the server's location)."
            )
        else:
            kind = "geographic" if info.kind == "geo" else "country-code"
            reason = (
                f"{tld} is the {kind} domain of {info.place.label}, {reasons.judged(compliant)} "
                "(registry evidence, not the server's location)."
            )
        return _verdict(
            text, parsed.kind, parsed, None, None, info.place.country, compliant, "cctld", reason
        )

    def _bucket(self, text: str, parsed: Parsed) -> Verdict:
        provider = parsed.bucket_provider
        reason = (
            f"{parsed.scheme}:// names the bucket {parsed.original_host!r}, not where it is: the "
            "bucket's region is set when it is created and cannot be read from the URL."
        )
        return Verdict(
            input=text, kind="url", endpoint=parsed.endpoint, host=None, provider=provider,
            region=None, jurisdiction=None, compliant=None, basis=None, internal=False,
            candidates=(), reason=reason,
        )  # fmt: skip

    # ------------------------------------------------------------------ policy

    def _internal(self, text: str, parsed: Parsed, kind: str, reason: str) -> Verdict:
        return Verdict(
            input=text, kind=kind, endpoint=parsed.endpoint, host=parsed.host, provider=None,
            region=None, jurisdiction=None, compliant=True, basis="internal", internal=True,
            candidates=(), reason=reason,
        )  # fmt: skip

    def _apply_host_lists(self, verdict: Verdict) -> Verdict:
        """deny_hosts and allow_hosts win over every other kind of evidence; deny first."""
        if verdict.host is None:
            return verdict
        denied = self._deny.match(verdict.host)
        if denied is not None:
            return replace(
                verdict, compliant=False, basis="policy", internal=False,
                reason=f"{verdict.host} matches deny_hosts pattern {denied!r} in the policy.",
            )  # fmt: skip
        allowed = self._allow.match(verdict.host)
        if allowed is not None:
            return replace(
                verdict, compliant=True, basis="policy", internal=True,
                reason=f"{verdict.host} matches allow_hosts pattern {allowed!r} in the policy.",
            )  # fmt: skip
        return verdict


# ---------------------------------------------------------------------- helpers

# Cloud services that keep what they are sent (object stores, databases, queues): an operator
# outside the policy then holds the data itself, which makes an operator finding high.
_STORES = frozenset(
    [
        "s3",
        "oss",
        "cos",
        "obs",
        "tos",
        "bos",
        "ks3",
        "blob",
        "dfs",
        "file",
        "table",
        "queue",
        "storage",
        "objectstorage",
        "r2",
        "rds",
        "database",
        "documents",
        "dynamodb",
        "redis",
        "mongo",
        "sql",
        "kafka",
        "spaces",
        "digitaloceanspaces",
    ]
)
_LABEL_PARTS = re.compile(r"[.-]")


def _run_by(verdict: Verdict) -> str | None:
    """The operator key of the region or host rule, when it is not the provider's own: a
    region's operator is the most specific (amazonaws.com.cn hosts are run by Sinnet in
    cn-north-1 and by NWCD in cn-northwest-1), then the host rule's (Azure China, 21Vianet)."""
    assert verdict.provider is not None
    if verdict.region is not None:
        region = catalogue().regions.get(verdict.provider, {}).get(verdict.region)
        if region is not None and region.operator:
            return region.operator
    hit = match_host(verdict.host) if verdict.host else None
    return hit.rule.operator if hit is not None and hit.rule.operator else None


def _stores_data(host: str | None) -> bool:
    return host is not None and not _STORES.isdisjoint(_LABEL_PARTS.split(host.lower()))


def _candidate(region: Region) -> Candidate:
    return Candidate(region.provider, region.code, region.place.country, region.city)


def _verdict(
    text: str,
    kind: str,
    parsed: Parsed,
    provider: str | None,
    region: str | None,
    jurisdiction: str | None,
    compliant: bool | None,
    basis: str | None,
    reason: str,
    candidates: tuple[Candidate, ...] = (),
) -> Verdict:
    return Verdict(
        input=text,
        kind=kind,
        endpoint=parsed.endpoint,
        host=parsed.host,
        provider=provider,
        region=region,
        jurisdiction=jurisdiction,
        compliant=compliant,
        basis=basis,
        internal=False,
        candidates=candidates,
        reason=reason,
    )


@cache
def _eu_regions(provider: str) -> str | None:
    """The provider's regions inside the EU/EEA, as the remediation of a non-EU cloud
    endpoint ("EU/EEA regions: eu-central-1 (Frankfurt), ..."); None when it has none."""
    eea = groups.groups().eea
    inside = sorted(
        (
            region
            for region in catalogue().regions.get(provider, {}).values()
            if region.place.known and region.place.countries <= eea and region.city
        ),
        # single-country regions first (GCP's "eu" multi-region is not where to start)
        key=lambda region: (len(region.place.countries) > 1, region.code),
    )
    if not inside:
        return None
    shown = ", ".join(f"{r.code} ({r.city})" for r in inside[:4])
    more = f" and {len(inside) - 4} more" if len(inside) > 4 else ""
    name = catalogue().providers[provider].name
    return f"{name}'s EU/EEA regions, e.g. {shown}{more}"
