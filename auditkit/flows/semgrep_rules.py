"""semgrep rules for Go, Java, Kotlin, JavaScript and TypeScript, generated from the policy.

Data egress is one taint rule per language and sink kind (endpoint, log, store): the sources
are reads of any category's names (fields, getters, keys, variables), the sanitisers are
hashing, masking, redaction and encryption calls. semgrep's community edition follows taint
within a function and reports the sink only (no trace), so the category and the steps are
read back from the source text (:mod:`auditkit.flows.steps`). Which SDK, producer or store a
sink is, and where it sends, is decided there too, from the matched call.

Gateway authorization is one search rule per language with entries in
``[gateway.authorization]``: an access to protected data inside a route handler (Spring
``@RequestMapping``/``@GetMapping``… methods in Java and Kotlin; ``net/http``, gin, echo and
fiber handlers in Go) with no authorizing annotation on the method or its class and no
authorizing call in a statement before it; in JavaScript and TypeScript, inside an Express/Koa
route handler with no authorizing middleware among the route's arguments before it and no
``use`` of one earlier in the file. The scan keeps the matches inside the gateway paths. Java
and Kotlin have a second rule (``kind = "interface"``) for accesses in methods without a mapping
annotation: the handlers declared through an interface, which :mod:`auditkit.flows.spring` picks
out of them (and where Kotlin's class-level guards are read, which semgrep cannot match)."""

from __future__ import annotations

from typing import Any

from auditkit.core.policy import Policy
from auditkit.flows import sdks
from auditkit.flows.names import Categories, categories
from auditkit.flows.results import ENDPOINT, LOG, STORE
from auditkit.flows.sdks import SEMGREP_SDKS

Rule = dict[str, Any]
ROLE_EGRESS = "data-egress"
ROLE_AUTHORIZATION = "gateway-authorization"
# A sanitising word starts the name or one of its snake_case or camelCase parts: sha256Hex,
# createHash, phone_hash, maskPhone, Sum256; not inside another word (json.Marshal has "sha").
_SANITISER_WORDS = (
    r"hash|sha\d*|md5|hmac|digest|sum256|sum512|mask|redact|anonymi[sz]e|pseudonymi[sz]e|"
    r"tokeni[sz]e|encrypt"
)
_SANITISER_CAMEL = (
    r"Hash|Sha\d*|SHA\d*|Md5|MD5|Hmac|HMAC|Digest|Sum256|Sum512|Mask|Redact|Anonymi[sz]e|"
    r"Pseudonymi[sz]e|Tokeni[sz]e|Encrypt"
)
_SANITISER = (
    rf"^(?:(?i:{_SANITISER_WORDS})"
    rf"|.*(?:_(?i:{_SANITISER_WORDS})|(?<=[a-z0-9])(?:{_SANITISER_CAMEL})))"
)
# Receivers that hold a data store (semgrep sees names, not types).
STORE_RECEIVER = (
    r"(?i)^(.*(db|pool|conn|connection|collection|repo|repository|dao|redis|cache|knex|prisma|"
    r"table|store|jdbc\w*|template|session|tx|em|entitymanager|mongo|dynamo\w*))$"
)
LOGGER_RECEIVER = (
    r"(?i)^(_?log|_?logger|LOG|LOGGER|log\w*|\w*logger|winston|pino|bunyan|sugar|slog)$"
)
HTTP_RECEIVER = r"(?i)^(axios|http|https|client|\w*client|api|got|superagent|request|\w*template)$"
PRODUCER_RECEIVER = (
    r"(?i)^(\w*(producer|publisher|writer|topic|pubsub|sns|sqs|queue|channel|kafka|rabbit|jms)\w*)$"
)
UPLOAD_RECEIVER = r"(?i)^(\w*(s3|bucket|storage|blob|gcs|uploader|minio|oss|cos|tos)\w*)$"

