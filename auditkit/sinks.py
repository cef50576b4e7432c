"""The data-store sink catalogue (``rulesets/sinks/*.toml``) and its semgrep form.

The catalogue is data: for every language, the callables that open a data store directly
(role ``gateway-sink``) and the HTTP calls whose URL the scanner compares with the policy's
``protected_hosts`` (role ``http-call``). This module reads and validates it, and turns the
Go, Java, Kotlin, C#, JavaScript and TypeScript entries into semgrep rules: the committed files
under ``rulesets/semgrep/gateway/`` are these rules, written by ``scripts/gen_gateway_rules.py``.
Policy ``[gateway.sinks]`` entries become extra rules through :func:`extra_sink_rules`.
The Python entries are interpreted by :mod:`auditkit.analyzers.gateway_python`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from auditkit import datacache
from auditkit.core.errors import PolicyError, RulesetError

SEMGREP_LANGUAGES = ("go", "java", "kotlin", "csharp", "javascript", "typescript")
# Kotlin shares the Java catalogue and TypeScript the JavaScript one.
_CATALOGUE_OF = {
    "python": "python",
    "go": "go",
    "java": "java",
    "kotlin": "java",
    "csharp": "csharp",
    "javascript": "javascript",
    "typescript": "javascript",
}
# Brokers and streams carry data out of a service like a store does, but whether a consumer
# counts is the auditor's decision (policy [gateway] brokers): every broker entry says which
# side of the broker it opens. "connection" opens both (a NATS or AMQP connection, a Kafka
# client object that makes producers and consumers) and counts whenever any side does.
BROKER_ROLES = ("producer", "consumer", "connection")
_ROLE_OF_TABLE = {"sink": "gateway-sink", "http": "http-call"}
HTTP_STORE = "http-protected"
CUSTOM_STORE = "custom"
Rule = dict[str, Any]  # one semgrep rule, as it is written to YAML


@dataclass(frozen=True, slots=True)
class Sink:
    """One catalogued callable of a semgrep language; it becomes one semgrep rule."""

    language: str
    family: str  # the rules file it is written to
    slug: str
    name: str  # the sink as findings name it
    store: str
    description: str
    role: str  # "gateway-sink" or "http-call"
    imports: tuple[str, ...] = ()  # go: import paths; javascript: module specifiers
    callees: tuple[str, ...] = ()  # go: "pkg.Func"; javascript: access paths; java: patterns
    globals: tuple[str, ...] = ()  # javascript: callees that need no import (fetch)
    construct: bool = False  # javascript: called with `new`
    argument: int = 0  # http-call: position of the URL argument
    url_property: str | None = None  # http-call: the URL is this property of that argument
    broker: str | None = None  # a message broker or stream: one of BROKER_ROLES
    focus: str | None = None  # java/csharp: the match is narrowed to this metavariable
    types: tuple[str, ...] = ()  # kotlin: qualified types whose values' calls are access
    # repository declarations: callees are annotations (MyBatis @Mapper), not base interfaces
    annotated: bool = False
    # javascript model calls: methods called on a document made with `new Model(...)`
    instance_calls: tuple[str, ...] = ()

    @property
    def rule_id(self) -> str:
        return f"gateway-{self.language}-{self.slug}"


# --------------------------------------------------------------------------- reading


def catalogue_dir() -> Path:
    """``rulesets/sinks`` of this installation."""
    try:
        from auditkit.rulesets import rulesets_dir

        return rulesets_dir() / "sinks"
    except (ImportError, FileNotFoundError):
        # setuptools' editable finder cannot import the data package auditkit._rulesets; a
        # source checkout keeps rulesets/ beside the package.
        checkout = Path(__file__).resolve().parent.parent / "rulesets" / "sinks"
        if checkout.is_dir():
            return checkout
        raise


@cache
def read_catalogue(language: str) -> dict[str, Any]:
    """The raw TOML catalogue that serves ``language``."""
    try:
        path = catalogue_dir() / f"{_CATALOGUE_OF[language]}.toml"
    except KeyError:
        raise RulesetError(f"no sink catalogue for language {language!r}") from None
    try:
        return datacache.toml(path.read_bytes())
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RulesetError(f"{path}: cannot read sink catalogue: {exc}") from None


def check_keys(table: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
    """Reject unknown keys: a misspelt key in a catalogue must not silently drop a sink."""
    unknown = sorted(set(table) - set(allowed))
    if unknown:
        raise RulesetError(f"{where}: unknown key(s) {', '.join(unknown)}")


# `source` records where an entry's class and constructor names were checked (documentation
# or the SDK's own repository): the catalogue is reviewed by auditors, who must be able to
# verify that a name is real rather than guessed.
_COMMON_KEYS = ("family", "store", "description", "source", "broker")
_KEYS = {
    "go": (*_COMMON_KEYS, "imports", "package", "name", "slug", "calls", "argument"),
    "java": (*_COMMON_KEYS, "slug", "name", "patterns", "types", "kotlin"),
    "csharp": (*_COMMON_KEYS, "slug", "name", "patterns", "types", "declares"),
    "javascript": (
        *_COMMON_KEYS,
        *("slug", "name", "modules", "access", "new", "globals", "argument", "property"),
    ),
}


@cache
def load_sinks(language: str) -> tuple[Sink, ...]:
    """Every catalogued sink of a semgrep language, in catalogue order."""
    if language not in SEMGREP_LANGUAGES:
        raise RulesetError(f"{language!r} is not a semgrep language ({SEMGREP_LANGUAGES})")
    catalogue = _CATALOGUE_OF[language]
    data = read_catalogue(language)
    tables = {"java": ("sink", "http", "repository"), "javascript": ("sink", "http", "model")}
    check_keys(data, tables.get(catalogue, ("sink", "http")), f"sinks/{catalogue}.toml")
    sinks: list[Sink] = []
    for table, role in _ROLE_OF_TABLE.items():
        for i, entry in enumerate(data.get(table, [])):
            where = f"sinks/{catalogue}.toml [[{table}]] #{i + 1}"
            check_keys(entry, _KEYS[catalogue], where)
            if entry.get("broker", BROKER_ROLES[0]) not in BROKER_ROLES:
                raise RulesetError(f"{where}: broker must be one of {', '.join(BROKER_ROLES)}")
            try:
                sinks.extend(_entry_sinks(language, role, entry))
            except KeyError as exc:
                raise RulesetError(f"{where}: missing key {exc}") from None
    if catalogue == "java":
        sinks += _repository_sinks(language, data.get("repository", []))
    if catalogue == "javascript":
        sinks += _model_sinks(language, data.get("model", []))
    ids = [s.rule_id for s in sinks]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RulesetError(f"duplicate gateway rule ids: {', '.join(duplicates)}")
    return tuple(sinks)


def _entry_sinks(language: str, role: str, entry: dict[str, Any]) -> list[Sink]:
    store = HTTP_STORE if role == "http-call" else entry["store"]
    common: dict[str, Any] = {
        "language": language,
        "family": entry["family"],
        "role": role,
        "store": store,
        "description": entry["description"],
        "argument": entry.get("argument", 0),
        "broker": entry.get("broker"),
    }
    if language == "go":
        # One rule per function, so that a finding names the exact callable.
        prefix = entry.get("name", entry["imports"][0])
        return [
            Sink(
                slug=_slug(f"{entry.get('slug', entry['package'])}-{call.removesuffix('{}')}"),
                name=f"{prefix}.{call}",
                imports=tuple(entry["imports"]),
                callees=(f"{entry['package']}.{call}",),
                **common,
            )
            for call in entry["calls"]
        ]
    if language == "csharp" and "declares" in entry:
        # Entity Framework: a DbContext subclass declared outside the gateway is data access
        # (as a Spring Data repository is); the match is narrowed to the class name. semgrep
        # resolves the base class through `using`, like Java's imports.
        if "patterns" in entry or "types" in entry:
            raise RulesetError(f"{entry['slug']}: declares cannot be mixed with patterns/types")
        shapes = [
            f"class $CLASS : {base}{more} {{...}}"
            for base in entry["declares"]
            for more in ("", ", $OTHER")
        ]
        return [
            Sink(
                slug=entry["slug"],
                name=entry["name"],
                callees=tuple(shapes),
                focus="$CLASS",
                **common,
            )
        ]
    if language in ("java", "kotlin", "csharp"):
        patterns = entry.get("patterns", [])
        if language == "kotlin":
            # Kotlin constructs without `new`; shapes that differ more are given explicitly.
            patterns = entry.get("kotlin", [p.replace("new ", "") for p in patterns])
        # Injected clients (Spring fields, constructor parameters, locals): any call on a value
        # whose *declared* type is the sink type. semgrep resolves the type through the file's
        # imports, so a same-named class of another package never matches.
        types = tuple(entry.get("types", ()))
        if language != "kotlin":
            patterns = [*patterns, *(_typed_call(language, t) for t in types)]
        if language == "csharp":
            # C# 9 target-typed construction: `CosmosClient client = new(url, key);`.
            patterns += [
                f"{p[4:-5]} $VAR = new(...);"
                for p in entry.get("patterns", [])
                if p.startswith("new ") and p.endswith("(...)") and "<" not in p
            ]
        if not patterns and not (language == "kotlin" and types):
            return []
        kotlin_types = types if language == "kotlin" else ()
        return [
            Sink(
                slug=entry["slug"],
                name=entry["name"],
                callees=tuple(patterns),
                types=kotlin_types,
                **common,
            )
        ]
    return [
        Sink(
            slug=entry["slug"],
            name=entry["name"],
            imports=tuple(entry.get("modules", ())),
            callees=tuple(entry.get("access", ())),
            globals=tuple(entry.get("globals", ())),
            construct=entry.get("new", False),
            url_property=entry.get("property"),
            **common,
        )
    ]


_QUALIFIED_GENERIC = re.compile(r"^new ((?:\w+\.)+)(\w+<.*)$")


def _csharp_generic(pattern: str) -> Rule:
    """semgrep's C# matcher does not resolve a qualified type that has type arguments
    (``new Confluent.Kafka.ProducerBuilder<$K, $V>(...)``): the simple name is matched in
    files with the namespace's ``using`` directive instead."""
    found = _QUALIFIED_GENERIC.match(pattern)
    if found is None:
        return {"pattern": pattern}
    namespace = found[1].rstrip(".")
    using = {"pattern-inside": f"using {namespace};\n...\n"}
    return {"patterns": [using, {"pattern": f"new {found[2]}"}]}


