"""Facts about how a scan splits its files into engine runs, shared by the scan and by
``auditkit check``'s head start (which must predict the scan's command lines exactly)."""

from __future__ import annotations

# Below this many files one in-process batch beats starting worker processes.
SMALL_SCAN_FILES = 150

# semgrep language -> the [gateway.sinks] key whose entries apply to it (Kotlin shares Java's
# libraries). The policy's own sink rules go into one extra rule file for every batch.
POLICY_SINK_LANGUAGES = (
    ("go", "go"),
    ("java", "java"),
    ("kotlin", "java"),
    ("javascript", "javascript"),
    ("typescript", "typescript"),
)