_LOG_METHODS = (
    r"^(log|info|debug|warn|warning|error|trace|fatal|Info|Infof|Infow|Debug|Debugf|Warn|Warnf|"
    r"Error|Errorf|Print|Printf|Println)$"
)
_STORE_METHODS = (
    r"^(query|execute|exec|insert|insertOne|insertMany|updateOne|updateMany|update|save|saveAll|"
    r"saveAndFlush|persist|merge|create|set|hset|put|putItem|Exec|ExecContext|Query|QueryContext|"
    r"QueryRow|QueryRowContext|Set|HSet|InsertOne|InsertMany|UpdateOne|Create|Save|Put|PutItem|"
    r"executeUpdate|batchUpdate|opsForValue|convertAndSend)$"
)
_REPOSITORY_RECEIVER = r"(?i)^\w*(repository|repo|dao)$"
# Reads count as access for authorization; the egress rules care about writes.
_ACCESS_METHODS = _STORE_METHODS.replace(
    "^(", "^(find\\w*|get\\w*|load\\w*|select\\w*|fetch\\w*|delete\\w*|", 1
)
_HTTP_METHODS = (
    r"^(post|put|patch|request|postForObject|postForEntity|exchange|send|sendAsync|Post|PostForm|"
    r"Do|NewRequest|NewRequestWithContext|sendBeacon)$"
)
_PRODUCER_METHODS = (
    r"^(send|publish|produce|sendMessage|Publish|Produce|WriteMessages|SendMessage|convertAndSend)$"
)
_UPLOAD_METHODS = r"^(upload|putObject|PutObject|Upload|upload_from_string|save|create|uploadFile)$"

# semgrep language -> languages of the rule (TypeScript shares JavaScript's patterns)
LANGUAGE_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("go", ("go",)),
    ("java", ("java",)),
    ("kotlin", ("kotlin",)),
    ("javascript", ("javascript", "typescript")),
)
_TYPESCRIPT_FILES = ("*.ts", "*.tsx", "*.mts", "*.cts")
# The rule groups with a generated authorization rule (route handlers known to the rules).
AUTHORIZATION_LANGUAGES = ("java", "kotlin", "go", "javascript")


def flow_rules(policy: Policy) -> list[Rule]:
    """Every generated rule for the policy (empty when it sets neither key)."""
    cats = categories(policy.data.categories)
    rules: list[Rule] = []
    if not cats.empty:
        for name, languages in LANGUAGE_GROUPS:
            for kind in (ENDPOINT, LOG, STORE):
                rules.append(_egress_rule(name, languages, kind, cats))
    for name, languages in LANGUAGE_GROUPS:
        if name not in AUTHORIZATION_LANGUAGES:
            continue
        if not policy.gateway.paths:
            continue
        if name == "javascript":
            # JavaScript and TypeScript have a key each (TypeScript falls back to JavaScript's).
            for language in languages:
                checks = policy.gateway.authorizers(language)
                if not checks:
                    continue
                rule = _authorization_rule(language, (language,), checks, cats)
                if language == "javascript":
                    # semgrep runs JavaScript rules on TypeScript files too; these have theirs.
                    rule["paths"] = {"exclude": list(_TYPESCRIPT_FILES)}
                rules.append(rule)
            continue
        checks = policy.gateway.authorizers(name)
        if checks:
            rules.append(_authorization_rule(name, languages, checks, cats))
            if name in ("java", "kotlin"):
                rules.append(_authorization_rule(name, languages, checks, cats, implemented=True))
    return rules


# ---------------------------------------------------------------------- egress


def _egress_rule(name: str, languages: tuple[str, ...], kind: str, cats: Categories) -> Rule:
    return {
        "id": f"data-egress-{name}-{kind}",
        "mode": "taint",
        "languages": list(languages),
        "severity": "ERROR",
        "message": f"personal data flows to a {kind} sink",
        "metadata": {"auditkit": {"role": ROLE_EGRESS, "kind": kind, "language": name}},
        "pattern-sources": _sources(name, cats),
        "pattern-sanitizers": [
            _regex_call("$F(...)", "$F", _SANITISER),
            _regex_call("$O.$F(...)", "$F", _SANITISER),
        ],
        "pattern-sinks": _sinks(name, kind),
        # semgrep taints a container only by assignment; these calls fill one in place.
        "pattern-propagators": _propagators(name),
    }