def _kotlin_typed(type_name: str) -> Rule:
    """Calls on a Kotlin value declared with ``type_name``. semgrep's Kotlin matcher does not
    resolve a qualified type that has type arguments (``KafkaTemplate<String, String>``), so
    the simple name is matched in files that import the type (single or wildcard import)."""
    package, _, simple = type_name.rpartition(".")
    imports = _either(
        [
            {"pattern-inside": f"import {type_name}\n...\n"},
            {"pattern-inside": f"import {package}.*\n...\n"},
        ]
    )
    qualified: Rule = {"pattern": _typed_call("kotlin", type_name)}
    simple_form: Rule = {"patterns": [imports, {"pattern": _typed_call("kotlin", simple)}]}
    return _either([qualified, simple_form])


def _typed_call(language: str, type_name: str) -> str:
    if language == "kotlin":
        return f"($X : {type_name}).$METHOD(...)"
    return f"({type_name} $X).$METHOD(...)"


REPOSITORY_ROLE = "gateway-repository"
REPOSITORY_CALL_ROLE = "gateway-repository-call"
# Names a repository is conventionally given (Spring Data's own documentation: UserRepository);
# the call rule only proposes candidates, the scan keeps those whose type the project declares
# as a repository (auditkit.repositories).
REPOSITORY_NAME = r"^(.*\.)?[A-Z]\w*(Repository|Repo|Dao|DAO)$"
REPOSITORY_CALL_MESSAGE = "Call on a value of type $TYPE"
# A project's own base interface (`interface BaseRepo<T> extends JpaRepository<T, Long>`, then
# `interface UserRepo extends BaseRepo<User>`): every interface that extends another is a
# candidate, kept by the scan when its base is (transitively) a declared repository.
REPOSITORY_EXTENDS_ROLE = "gateway-repository-extends"
REPOSITORY_EXTENDS_MESSAGE = "Interface extends $BASE"
# A repository entry names Spring Data `bases` to extend, or `annotations` that make an
# interface a store accessor by themselves (MyBatis `@Mapper`: MyBatis implements it at run time
# from its SQL). Annotated entries are Java only: semgrep's Kotlin matcher is not relied on for
# annotations here, and Kotlin MyBatis mappers are rare. `java_only = true` keeps an entry out
# of Kotlin for the same reason (the Kotlin shape assumes Spring Data's <entity, id> arguments).
_REPOSITORY_KEYS = (*_COMMON_KEYS, "slug", "name", "bases", "annotations", "java_only")
# Calls on a field of the enclosing class, whatever its type's name: a MyBatis mapper is often
# named like a service (`ArticleReadService`), so the name-based call rule misses it. Only fields
# are proposed (injected dependencies are fields, with Lombok constructors or not), which keeps
# the candidates to the calls a bean makes on its collaborators; the scan keeps those whose type
# the tree declares (auditkit.repositories).
REPOSITORY_FIELD_CALL_ROLE = "gateway-repository-field-call"


