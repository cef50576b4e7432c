"""A semgrep taint match, told as a flow: category, steps and destination, from the source text.

semgrep's community edition reports the sink of a taint flow but not its trace. The steps are
read back here, within the function that holds the sink: from the names in the sink call,
upward through the assignments (and in-place fills such as ``m.put("p", p)``) that define
them, to the line that reads a category's name. The destination comes from the sink call: a
SaaS SDK's default host, a URL literal, or a same-file constant named in its arguments
(``const API = "…"``, ``static final String API = "…"``, ``api := "…"``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditkit.flows.names import Categories
from auditkit.flows.results import FlowStep
from auditkit.flows.sdks import SEMGREP_MAILERS, SEMGREP_SDKS

_IDENT = re.compile(r"[A-Za-z_$][\w$]*")
_ASSIGN = re.compile(
    r"^\s*(?:(?:const|let|var|val|final|private|static|public|String|[\w.]+(?:<[^=]*>)?)\s+)*"
    # the variable, an optional TypeScript/Kotlin type (`let x: string =`, `val m: Map<K, V> =`;
    # never Go's `:=`), then `=` or `:=` that is not `==` or `=>`
    r"([A-Za-z_$][\w$]*)(?:\s*:(?!=)[^=]*?)?\s*(?::=|=)(?![=>])\s*(?P<rhs>.+)$"
)
_MULTI_ASSIGN = re.compile(
    r"^\s*(?:(?:const|let|var|val)\s+)?"
    r"(?P<targets>[\[{(]?\s*[A-Za-z_$][\w$]*(?:\s*,\s*(?:\.\.\.)?[A-Za-z_$][\w$]*)+\s*[\]})]?)"
    r"\s*(?::=|=)(?![=>])\s*(?P<rhs>.+)$"
)
_NOT_CARRIERS = re.compile(r"^(?:_|ok|err|error|err[A-Z_]\w*)$")
_ERROR_WITH_VALUE = re.compile(r"(?:Errorf|Error|errors\.New|Wrapf?|WithMessagef?)\s*\(")
_FILL = re.compile(
    r"^\s*([A-Za-z_$][\w$]*)\.(?:put|add|append|push|set|Set|Add|WriteString|"
    # the mail message setters the rules propagate through (semgrep_rules._propagators)
    r"setTo|setCc|setBcc|setText|setSubject|setReplyTo|setRecipients?|addRecipients?|"
    r"setContent)\("
)
_FUNCTION = {
    "go": re.compile(r"^\s*func\b"),
    "java": re.compile(
        r"^\s*(?:@\w+.*|(?:public|private|protected|static|final|\s)*"
        r"[\w<>\[\], ?]+\s+\w+\s*\([^;]*\)\s*(?:throws [\w., ]+)?\{?\s*)$"
    ),
    "kotlin": re.compile(r"^\s*(?:\w+\s+)*fun\b"),
    "javascript": re.compile(
        r"^\s*(?:export\s+)?(?:async\s+)?function\b|=>\s*\{\s*$"
        r"|^\s*(?:async\s+)?\w+\s*\([^)]*\)\s*(?::\s*[\w<>\[\]| ]+)?\s*\{\s*$"
    ),
}
_STRING = re.compile(r"\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)'|`([^`]*)`")
_HANDLER_NAME = {
    "go": re.compile(r"^\s*func\s+(?:\([^)]*\)\s*)?(\w+)\s*\("),
    "java": re.compile(r"\b(\w+)\s*\([^;{]*\)\s*(?:throws [\w., ]+)?\{?\s*$"),
    "kotlin": re.compile(r"\bfun\s+(\w+)\s*\("),
}
# JavaScript/TypeScript: an inline route handler is named by its route (`GET /users`), a
# named one by its function or constant.
_JS_ROUTE = re.compile(
    r"\b\w+\.(get|post|put|patch|delete|del|all|head|options)\(\s*[\"'`]([^\"'`]*)[\"'`]"
)
_JS_FUNCTION = re.compile(
    r"^\s*(?:export\s+)?(?:async\s+)?function\s+(\w+)"
    # a constant holding a function; `const u = await repo.find()` inside a handler is none
    r"|^\s*(?:export\s+)?(?:const|let|var)\s+(\w+)\s*(?::[^=]+)?=\s*(?:async\s+)?"
    r"(?:function\b|\([^)]*\)\s*(?::[^=]+)?=>|\w+\s*=>)"
)
_KEYWORDS = frozenset(
    {"new", "return", "await", "const", "let", "var", "val", "if", "else", "func", "nil", "null",
     "true", "false", "this", "String", "class", "fun", "for", "range"}
)  # fmt: skip
_MAX_LINES = 200
_HOST = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?$")


@dataclass(frozen=True)
class Story:
    category: str
    steps: tuple[FlowStep, ...]


@dataclass(frozen=True)
class Destination:
    sink: str  # the callee as written
    endpoints: tuple[tuple[str, str], ...]  # (text, how it was found), in order of preference
    vendor: str | None = None
    default_jurisdiction: str | None = None


def stories(
    lines: list[str], sink_line: int, sink_text: str, cats: Categories, language: str
) -> list[Story]:
    """One story per category whose value reaches the sink at ``sink_line`` (1-based)."""
    group = "javascript" if language == "typescript" else language
    start = _function_start(lines, sink_line, group)
    needed = _names(sink_text)
    found: dict[str, int] = {}
    for name in needed:
        category = cats.of(name)
        if category is not None:
            found.setdefault(category, sink_line)
    _quoted(sink_text, cats, found, sink_line)
    steps: list[FlowStep] = []
    for number in range(sink_line - 1, start - 1, -1):
        text = lines[number - 1]
        targets, rhs = _definition(text)
        if not targets & needed:
            continue
        steps.append(FlowStep(number, _shown(text)))
        for name in _names(rhs):
            needed.add(name)
            category = cats.of(name)
            if category is not None:
                found[category] = number
        _quoted(rhs, cats, found, number)
    steps.reverse()
    sink = FlowStep(sink_line, _shown(lines[sink_line - 1]) if sink_line <= len(lines) else "")
    out = []
    for category, source_line in sorted(found.items()):
        source = FlowStep(source_line, f"{category}: {_shown(lines[source_line - 1])}")
        if source_line == sink_line:
            # read and sent on one line: one step, not the same line twice
            out.append(Story(category, (source,)))
            continue
        middle = tuple(s for s in steps if source_line < s.line < sink_line)
        out.append(Story(category, (source, *middle, sink)))
    return out


def destination(text: str, lines: list[str]) -> Destination:
    """Where the call ``text`` sends: an SDK's host, a URL literal or a same-file constant."""
    callee = text.split("(", 1)[0].strip()
    receiver, _, method = callee.rpartition(".")
    receiver = receiver.rsplit(".", 1)[-1]
    for sdk, receiver_regex, method_regex in SEMGREP_SDKS:
        if re.search(receiver_regex, receiver) and re.search(method_regex, method):
            return Destination(
                callee,
                ((sdk.host, f"default host of the {sdk.vendor} SDK"),),
                sdk.vendor,
                sdk.jurisdiction,
            )
    arguments = text[len(callee) :]
    mail = callee == "smtp.SendMail" or any(
        re.search(r, receiver) and re.search(m, method) for r, m in SEMGREP_MAILERS
    )
    # Only literals that can name a server: not a content type ("text/plain"), an HTTP method
    # or a message body.
    literals = [s for s in _strings(arguments) if "://" in s or _HOST.match(s)]
    if mail:
        # A mail call's literals are addresses, subjects and bodies; only a host names the
        # relay (Go's `smtp.SendMail("smtp.example.com:587", ...)`).
        literals = [s for s in literals if _HOST.match(s)]
    found: list[tuple[str, str]] = [(s, "literal in the call") for s in literals]
    source = "\n".join(lines)
    for name in _names(arguments):
        match = re.search(
            rf"(?m)^\s*(?:(?:export|const|let|var|val|private|public|static|final|String)\s+)*"
            rf"{re.escape(name)}\s*(?::\s*String\s*)?(?::=|=)\s*[\"'`]([^\"'`]+)[\"'`]",
            source,
        )
        if match and (not mail or _HOST.match(match.group(1))):
            found.append((match.group(1), f"constant {name} = {match.group(1)!r}"))
    return Destination(callee, tuple(found))