def _propagators(name: str) -> list[Rule]:
    # Not followed (semgrep OSS, tested): Go's two-result assignment `b, err := json.Marshal(v)`
    # taints nothing, and a propagator for it does not help.
    out: list[Rule] = [
        {"pattern": f"$TO.{method}(..., $FROM)", "from": "$FROM", "to": "$TO"}
        for method in (
            "put",
            "add",
            "append",
            "push",
            "set",
            "setProperty",
            "Set",
            "Add",
            "WriteString",
            "Write",
            "addProperty",
            "putAll",
            "addAll",
            # A mail message is filled by setters before it is sent (Spring's
            # SimpleMailMessage, MimeMessageHelper, Jakarta MimeMessage).
            "setTo",
            "setCc",
            "setBcc",
            "setText",
            "setSubject",
            "setReplyTo",
            "setRecipients",
            "addRecipient",
            "addRecipients",
            "setContent",
        )
    ]
    return out


def _sources(name: str, cats: Categories) -> list[Rule]:
    ident = cats.identifier_regex()
    key = _key_regex(cats)
    out = [
        _regex_call("$O.$F", "$F", ident),
        _regex_call("$O.$F(...)", "$F", ident),
        _regex_call("$F(...)", "$F", ident),
        _regex_call("$O[$K]", "$K", key),
        {"patterns": [{"pattern": "$X"}, _regex("$X", ident)]},
    ]
    if name in ("java", "kotlin", "javascript"):
        out.append(_regex_call("$O.get($K)", "$K", key))
    if name == "javascript":
        out.append(_regex_call("{..., $K: $V, ...}", "$K", ident))
    return out


def _sinks(name: str, kind: str) -> list[Rule]:
    if kind == LOG:
        return _log_sinks(name)
    if kind == STORE:
        return [_sink_call(STORE_RECEIVER, _STORE_METHODS)]
    out = [
        _sink_call(HTTP_RECEIVER, _HTTP_METHODS),
        _sink_call(PRODUCER_RECEIVER, _PRODUCER_METHODS),
        _sink_call(UPLOAD_RECEIVER, _UPLOAD_METHODS),
    ]
    for _sdk, receiver, methods in SEMGREP_SDKS:
        out.append(_sink_call(receiver, methods))
    out += _mail_sinks(name)
    if name == "javascript":
        out += [{"pattern": "fetch(...)"}, {"pattern": "axios(...)"}]
        out += [_js_client_sink(client) for client in sdks.SEMGREP_JS_CLIENTS]
    if name == "go":
        out.append(
            {
                "pattern-either": [
                    {"pattern": "http.Post(...)"},
                    {"pattern": "http.PostForm(...)"},
                    {"pattern": "smtp.SendMail(...)"},
                ]
            }
        )
    return out


def _mail_sinks(name: str) -> list[Rule]:
    """Mail transports: by declared type (Java, Kotlin) or origin (nodemailer), and by name
    only where neither can be seen (:data:`auditkit.flows.sdks.SEMGREP_MAILERS`)."""
    if name == "java":
        typed: list[Rule] = [
            {"pattern": f"({t} $S).{m}(...)"} for t, m in sdks.JVM_MAIL_TYPES.items()
        ]
        typed += [{"pattern": f"{call}(...)"} for call in sdks.JVM_MAIL_STATIC]
        # semgrep binds an undeclared receiver's type to its own name: that is "not seen".
        unseen = "($TY $R).$M(...)"
        return [{"pattern-either": typed}, _unseen(unseen, sdks.JVM_MAILERS)]
    if name == "kotlin":
        typed = [_kotlin_typed_call(t, m) for t, m in sdks.JVM_MAIL_TYPES.items()]
        typed += [{"pattern": f"{call}(...)"} for call in sdks.JVM_MAIL_STATIC]
        return [{"pattern-either": typed}, _unseen("($R : $TY).$M(...)", sdks.JVM_MAILERS)]
    if name == "javascript":
        # semgrep resolves `nodemailer` through the file's require/import, whatever its name.
        made = [
            f"$T = {sdks.NODEMAILER_FACTORY}(...)\n...\n",
            f"$T = {sdks.NODEMAILER_FACTORY}(...);\n...\n",
        ]
        origin: Rule = {
            "patterns": [
                {"pattern-either": [{"pattern-inside": m} for m in made]},
                {"pattern": f"$T.{sdks.NODEMAILER_METHOD}(...)"},
            ]
        }
        receiver, method = sdks.JS_MAILERS
        fallback = _receiver_call("$R", "$M", receiver, method)
        # A transport the file visibly makes with another constructor is not nodemailer's.
        fallback["patterns"].append({"pattern-not-inside": "$R = new $CLASS(...)\n...\n"})
        fallback["patterns"].append({"pattern-not-inside": "$R = new $CLASS(...);\n...\n"})
        return [origin, fallback]
    return []  # Go: smtp.SendMail only (Go's exported methods never matched the names)