def _repository_sinks(language: str, entries: list[dict[str, Any]]) -> list[Sink]:
    """Spring Data repository declarations (one rule per entry) and the one call rule."""
    sinks = []
    for i, entry in enumerate(entries):
        where = f"sinks/java.toml [[repository]] #{i + 1}"
        check_keys(entry, _REPOSITORY_KEYS, where)
        if ("bases" in entry) == ("annotations" in entry):
            raise RulesetError(f"{where}: give exactly one of bases and annotations")
        if language == "kotlin" and ("annotations" in entry or entry.get("java_only", False)):
            continue
        try:
            sinks.append(
                Sink(
                    language=language,
                    family=entry["family"],
                    slug=f"repository-{entry['slug']}",
                    name=entry["name"],
                    store=entry["store"],
                    description=entry["description"],
                    role=REPOSITORY_ROLE,
                    callees=tuple(entry.get("bases", entry.get("annotations", ()))),
                    annotated="annotations" in entry,
                )
            )
        except KeyError as exc:
            raise RulesetError(
                f"sinks/java.toml [[repository]] #{i + 1}: missing key {exc}"
            ) from None
    if sinks:
        family = sinks[0].family

        def joined(slug: str, name: str, description: str, role: str) -> Sink:
            """A sink joined with the declarations above (calls, field calls, extensions)."""
            return Sink(
                language=language, family=family, slug=slug, name=name, store="repository",
                description=description, role=role,
            )  # fmt: skip

        annotated = any(s.annotated for s in sinks)
        sinks.append(
            joined(
                "repository-call",
                "Spring Data repository",
                "call on a repository the project declares",
                REPOSITORY_CALL_ROLE,
            )
        )
        if annotated:
            sinks.append(
                joined(
                    "repository-field-call",
                    "MyBatis mapper or Spring Data repository",
                    "call on a field whose type the project declares a repository",
                    REPOSITORY_FIELD_CALL_ROLE,
                )
            )
        sinks.append(
            joined(
                "repository-extends",
                "Spring Data repository",
                "interface extending a repository the project declares",
                REPOSITORY_EXTENDS_ROLE,
            )
        )
    return sinks


