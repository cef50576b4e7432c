"""The caller's own input is no read of protected data (gateway-authorization, semgrep rules).

The generated authorization rules (:mod:`auditkit.flows.semgrep_rules`) report any ``$O.$F``
or ``$O.$F(...)`` whose name denotes a category inside a route handler. Two kinds of match are
no access to the gateway's data (field test f17):

* an annotation: ``@RequestBody @Email String mail`` (jhipster AccountResource) matched
  ``Email``, since semgrep reads the annotation as the imported name
  ``jakarta.validation.constraints.Email``;
* a read of the request itself: ``request.getRemoteAddr()`` on the handler's
  ``HttpServletRequest``, ``dto.getEmail()`` on its ``@RequestBody`` parameter, Go's
  ``r.RemoteAddr`` on its ``*http.Request``, Express's ``req.body.email``. What the caller sent
  is not read from a store; it stays a source for data-egress (those rules are separate).

This is decided on the source text after the match (semgrep patterns for "not inside this
parameter's annotation" either fail to parse or exclude the whole method), from the text of
the handler's signature: the nearest method header above the match.
"""

from __future__ import annotations

import re

# Spring MVC/WebFlux parameter annotations that bind a value from the request.
_SPRING_BINDINGS = frozenset(
    {"RequestBody", "RequestParam", "PathVariable", "RequestHeader", "CookieValue",
     "RequestPart", "ModelAttribute", "MatrixVariable"}
)  # fmt: skip
# Parameter types that are the request (servlet, WebFlux, Spring's wrappers).
_JVM_REQUEST_TYPES = frozenset(
    {"HttpServletRequest", "ServletRequest", "ServerHttpRequest", "HttpHeaders", "WebRequest",
     "NativeWebRequest", "MultipartFile", "MultipartHttpServletRequest", "HttpEntity",
     "RequestEntity"}
)  # fmt: skip
# Go: what a handler reads from its *http.Request (not Context(): values the server set).
_GO_REQUEST_FIELDS = frozenset(
    {"RemoteAddr", "Header", "Form", "PostForm", "MultipartForm", "URL", "Body", "Host",
     "Cookie", "Cookies", "FormValue", "PostFormValue", "FormFile", "PathValue", "UserAgent",
     "Referer", "RequestURI", "Trailer"}
)  # fmt: skip
# gin / echo contexts: their request and its input accessors.
_GO_CONTEXT_INPUTS = frozenset(
    {"Request", "Query", "DefaultQuery", "QueryParam", "QueryParams", "Param", "PostForm",
     "DefaultPostForm", "FormValue", "GetHeader", "ClientIP", "RealIP", "Cookie", "FormFile"}
)  # fmt: skip
# Express / Koa: the request object and what it carries from the caller.
_JS_REQUESTS = frozenset({"req", "request"})
_JS_INPUTS = frozenset(
    {"body", "query", "params", "headers", "cookies", "signedCookies", "ip", "ips", "hostname",
     "get", "header", "files", "file"}
)  # fmt: skip
_KEYWORDS = frozenset(
    {"if", "for", "while", "switch", "catch", "synchronized", "return", "new", "try", "else",
     "do", "throw", "assert", "super", "this"}
)  # fmt: skip
_ROOT = re.compile(r"\s*(?:this\s*\.\s*)?([A-Za-z_$][\w$]*)\s*(?:\?\s*)?\.\s*([A-Za-z_$][\w$]*)")
# A Java method header ending in its body's brace: name(params) [throws ...] {
_JAVA_HEADER = re.compile(
    r"([A-Za-z_$][\w$]*)\s*\(((?:[^(){};]|\([^()]*\))*)\)\s*(?:throws\s+[\w.,\s]+)?\{"
)
_KOTLIN_HEADER = re.compile(
    r"\bfun\s+(?:<[^>]*>\s*)?(?:[\w.]+\.)?([A-Za-z_]\w*)\s*\(((?:[^(){}]|\([^()]*\))*)\)"
)
_GO_HEADER = re.compile(
    r"\bfunc\s*(?:\([^)]*\)\s*)?([A-Za-z_]\w*)?\s*\(((?:[^(){}]|\([^()]*\))*)\)"
)
# How far above the match a handler's header is looked for (lines).
_WINDOW = 400