def _unseen(pattern: str, names: tuple[str, str]) -> Rule:
    receiver, method = names
    return {
        "patterns": [
            {"pattern": pattern},
            {"metavariable-comparison": {"comparison": "str($TY) == str($R)"}},
            _regex("$R", receiver),
            _regex("$M", method),
        ]
    }


def _kotlin_typed_call(type_name: str, method: str) -> Rule:
    """semgrep's Kotlin matcher may not resolve the qualified type: the simple name also
    counts in files that import it (single or wildcard import), as in auditkit.sinks."""
    package, _, simple = type_name.rpartition(".")
    imports = {
        "pattern-either": [
            {"pattern-inside": f"import {type_name}\n...\n"},
            {"pattern-inside": f"import {package}.*\n...\n"},
        ]
    }
    return {
        "pattern-either": [
            {"pattern": f"($S : {type_name}).{method}(...)"},
            {"patterns": [imports, {"pattern": f"($S : {simple}).{method}(...)"}]},
        ]
    }


def _js_client_sink(client: sdks.JsClient) -> Rule:
    """An SDK call on a client the file makes after importing the SDK's package, or on a
    client of its conventional name made elsewhere (``anthropic.messages.create`` in a file
    that also imports Mailgun is not Mailgun's)."""
    imported = [
        f"import $P from '{client.package}'\n...\n",
        f"import * as $P from '{client.package}'\n...\n",
        f"$P = require('{client.package}')\n...\n",
        f"$P = require('{client.package}');\n...\n",
    ]
    made = [f"{m}{end}\n...\n" for m in client.made for end in ("", ";")]
    return {
        "pattern-either": [
            {
                "patterns": [
                    {"pattern-either": [{"pattern-inside": i} for i in imported]},
                    {"pattern-either": [{"pattern-inside": m} for m in made]},
                    {"pattern": client.call},
                ]
            },
            {"patterns": [{"pattern": client.call}, _regex("$C", client.receiver)]},
        ]
    }


def _log_sinks(name: str) -> list[Rule]:
    out = [_sink_call(LOGGER_RECEIVER, _LOG_METHODS)]
    if name == "javascript":
        out.append({"pattern": "console.$M(...)"})
    elif name == "go":
        out.append(
            {
                "pattern-either": [
                    {"pattern": "fmt.Println(...)"},
                    {"pattern": "fmt.Printf(...)"},
                    {"pattern": "fmt.Print(...)"},
                    {"pattern": "fmt.Fprintf(...)"},
                    {"pattern": "fmt.Fprintln(...)"},
                ]
            }
        )
    elif name == "java":
        out.append(
            {
                "pattern-either": [
                    {"pattern": "System.out.$M(...)"},
                    {"pattern": "System.err.$M(...)"},
                ]
            }
        )
    else:  # kotlin
        out.append({"pattern-either": [{"pattern": "println(...)"}, {"pattern": "print(...)"}]})
    return out


# ---------------------------------------------------------------------- authorization


