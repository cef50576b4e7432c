"""The audit policy: ``auditkit.toml``, ``--policy FILE`` or ``[tool.auditkit]`` in pyproject.toml.

Validation is strict on purpose: an unknown or misspelt key could silently weaken an audit, so
every unknown key and every wrong type is an error naming the file and the key path, and all of
them are reported together.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from auditkit.core.errors import PolicyError, UsageError
from auditkit.core.tomlfile import read_toml
from auditkit.core.waivers import POLICY_FROM_AUDITOR, POLICY_FROM_TARGET

POLICY_FILE_NAME = "auditkit.toml"
PYPROJECT_LABEL = "pyproject.toml [tool.auditkit]"
SINK_LANGUAGES = ("python", "go", "java", "javascript", "typescript")
# [gateway.authorization]: Kotlin has its own key (its annotations may differ from Java's).
AUTH_LANGUAGES = ("python", "go", "java", "kotlin", "javascript", "typescript")
JURISDICTION_GROUPS = ("EU", "EEA", "ADEQUACY")
# [gateway] brokers: which sides of a message broker or stream count as protected-store access.
BROKER_SIDES = ("producer", "consumer")


@dataclass(frozen=True)
class JurisdictionPolicy:
    allowed: tuple[str, ...] = ("EU", "EEA")
    allow_hosts: tuple[str, ...] = ()
    deny_hosts: tuple[str, ...] = ()
    # Where operators (ultimate parents) may have their legal home, same vocabulary as
    # `allowed`; None (unset) = no operator check.
    operators: tuple[str, ...] | None = None


@dataclass(frozen=True)
class GatewayPolicy:
    name: str | None = None
    paths: tuple[str, ...] = ()
    protected_hosts: tuple[str, ...] = ()
    include_tests: bool = False
    sinks: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # [gateway.authorization]: language -> the calls / decorators / annotations that authorise
    authorization: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Records published to a broker leave the service as surely as rows written to a store;
    # whether reading from one (a consumer) is a bypass too is the programme's decision.
    brokers: tuple[str, ...] = ("producer",)

    @property
    def declared(self) -> bool:
        return self.name is not None or bool(self.paths)

    def extra_sinks(self, language: str) -> tuple[str, ...]:
        return dict(self.sinks).get(language, ())

    def counts_broker(self, role: str | None) -> bool:
        """Whether access of this broker role (None: not a broker) counts: a connection that
        can both publish and consume counts when either side does."""
        if role is None:
            return True
        if role == "connection":
            return bool(self.brokers)
        return role in self.brokers

    def authorizers(self, language: str) -> tuple[str, ...]:
        """The checks that authorise access in ``language`` (Kotlin falls back to Java's,
        TypeScript to JavaScript's: the same middleware serves both)."""
        table = dict(self.authorization)
        if language == "kotlin" and "kotlin" not in table:
            return table.get("java", ())
        if language == "typescript" and "typescript" not in table:
            return table.get("javascript", ())
        return table.get(language, ())


@dataclass(frozen=True)
class DataPolicy:
    """``[data.categories]``: category -> the names that denote it in code (any case/style)."""

    categories: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Policy:
    name: str = "auditkit audit"
    exclude: tuple[str, ...] = ()
    # [audit] respect_gitignore = false: .gitignore files decide nothing (a source drop whose
    # ignored files the auditor wants read). In a git work tree they only ever remove
    # untracked files, as in git.
    respect_gitignore: bool = True
    jurisdiction: JurisdictionPolicy = field(default_factory=JurisdictionPolicy)
    gateway: GatewayPolicy = field(default_factory=GatewayPolicy)
    data: DataPolicy = field(default_factory=DataPolicy)
    source: str | None = None  # where it came from, relative to the target when inside it
    text: str = ""  # the exact policy text, for the report and its digest
    # Who wrote it: "target" when the file lies in the audited tree (the audited party can
    # edit it), "auditor" for a file from outside it and for the built-in defaults.
    origin: str = POLICY_FROM_AUDITOR

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- validation


class _Collector:
    def __init__(self, file_label: str) -> None:
        self.file_label = file_label
        self.errors: list[str] = []

    def error(self, key_path: str, message: str) -> None:
        self.errors.append(f"{self.file_label}: {key_path}: {message}")


def _string(c: _Collector, table: dict[str, Any], key: str, path: str) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        c.error(f"{path}.{key}", f"expected a non-empty string, got {_type_name(value)}")
        return None
    return value


def _strings(c: _Collector, table: dict[str, Any], key: str, path: str) -> tuple[str, ...] | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, list):
        c.error(f"{path}.{key}", f"expected a list of strings, got {_type_name(value)}")
        return None
    good: list[str] = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            c.error(f"{path}.{key}[{i}]", f"expected a non-empty string, got {_type_name(item)}")
        else:
            good.append(item)
    return tuple(good)


def _boolean(c: _Collector, table: dict[str, Any], key: str, path: str) -> bool | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, bool):
        c.error(f"{path}.{key}", f"expected true or false, got {_type_name(value)}")
        return None
    return value


