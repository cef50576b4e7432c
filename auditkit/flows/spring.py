"""Spring handlers read from the source text, where semgrep cannot see them.

Two things the generated authorization rules (:mod:`auditkit.flows.semgrep_rules`) leave to
this module:

* **class-level guards in Kotlin.** The installed semgrep (1.187, tested) matches no Kotlin
  ``class`` or ``interface`` pattern at all, so ``@PreAuthorize(...)`` on a controller class
  cannot be excluded by the rule; :meth:`SpringSource.class_guarded` reads the innermost class
  around the access and its annotations instead (Java's are matched by semgrep and read here
  too, which does no harm).
* **handlers declared through an interface** (OpenAPI-generator style): the mapping annotation
  sits on an interface method and the controller's overriding method has none (or, with the
  generator's delegate pattern, a class implementing ``<Name>ApiDelegate`` holds the methods
  that ``<Name>Api``'s mapped methods call). When the interface is generated at build time
  and so absent from the tree, a ``@RestController`` class's overrides of a ``<Name>Api``
  interface count as handlers too. The rules
  report accesses in every non-mapping method of a class (``kind = "interface"``);
  :class:`SpringTree` keeps those whose method overrides a mapping method of an interface the
  class implements, and drops them when the interface method, the interface or either class
  carries an authorizing annotation.

The text is read after masking comments and string contents (:func:`mask`), so that braces,
parentheses and ``@`` inside them count for nothing; offsets stay those of the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from auditkit import sourcetext

MAPPINGS = frozenset(
    {"RequestMapping", "GetMapping", "PostMapping", "PutMapping", "DeleteMapping", "PatchMapping"}
)
LANGUAGES = ("java", "kotlin")
CONTROLLERS = frozenset({"RestController", "Controller"})
_MODIFIERS = frozenset(
    {
        "public", "private", "protected", "internal", "static", "final", "abstract", "open",
        "sealed", "data", "enum", "inner", "annotation", "value", "inline", "strictfp",
        "non-sealed", "expect", "actual", "override", "suspend", "operator", "default",
        "synchronized", "native", "tailrec", "infix", "external",
    }
)  # fmt: skip
# A declaration keyword, not `Foo.class`, `X::class` or `@interface`.
_DECLARATION = re.compile(r"(?<![@\w.:$])(class|interface|object)\s+([A-Za-z_]\w*)")
_HEADER_TOKEN = re.compile(r"[(){};]|\b(?:class|interface|object|fun|val|var)\b")
_BLOCK_TOKEN = re.compile(r"[(){};]")
_HEADER_WORDS = frozenset({"extends", "implements", "by", "where"})
_WORD = re.compile(r"[A-Za-z_][\w.]*")
_ANNOTATION = re.compile(r"@(?:\w+:)?([A-Za-z_][\w.]*)")
_LITERAL = re.compile(
    r'"""[\s\S]*?"""|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|//[^\n]*|/\*[\s\S]*?\*/'
)


def mask(text: str) -> str:
    """``text`` with comments and the inside of string and char literals blanked (newlines
    kept, same length), so that offsets still point into the file."""

    def blank(m: re.Match[str]) -> str:
        s = m.group(0)
        if s.startswith(("//", "/*")):
            return re.sub(r"[^\n]", " ", s)
        q = 3 if s.startswith('"""') else 1
        return s[:q] + re.sub(r"[^\n]", " ", s[q:-q]) + s[-q:]

    return _LITERAL.sub(blank, text)


@dataclass(frozen=True)
class Member:
    """A method of a class or interface body: its name, where its declaration starts and
    where its name stands, and the short names of its annotations."""

    name: str
    start: int
    at: int
    annotations: tuple[str, ...]
    overrides: bool = False  # Java `@Override`, Kotlin `override`