def _authorization_rule(
    name: str,
    languages: tuple[str, ...],
    checks: tuple[str, ...],
    cats: Categories,
    *,
    implemented: bool = False,
) -> Rule:
    """``implemented``: the Spring rule for methods without a mapping annotation, candidates
    for handlers declared through an interface (``kind = "interface"``)."""
    annotations = [c.lstrip("@") for c in checks if c.startswith("@")]
    calls = [c for c in checks if not c.startswith("@")]
    patterns: list[Rule] = []
    if implemented:
        patterns += _spring_implemented(name, annotations)
    elif name in ("java", "kotlin"):
        patterns += _spring_handler(name, annotations)
    elif name in ("javascript", "typescript"):
        patterns += _express_handler(checks)
        calls = []  # checks are middleware here, named in the route or a `use` before it
    else:
        patterns.append(
            {
                "pattern-either": [
                    {"pattern-inside": f"func $H({_GO_HTTP}) {{ ... }}"},
                    {"pattern-inside": f"func ($S $T) $H({_GO_HTTP}) {{ ... }}"},
                    # gin, echo and fiber handlers, plain or methods (listmonk's echo handlers
                    # were never checked)
                    {"pattern-inside": "func $H($CTX *gin.Context) { ... }"},
                    {"pattern-inside": "func ($S $T) $H($CTX *gin.Context) { ... }"},
                    {"pattern-inside": "func $H($CTX echo.Context) $RET { ... }"},
                    {"pattern-inside": "func ($S $T) $H($CTX echo.Context) $RET { ... }"},
                    {"pattern-inside": "func $H($CTX *fiber.Ctx) $RET { ... }"},
                    {"pattern-inside": "func ($S $T) $H($CTX *fiber.Ctx) $RET { ... }"},
                ]
            }
        )
    for call in calls:
        patterns += _checked_before(name, call)
    store = _receiver_call("$R", "$M", STORE_RECEIVER, _ACCESS_METHODS)
    # The receiver regex is a name test: `System` ends in "em" (entity manager), and
    # `System.getenv(...)` was reported as a store read (found on langauge-forest-server).
    store["patterns"].append({"pattern-not": "System.$M(...)"})
    # A receiver named as a repository or DAO holds data whatever the method is called
    # (`rawSqlRepository.executeReadOnlyQuery(q)` in TUrtle's debug endpoint was missed).
    repository = {"patterns": [{"pattern": "$R.$M(...)"}, _regex("$R", _REPOSITORY_RECEIVER)]}
    access: list[Rule] = [store, repository]
    if not cats.empty:
        ident = cats.identifier_regex()
        access += [_regex_call("$O.$F(...)", "$F", ident), _regex_call("$O.$F", "$F", ident)]
    patterns.append({"pattern-either": access})
    meta = {"role": ROLE_AUTHORIZATION, "language": name}
    if implemented:
        meta["kind"] = "interface"
    return {
        "id": f"gateway-authorization-{name}" + ("-implemented" if implemented else ""),
        "languages": list(languages),
        "severity": "ERROR",
        "message": "a gateway entry point reaches protected data without an authorization check",
        "metadata": {"auditkit": meta},
        "patterns": patterns,
    }


_GO_HTTP = "$W http.ResponseWriter, $REQ *http.Request"


_MAPPING = r"^(RequestMapping|GetMapping|PostMapping|PutMapping|DeleteMapping|PatchMapping)$"
_MAPPINGS = (
    "RequestMapping",
    "GetMapping",
    "PostMapping",
    "PutMapping",
    "DeleteMapping",
    "PatchMapping",
)
# Kotlin, semgrep 1.187 (tested on real files): `fun $M(...) { ... }` matches block bodies with or
# without a return type, `fun $M(...) = $E` expression bodies; `@A(...)` before `fun` matches
# the annotation among several, with or without arguments, any argument text. No `class`,
# `class $C(...)`, annotated-class or `interface` pattern matches anything (and `class $C(...) :
# $S { ... }` does not parse), so class-level guards and interfaces are read from the source
# text after the match (auditkit.flows.spring).
_KOTLIN_FUNCTIONS = ("fun $HANDLER(...) { ... }", "fun $HANDLER(...) = $BODY")


def _spring_methods(name: str, prefix: str) -> list[str]:
    if name == "java":
        return [f"{prefix}$RET $HANDLER(...) {{ ... }}"]
    return [prefix + f for f in _KOTLIN_FUNCTIONS]


