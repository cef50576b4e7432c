"""Write rulesets/semgrep/prefilters.json: the rule prefilters of the locked semgrep.

    python scripts/gen_rule_prefilters.py           # rewrite the file
    python scripts/gen_rule_prefilters.py --check   # exit 1 if the committed file is stale

What the conditions are and how they are computed: ``auditkit/prefilters.py``. The committed
table saves a pre-commit run the ~0.2 s of asking ``semgrep-core``; with any other semgrep
installed, auditkit derives the table for that version itself (and keeps it in its cache), so
this file only needs rewriting when the lock moves semgrep (``make lock``).
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib.metadata import version
from pathlib import Path

from auditkit import prefilters
from auditkit.core.distributions import semgrep_core

RULESETS = Path(__file__).resolve().parent.parent / "rulesets" / "semgrep"
OUT = RULESETS / "prefilters.json"


def render() -> str:
    core = semgrep_core()
    if core is None:
        raise SystemExit("semgrep-core is not installed")
    rule_files = sorted(p for p in RULESETS.rglob("*.yaml") if not p.name.endswith(".test.yaml"))
    files = prefilters.derive(core, RULESETS, rule_files)
    document = prefilters.document(files, version("semgrep"))
    return json.dumps(document, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
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