@dataclass(frozen=True)
class Declaration:
    """A class, interface or object with a body: annotations (short names), the types it
    extends or implements (short names, generic arguments included), its body's braces."""

    kind: str
    name: str
    annotations: tuple[str, ...]
    supertypes: tuple[str, ...]
    body_start: int
    body_end: int
    members: tuple[Member, ...]

    def contains(self, offset: int) -> bool:
        return self.body_start < offset < self.body_end

    def member_at(self, offset: int) -> Member | None:
        """The method whose declaration holds ``offset`` (the last one starting before it)."""
        found = None
        for m in self.members:
            if m.at <= offset:
                found = m
        return found


def declarations(masked: str) -> tuple[Declaration, ...]:
    out = []
    for m in _DECLARATION.finditer(masked):
        brace = _body_start(masked, m.end())
        if brace < 0:
            continue
        end = _close(masked, brace)
        header = _strip_parens(masked[m.end() : brace])
        supers = re.split(r"\b(?:extends|implements)\b|:", header, maxsplit=1)
        words = _WORD.findall(supers[1]) if len(supers) > 1 else []
        supertypes = _short_names(w for w in words if w not in _HEADER_WORDS)
        out.append(
            Declaration(
                kind=m.group(1),
                name=m.group(2),
                annotations=annotations_before(masked, m.start()),
                supertypes=supertypes,
                body_start=brace,
                body_end=end,
                members=_members(masked, brace, end),
            )
        )
    return tuple(out)


def innermost(decls: Iterable[Declaration], offset: int) -> Declaration | None:
    inside = [d for d in decls if d.contains(offset)]
    return max(inside, key=lambda d: d.body_start) if inside else None


def annotations_before(masked: str, pos: int) -> tuple[str, ...]:
    """The annotations (short names) written right before ``pos``, over modifiers and across
    lines; stops at anything else, so an earlier declaration's annotations never count."""
    found: list[str] = []
    i = pos
    while True:
        while i > 0 and masked[i - 1].isspace():
            i -= 1
        if i > 0 and masked[i - 1] == ")":
            opening = _open(masked, i - 1)
            if opening < 0:
                break
            e = opening
            while e > 0 and masked[e - 1].isspace():
                e -= 1
            s = _word_start(masked, e)
            if s < e and s > 0 and masked[s - 1] == "@":
                found.append(masked[s:e])
                i = s - 1
                continue
            break
        s = _word_start(masked, i)
        word = masked[s:i]
        if not word:
            break
        if s > 0 and masked[s - 1] == "@":
            found.append(word)
            i = s - 1
        elif word in _MODIFIERS:
            i = s
        else:
            break
    return _short_names(reversed(found))


def _word_start(masked: str, end: int) -> int:
    s = end
    while s > 0 and (masked[s - 1].isalnum() or masked[s - 1] in "_.:-"):
        s -= 1
    return s