def _spring_handler(name: str, annotations: list[str]) -> list[Rule]:
    """Inside a mapping-annotated method with no authorizing annotation on it (Java: nor on
    its class; Kotlin's class is read by auditkit.flows.spring)."""
    out: list[Rule] = [
        {
            "pattern-either": [
                {"pattern-inside": m} for m in _spring_methods(name, "@$MAPPING(...)\n")
            ]
        },
        _regex("$MAPPING", _MAPPING),
    ]
    return out + _not_annotated(name, annotations)


# Only overrides implement an interface method. Kotlin requires the keyword; Java does not
# require @Override (swagger-codegen's PetApiController implements PetApi without it), so any
# Java method is a candidate and spring.py asks for @Override only when the interface is absent.
_OVERRIDE = {"java": "", "kotlin": "override "}


def _spring_implemented(name: str, annotations: list[str]) -> list[Rule]:
    """Inside any other method (no mapping annotation, no authorizing one): the candidates for
    handlers declared through an interface; auditkit.flows.spring keeps the overriding ones."""
    out: list[Rule] = [
        {"pattern-either": [{"pattern-inside": m} for m in _spring_methods(name, _OVERRIDE[name])]},
    ]
    for mapping in _MAPPINGS:
        out += [{"pattern-not-inside": m} for m in _spring_methods(name, f"@{mapping}(...)\n")]
    return out + _not_annotated(name, annotations)


def _not_annotated(name: str, annotations: list[str]) -> list[Rule]:
    out: list[Rule] = []
    for annotation in annotations:
        for m in _spring_methods(name, f"@{annotation}(...)\n"):
            renamed = m.replace("$HANDLER", "$M2").replace("$RET", "$R2").replace("$BODY", "$B2")
            out.append({"pattern-not-inside": renamed})
        if name == "java":
            out.append({"pattern-not-inside": f"@{annotation}(...)\nclass $C2 {{ ... }}"})
    return out


# Express and Koa routers: `app.get(path, ..., handler)`, `router.post(...)`. The receiver is
# matched by name (a `cache.get(key, (err, v) => ...)` is no route).
_ROUTER_RECEIVER = r"(?i)^(app|api|server|routes?|\w*router|\w*app|\w*routes)$"
_ROUTE_VERB = r"^(get|post|put|patch|delete|del|all|head|options)$"
_INLINE_HANDLERS = (
    "($...PARAMS) => { ... }",
    "async ($...PARAMS) => { ... }",
    "function ($...PARAMS) { ... }",
    "async function ($...PARAMS) { ... }",
)

_NAMED_DEFINITIONS = (
    "function $H(...) { ... }",
    "async function $H(...) { ... }",
    "const $H = $FN",
)


def _express_handler(checks: tuple[str, ...]) -> list[Rule]:
    """Inside a route handler (inline, or a function of this file registered after it) that
    no authorizing middleware guards: none among the route's arguments before the handler,
    and no ``$X.use(<check>)`` earlier in the file."""
    named = [f"{d}\n...\n$APP.$VERB($P, ..., $H)" for d in _NAMED_DEFINITIONS]
    out: list[Rule] = [
        {
            "pattern-either": [
                *({"pattern-inside": f"$APP.$VERB($P, ..., {h})"} for h in _INLINE_HANDLERS),
                *({"pattern-inside": n} for n in named),
            ]
        },
        _regex("$APP", _ROUTER_RECEIVER),
        _regex("$VERB", _ROUTE_VERB),
    ]
    for check in checks:
        names = [check] if "." in check else [check, f"$C.{check}"]
        for guard in names:
            for used in (guard, f"{guard}(...)"):
                # In the route's arguments, before the handler (the last argument), inline or
                # a function defined earlier in the file.
                out.append({"pattern-not-inside": f"$APP.$VERB($P, ..., {used}, ..., $H2)"})
                for definition in _NAMED_DEFINITIONS:
                    out.append(
                        {
                            "pattern-not-inside": (
                                f"{definition}\n...\n$APP.$VERB($P, ..., {used}, ..., $H)"
                            )
                        }
                    )
                # Mounted on the router or app before the route (inline handlers), or before
                # a named handler's registration (its definition may come earlier).
                out.append({"pattern-not-inside": f"$X.use(..., {used}, ...)\n..."})
                out.append(
                    {
                        "pattern-not-inside": (
                            f"function $H3(...) {{ ... }}\n...\n$X.use(..., {used}, ...)\n"
                            "...\n$APP.$VERB($P, ..., $H3)"
                        )
                    }
                )
    return out


