"""``auditkit classify [--format text|json] [--policy FILE] ENDPOINT...`` (``-`` reads stdin).

One verdict per input, in input order. An input that is not an endpoint still gets a line
(JSON: basis "not-an-endpoint"), so the output lines up with the input.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from auditkit.core.policy import load_policy
from auditkit.jurisdiction import Classifier, Verdict

NOT_AN_ENDPOINT = "not-an-endpoint"


@click.command()
@click.argument("endpoints", nargs=-1)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--policy",
    "policy_file",
    type=click.Path(path_type=Path),
    help="Policy file (default: auditkit.toml in the current directory, if any).",
)
@click.option(
    "--provider",
    "providers",
    multiple=True,
    metavar="NAME",
    help="Read bare region codes as this provider's (aws, azure, gcp, alibaba, ...). Repeatable.",
)
def classify(
    endpoints: tuple[str, ...], fmt: str, policy_file: Path | None, providers: tuple[str, ...]
) -> int:
    """Jurisdiction verdict for URLs, host names, IP addresses and cloud region codes.

    Give ENDPOINT arguments, or "-" to read one input per line from standard input.
    """
    if not endpoints:
        raise click.UsageError("give at least one ENDPOINT, or - to read them from stdin")
    inputs = _inputs(endpoints)
    classifier = Classifier(load_policy(Path.cwd(), policy_file).jurisdiction)
    hints = frozenset(p.strip().lower() for p in providers)
    verdicts = [(text, classifier.classify(text, hints)) for text in inputs]
    if fmt == "json":
        rows = [_json(text, v) for text, v in verdicts]
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write("".join(_text(text, v) + "\n" for text, v in verdicts))
    return 0


def _inputs(endpoints: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for item in endpoints:
        if item == "-":
            data = sys.stdin.buffer.read().decode("utf-8", errors="replace")
            out.extend(line for line in data.splitlines() if line.strip())
        else:
            out.append(item)
    return out


def _json(text: str, verdict: Verdict | None) -> dict[str, Any]:
    if verdict is None:
        return {
            "input": text,
            "kind": "host",
            "endpoint": None,
            "host": None,
            "provider": None,
            "region": None,
            "jurisdiction": None,
            "compliant": None,
            "basis": NOT_AN_ENDPOINT,
            "internal": False,
            "candidates": [],
            "reason": "Not an endpoint: no URL, host name, IP address or region code.",
            "vendor": None,
            "operator": None,
            "operator_jurisdiction": None,
            "eu_alternative": None,
            "operator_compliant": None,
        }
    return verdict.to_json()


def _text(text: str, verdict: Verdict | None) -> str:
    if verdict is None:
        fields = [text, "UNKNOWN", "-", "-", NOT_AN_ENDPOINT, "-", "not an endpoint"]
    else:
        word = {True: "COMPLIANT", False: "NON-COMPLIANT", None: "UNKNOWN"}[verdict.compliant]
        where = "/".join(x for x in (verdict.provider, verdict.region) if x)
        fields = [
            text,
            word,
            verdict.jurisdiction or "-",
            where or verdict.vendor or "-",
            verdict.basis or "-",
            _operator(verdict),
            verdict.reason,
        ]
    # One line per input, whatever the input holds: control characters are escaped.
    return "  ".join(
        f.encode("unicode_escape").decode("ascii") if not f.isprintable() else f for f in fields
    )


def _operator(verdict: Verdict) -> str:
    """ "operator: Alibaba Group Holding Limited (CN)", flagged when the policy's
    [jurisdiction] operators does not allow its legal home."""
    if verdict.operator is None:
        return "-"
    home = f" ({verdict.operator_jurisdiction})" if verdict.operator_jurisdiction else ""
    flag = " NOT ALLOWED" if verdict.operator_compliant is False else ""
    return f"operator: {verdict.operator}{home}{flag}"
