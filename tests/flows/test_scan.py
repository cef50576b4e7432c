"""Flows and authorization through the whole scan: generated semgrep rules on real files (Go,
Java, Kotlin, JavaScript, TypeScript) and libcst on Python, exact lines, schema-valid JSON."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from auditkit.core.errors import PolicyError
from auditkit.core.policy import load_policy, parse_policy
from auditkit.scan import ScanOptions, run_scan
from tests.flows.tree import marked, scan_tree

SCHEMA = json.loads(
    (Path(__file__).parent.parent / "schemas" / "findings.schema.json").read_text("utf-8")
)
POLICY = """\
[gateway]
name = "gw"
paths = ["gateway/**"]
[gateway.authorization]
python = ["require_role"]
go = ["authorize"]
java = ["@PreAuthorize", "authz.check"]
kotlin = ["@PreAuthorize"]
[data.categories]
phone_number = ["phone", "phone_number", "msisdn"]
private_video = ["private_video", "video_blob"]
"""
# Files whose lines carry `expect: <rule>` (one finding of that rule on the line) and nothing
# else: every other line must stay without a flow finding.
FILES = {
    "web/a.ts": """\
const API = "https://track.us-east-1.amazonaws.com/v1";
export async function send(user: any, logger: any) {
  const phone = user.phoneNumber;
  const body = JSON.stringify({ p: phone, n: user.name });
  await fetch(`${API}/events`, { method: "POST", body }); // expect: data-egress.endpoint
  console.log(`phone ${phone}`); // expect: data-egress.log
  logger.info(user.name);
  analytics.track({ userId: user.id, msisdn: user.msisdn }); // expect: data-egress.endpoint
  const h = crypto.createHash("sha256").update(user.phone).digest("hex");
  await fetch(API, { body: h });
  let x = user.phone;
  x = "none";
  console.log(x);
  await db.query("insert", [user.videoBlob]); // expect: data-egress.store
}
""",
    "web/b.js": """\
function f(user) {
  const m = [];
  m.push(user.msisdn);
  console.warn(m); // expect: data-egress.log
  console.warn(user.name);
}
""",
    "svc/a.go": """\
package main

const api = "https://track.us-east-1.amazonaws.com/v1"

func send(u User, db *sql.DB) {
	phone := u.Phone
	body := fmt.Sprintf(`{"p":%q}`, phone)
	http.Post(api, "application/json", strings.NewReader(body)) // expect: data-egress.endpoint
	log.Printf("phone %s", phone) // expect: data-egress.log
	log.Printf("name %s", u.Name)
	db.Exec("insert", u.VideoBlob) // expect: data-egress.store
	log.Printf("hash %x", sha256.Sum256([]byte(phone)))
}
""",
    "svc/A.java": """\
package x;

class A {
    private static final String API = "https://track.us-east-1.amazonaws.com/v1";

    void send(User u) {
        String p = u.getPhoneNumber();
        Map<String, String> m = new HashMap<>();
        m.put("p", p);
        restTemplate.postForObject(API + "/e", m, String.class); // expect: data-egress.endpoint
        log.info("phone {}", p); // expect: data-egress.log
        log.info("name {}", u.getName());
        log.info("masked {}", mask(p));
        userRepository.save(u.getPrivateVideo()); // expect: data-egress.store
    }
}
""",
    "svc/A.kt": """\
package x

fun send(u: User) {
    val p = u.phone
    val body = "{\\"p\\": \\"$p\\"}"
    client.post(API, body) // expect: data-egress.endpoint
    println("phone $p") // expect: data-egress.log
    logger.info("name ${u.name}")
}
""",
    "gateway/api.py": """\
from flask import Flask
app = Flask(__name__)

@app.get("/a")
@require_role("support")
def guarded(u):
    return u.phone

@app.get("/b")
def unguarded(u):
    return u.phone  # expect: gateway.authorization
""",
    "gateway/Api.java": """\
package x;

@RestController
class Api {
    @PreAuthorize("hasRole('SUPPORT')")
    @GetMapping("/a")
    public String a(String id) {
        return userRepository.findById(id).getPhone();
    }

    @GetMapping("/b")
    public String b(String id) {
        User u = userRepository.findById(id); // expect: gateway.authorization
        return u.getPhone();
    }

    @PostMapping("/c")
    public void c(User u) {
        authz.check("admin");
        userRepository.save(u);
    }
}
""",
    "gateway/h.go": """\
package gw

func Guarded(w http.ResponseWriter, r *http.Request) {
	if !authorize(r, "admin") {
		return
	}
	row := db.QueryRow("select", 1)
	fmt.Fprintln(w, row)
}

func Unguarded(w http.ResponseWriter, r *http.Request) {
	row := db.QueryRow("select", 1) // expect: gateway.authorization
	fmt.Fprintln(w, row)
}

func TooLate(w http.ResponseWriter, r *http.Request) {
	row := db.QueryRow("select", 1) // expect: gateway.authorization
	if !authorize(r, "admin") {
		return
	}
	fmt.Fprintln(w, row)
}
""",
    "elsewhere/api.py": """\
from flask import Flask
app = Flask(__name__)

@app.get("/b")
def outside_the_gateway(u):
    return u.phone