_MODEL_KEYS = (*_COMMON_KEYS, "slug", "name", "modules", "factories", "calls", "instance_calls")


def _model_sinks(language: str, entries: list[dict[str, Any]]) -> list[Sink]:
    """ODM models (Mongoose): a declaration rule and a call-candidate rule per entry.

    `const User = mongoose.model('User', schema)` sits in a models file and is imported where
    it is used, so calls are joined with declarations by the model's name after the scan, as
    Spring Data repositories are (auditkit.repositories)."""
    sinks = []
    for i, entry in enumerate(entries):
        where = f"sinks/javascript.toml [[model]] #{i + 1}"
        check_keys(entry, _MODEL_KEYS, where)
        try:
            common: dict[str, Any] = {
                "language": language,
                "family": entry["family"],
                "name": entry["name"],
                "store": entry["store"],
                "imports": tuple(entry["modules"]),
            }
            sinks.append(
                Sink(
                    slug=entry["slug"],
                    description=entry["description"],
                    role=REPOSITORY_ROLE,
                    callees=tuple(entry["factories"]),
                    **common,
                )
            )
            sinks.append(
                Sink(
                    slug=f"{entry['slug']}-call",
                    description=f"call on a model the project declares ({entry['description']})",
                    role=REPOSITORY_CALL_ROLE,
                    callees=tuple(entry["calls"]),
                    instance_calls=tuple(entry.get("instance_calls", ())),
                    **common,
                )
            )
        except KeyError as exc:
            raise RulesetError(f"{where}: missing key {exc}") from None
    return sinks


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --------------------------------------------------------------------------- semgrep form


