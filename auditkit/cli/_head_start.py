"""``auditkit check``'s head start: its engines begin before the rest of auditkit is imported.

bandit's command line is fixed (its arguments follow on stdin), so it starts first, as soon as
a Python file is named. Then, from the arguments alone, this works out the semgrep command line
that the scan will run for the named files (same policy, same file selection, same rule files,
through the same functions) and starts it too (``engines.prelaunch``). The scan adopts a
process only when its command line is identical; when the guess is off (every file cached, a
policy with custom sink rules, an option this parser does not know) the process is killed
unused, so results never depend on it.
"""

from __future__ import annotations

from pathlib import Path

from auditkit.engines import bandit_worker, prelaunch
from auditkit.engines._process import engine_env

# Options of `auditkit check` that take a value / that do not; anything else: no head start.
_VALUE_OPTIONS = ("--policy", "--fail-on", "--baseline")
_FLAGS = ("--no-cache",)


def start_engines(args: list[str]) -> None:
    """Start the engines for ``auditkit check ARGS``; never fails (the scan reports problems)."""
    try:
        parsed = _parse(args)
        if parsed is not None:
            files, policy, no_cache = parsed
            if no_cache:
                # Nothing is read from or written to the cache folder, prefilters included.
                from auditkit import datacache

                with datacache.using(None):
                    _start(files, policy)
            else:
                _start(files, policy)
    except Exception:  # a head start must never change what the command does
        prelaunch.discard()


def _parse(args: list[str]) -> tuple[list[Path], Path | None, bool] | None:
    files: list[Path] = []
    policy: Path | None = None
    no_cache = False
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            files += [Path(a) for a in args[i + 1 :]]
            break
        name, has_value, value = arg.partition("=")
        if name in _VALUE_OPTIONS:
            if not has_value:
                i += 1
                if i == len(args):
                    return None
                value = args[i]
            if name == "--policy":
                policy = Path(value)
        elif arg in _FLAGS:
            no_cache = no_cache or arg == "--no-cache"
        elif arg.startswith("-"):
            return None  # --help, --debug, a typo: leave it all to the command
        else:
            files.append(Path(arg))
        i += 1
    return (files, policy, no_cache) if files else None


def _start(files: list[Path], policy_file: Path | None) -> None:
    from auditkit.engines.plan import SMALL_SCAN_FILES

    if len(files) >= SMALL_SCAN_FILES:
        return  # the scan will plan several batches in worker processes itself
    env = engine_env()
    if any(f.suffix in (".py", ".pyi") for f in files):
        # First: bandit's command line is the same for every run (what to scan follows on
        # stdin), and its ~0.2 s of imports are the longest wait of a Python commit.
        prelaunch.start(bandit_worker.command(), bandit_worker.START_FOLDER, env)

    # Imported only now, so that bandit is already running.
    from auditkit.core.languages import rule_languages
    from auditkit.core.policy import load_policy
    from auditkit.engines import semgrep
    from auditkit.engines.plan import POLICY_SINK_LANGUAGES
    from auditkit.repository import repository_root
    from auditkit.rulesets import prefilter_sources, semgrep_configs
    from auditkit.workspace import select_files

    root = repository_root(Path.cwd()).resolve()
    policy = load_policy(root, policy_file)
    ws = select_files(root, files)
    paths = list(ws.files)
    if policy.exclude:
        from auditkit.core.pathmatch import matches_any

        paths = [f for f in paths if not matches_any(f.path, policy.exclude)]
    if not paths:
        return
    if any(policy.gateway.extra_sinks(key) for _, key in POLICY_SINK_LANGUAGES):
        return  # the scan writes the policy's sink rules to a new file: unknowable here
    configs = semgrep_configs(
        rule_languages(f.language for f in paths),
        bool(policy.gateway.protected_hosts),
        prefilter_sources(ws.root, [f.path for f in paths]),
    )
    from auditkit.flows.rulefile import flow_rule_file, flow_rule_targets

    # The scan passes the same stable path, when a file can match the rules (one batch).
    if flow_rule_targets(ws.root, ((f.path, f.language) for f in paths), policy):
        flow_rules = flow_rule_file(policy)
        if flow_rules is not None:
            configs = (*configs, flow_rules)
    direct = semgrep.direct_targets(ws.root, [f.path for f in paths])
    if direct:  # masked copies run from a new folder: their command line is unknowable here
        program, argv = semgrep.command(direct, list(configs))
        prelaunch.start(argv, ws.root, env, program)