def _type_name(value: Any) -> str:
    return {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "a boolean",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _table(c: _Collector, parent: dict[str, Any], key: str, path: str) -> dict[str, Any]:
    value = parent.get(key, {})
    if not isinstance(value, dict):
        c.error(f"{path}{key}", f"expected a table, got {_type_name(value)}")
        return {}
    return value


def _unknown(c: _Collector, table: dict[str, Any], allowed: tuple[str, ...], path: str) -> None:
    for key in table:
        if key not in allowed:
            hint = _closest(key, allowed)
            suffix = f" (did you mean {hint!r}?)" if hint else ""
            where = f"{path}.{key}" if path else key
            c.error(where, f"unknown key{suffix}; allowed: {', '.join(allowed)}")


def _closest(key: str, allowed: tuple[str, ...]) -> str | None:
    import difflib

    matches = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _valid_jurisdiction(code: str) -> bool:
    return code in JURISDICTION_GROUPS or (len(code) == 2 and code.isalpha() and code.isupper())


def parse_policy(data: dict[str, Any], file_label: str, text: str) -> Policy:
    """Validate a policy table (the whole file, or pyproject's ``[tool.auditkit]``)."""
    c = _Collector(file_label)
    _unknown(c, data, ("audit", "jurisdiction", "gateway", "data"), "")

    audit = _table(c, data, "audit", "")
    _unknown(c, audit, ("name", "exclude", "respect_gitignore"), "audit")
    name = _string(c, audit, "name", "audit")
    exclude = _strings(c, audit, "exclude", "audit")
    respect_gitignore = _boolean(c, audit, "respect_gitignore", "audit")

    jur = _table(c, data, "jurisdiction", "")
    _unknown(c, jur, ("allowed", "allow_hosts", "deny_hosts", "operators"), "jurisdiction")
    allowed = _strings(c, jur, "allowed", "jurisdiction")
    operators = _strings(c, jur, "operators", "jurisdiction")
    for key, codes in (("allowed", allowed), ("operators", operators)):
        for i, code in enumerate(codes or ()):
            if not _valid_jurisdiction(code):
                c.error(
                    f"jurisdiction.{key}[{i}]",
                    f"{code!r} is neither a group (EU, EEA, ADEQUACY) nor an ISO 3166-1 alpha-2 "
                    "code in upper case",
                )
    allow_hosts = _strings(c, jur, "allow_hosts", "jurisdiction")
    deny_hosts = _strings(c, jur, "deny_hosts", "jurisdiction")

    gw = _table(c, data, "gateway", "")
    _unknown(
        c,
        gw,
        ("name", "paths", "protected_hosts", "include_tests", "sinks", "authorization", "brokers"),
        "gateway",
    )
    gw_name = _string(c, gw, "name", "gateway")
    gw_paths = _strings(c, gw, "paths", "gateway")
    protected = _strings(c, gw, "protected_hosts", "gateway")
    include_tests = _boolean(c, gw, "include_tests", "gateway")
    brokers = _strings(c, gw, "brokers", "gateway")
    for i, side in enumerate(brokers or ()):
        if side not in BROKER_SIDES:
            c.error(f"gateway.brokers[{i}]", f"{side!r} is not one of {', '.join(BROKER_SIDES)}")
    sinks_table = _table(c, gw, "sinks", "gateway.")
    _unknown(c, sinks_table, SINK_LANGUAGES, "gateway.sinks")
    sinks: list[tuple[str, tuple[str, ...]]] = []
    for lang in SINK_LANGUAGES:
        entries = _strings(c, sinks_table, lang, "gateway.sinks")
        if entries:
            sinks.append((lang, entries))
    auth_table = _table(c, gw, "authorization", "gateway.")
    _unknown(c, auth_table, AUTH_LANGUAGES, "gateway.authorization")
    authorization: list[tuple[str, tuple[str, ...]]] = []
    for lang in AUTH_LANGUAGES:
        entries = _strings(c, auth_table, lang, "gateway.authorization")
        if entries:
            authorization.append((lang, _authorizers(c, lang, entries)))
    categories = _categories(c, _table(c, data, "data", ""))

    if c.errors:
        raise PolicyError(c.errors)
    return Policy(
        name=name or "auditkit audit",
        exclude=exclude or (),
        respect_gitignore=respect_gitignore is not False,
        jurisdiction=JurisdictionPolicy(
            allowed=allowed if allowed is not None else ("EU", "EEA"),
            allow_hosts=allow_hosts or (),
            deny_hosts=deny_hosts or (),
            operators=operators,
        ),
        gateway=GatewayPolicy(
            name=gw_name,
            paths=gw_paths or (),
            protected_hosts=protected or (),
            include_tests=bool(include_tests),
            sinks=tuple(sinks),
            authorization=tuple(authorization),
            brokers=tuple(dict.fromkeys(brokers)) if brokers is not None else ("producer",),
        ),
        data=DataPolicy(categories=categories),
        source=file_label,
        text=text,
    )


_CATEGORY_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_AUTHORIZER = re.compile(r"^@?[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$")


def _categories(c: _Collector, table: dict[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    _unknown(c, table, ("categories",), "data")
    cats = _table(c, table, "categories", "data.")
    out: list[tuple[str, tuple[str, ...]]] = []
    owner: dict[str, str] = {}  # normalised name -> the category that claimed it first
    for category in cats:
        where = f"data.categories.{category}"
        if not _CATEGORY_NAME.match(category):
            c.error(where, "a category name is lower case letters, digits and _")
            continue
        names = _strings(c, cats, category, "data.categories")
        if names is None:
            continue
        if not names:
            c.error(where, "expected at least one name")
            continue
        for i, name in enumerate(names):
            key = normalise_name(name)
            if not key:
                c.error(f"{where}[{i}]", f"{name!r} holds no letter or digit")
            elif key in owner and owner[key] != category:
                # One name in two categories would make every finding's category a guess.
                c.error(f"{where}[{i}]", f"{name!r} already denotes {owner[key]!r}")
            else:
                owner.setdefault(key, category)
        out.append((category, names))
    return tuple(out)


def _authorizers(c: _Collector, lang: str, entries: tuple[str, ...]) -> tuple[str, ...]:
    for i, entry in enumerate(entries):
        if not _AUTHORIZER.match(entry.strip()):
            c.error(
                f"gateway.authorization.{lang}[{i}]",
                f"{entry!r} is not a call, decorator or annotation name (e.g. require_role, "
                "auth.check, @PreAuthorize)",
            )
    return tuple(e.strip() for e in entries)


def normalise_name(name: str) -> str:
    """``phoneNumber``, ``PHONE_NUMBER``, ``phone-number`` -> ``phonenumber``: names in code
    are compared in this form, so that the policy need not list every spelling."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def _read_toml(path: Path, label: str) -> tuple[dict[str, Any], str]:
    return read_toml(path, label, "policy", PolicyError)


def load_policy(target: Path, policy_file: Path | None = None) -> Policy:
    """Find and load the policy for ``target``; defaults when there is none."""
    if policy_file is not None:
        data, text = _read_toml(policy_file, str(policy_file))
        policy = parse_policy(data, _label(policy_file, target), text)
        if _inside(policy_file, target):
            return replace(policy, origin=POLICY_FROM_TARGET)
        return policy
    root = target if target.is_dir() else target.parent
    candidate = root / POLICY_FILE_NAME
    if candidate.is_file():
        data, text = _read_toml(candidate, str(candidate))
        return replace(parse_policy(data, POLICY_FILE_NAME, text), origin=POLICY_FROM_TARGET)
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        data, _ = _read_toml(pyproject, str(pyproject))
        tool = data.get("tool", {})
        section = tool.get("auditkit") if isinstance(tool, dict) else None
        if section is not None:
            if not isinstance(section, dict):
                raise PolicyError(["pyproject.toml: tool.auditkit: expected a table"])
            import json

            # The policy text recorded in the report is the section itself, canonicalised.
            text = json.dumps(section, sort_keys=True, ensure_ascii=False)
            policy = parse_policy(section, PYPROJECT_LABEL, text)
            return replace(policy, origin=POLICY_FROM_TARGET)
    return Policy()


def target_policy(target: Path) -> str | None:
    """The policy the audited tree holds itself (its label), or None when it holds none."""
    root = target if target.is_dir() else target.parent
    if (root / POLICY_FILE_NAME).is_file():
        return POLICY_FILE_NAME
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        data, _ = _read_toml(pyproject, str(pyproject))
        tool = data.get("tool", {})
        if isinstance(tool, dict) and "auditkit" in tool:
            return PYPROJECT_LABEL
    return None


def load_audit_policy(target: Path, policy_file: Path | None, from_target: bool) -> Policy:
    """The policy of an independent audit: the auditor's, unless the target's is asked for.

    The audited party must not set the scope of its own audit unnoticed: a policy inside the
    target (found there, or named with --policy) is used only with ``from_target``.
    """
    if policy_file is not None:
        inside = _inside(policy_file, target)
        if inside and not from_target:
            raise UsageError(
                f"--policy {policy_file} lies inside the audited tree, so the audited party can "
                "edit it: give the auditor's policy from outside the tree, or add "
                "--policy-from-target to audit with it"
            )
        if from_target and not inside:
            raise UsageError(
                f"--policy-from-target: {policy_file} is not inside the audited tree {target}"
            )
        return load_policy(target, policy_file)
    own = target_policy(target)
    if own is not None and not from_target:
        raise UsageError(
            f"{target} holds its own policy ({own}), written by the audited party: give the "
            "auditor's policy with --policy FILE, or add --policy-from-target to audit with "
            "the audited tree's own policy"
        )
    return load_policy(target)


def _inside(policy_file: Path, target: Path) -> bool:
    root = target.resolve()
    folder = root if root.is_dir() else root.parent
    resolved = policy_file.resolve()
    return resolved == folder or folder in resolved.parents


def _label(policy_file: Path, target: Path) -> str:
    try:
        return policy_file.resolve().relative_to(target.resolve()).as_posix()
    except ValueError:
        return policy_file.name