def _checked_before(name: str, call: str) -> list[Rule]:
    """Not after a statement that calls ``call`` (plainly, or as the test of an if)."""
    end = ";" if name == "java" else ""
    forms = [
        f"{call}(...){end}\n...",
        f"$C.{call}(...){end}\n...",
        f"if (<... {call}(...) ...>) {{ ... }}\n...",
        f"if (<... $C.{call}(...) ...>) {{ ... }}\n...",
    ]
    if name == "java":
        forms += [f"$T $V = {call}(...);\n...", f"$T $V = $C.{call}(...);\n..."]
    if name == "kotlin":
        forms += [f"val $V = {call}(...)\n...", f"val $V = $C.{call}(...)\n..."]
    if name == "go":
        forms = [
            f"{call}(...)\n...",
            f"$C.{call}(...)\n...",
            f"if <... {call}(...) ...> {{\n...\n}}\n...",
            f"if <... $C.{call}(...) ...> {{\n...\n}}\n...",
            f"if $E := {call}(...); $COND {{\n...\n}}\n...",
            f"if $E := $C.{call}(...); $COND {{\n...\n}}\n...",
            f"$E := {call}(...)\n...",
            f"$E := $C.{call}(...)\n...",
        ]
    if "." in call:  # a dotted check names its receiver itself
        forms = [f for f in forms if "$C." not in f]
    # semgrep's Go parser rejects a statement-sequence pattern without a final newline.
    return [{"pattern-not-inside": form + "\n"} for form in forms]


# ---------------------------------------------------------------------- helpers


def _regex(metavariable: str, regex: str) -> Rule:
    return {"metavariable-regex": {"metavariable": metavariable, "regex": regex}}


def _regex_call(pattern: str, metavariable: str, regex: str) -> Rule:
    return {"patterns": [{"pattern": pattern}, _regex(metavariable, regex)]}


def _receiver_call(receiver: str, method: str, receiver_regex: str, method_regex: str) -> Rule:
    return {
        "patterns": [
            {"pattern": f"{receiver}.{method}(...)"},
            _regex(receiver, receiver_regex),
            _regex(method, method_regex),
        ]
    }


def _sink_call(receiver_regex: str, method_regex: str) -> Rule:
    """An egress sink called on a receiver named by ``receiver_regex``, the receiver alone or
    the last segment of a dotted one: a logger or client kept in a field or reached through a
    package (``p.log.Printf``, ``this.log.info``, ``a.client.Do``, ``http.DefaultClient.Do``;
    field test f17, listmonk and jhipster). semgrep binds ``$R`` to the whole ``p.log``, which
    the anchored receiver regexes never matched. Only the last segment decides:
    ``p.catalog.Printf`` and ``log.entries.add`` are no log calls. The authorization rules keep
    their whole-receiver match (_receiver_call)."""
    return _receiver_call("$R", "$M", last_segment(receiver_regex), method_regex)


def last_segment(regex: str) -> str:
    """``regex`` (anchored ``^...$``) made to match a dotted expression whose last segment it
    matches: an optional ``anything.`` after the first ``^``."""
    head, caret, rest = regex.partition("^")
    if not caret:
        raise ValueError(f"receiver regex not anchored: {regex}")
    return f"{head}^(?:.*\\.)?{rest}"


def _key_regex(cats: Categories) -> str:
    ident = cats.identifier_regex()
    body = ident.removeprefix("^(?i:").removesuffix(")$")
    return f"^(?i:[\"'`]{body}[\"'`])$"  # anchors outside (?i:): see identifier_regex
