"""Every semgrep language x every sink kind x every way a flow must NOT be reported.

For Go, Java, Kotlin, JavaScript and TypeScript (the languages whose flows are generated
semgrep taint rules; Python's libcst analysis has the same matrix in test_python.py), each
sink kind (HTTP endpoint, log, store outside the gateway, message producer, storage upload,
SaaS SDK) gets four functions: the protected value
reaches the sink (reported, on that line), it is hashed first (sanitised), an unrelated field
reaches the same sink, and the variable is overwritten before the sink. One real scan of the
whole tree; the findings must be exactly the marked lines.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from tests.flows.tree import marked, scan_tree

POLICY = """\
[data.categories]
phone_number = ["phone", "phone_number", "msisdn"]
"""
API = "https://track.us-east-1.amazonaws.com/v1"


@dataclass(frozen=True)
class Language:
    path: str
    head: str  # file header: package, imports, the endpoint constant
    function: str  # one function: {name}, {body} (body lines already indented)
    indent: str
    read: str  # declare x from the protected field
    read_other: str  # declare x from an unrelated field
    overwrite: str  # assign a constant to x
    hashed: str  # declare h as a hash of x
    sinks: dict[str, str]  # kind -> a sink statement using {v}


LANGUAGES = {
    "go": Language(
        path="svc/flows.go",
        head=f'package svc\n\nconst api = "{API}"\n',
        function="\nfunc {name}(u User, db *sql.DB) {{\n{body}}}\n",
        indent="\t",
        read="x := u.Phone",
        read_other="x := u.Name",
        overwrite='x = "none"',
        hashed="h := sha256.Sum256([]byte(x))",
        sinks={
            "endpoint": 'http.Post(api, "text/plain", strings.NewReader({v}))',
            "log": 'log.Printf("value %v", {v})',
            "store": 'db.Exec("insert into t values ($1)", {v})',
            "producer": "publisher.Publish(ctx, {v})",
            "upload": "uploader.Upload({v})",
            "sdk": "sentry.CaptureMessage({v})",
        },
    ),
    "java": Language(
        path="svc/Flows.java",
        head=f'package svc;\n\nclass Flows {{\n    private static final String API = "{API}";\n',
        function="\n    void {name}(User u) {{\n{body}    }}\n",
        indent="        ",
        read="String x = u.getPhone();",
        read_other="String x = u.getName();",
        overwrite='x = "none";',
        hashed="String h = DigestUtils.sha256Hex(x);",
        sinks={
            "endpoint": "restTemplate.postForObject(API, {v}, String.class);",
            "log": 'log.info("value {{}}", {v});',
            "store": "userRepository.save({v});",
            "producer": 'kafkaTemplate.send("events", {v});',
            "upload": 's3Client.putObject("bucket", "key", {v});',
            "sdk": "Sentry.captureMessage({v});",
        },
    ),
    "kotlin": Language(
        path="svc/Flows.kt",
        head=f'package svc\n\nconst val API = "{API}"\n',
        function="\nfun {name}(u: User) {{\n{body}}}\n",
        indent="    ",
        read="var x: String = u.phone",
        read_other="var x: String = u.name",
        overwrite='x = "none"',
        hashed="val h = sha256(x)",
        sinks={
            "endpoint": "client.post(API, {v})",
            "log": 'logger.info("value " + {v})',
            "store": "userRepository.save({v})",
            "producer": 'kafkaTemplate.send("events", {v})',
            "upload": 's3Client.putObject("bucket", "key", {v})',
            "sdk": "Sentry.captureMessage({v})",
        },
    ),
    "javascript": Language(
        path="web/flows.js",
        head=f'const API = "{API}";\n',
        function="\nasync function {name}(u) {{\n{body}}}\n",
        indent="  ",
        read="let x = u.phone;",
        read_other="let x = u.name;",
        overwrite='x = "none";',
        hashed='const h = crypto.createHash("sha256").update(x).digest("hex");',
        sinks={
            "endpoint": 'await fetch(API, {{ method: "POST", body: {v} }});',
            "log": "console.log({v});",
            "store": 'await db.query("insert into t values ($1)", [{v}]);',
            "producer": 'await producer.send({{ topic: "t", messages: [{{ value: {v} }}] }});',
            "upload": 'await s3.upload({{ Bucket: "b", Key: "k", Body: {v} }});',
            "sdk": 'analytics.track({{ userId: "1", event: "e", properties: {{ p: {v} }} }});',
        },
    ),
}
# TypeScript: JavaScript's sinks, with types on the function and the declarations.
LANGUAGES["typescript"] = replace(
    LANGUAGES["javascript"],
    path="web/flows.ts",
    function="\nexport async function {name}(u: any): Promise<void> {{\n{body}}}\n",
    read="let x: string = u.phoneNumber;",
    read_other="let x: string = u.displayName;",
)
VARIANTS = ("reaches", "hashed", "unrelated", "overwritten")
# Producers, uploads and SaaS SDK calls send to an endpoint (unresolved here: high).
RULE_OF_SINK = {
    "endpoint": "data-egress.endpoint",
    "log": "data-egress.log",
    "store": "data-egress.store",
    "producer": "data-egress.endpoint",
    "upload": "data-egress.endpoint",
    "sdk": "data-egress.endpoint",
}


def _file(lang: Language) -> str:
    out = [lang.head]
    for kind, sink in lang.sinks.items():
        for variant in VARIANTS:
            lines = [lang.read_other if variant == "unrelated" else lang.read]
            if variant == "overwritten":
                lines.append(lang.overwrite)
            if variant == "hashed":
                lines.append(lang.hashed)
            call = sink.format(v="h" if variant == "hashed" else "x")
            if variant == "reaches":
                call += f" // expect: {RULE_OF_SINK[kind]}"
            lines.append(call)
            body = "".join(f"{lang.indent}{line}\n" for line in lines)
            out.append(lang.function.format(name=f"{kind}_{variant}", body=body))
    if lang.path.endswith(".java"):
        out.append("}\n")
    return "".join(out)


FILES = {lang.path: _file(lang) for lang in LANGUAGES.values()}
_EXPECT = r"expect: ([\w.-]+)"


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    doc = scan_tree(tmp_path_factory.mktemp("matrix"), FILES, POLICY)
    found = doc["findings"]
    assert isinstance(found, list)
    return found


def _marked(path: str) -> set[tuple[str, int]]:
    return {(rule, n) for _, n, rule in marked({path: FILES[path]}, _EXPECT)}


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_exactly_the_reaching_flows_are_reported(
    findings: list[dict[str, object]], language: str
) -> None:
    path = LANGUAGES[language].path
    got = {
        (str(f["rule_id"]), int(loc["start_line"]))
        for f in findings
        if isinstance(loc := f["location"], dict)
        and loc["path"] == path
        and f["category"] == "data-egress"
    }
    assert len(_marked(path)) == len(RULE_OF_SINK)
    assert got == _marked(path), FILES[path]


def test_the_matrix_is_what_it_says(tmp_path: Path) -> None:
    """Each file has every sink kind x 4 variants, and only the 'reaches' ones are marked."""
    for lang in LANGUAGES.values():
        text = FILES[lang.path]
        for kind in lang.sinks:
            for variant in VARIANTS:
                assert f"{kind}_{variant}(" in text
        assert set(lang.sinks) == set(RULE_OF_SINK)
        assert {rule for rule, _ in _marked(lang.path)} == set(RULE_OF_SINK.values())


def test_a_value_read_and_sent_on_one_line_is_one_step(tmp_path: Path) -> None:
    """The source and the sink share the line: the flow shows it once, not twice."""
    files = {
        "svc/One.java": (
            'class One {\n    void f(User u) {\n        log.info("{}", u.getPhone());\n    }\n}\n'
        )
    }
    doc = scan_tree(tmp_path, files, POLICY)
    (finding,) = [f for f in doc["findings"] if f["category"] == "data-egress"]
    assert finding["evidence"]["flow"] == [
        {"path": "svc/One.java", "line": 3, "note": 'phone_number: log.info("{}", u.getPhone());'}
    ]


def test_go_two_result_assignments_carry_the_value(tmp_path: Path) -> None:
    """`b, err := json.Marshal(v)` (Go's usual shape) and JS destructuring keep the flow; a
    content-type literal is not the destination (found on knadh/listmonk)."""
    files = {
        "svc/post.go": (
            "package svc\n\n"
            "func post(s Sub, url string) error {\n"
            '\tb, err := json.Marshal(map[string]string{"phone": s.Phone})\n'
            "\tif err != nil {\n\t\treturn err\n\t}\n"
            '\t_, err = http.Post(url, "application/json", bytes.NewReader(b))\n'
            "\treturn err\n}\n"
        ),
        "web/d.js": (
            "function f(u) {\n  const [p, n] = [u.phone, u.name];\n  console.log(p);\n}\n"
        ),
    }
    doc = scan_tree(tmp_path, files, POLICY)
    got = {
        (f["location"]["path"], f["location"]["start_line"]): f
        for f in doc["findings"]
        if f["category"] == "data-egress"
    }
    assert set(got) == {("svc/post.go", 8), ("web/d.js", 3)}
    go = got[("svc/post.go", 8)]
    assert [s["line"] for s in go["evidence"]["flow"]] == [4, 8]
    assert "text/plain" not in go["message"] and "application/json" not in go["message"]
    assert "cannot be resolved in this file" in go["message"]


def test_go_error_results_do_not_carry_the_value(tmp_path: Path) -> None:
    """`u, err := store.ByPhone(phone)` then logging err logs no phone number (listmonk's
    error logs were reported once two-result assignments were read); logging u does."""
    files = {
        "svc/by.go": (
            "package svc\n\n"
            "func find(s Sub) {\n"
            "\tu, err := store.ByPhone(s.Phone)\n"
            "\tif err != nil {\n"
            '\t\tlog.Printf("lookup failed: %v", err)\n'
            "\t\treturn\n\t}\n"
            '\tlog.Printf("found %v", u)\n'
            "}\n"
        )
    }
    doc = scan_tree(tmp_path, files, POLICY)
    lines = [f["location"]["start_line"] for f in doc["findings"] if f["category"] == "data-egress"]
    assert lines == [9]


def test_a_saas_destination_is_named_by_its_vendor(tmp_path: Path) -> None:
    files = {"web/t.js": "function f(u) {\n  analytics.track({ event: 'e', p: u.phone });\n}\n"}
    doc = scan_tree(tmp_path, files, POLICY)
    (finding,) = [f for f in doc["findings"] if f["category"] == "data-egress"]
    assert "api.segment.io (Segment US)" in finding["message"], finding["message"]


def test_go_error_of_a_call_is_not_the_value_but_an_error_built_from_it_is(
    tmp_path: Path,
) -> None:
    files = {
        "svc/e.go": (
            "package svc\n\n"
            "func get(s Sub) error {\n"
            "\tif err := db.Get(&out, s.Phone); err != nil {\n"
            '\t\tlog.Printf("fetch failed: %v", err)\n'
            "\t}\n"
            '\terr := fmt.Errorf("no subscriber %s", s.Phone)\n'
            '\tlog.Printf("%v", err)\n'
            "\treturn err\n}\n"
        )
    }
    doc = scan_tree(tmp_path, files, POLICY)
    lines = [f["location"]["start_line"] for f in doc["findings"] if f["category"] == "data-egress"]
    assert lines == [8]