def semgrep_rule(sink: Sink) -> Rule:
    """The semgrep rule for one catalogued sink."""
    if sink.language in ("javascript", "typescript") and sink.role in (
        REPOSITORY_ROLE,
        REPOSITORY_CALL_ROLE,
    ):
        return _rule(sink, _model_formula(sink))
    repository_roles = (
        REPOSITORY_ROLE,
        REPOSITORY_CALL_ROLE,
        REPOSITORY_EXTENDS_ROLE,
        REPOSITORY_FIELD_CALL_ROLE,
    )
    if sink.role in repository_roles:
        return _rule(sink, _repository_formula(sink))
    formula = {"go": _go_formula, "javascript": _js_formula, "typescript": _js_formula}.get(
        sink.language, _java_formula
    )(sink)
    return _rule(sink, formula)


def gateway_rules(language: str) -> list[Rule]:
    """Every catalogued sink of ``language`` as a semgrep rule."""
    return [semgrep_rule(s) for s in load_sinks(language)]


def _rule(sink: Sink, formula: list[Rule]) -> Rule:
    if sink.role in (REPOSITORY_CALL_ROLE, REPOSITORY_FIELD_CALL_ROLE):
        message = f"{REPOSITORY_CALL_MESSAGE} ({sink.name} when the project declares it so)"
    elif sink.role == REPOSITORY_ROLE and sink.language in ("javascript", "typescript"):
        message = f"Model declared: {sink.name} ({sink.store}), {sink.description}"
    elif sink.role == REPOSITORY_ROLE and sink.annotated:
        message = f"Mapper declared: annotated {sink.name} ({sink.store}), {sink.description}"
    elif sink.role == REPOSITORY_EXTENDS_ROLE:
        message = f"{REPOSITORY_EXTENDS_MESSAGE} ({sink.name} when the base is one)"
    elif sink.role == REPOSITORY_ROLE:
        message = (
            f"Spring Data repository declared: extends {sink.name} ({sink.store}), "
            f"{sink.description}"
        )
    elif sink.role == "http-call":
        message = (
            f"HTTP call ({sink.name}): its URL reaches a protected internal service when the "
            "host is in the policy's protected_hosts"
        )
        # The match is the URL argument, so that the scanner can read the literal.
        formula = [*formula, {"focus-metavariable": "$URL"}]
    else:
        message = f"Direct data-store access: {sink.name} ({sink.store}), {sink.description}"
    meta = {"role": sink.role, "sink": sink.name, "store": sink.store, "language": sink.language}
    if sink.broker:
        meta["broker"] = sink.broker
    body: Rule = {"patterns": formula} if len(formula) > 1 else formula[0]
    return {
        "id": sink.rule_id,
        "languages": [sink.language],
        "severity": "WARNING",
        "message": message,
        "metadata": {"auditkit": meta},
        **body,
    }


def _either(alternatives: list[Rule]) -> Rule:
    return alternatives[0] if len(alternatives) == 1 else {"pattern-either": alternatives}


def _inside(*patterns: str) -> Rule:
    return _either([{"pattern-inside": f"{p}\n...\n"} for p in patterns])


def _arguments(sink: Sink) -> str:
    if sink.role != "http-call":
        return "..."
    url = f"{{..., {sink.url_property}: $URL, ...}}" if sink.url_property else "$URL"
    return ", ".join([f"$ARG{i}" for i in range(sink.argument)] + [url, "..."])


def _go_formula(sink: Sink) -> list[Rule]:
    package, _, function = sink.callees[0].partition(".")
    # "Writer{}" in a catalogue's calls is a composite literal (segmentio/kafka-go documents
    # `&kafka.Writer{Addr: ...}` rather than a constructor).
    literal = function.endswith("{}")
    call = f"{function[:-2]}{{...}}" if literal else f"{function}({_arguments(sink)})"
    # semgrep resolves a selector through *any* import whose path ends in the package name
    # (`sql.Open` would match `legacy.Open` from "example.com/sql"), so the package identifier
    # is pinned by its text for a plain import and by the alias for an aliased one.
    plain = [
        _either([{"pattern-inside": f'import "{path}"\n...\n'} for path in sink.imports]),
        *({"pattern-not-inside": f'import $ALIAS "{path}"\n...\n'} for path in sink.imports),
        {"pattern": f"$PACKAGE.{call}"},
        # metavariable-regex would see the resolved name; the generic language sees the text.
        {
            "metavariable-pattern": {
                "metavariable": "$PACKAGE",
                "language": "generic",
                "pattern-regex": f"^{package}$",
            }
        },
    ]
    aliased = [
        _either([{"pattern-inside": f'import $ALIAS "{path}"\n...\n'} for path in sink.imports]),
        {"pattern": f"$ALIAS.{call}"},
    ]
    return [_either([{"patterns": plain}, {"patterns": aliased}])]


