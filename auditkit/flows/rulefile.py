"""The policy's flow and authorization rules as one semgrep rule file at a stable path.

The path is named by the rules' digest, so that ``auditkit check``'s head start, which starts
semgrep before the scan has planned anything, names the very file the scan will pass (the
command lines must be equal for the scan to adopt the running engine).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from auditkit.flows.semgrep_rules import flow_rules
from auditkit.policy import Policy


def flow_rule_file(policy: Policy) -> str | None:
    """The rule file for ``policy`` (written when missing), or None when it needs none."""
    rules = flow_rules(policy)
    if not rules:
        return None
    # JSON is YAML: no YAML writer needed.
    text = json.dumps({"rules": rules}, sort_keys=True)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
    path = Path(tempfile.gettempdir()) / f"auditkit-flow-rules-{digest}.yaml"
    try:
        if path.read_text(encoding="utf-8") == text:
            return str(path)
    except OSError:
        pass
    # Written beside and renamed: a concurrent scan never reads half a file.
    fd, tmp = tempfile.mkstemp(prefix=path.name, dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, path)
    return str(path)
