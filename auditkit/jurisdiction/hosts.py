"""Cloud host names -> provider and, when the name carries one, region.

A host matches the longest rule suffix it ends with (``s3.amazonaws.com`` before
``amazonaws.com``). Only the few labels next to the suffix are searched for a region: bucket,
account and resource names sit further left and may contain anything, so
"eu-west-1-bucket.s3.amazonaws.com" stays the global S3 endpoint (us-east-1).
"""

from __future__ import annotations

from dataclasses import dataclass

from auditkit.jurisdiction.catalogue import Catalogue, HostRule, Region, catalogue


@dataclass(frozen=True)
class CloudHost:
    rule: HostRule
    region: Region | None  # the region the name carries (or the rule's fixed region)
    unknown_code: str | None  # a label shaped like the provider's codes but not in the table


def match_host(host: str) -> CloudHost | None:
    cat = catalogue()
    labels = host.split(".")
    first = max(0, len(labels) - cat.max_suffix_labels)
    for i in range(first, len(labels)):
        rule = cat.host_rules.get(".".join(labels[i:]))
        if rule is not None:
            return _resolve(cat, rule, labels[:i])
    return None


def _resolve(cat: Catalogue, rule: HostRule, left: list[str]) -> CloudHost:
    codes = cat.host_codes[rule.provider]
    searched = left[-rule.search :] if rule.search else []
    for label in reversed(searched):
        code = _find(label, rule.match, codes.__contains__)
        if code is not None:
            return CloudHost(rule, codes[code], None)
    if rule.region is not None and not (rule.exact and left):
        return CloudHost(rule, cat.regions[rule.provider][rule.region], None)
    pattern = cat.providers[rule.provider].pattern
    if pattern is not None:
        for label in reversed(searched):
            code = _find(label, rule.match, lambda c: pattern.match(c) is not None)
            if code is not None:
                return CloudHost(rule, None, code)
    return CloudHost(rule, None, None)


def _find(label: str, match: str, known: object) -> str | None:
    """The longest region code in ``label`` that ``known`` accepts, placed as ``match`` says."""
    assert callable(known)
    parts = label.split("-")
    n = len(parts)
    if match == "label":
        # the whole label, or the label with a numeric suffix (westeurope-01)
        spans = [(0, n)] + ([(0, n - 1)] if n > 1 and parts[-1].isdigit() else [])
    elif match == "start":
        spans = [(0, j) for j in range(n, 0, -1)]
    elif match == "end":
        spans = [(i, n) for i in range(n)]
    else:  # "part": anywhere, between dashes (s3-website-eu-west-1, oss-cn-beijing-internal)
        spans = sorted(
            ((i, j) for i in range(n) for j in range(i + 1, n + 1)), key=lambda s: s[0] - s[1]
        )
    for i, j in spans:
        candidate = "-".join(parts[i:j])
        if known(candidate):
            return candidate
    return None