def _repository_formula(sink: Sink) -> list[Rule]:
    """Declarations: the interface name (focus), so that the scan can read it back.
    Calls: any call on a value whose declared type has a repository's name; the message
    carries the type."""
    if sink.role == REPOSITORY_CALL_ROLE:
        typed = (
            "($X : $TYPE).$METHOD(...)" if sink.language == "kotlin" else "($TYPE $X).$METHOD(...)"
        )
        name = {"metavariable": "$TYPE", "regex": REPOSITORY_NAME}
        return [{"pattern": typed}, {"metavariable-regex": name}]
    if sink.role == REPOSITORY_FIELD_CALL_ROLE:
        # A plain (non-generic) class type: generic fields (List<String>) are never a mapper.
        field = {"pattern-inside": "class $CLASS { ... $TYPE $X; ... }"}
        calls = _either([{"pattern": "$X.$METHOD(...)"}, {"pattern": "this.$X.$METHOD(...)"}])
        plain = {"metavariable": "$TYPE", "regex": r"^[A-Z]\w*$"}
        return [field, calls, {"metavariable-regex": plain}]
    if sink.role == REPOSITORY_EXTENDS_ROLE:
        shapes = (
            ["interface $REPOSITORY : $BASE"]
            if sink.language == "kotlin"
            else ["interface $REPOSITORY extends $BASE {...}"]
        )
        return [_either([{"pattern": s} for s in shapes]), {"focus-metavariable": "$REPOSITORY"}]
    if sink.language == "kotlin":
        # semgrep's Kotlin matcher does not resolve a qualified supertype: the simple name is
        # matched in files that import it (single or wildcard import).
        alternatives: list[Rule] = []
        for base in sink.callees:
            package, _, simple = base.rpartition(".")
            imports = _either(
                [
                    {"pattern-inside": f"import {base}\n...\n"},
                    {"pattern-inside": f"import {package}.*\n...\n"},
                ]
            )
            declared: Rule = {"pattern": f"interface $REPOSITORY : {simple}<$ENTITY, $ID>"}
            alternatives.append({"patterns": [imports, declared]})
        return [_either(alternatives), {"focus-metavariable": "$REPOSITORY"}]
    if sink.annotated:
        # semgrep resolves the annotation through the file's imports, so a same-named
        # annotation of another package does not match.
        marked: list[Rule] = [
            {"pattern": f"@{annotation}\ninterface $REPOSITORY {{...}}"}
            for annotation in sink.callees
        ]
        return [_either(marked), {"focus-metavariable": "$REPOSITORY"}]
    shapes = [
        "interface $REPOSITORY extends {base} {{...}}",
        "interface $REPOSITORY extends {base}, $OTHER {{...}}",
        "interface $REPOSITORY extends $OTHER, {base} {{...}}",
    ]
    java: list[Rule] = [{"pattern": s.format(base=base)} for base in sink.callees for s in shapes]
    return [_either(java), {"focus-metavariable": "$REPOSITORY"}]


def _java_formula(sink: Sink) -> list[Rule]:
    alternatives: list[Rule] = [
        _csharp_generic(p) if sink.language == "csharp" else {"pattern": p} for p in sink.callees
    ]
    alternatives += [_kotlin_typed(t) for t in sink.types]
    formula = [_either(alternatives)]
    return [*formula, {"focus-metavariable": sink.focus}] if sink.focus else formula


# Models are capitalised by convention (Mongoose's documentation: `const Tank = model(...)`);
# the call rule proposes only capitalised receivers and the join keeps the declared ones.
_MODEL_NAME = r"^[A-Z][\w$]*$"