""",
}
_EXPECT = r"expect: ([\w.-]+)"
FLOW_RULES = (
    "data-egress.endpoint",
    "data-egress.log",
    "data-egress.store",
    "gateway.authorization",
)


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return scan_tree(tmp_path_factory.mktemp("flows"), FILES, POLICY)


def test_exact_findings_in_every_language(scanned: dict[str, object]) -> None:
    expected = {(rule, rel, n) for rel, n, rule in marked(FILES, _EXPECT)}
    findings = scanned["findings"]
    assert isinstance(findings, list)
    got = {
        (f["rule_id"], f["location"]["path"], f["location"]["start_line"])
        for f in findings
        if f["rule_id"] in FLOW_RULES
    }
    assert got == expected


def test_evidence_names_category_flow_and_severity(scanned: dict[str, object]) -> None:
    jsonschema.validate(scanned, SCHEMA)
    findings = scanned["findings"]
    assert isinstance(findings, list)
    by_place = {(f["location"]["path"], f["location"]["start_line"]): f for f in findings
                if f["category"] == "data-egress"}  # fmt: skip
    java = by_place[("svc/A.java", 10)]
    assert java["severity"] == "critical"
    assert java["evidence"]["data_category"] == "phone_number"
    assert java["evidence"]["jurisdiction"] == "US"
    assert [s["line"] for s in java["evidence"]["flow"]] == [7, 8, 9, 10]
    assert by_place[("web/a.ts", 6)]["severity"] == "medium"
    assert by_place[("web/a.ts", 14)]["evidence"]["data_category"] == "private_video"
    # The SDK names no URL: its default host (api.segment.io) is placed by the vendor
    # catalogue, whose verdict wins over the SDK table's default region.
    segment = by_place[("web/a.ts", 8)]["evidence"]
    assert (segment["basis"], segment["jurisdiction"]) == ("vendor-region", "US")
    assert by_place[("svc/A.kt", 6)]["severity"] == "high"  # API is not in this file


def test_nothing_changes_when_the_policy_sets_neither_key(tmp_path: Path) -> None:
    for rel, text in FILES.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    result = run_scan(
        tmp_path, load_policy(tmp_path), ScanOptions(use_cache=False, run_bandit=False)
    )
    assert not [f for f in result.findings if f.rule_id in FLOW_RULES]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"data": {"categorie": {}}}, "data.categorie: unknown key"),
        ({"data": {"categories": {"Phone": ["phone"]}}}, "data.categories.Phone: a category"),
        ({"data": {"categories": {"phone": "phone"}}}, "data.categories.phone: expected a list"),
        ({"data": {"categories": {"phone": []}}}, "data.categories.phone: expected at least one"),
        ({"data": {"categories": {"phone": ["--"]}}}, "data.categories.phone[0]: '--' holds no"),
        (
            {"data": {"categories": {"a": ["phone"], "b": ["PHONE"]}}},
            "data.categories.b[0]: 'PHONE' already denotes 'a'",
        ),
        ({"gateway": {"authorization": {"rust": ["x"]}}}, "gateway.authorization.rust: unknown"),
        ({"gateway": {"authorization": {"java": ["has role"]}}}, "gateway.authorization.java[0]"),
        ({"gateway": {"authorisation": {}}}, "gateway.authorisation: unknown key (did you mean"),
    ],
)
def test_policy_errors_name_the_key(table: dict[str, object], message: str) -> None:
    with pytest.raises(PolicyError) as raised:
        parse_policy(table, "auditkit.toml", "")
    assert any(message in e for e in raised.value.errors), raised.value.errors


def test_policy_reads_both_keys() -> None:
    policy = parse_policy(
        {
            "data": {"categories": {"phone_number": ["phone", "msisdn"]}},
            "gateway": {"authorization": {"python": ["require_role"], "java": ["@PreAuthorize"]}},
        },
        "auditkit.toml",
        "",
    )
    assert policy.data.categories == (("phone_number", ("phone", "msisdn")),)
    assert policy.gateway.authorizers("kotlin") == ("@PreAuthorize",)  # falls back to Java's
    assert policy.gateway.authorizers("go") == ()


def test_only_files_the_generated_rules_can_match_get_them(tmp_path: Path) -> None:
    """The taint rules cost semgrep most on large files: a file that names no category (and,
    for the authorization rules, lies outside the gateway) is planned without them."""
    from auditkit.flows.rulefile import flow_rule_targets

    files = {
        "web/names.ts": "export const send = (u) => api.post('/x', u.phoneNumber)\n",
        "web/plain.js": "export const send = (u) => api.post('/x', u.name)\n",
        "gw/Plain.java": "class Plain { void f(Db db) { db.save(1); } }\n",
        "svc/Plain.go": "package svc\nfunc f() {}\n",
        "svc/app.py": "phone = 1\nprint(phone)\n",  # Python: libcst, not these rules
    }
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    language = {".ts": "typescript", ".js": "javascript", ".java": "java", ".go": "go"}
    listed = [(p, language.get(Path(p).suffix, "python")) for p in files]
    policy = parse_policy(
        {
            "gateway": {"paths": ["gw/**"], "authorization": {"java": ["@PreAuthorize"]}},
            "data": {"categories": {"phone_number": ["phone", "phone_number"]}},
        },
        "auditkit.toml",
        "",
    )
    assert flow_rule_targets(tmp_path, listed, policy) == {"web/names.ts", "gw/Plain.java"}
    unset = parse_policy({}, "auditkit.toml", "")
    assert flow_rule_targets(tmp_path, listed, unset) == frozenset()