def caller_input(language: str, before: str, matched: str) -> bool:
    """Whether the access ``matched`` reads the caller's own input. ``before``: the file's text
    up to the match (its handler's header is there)."""
    if before.rstrip().endswith("@"):
        return True  # an annotation (@Email), not a read
    root = _ROOT.match(matched)
    if root is None:
        return False
    name, member = root.group(1), root.group(2)
    head = "\n".join(before.splitlines()[-_WINDOW:])
    if language in ("java", "kotlin"):
        params = _jvm_parameters(head, language)
        return params.get(name, False)
    if language == "go":
        kinds = _go_parameters(head)
        kind = kinds.get(name)
        if kind == "request":
            return member in _GO_REQUEST_FIELDS
        return kind == "context" and member in _GO_CONTEXT_INPUTS
    if language in ("javascript", "typescript"):
        if name in _JS_REQUESTS:
            return member in _JS_INPUTS
        if name == "ctx":  # Koa: ctx.request.body, ctx.query
            return member in _JS_INPUTS or member == "request"
    return False


def _jvm_parameters(head: str, language: str) -> dict[str, bool]:
    """The enclosing handler's parameters: name -> bound from the request."""
    header = _last_header(head, language)
    if header is None:
        return {}
    out: dict[str, bool] = {}
    for param in _split(header):
        annotations = set(re.findall(r"@\s*(?:[\w.]+\.)?(\w+)", param))
        plain = re.sub(r"@\s*[\w.]+\s*(?:\((?:[^()]|\([^()]*\))*\))?", " ", param).strip()
        if language == "kotlin":
            name, _, type_text = plain.partition(":")
            name = name.split()[-1] if name.split() else ""
        else:
            words = re.findall(r"[A-Za-z_$][\w$.]*", re.sub(r"<[^<>]*>", " ", plain))
            words = [w for w in words if w != "final"]
            name = words[-1] if words else ""
            type_text = " ".join(words[:-1])
        simple = re.sub(r"<.*", "", type_text).strip().rstrip("?").rsplit(".", 1)[-1].strip()
        if name:
            out[name] = bool(annotations & _SPRING_BINDINGS) or simple in _JVM_REQUEST_TYPES
    return out


def _last_header(head: str, language: str) -> str | None:
    if language == "kotlin":
        found = list(_KOTLIN_HEADER.finditer(head))
        return found[-1].group(2) if found else None
    for match in reversed(list(_JAVA_HEADER.finditer(head))):
        name = match.group(1)
        preceding = head[: match.start()].rstrip()
        if name in _KEYWORDS or preceding.endswith("new") or preceding.endswith("."):
            continue  # a statement, an anonymous class or a call, not a declaration
        return match.group(2)
    return None


def _go_parameters(head: str) -> dict[str, str]:
    """The enclosing function's parameters that hold the request ("request": ``*http.Request``)
    or a gin/echo context ("context")."""
    found = list(_GO_HEADER.finditer(head))
    if not found:
        return {}
    out: dict[str, str] = {}
    for param in _split(found[-1].group(2)):
        parts = param.split()
        if len(parts) < 2:
            continue
        type_text = parts[-1]
        if type_text.endswith("http.Request"):
            out[parts[0]] = "request"
        elif type_text in ("*gin.Context", "echo.Context"):
            out[parts[0]] = "context"
    return out


def _split(params: str) -> list[str]:
    """Parameters split on top-level commas (not inside generics or annotation arguments)."""
    out: list[str] = []
    depth = 0
    current: list[str] = []
    for char in params:
        if char in "(<[":
            depth += 1
        elif char in ")>]":
            depth -= 1
        elif char == "," and depth == 0:
            out.append("".join(current))
            current = []
            continue
        current.append(char)
    if "".join(current).strip():
        out.append("".join(current))
    return [p.strip() for p in out if p.strip()]
