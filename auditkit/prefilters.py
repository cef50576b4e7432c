"""Rule prefilters: which words a file must contain for a shipped rule file to possibly match it,
as the installed semgrep itself works them out.

semgrep skips a rule on a file when the file lacks the identifiers and strings every match
needs (``semgrep-core -prefilter_of_rules`` prints that condition). A pre-commit run over one
TypeScript file would spend ~80 ms just parsing the TypeScript gateway rules, most of which
cannot match it; auditkit evaluates the same conditions first and passes semgrep only the rule
files that can. The conditions are made weaker on the way (any regular expression counts as
matched, words are compared case-insensitively as substrings), so a rule file is never left
out when semgrep would have run it.

The conditions belong to the semgrep version that computed them. A table is committed
(``rulesets/semgrep/prefilters.json``, for the locked semgrep); with any other semgrep
installed, the table is derived from that semgrep on first use and kept in the cache folder
(``datacache``: keyed by the semgrep version and the rules' bytes, written atomically, a
damaged entry derived again). One ``semgrep-core`` call over all rules costs ~0.2 s.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The condition language of a table:
#   true                  the rule file may match anything
#   {"all": [w, ...]}     every word w occurs (lower case, as a substring)
#   {"and": [c, ...]}     every condition c holds
#   {"or": [c, ...]}      at least one condition c holds
Condition = Any

# Where a table in force came from; "none": no table (prefilters are not used).
COMMITTED = "committed"
DERIVED = "derived"
NONE = "none"


@dataclass(frozen=True)
class PrefilterTable:
    origin: str  # COMMITTED or DERIVED
    semgrep: str  # the semgrep version whose conditions these are
    files: Mapping[str, Condition]  # rule file (relative to rulesets/semgrep) -> condition


class PrefilterError(Exception):
    """semgrep-core could not compute the conditions (missing, crashed, unexpected output)."""


def derive(core: str, base: Path, rule_files: Sequence[Path]) -> dict[str, Condition]:
    """Each rule file's condition, keyed by its path relative to ``base``, from one
    ``semgrep-core -prefilter_of_rules`` call over all rules (it takes one file: the rules are
    combined into a temporary one and mapped back to their files by rule id)."""
    import yaml  # type: ignore[import-untyped]  # PyYAML ships no stubs

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    owner: dict[str, str] = {}
    rules: list[Any] = []
    files: dict[str, list[Condition]] = {}
    for path in rule_files:
        name = path.relative_to(base).as_posix()
        files[name] = []
        try:
            document = yaml.load(path.read_bytes(), Loader=loader) or {}
        except (OSError, yaml.YAMLError) as e:
            raise PrefilterError(f"{name}: {e}") from None
        for rule in document.get("rules", []):
            rule_id = rule.get("id") if isinstance(rule, dict) else None
            if not isinstance(rule_id, str) or rule_id in owner:
                raise PrefilterError(f"{name}: rule id {rule_id!r} missing or not unique")
            owner[rule_id] = name
            rules.append(rule)
    for rule_id, filter_ in _semgrep_core_filters(core, rules).items():
        if rule_id not in owner:
            raise PrefilterError(f"semgrep-core named an unknown rule {rule_id!r}")
        files[owner[rule_id]].append(_rule(filter_))
    # A file semgrep-core said nothing about gets _any([]) = true: it is never left out.
    return {name: _any(conditions) for name, conditions in sorted(files.items())}


def _semgrep_core_filters(core: str, rules: list[Any]) -> dict[str, Any]:
    import subprocess  # only when deriving: most runs use a stored table
    import tempfile

    with tempfile.TemporaryDirectory(prefix="auditkit-prefilters-") as tmp:
        combined = Path(tmp) / "rules.json"  # JSON is YAML: no YAML writer needed
        combined.write_text(json.dumps({"rules": rules}), encoding="utf-8")
        try:
            done = subprocess.run(
                [core, "-prefilter_of_rules", str(combined)],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
        except (OSError, subprocess.SubprocessError) as e:
            raise PrefilterError(f"semgrep-core: {e}") from None
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[0]
        raise PrefilterError(f"semgrep-core exited {done.returncode}: {last}")
    try:
        entries = json.loads(done.stdout)
        return {e["rule_id"]: e["filter"] for e in entries}
    except (ValueError, KeyError, TypeError) as e:
        raise PrefilterError(f"semgrep-core printed unexpected output ({e})") from None


def document(files: Mapping[str, Condition], semgrep_version: str) -> dict[str, Any]:
    """A table as it is stored (the committed file, a cache entry)."""
    return {
        "generated_by": "scripts/gen_rule_prefilters.py from semgrep-core -prefilter_of_rules",
        "semgrep": semgrep_version,
        "files": dict(files),
    }


def table_from(data: Any, origin: str) -> PrefilterTable | None:
    """A stored table, or None when it is not one (damaged, another format)."""
    if not isinstance(data, dict):
        return None
    files, version = data.get("files"), data.get("semgrep")
    if not isinstance(files, dict) or not isinstance(version, str):
        return None
    if not all(isinstance(k, str) and _is_condition(v) for k, v in files.items()):
        return None
    return PrefilterTable(origin, version, files)


def _is_condition(value: Any) -> bool:
    if value is True:
        return True
    if not isinstance(value, dict) or len(value) != 1:
        return False
    ((kind, parts),) = value.items()
    if kind == "all":
        return isinstance(parts, list) and all(isinstance(w, str) for w in parts)
    if kind in ("and", "or"):
        return isinstance(parts, list) and all(_is_condition(p) for p in parts)
    return False


def holds(condition: Condition, text: str) -> bool:
    """Whether ``text`` (lower case) can meet ``condition``; anything unexpected counts as met."""
    if not isinstance(condition, dict):
        return True  # true, a rule file that is not listed, or a damaged entry
    if isinstance(words := condition.get("all"), list):
        return all(w in text for w in words if isinstance(w, str))
    if isinstance(parts := condition.get("and"), list):
        return all(holds(c, text) for c in parts)
    if isinstance(parts := condition.get("or"), list):
        return any(holds(c, text) for c in parts)
    return True


# ------------------------------------------------------- semgrep's formulas -> conditions


def _rule(filter_: Any) -> Condition:
    if not isinstance(filter_, list) or filter_[:1] != ["Some"] or len(filter_) < 2:
        return True  # "None" (no condition: the rule may match any file) or anything new
    return _formula(filter_[1])


def _formula(node: Any) -> Condition:
    kind = node[0] if isinstance(node, list) and node else None
    if kind == "Pred":
        pred = node[1]
        if isinstance(pred, list) and pred[:1] == ["Idents"]:
            return {"all": sorted({w.lower() for w in pred[1]})}
        return True  # Regexp (or anything new): assume it matches
    if kind == "And":
        return _all([_formula(n) for n in node[1]])
    if kind == "Or":
        return _any([_formula(n) for n in node[1]])
    return True


def _all(parts: list[Condition]) -> Condition:
    words: set[str] = set()
    rest = []
    for p in _unique(parts):
        if p is True:
            continue
        if "all" in p:
            words.update(p["all"])
        elif "and" in p:
            rest.extend(p["and"])
        else:
            rest.append(p)
    out = ([{"all": sorted(words)}] if words else []) + rest
    return True if not out else out[0] if len(out) == 1 else {"and": out}


def _any(parts: list[Condition]) -> Condition:
    flat: list[Condition] = []
    for p in _unique(parts):
        if p is True:
            return True
        flat.extend(p.get("or", [p]))
    flat = _unique(flat)
    return True if not flat else flat[0] if len(flat) == 1 else {"or": flat}


def _unique(parts: list[Condition]) -> list[Condition]:
    seen: dict[str, Condition] = {}
    for p in parts:
        seen.setdefault(json.dumps(p, sort_keys=True), p)
    return [seen[k] for k in sorted(seen)]