def handler_name(lines: list[str], line: int, language: str) -> tuple[str, int]:
    """The function that holds ``line`` (name, line), read upward from it."""
    group = "javascript" if language == "typescript" else language
    pattern = _HANDLER_NAME.get(group)
    for number in range(line, max(0, line - _MAX_LINES), -1):
        text = lines[number - 1]
        if group == "javascript":
            if route := _JS_ROUTE.search(text):
                return f"{route.group(1).upper()} {route.group(2)}", number
            if function := _JS_FUNCTION.search(text):
                return function.group(1) or function.group(2), number
            continue
        if pattern is not None and (m := pattern.search(text)) and m.group(1) not in _KEYWORDS:
            return m.group(1), number
    return "?", line


def _function_start(lines: list[str], line: int, group: str) -> int:
    pattern = _FUNCTION.get(group)
    for number in range(line - 1, max(0, line - _MAX_LINES), -1):
        if pattern is not None and pattern.search(lines[number - 1]):
            return number
    return max(1, line - _MAX_LINES)


def _definition(text: str) -> tuple[frozenset[str], str]:
    """The names a line assigns and the text it assigns them from."""
    m = _ASSIGN.match(text)
    if m:
        target, rhs = m.group(1), m.group("rhs")
        if _NOT_CARRIERS.match(target) and not _ERROR_WITH_VALUE.search(rhs):
            # `if err := db.Get(&out, email); err != nil`: the error of a call that was given
            # the value is not the value (unless it is built from it: fmt.Errorf("%s", email))
            return frozenset(), ""
        return frozenset({target}), rhs
    m = _MULTI_ASSIGN.match(text)
    if m:
        # Go's `b, err := json.Marshal(v)`, JS destructuring `const { a, b } = o`: every name
        # on the left may carry the value (semgrep's taint does the same)
        names = frozenset(_IDENT.findall(m.group("targets"))) - _KEYWORDS
        # Go's error and ok results do not carry the value: `u, err := db.ByEmail(email)`
        # then `log.Printf("...: %v", err)` logs no e-mail address (found on listmonk)
        return frozenset(n for n in names if not _NOT_CARRIERS.match(n)), m.group("rhs")
    m = _FILL.match(text)
    if m:
        return frozenset({m.group(1)}), text[m.end() :]
    return frozenset(), ""


def _names(text: str) -> set[str]:
    without_strings = _STRING.sub(
        lambda m: _template_names(next(g for g in m.groups() if g is not None)), text
    )
    return {n for n in _IDENT.findall(without_strings) if n not in _KEYWORDS}


def _template_names(template: str | None) -> str:
    # `${API}/events`, "$p" (Kotlin): the names inside a template are read, the text is not.
    if not template:
        return " "
    inside = re.findall(r"\$\{([^}]*)\}|\$([A-Za-z_]\w*)", template)
    return " " + " ".join(a or b for a, b in inside) + " "


def _quoted(text: str, cats: Categories, found: dict[str, int], line: int) -> None:
    # map keys and getter arguments: m.get("phone"), row["msisdn"], {"phone": x}
    for literal in _strings(text):
        category = cats.of(literal)
        if category is not None:
            found.setdefault(category, line)


def _strings(text: str) -> list[str]:
    return [next(g for g in m.groups() if g is not None) for m in _STRING.finditer(text)]


def _shown(text: str, limit: int = 90) -> str:
    shown = " ".join(text.split())
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
