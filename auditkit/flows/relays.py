"""Where a mail transport or a mail SDK client sends, read from the file that makes it.

A semgrep sink match is a call (``transporter.sendMail({...})``, ``mg.messages.create(...)``,
``mailSender.send(msg)``); the relay it reaches is set where the transport or client is made,
often in the same file: nodemailer's ``createTransport({host})``, a transport URL or a
well-known ``service``; Mailgun's ``client({url})`` / ``mailgun({host})``; a Jakarta session's
``mail.smtp.host`` property or a ``JavaMailSenderImpl.setHost(...)``. What is not in the file
stays unresolved (the finding is then high, as for any unverified endpoint) and nothing else
in a mail call (addresses, subjects, bodies) is taken for an endpoint. Credentials in a
transport URL never reach the evidence: only its host does.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from auditkit.flows import sdks
from auditkit.flows.steps import Destination

_NODEMAILER_CALL = re.compile(
    rf"^(?P<client>(?:this\s*\.\s*)?[A-Za-z_$][\w$]*)\s*\.\s*{sdks.NODEMAILER_METHOD}\s*\("
)
_JVM_CALL = re.compile(
    r"^(?P<client>(?:this\s*\.\s*)?[A-Za-z_$][\w$]*)\s*\.\s*(?P<method>send|sendMessage)\s*\("
)
_JVM_TYPES = "|".join(
    sorted({t.rpartition(".")[2] for t in sdks.JVM_MAIL_TYPES} | {"JavaMailSenderImpl"})
)
_JVM_HOST = re.compile(
    r"[\"']mail\.smtps?\.host[\"']\s*,\s*\"([^\"]+)\"|\.setHost\(\s*\"([^\"]+)\"\s*\)"
)
_STRING = re.compile(r"\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)'|`([^`$]*)`")
_HOST = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?$")
_IDENT = re.compile(r"^[A-Za-z_$][\w$]*$")
_OPENERS = {"(": ")", "{": "}", "[": "]"}


def destination(text: str, lines: list[str], language: str) -> Destination | None:
    """The destination of a mail call, or None when ``text`` is no mail call known here."""
    source = "\n".join(lines)
    if language in ("javascript", "typescript"):
        for client in sdks.SEMGREP_JS_CLIENTS:
            if (found := re.match(client.callee, text)) and (
                resolved := _js_client(client, found["client"], found.group(0), source)
            ):
                return resolved
        if found := _NODEMAILER_CALL.match(text):
            return _nodemailer(found["client"], found.group(0)[:-1].strip(), source)
        return None
    if language in ("java", "kotlin") and (found := _JVM_CALL.match(text)):
        return _jvm(found["client"], found["method"], found.group(0)[:-1].strip(), text, source)
    return None


# ---------------------------------------------------------------------- JavaScript


def _nodemailer(client: str, callee: str, source: str) -> Destination:
    options = _made_by(source, client, r"createTransport")
    if options is None:
        return Destination(callee, ())
    line, arguments = options
    arguments = _inline(arguments, source)
    literals = _strings(arguments)
    if literals and "://" in literals[0]:
        # createTransport("smtps://user:pass@smtp.example.com:465"): the host only.
        host = urlsplit(literals[0]).hostname
        if host:
            return Destination(callee, ((host, f"nodemailer transport URL (line {line})"),))
    host = _option(arguments, "host", source)
    if host:
        return Destination(callee, ((host, f"host option of createTransport (line {line})"),))
    service = _option(arguments, "service", source)
    if service:
        relay = sdks.NODEMAILER_SERVICES.get(_service_key(service))
        if relay:
            via = f"nodemailer well-known service {service!r} (line {line})"
            return Destination(callee, ((relay, via),))
    return Destination(callee, ())


def _service_key(name: str) -> str:
    # nodemailer compares service names case-insensitively, ignoring spaces and punctuation
    # other than dots and dashes.
    return re.sub(r"[^a-z0-9.-]", "", name.lower())


def _js_client(client: sdks.JsClient, name: str, start: str, source: str) -> Destination | None:
    callee = start[:-1].strip()
    sdk = client.sdk
    default = Destination(
        callee, ((sdk.host, f"default host of the {sdk.vendor} SDK"),), sdk.vendor, sdk.jurisdiction
    )
    made = _made_by(source, name, client.factory)
    if made is None:
        if not re.search(client.receiver, re.sub(r"^this\s*\.\s*", "", name)):
            return None  # another SDK's call of the same shape
        return default  # made in another module: the SDK's default region, as for any SDK
    line, arguments = made
    arguments = _inline(arguments, source)
    if not re.search(rf"\b{client.option}\s*:", arguments):
        return default
    value = _option(arguments, client.option, source)
    if value is None:
        # Configured from something this file does not show (an environment variable).
        return Destination(callee, (), sdk.vendor)
    return Destination(
        callee, ((value, f"{client.option} option of the {sdk.vendor} client (line {line})"),),
        sdk.vendor,
    )  # fmt: skip


# ---------------------------------------------------------------------- Java, Kotlin


def _jvm(client: str, method: str, callee: str, text: str, source: str) -> Destination | None:
    name = re.sub(r"^this\s*\.\s*", "", client)
    typed = re.search(
        rf"\b(?:{_JVM_TYPES})\s+{re.escape(name)}\b|\b{re.escape(name)}\s*:\s*(?:{_JVM_TYPES})\b",
        source,
    )
    static = name == "Transport" and method == "send"
    receiver, methods = sdks.JVM_MAILERS
    by_name = re.search(receiver, name) and re.search(methods, method)
    if not (typed or static or by_name):
        return None
    found: list[tuple[str, str]] = []
    # A host written in the call itself; addresses and bodies are no endpoints.
    arguments = text[len(callee) :]
    found += [(s, "literal in the call") for s in _strings(arguments) if _HOST.match(s)]
    # A Jakarta Transport sends through its session's `mail.smtp.host`; a Spring sender
    # through the host its JavaMailSenderImpl is given (`setHost`).
    transport = "transport" in name.lower() or (typed is not None and "Transport" in typed[0])
    for match in _JVM_HOST.finditer(source):
        host = match.group(1) if transport else match.group(2)
        if host:
            line = source.count("\n", 0, match.start()) + 1
            found.append((host, f"mail host set in this file (line {line})"))
    return Destination(callee, tuple(found))


# ---------------------------------------------------------------------- reading


def _made_by(source: str, name: str, factory: str) -> tuple[int, str] | None:
    """(line, argument text) of the call that makes ``name``: ``name = <...>factory(...)``."""
    bare = re.sub(r"^this\s*\.\s*", "", name)
    pattern = re.compile(
        rf"(?<![\w$.])(?:this\s*\.\s*)?{re.escape(bare)}\s*(?::[^=\n]+)?=(?!=)\s*"
        rf"(?:await\s+)?(?:new\s+)?[\w$.()'\"\s-]*?{factory}\s*\("
    )
    for match in pattern.finditer(source):
        group = balanced(source, match.end() - 1)
        # A factory's result called at once: `require("mailgun-js")({apiKey, host})`.
        while group is not None and source.startswith("(", group[1] + 1):
            group = balanced(source, group[1] + 1)
        if group is not None:
            return source.count("\n", 0, match.start()) + 1, group[0]
    return None


def balanced(source: str, start: int) -> tuple[str, int] | None:
    """The text inside the bracket at ``start`` and the index of its match (strings skipped);
    None when it is not closed."""
    stack: list[str] = []
    i = start
    while i < len(source):
        c = source[i]
        if c in "\"'`":
            end = source.find(c, i + 1)
            while end != -1 and source[end - 1] == "\\":
                end = source.find(c, end + 1)
            if end == -1:
                return None
            i = end
        elif c in _OPENERS:
            stack.append(_OPENERS[c])
        elif stack and c == stack[-1]:
            stack.pop()
            if not stack:
                return source[start + 1 : i], i
        i += 1
    return None


def _inline(arguments: str, source: str) -> str:
    """Arguments given as one name of an object literal in the file: that literal."""
    name = arguments.strip()
    if not _IDENT.match(name):
        return arguments
    match = re.search(rf"(?<![\w$.]){re.escape(name)}\s*(?::[^=\n]+)?=\s*\{{", source)
    if match is None:
        return arguments
    group = balanced(source, match.end() - 1)
    return group[0] if group else arguments


def _option(arguments: str, key: str, source: str) -> str | None:
    """A string option ``key: "value"`` (or ``key: NAME`` of a same-file string constant)."""
    match = re.search(rf"(?<![\w$]){key}\s*:\s*(?:{_STRING.pattern}|([A-Za-z_$][\w$]*))", arguments)
    if match is None:
        return None
    literal = next((g for g in match.groups()[:3] if g is not None), None)
    if literal is not None:
        return literal or None
    constant = re.search(
        rf"(?m)^\s*(?:export\s+)?(?:const|let|var)\s+{re.escape(match.group(4))}\s*"
        rf"(?::\s*string\s*)?=\s*(?:{_STRING.pattern})",
        source,
    )
    if constant is None:
        return None
    return next((g for g in constant.groups() if g is not None), None) or None


def _strings(text: str) -> list[str]:
    return [next(g for g in m.groups() if g is not None) for m in _STRING.finditer(text)]