def _short_names(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(n.rsplit(":", 1)[-1].rsplit(".", 1)[-1] for n in names)


def _body_start(masked: str, pos: int) -> int:
    """The ``{`` that opens the body of the declaration whose name ends at ``pos``, or -1
    when it has none (a Kotlin ``class X(val a: Int)``)."""
    depth = 0
    for t in _HEADER_TOKEN.finditer(masked, pos):
        token = t.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif depth > 0:
            continue
        elif token == "{":
            return t.start()
        else:
            return -1
    return -1


def _close(masked: str, brace: int) -> int:
    depth = 0
    for t in re.finditer(r"[{}]", masked[brace:]):
        depth += 1 if t.group(0) == "{" else -1
        if depth == 0:
            return brace + t.start()
    return len(masked)


def _open(masked: str, paren: int) -> int:
    depth = 0
    for i in range(paren, -1, -1):
        if masked[i] == ")":
            depth += 1
        elif masked[i] == "(":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _strip_parens(text: str) -> str:
    while True:
        stripped = re.sub(r"\([^()]*\)", " ", text)
        if stripped == text:
            return text
        text = stripped


def _members(masked: str, body_start: int, body_end: int) -> tuple[Member, ...]:
    """The methods declared at the top level of a body: a ``(`` at depth 0 that follows a
    name that is no annotation's, after ``fun`` in Kotlin and with no ``=`` between the
    member's start and the name (a property initialiser's call is no method)."""
    out: list[Member] = []
    segment = body_start + 1  # where the next member's declaration starts
    braces = parens = 0
    pending = -1  # a method's parameter list is open
    for t in _BLOCK_TOKEN.finditer(masked, body_start + 1, body_end):
        token = t.group(0)
        if token == "{":
            braces += 1
        elif token == "}":
            braces -= 1
            if braces == 0 and parens == 0:
                segment = t.end()
        elif braces > 0:
            continue
        elif token == "(":
            parens += 1
            if parens == 1:
                member = _method(masked, segment, t.start())
                if member is not None:
                    out.append(member)
                    pending = t.start()
        elif token == ")":
            parens -= 1
            if parens == 0 and pending >= 0:
                segment, pending = t.end(), -1
        elif token == ";" and parens == 0:
            segment = t.end()
    return tuple(out)


def _method(masked: str, segment: int, paren: int) -> Member | None:
    e = paren
    while e > segment and masked[e - 1].isspace():
        e -= 1
    s = e
    while s > segment and (masked[s - 1].isalnum() or masked[s - 1] == "_"):
        s -= 1
    name = masked[s:e]
    if not name or not (name[0].isalpha() or name[0] == "_"):
        return None
    before = masked[segment:s]
    # An annotation's arguments, `@RequestMapping(...)`, or `@a.b.C(...)`.
    if re.search(r"@[\w.]*$", before.rstrip() + name):
        return None
    fun = before.rfind("fun ")
    if fun >= 0:  # Kotlin: `[annotations] [modifiers] fun [<T>] [Receiver.]name(`
        if "=" in before[fun:]:
            return None
        at = segment + fun
        annotations = annotations_before(masked, at)
        overrides = re.search(r"\boverride\b", _strip_parens(before)) is not None
        return Member(name, at, s, annotations, overrides)
    # Java: `[annotations] [modifiers] ReturnType name(`; an initialiser's call is no method.
    clean = _strip_parens(before)
    if "=" in clean or re.search(r"\b(new|return|throw)\s*$", clean):
        return None
    if not re.search(r"[\w>\]?]\s+$", clean):
        return None
    start = segment + len(before) - len(before.lstrip())
    annotations = _short_names(_ANNOTATION.findall(before))
    return Member(name, start, s, annotations, "Override" in annotations)


# ---------------------------------------------------------------------- the tree


@dataclass(frozen=True)
class MappedInterface:
    """An interface with mapping-annotated methods: its own annotations and, by method name,
    the annotations of those methods."""

    name: str
    annotations: tuple[str, ...]
    methods: tuple[tuple[str, tuple[str, ...]], ...]

    def method(self, name: str) -> tuple[str, ...] | None:
        return dict(self.methods).get(name)


@dataclass(frozen=True)
class Verdict:
    """Whether an access is in a handler and unguarded; the entry point that reaches it."""

    report: bool
    entry: str = ""
    entry_line: int = 0


@dataclass
class SpringTree:
    """Declarations of the scanned Java and Kotlin files, read once each and only when a match
    asks; the interfaces are gathered from the files that spell both ``interface`` and
    ``Mapping`` (the rest cannot declare a mapped interface)."""

    root: Path
    files: Mapping[str, str]  # path -> language
    _decls: dict[str, tuple[Declaration, ...]] = field(default_factory=dict)
    _interfaces: dict[str, tuple[MappedInterface, ...]] | None = None
    _file_stems: frozenset[str] | None = None

    def declarations(self, path: str) -> tuple[Declaration, ...]:
        if path not in self._decls:
            self._decls[path] = declarations(mask(sourcetext.file_text(self.root, path)))
        return self._decls[path]

    def interfaces(self) -> dict[str, tuple[MappedInterface, ...]]:
        if self._interfaces is None:
            found: dict[str, list[MappedInterface]] = {}
            for path, language in sorted(self.files.items()):
                if language not in LANGUAGES:
                    continue
                try:
                    data = (self.root / path).read_bytes()
                except OSError:
                    continue
                if b"interface" not in data or b"Mapping" not in data:
                    continue
                for decl in self.declarations(path):
                    mapped = tuple(
                        (m.name, m.annotations)
                        for m in decl.members
                        if MAPPINGS.intersection(m.annotations)
                    )
                    if decl.kind == "interface" and mapped:
                        interface = MappedInterface(decl.name, decl.annotations, mapped)
                        found.setdefault(decl.name, []).append(interface)
            self._interfaces = {k: tuple(v) for k, v in found.items()}
        return self._interfaces

    def judge(
        self, path: str, offset: int, kind: str, guards: frozenset[str], line_of: LineOf
    ) -> Verdict:
        """Whether the access at ``offset`` (a match of a mapping-method rule, or of an
        ``interface`` rule in any other method) is to be reported, and its entry point."""
        decls = self.declarations(path)
        decl = innermost(decls, offset)
        if decl is not None and guards.intersection(decl.annotations):
            return Verdict(False)  # class-level guard
        member = decl.member_at(offset) if decl is not None else None
        if kind != "interface":
            # The mapping method holds the access: name it from the parsed declaration (a
            # signature over several lines, `throws`, generics left the line-based reading with
            # "?" or an annotation's name, and same-named entries are kept once per file)
            if member is not None:
                return Verdict(True, member.name, line_of(member.at))
            return Verdict(True)
        if decl is None or member is None or decl.kind == "interface":
            return Verdict(False)
        if MAPPINGS.intersection(member.annotations):
            return Verdict(False)  # a mapping method: the other rule reports it
        if guards.intersection(member.annotations):
            return Verdict(False)
        known = self.interfaces()
        for supertype in decl.supertypes:
            for interface in known.get(supertype, ()) or known.get(_delegated(supertype), ()):
                declared = interface.method(member.name)
                if declared is None:
                    continue
                if guards.intersection(declared) or guards.intersection(interface.annotations):
                    return Verdict(False)
                # Named by its class too: two controllers of one file implement one interface
                # (the scan keeps one finding per entry point name and file).
                entry = f"{decl.name}.{member.name} ({interface.name})"
                return Verdict(True, entry, line_of(member.at))
        generated = self._generated_api(decl, member)
        if generated:
            entry = f"{decl.name}.{member.name} ({generated}, not in the scanned tree)"
            return Verdict(True, entry, line_of(member.at))
        return Verdict(False)

    def _generated_api(self, decl: Declaration, member: Member) -> str:
        """The ``<Name>Api`` interface a controller's overriding method implements when the
        interface is generated at build time (openapi-generator's ``interfaceOnly``; found on
        spring-petclinic-rest, whose 36 handlers all sit in such classes): a ``@RestController``
        or ``@Controller`` class, an override, and no file of that name in the tree."""
        if not member.overrides or not CONTROLLERS.intersection(decl.annotations):
            return ""
        stems = self._stems()
        for supertype in decl.supertypes:
            if supertype.endswith("Api") and supertype not in stems:
                return supertype
        return ""

    def _stems(self) -> frozenset[str]:
        if self._file_stems is None:
            self._file_stems = frozenset(
                PurePosixPath(p).stem for p, lang in self.files.items() if lang in LANGUAGES
            )
        return self._file_stems


def _delegated(name: str) -> str:
    """openapi-generator's delegate pattern: ``UsersApi``'s mapped default methods call
    ``getDelegate().getUser(...)``, so a class implementing ``UsersApiDelegate`` holds the
    handlers, under the same method names."""
    return name.removesuffix("Delegate") if name.endswith("ApiDelegate") else ""


class LineOf:
    """1-based line of a character offset."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def __call__(self, offset: int) -> int:
        import bisect

        return bisect.bisect_right(self._starts, offset)

    def offset(self, line: int, column: int) -> int:
        return self._starts[line - 1] + column - 1