def _model_formula(sink: Sink) -> list[Rule]:
    """Declarations: the model's name (focus) in files importing the ODM. Calls: the model
    methods on a capitalised receiver, and instance methods on `new Model(...)` documents."""
    if sink.role == REPOSITORY_CALL_ROLE:
        # $TYPE, as in the Java call rule: the message carries it to the join.
        calls: list[Rule] = [{"pattern": f"$TYPE.{call}(...)"} for call in sink.callees]
        for call in sink.instance_calls:
            calls.append({"pattern": f"new $TYPE(...).{call}(...)"})
            document = {"pattern-inside": "$DOC = new $TYPE(...)\n...\n"}
            calls.append({"patterns": [document, {"pattern": f"$DOC.{call}(...)"}]})
        model = {"metavariable": "$TYPE", "regex": _MODEL_NAME}
        return [_either(calls), {"metavariable-regex": model}]
    guard = _either(
        [
            form
            for m in sink.imports
            for form in (_inside(f"import {m!r}"), _inside(f"require({m!r})"))
        ]
    )
    shapes = ["$MODEL = $FACTORY(...)", "$MODEL = $CACHED || $FACTORY(...)"]
    if sink.language == "typescript":
        shapes.append("$MODEL = $FACTORY<$DOCUMENT>(...)")
    # `module.exports = mongoose.model('User', ...)`: the importer names it; the model's own
    # name is the convention, so the name given to the factory is read.
    shapes += ['module.exports = $FACTORY("$MODEL", ...)', 'export default $FACTORY("$MODEL", ...)']
    # The factory as a function or a member (`model`, `mongoose.model`, `connection.model`).
    names = "|".join(re.escape(f) for f in sink.callees)
    factory = {"metavariable": "$FACTORY", "regex": rf"^([\w$]+\.)*({names})$"}
    return [
        guard,
        _either([{"pattern": s} for s in shapes]),
        {"metavariable-regex": factory},
        {"metavariable-regex": {"metavariable": "$MODEL", "regex": _MODEL_NAME}},
        {"focus-metavariable": "$MODEL"},
    ]


def _js_formula(sink: Sink) -> list[Rule]:
    args = _arguments(sink)
    alternatives = [
        form
        for module in sink.imports
        for path in sink.callees
        for form in _js_module_forms(sink, module, path, args)
    ]
    alternatives += [{"pattern": f"{g}({args})"} for g in sink.globals]
    if sink.role == "http-call" and not sink.url_property:
        # An options object in the URL's place is the *_config rule's business.
        not_object = {"metavariable-regex": {"metavariable": "$URL", "regex": r"^[^{]"}}
        return [_either(alternatives), not_object]
    return [_either(alternatives)]


def _js_module_forms(sink: Sink, module: str, path: str, args: str) -> list[Rule]:
    """Alternatives that reach ``path`` of ``module``, each with its import or require.

    Module names are spelled out, never a metavariable checked afterwards: semgrep then
    skips files that do not mention the module and does not try every call against every
    import. A callee that is only a metavariable (``$M(...)``, ``$M.get(...)``) is tried on
    every call of a file, so such forms are kept to the few that need them.
    """
    new = "new " if sink.construct else ""
    head, _, rest = path.partition(".")
    tail = f".{rest}" if rest else ""
    quoted = repr(module)
    if _IDENTIFIER.match(module):
        # semgrep resolves local names of an identifier-named module itself (named, aliased,
        # namespace and default imports, require, destructuring), except an ES default
        # import under another name; the guard keeps an unrelated global of that name out.
        member = "" if head == "default" else f".{head}"
        guard = _either([_inside(f"import {quoted}"), _inside(f"require({quoted})")])
        forms: list[Rule] = [
            {"patterns": [guard, _js_call(sink, f"{new}{module}{member}{tail}", args)]}
        ]
        if head == "default" or sink.role == "gateway-sink":
            callee = f"$M{tail}" if head == "default" else f"$M.{head}{tail}"
            context = _inside(f"import $M from {quoted}")
            forms.append({"patterns": [context, _js_call(sink, f"{new}{callee}", args)]})
    else:
        forms = [
            {"patterns": [*context, _js_call(sink, f"{new}{callee}", args)]}
            for context, callee in _js_access_forms(path, quoted)
        ]
    if not sink.construct:  # require('knex')(config)
        forms.append({"pattern": f"{_js_required(path, quoted)}({args})"})
    return forms


