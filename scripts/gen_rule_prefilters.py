"""Write rulesets/semgrep/prefilters.json: which words a file must contain for a rule file to
possibly match it, as semgrep itself works them out.

    python scripts/gen_rule_prefilters.py           # rewrite the file
    python scripts/gen_rule_prefilters.py --check   # exit 1 if the committed file is stale

semgrep skips a rule on a file when the file lacks the identifiers and strings every match
needs (``semgrep-core -prefilter_of_rules`` prints that condition). A pre-commit run over one
TypeScript file spends ~80 ms just parsing the 37 TypeScript gateway rules, most of which
cannot match it; auditkit evaluates the same conditions first and passes only the rule files
that can. The conditions are made weaker on the way (any regular expression counts as
matched, words are compared case-insensitively as substrings), so a rule file is never left
out when semgrep would have run it. They are tied to the semgrep version that produced them:
with any other version installed, auditkit runs every rule file.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import semgrep

RULESETS = Path(__file__).resolve().parent.parent / "rulesets" / "semgrep"
OUT = RULESETS / "prefilters.json"
CORE = Path(semgrep.__file__).parent / "bin" / "semgrep-core"

# The condition language of prefilters.json:
#   true                  the rule file may match anything
#   {"all": [w, ...]}     every word w occurs (lower case, as a substring)
#   {"and": [c, ...]}     every condition c holds
#   {"or": [c, ...]}      at least one condition c holds
Condition = Any


def render() -> str:
    files = {}
    for path in sorted(RULESETS.rglob("*.yaml")):
        if path.name.endswith(".test.yaml"):
            continue
        rules = json.loads(
            subprocess.run(
                [str(CORE), "-prefilter_of_rules", str(path)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        files[path.relative_to(RULESETS).as_posix()] = _any([_rule(r["filter"]) for r in rules])
    document = {
        "generated_by": "scripts/gen_rule_prefilters.py from semgrep-core -prefilter_of_rules",
        "semgrep": version("semgrep"),
        "files": files,
    }
    return json.dumps(document, indent=1, sort_keys=True) + "\n"


def _rule(filter_: list[Any]) -> Condition:
    if filter_[0] == "None":
        return True  # semgrep found no condition: the rule may match any file
    return _formula(filter_[1])


def _formula(node: list[Any]) -> Condition:
    kind = node[0]
    if kind == "Pred":
        pred = node[1]
        if pred[0] == "Idents":
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
    return flat[0] if len(flat) == 1 else {"or": flat}


def _unique(parts: list[Condition]) -> list[Condition]:
    seen: dict[str, Condition] = {}
    for p in parts:
        seen.setdefault(json.dumps(p, sort_keys=True), p)
    return [seen[k] for k in sorted(seen)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report a stale file")
    args = parser.parse_args(argv)
    text = render()
    current = OUT.read_text(encoding="utf-8") if OUT.is_file() else None
    if args.check:
        if current != text:
            print(f"stale: {OUT.relative_to(RULESETS.parent.parent)}", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(RULESETS.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
