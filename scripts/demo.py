"""`make demo`: audit the samples, sign the report with a DEMO key, verify it.

Runs the installed `auditkit` command exactly as an auditor would, and prints each command.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "demo-output"
AUDITKIT = str(Path(sys.executable).parent / "auditkit")
DEMO_DATE = "2026-11-29"
RETEST_DATE = "2026-12-20"


def run(*args: str, ok: tuple[int, ...] = (0,)) -> int:
    shown = " ".join(
        shlex.quote(a if not a.startswith(str(REPO)) else str(Path(a).relative_to(REPO)))
        for a in args
    )
    print(f"\n$ auditkit {shown}", flush=True)
    code = subprocess.run([AUDITKIT, *args], cwd=REPO, check=False).returncode
    if code not in ok:
        raise SystemExit(f"demo: 'auditkit {shown}' exited {code}")
    return code


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    keys = OUT / "DEMO-KEY-not-for-real-audits"
    report = OUT / "clover-service-report"
    clover = REPO / "samples" / "clover-service"
    eu = REPO / "samples" / "eu-compliant-service"

    print("== The compliant EU service: no non-EU endpoints, no gateway bypass ==")
    run("scan", str(eu))
    print("\n== The Clover service: findings of every category (exit 1 = findings) ==")
    run("scan", str(clover), ok=(1,))
    print("\n== An auditor's one-shot: scan, render every format, sign with a DEMO key ==")
    # The sample's policy is its own auditkit.toml, inside the audited tree: the audited team
    # can edit it. The auditor reviews it and audits with their own copy, kept outside the
    # tree; `audit` refuses the tree's own policy unless told --policy-from-target.
    policy = OUT / "auditor-policies" / "clover-service.toml"
    policy.parent.mkdir(parents=True)
    shutil.copyfile(clover / "auditkit.toml", policy)
    print(f"(the auditor's policy: {policy.relative_to(REPO)}, reviewed copy of the sample's)")
    run("keygen", "--out", str(keys), "--name", "demo-auditor")
    run(
        "audit",
        str(clover),
        "--out",
        str(report),
        "--policy",
        str(policy),
        "--key",
        str(keys / "demo-auditor.pem"),
        "--title",
        "Clover service data-residency audit (DEMO)",
        "--client",
        "Clover (sample)",
        "--auditor",
        "auditkit demo",
        "--date",
        DEMO_DATE,
        ok=(0, 1),
    )
    print("\n== A regulator verifies the signed report against the source tree ==")
    run(
        "verify",
        str(report),
        "--pubkey",
        str(keys / "demo-auditor.pub.pem"),
        "--source",
        str(clover),
    )
    print("\n== A retest: one fix applied in a copy, audited against the signed report ==")
    fixed = OUT / "clover-service-fixed"
    shutil.copytree(clover, fixed)
    analytics = fixed / "services" / "feed" / "feed" / "analytics.py"
    analytics.write_text(
        analytics.read_text().replace(
            "https://clover-exports.oss-cn-beijing.aliyuncs.com",
            "https://clover-exports.oss-eu-central-1.aliyuncs.com",
        )
    )
    print(f"(fixed in {fixed.relative_to(REPO)}: the export bucket moved to eu-central-1)")
    retest = OUT / "clover-service-retest"
    run(
        "audit", str(fixed), "--out", str(retest), "--policy", str(policy),
        "--key", str(keys / "demo-auditor.pem"), "--previous", str(report),
        "--title", "Clover service data-residency retest (DEMO)", "--client", "Clover (sample)",
        "--auditor", "auditkit demo", "--date", RETEST_DATE,
        ok=(0, 1),
    )  # fmt: skip
    run(
        "verify",
        "--chain",
        str(report),
        str(retest),
        "--pubkey",
        str(keys / "demo-auditor.pub.pem"),
    )
    run("diff", str(report), str(retest))
    print(f"\nReport set: {report.relative_to(REPO)}/ (open report.html in a browser)")
    print(f"Retest: {retest.relative_to(REPO)}/ (see 'Changes since the previous audit')")
    print(f"Demo key (labelled DEMO, never use it for a real audit): {keys.relative_to(REPO)}/")


if __name__ == "__main__":
    main()
