"""The policy's flow and authorization rules as one semgrep rule file at a stable path.

The path is named by the rules' digest, so that ``auditkit check``'s head start, which starts
semgrep before the scan has planned anything, names the very file the scan will pass (the
command lines must be equal for the scan to adopt the running engine).

Only the files those rules can match are given them (:func:`flow_rule_targets`): the taint
rules cost semgrep several times its other rules on a large JavaScript file, and semgrep
cannot tell from its own prefilter that a file naming no category has no source (its
``$X``/``$O[$K]`` sources carry a metavariable-regex it does not prefilter on).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from auditkit.core.pathmatch import matches_any
from auditkit.core.policy import Policy
from auditkit.flows.names import categories
from auditkit.flows.semgrep_rules import AUTHORIZATION_LANGUAGES, LANGUAGE_GROUPS, flow_rules

# Workspace languages the generated rules are written for; a .vue file's scripts are scanned
# as JavaScript or TypeScript.
_RULE_LANGUAGES = frozenset({lang for _, langs in LANGUAGE_GROUPS for lang in langs} | {"vue"})


def flow_rule_file(policy: Policy) -> str | None:
    """The rule file for ``policy`` (written when missing), or None when it needs none."""
    rules = flow_rules(policy)
    if not rules:
        return None
    # JSON is YAML: no YAML writer needed.
    return digest_named_rule_file(json.dumps({"rules": rules}, sort_keys=True), "flow")


def digest_named_rule_file(text: str, kind: str) -> str:
    """A generated rule file in the temporary folder, named by the digest of ``text`` (written
    once): the same rules give the same path, so an engine command line that names it can be
    predicted (check's head start) or shipped as text and recreated (fleet workers)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
    path = Path(tempfile.gettempdir()) / f"auditkit-{kind}-rules-{digest}.yaml"
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


def flow_rule_targets(
    root: Path, files: Iterable[tuple[str, str]], policy: Policy
) -> frozenset[str]:
    """The paths among ``files`` (path, language) that the policy's generated rules can match.

    An egress flow starts at a name of a category, so a file that spells none (in any case or
    style, :meth:`Categories.text_regex`) has no source; an authorization finding is kept only
    inside the gateway paths. A file that cannot be read is kept: semgrep says why.
    """
    if not flow_rules(policy):
        return frozenset()
    spelled = categories(policy.data.categories).text_regex()
    named = re.compile(spelled, re.IGNORECASE) if spelled else None
    gw = policy.gateway
    checked = {
        lang
        for name, langs in LANGUAGE_GROUPS
        if name in AUTHORIZATION_LANGUAGES and gw.paths
        for lang in langs
        if gw.authorizers(lang)  # JavaScript and TypeScript have a key each
    }
    out: set[str] = set()
    for path, language in files:
        if language not in _RULE_LANGUAGES:
            continue
        if language in checked and matches_any(path, gw.paths):
            out.add(path)
            continue
        if named is None:
            continue
        try:
            text = (root / path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            out.add(path)
            continue
        if named.search(text):
            out.add(path)
    return frozenset(out)