def _js_call(sink: Sink, callee: str, args: str) -> Rule:
    call = {"pattern": f"{callee}({args})"}
    if sink.language != "typescript" or sink.role != "http-call" or sink.construct:
        return call
    # semgrep's TypeScript parser reads `await f<T>(x)` as a call of `await f`, which
    # `f(...)` does not match; generic HTTP calls (`await axios.get<User>(url)`) are common.
    return _either([call, {"pattern": f"await {callee}<$TYPE>({args})"}])


def _js_access_forms(path: str, module: str) -> list[tuple[list[Rule], str]]:
    """(import or require context, callee) pairs that reach ``path`` of ``module``."""
    head, _, rest = path.partition(".")
    tail = f".{rest}" if rest else ""

    def inside(pattern: str) -> list[Rule]:
        return [_inside(pattern)]

    if head == "default":
        return [
            (inside(f"import $M from {module}"), f"$M{tail}"),
            (inside(f"import * as $M from {module}"), f"$M{tail}"),
            (inside(f"$M = require({module})"), f"$M{tail}"),
        ]
    # semgrep lets `import { X }` match `import { X as Y }` too, which would make a bare `X`
    # from another module match: the aliased import is excluded explicitly.
    named = [
        _inside(f"import {{ {head} }} from {module}"),
        {"pattern-not-inside": f"import {{ {head} as $ALIAS }} from {module}\n...\n"},
    ]
    return [
        (named, f"{head}{tail}"),
        (inside(f"import {{ {head} as $M }} from {module}"), f"$M{tail}"),
        # `var` also stands for const and let, and `{X: $M}` also matches the shorthand `{X}`.
        (inside(f"var {{ {head}: $M }} = require({module})"), f"$M{tail}"),
        (inside(f"import * as $M from {module}"), f"$M.{head}{tail}"),
        (inside(f"import $M from {module}"), f"$M.{head}{tail}"),
        (inside(f"$M = require({module})"), f"$M.{head}{tail}"),
    ]


def _js_required(path: str, module: str) -> str:
    head, _, rest = path.partition(".")
    member = "" if head == "default" else f".{head}"
    return f"require({module}){member}" + (f".{rest}" if rest else "")


# --------------------------------------------------------------------------- policy extras

_IDENTIFIER = re.compile(r"^[A-Za-z_$][\w$]*$")
_DOTTED = re.compile(r"^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$")


def extra_sink_rules(language: str, entries: tuple[str, ...]) -> list[Rule]:
    """Semgrep rules for a policy's ``[gateway.sinks]`` entries of one semgrep language.

    An entry is a dotted callable: ``legacydb.Open`` (go; a full import path such as
    ``example.com/legacydb.Open`` also restricts the rule to files importing it),
    ``com.acme.LegacyDb.open`` or ``LegacyDb.open`` (java, kotlin), ``legacyDb.open``
    (javascript, typescript). A capitalised last part is also matched as a constructor.
    """
    if language not in SEMGREP_LANGUAGES:
        raise RulesetError(f"{language!r} is not a semgrep language ({SEMGREP_LANGUAGES})")
    errors: list[str] = []
    rules: list[Rule] = []
    for i, entry in enumerate(entries):
        import_path, _, callee = entry.rpartition("/")
        package_call = callee if import_path else entry
        if not _DOTTED.match(package_call) or (import_path and language != "go"):
            errors.append(f"gateway.sinks.{language}[{i}]: {entry!r} is not a dotted callable")
            continue
        formula = _extra_formula(language, import_path, package_call)
        rules.append(_rule(_custom(language, entry), formula))
    if errors:
        raise PolicyError(errors)
    return rules


def _custom(language: str, entry: str) -> Sink:
    return Sink(
        language=language,
        family="custom",
        slug=f"custom-{_slug(entry)}",
        name=entry,
        store=CUSTOM_STORE,
        description="data-access callable named by the policy",
        role="gateway-sink",
    )


def _extra_formula(language: str, import_path: str, callee: str) -> list[Rule]:
    if language == "go" and import_path:
        # The package name is taken to be the import path's last element.
        package = callee.split(".")[0]
        path = f"{import_path}/{package}"
        return _go_formula(replace(_custom(language, callee), imports=(path,), callees=(callee,)))
    patterns = [f"{callee}(...)"]
    if callee.rsplit(".", 1)[-1][:1].isupper() and language in ("java", "javascript", "typescript"):
        patterns.append(f"new {callee}(...)")
    return [_either([{"pattern": p} for p in patterns])]
