"""Loggers and clients reached through a field or a package (field test f17, M1: listmonk
`p.log.Printf`, jhipster `this.log.info`, Go `http.DefaultClient.Do`): the egress sink rules
match the last segment of a dotted receiver. Lines marked `expect: <rule>` are reported, every
other line of the files is not (real semgrep, one scan)."""

from __future__ import annotations

import re

import pytest

from auditkit.flows import semgrep_rules
from tests.flows.tree import scan_tree

POLICY = """\
[data.categories]
email = ["email"]
"""
FILES = {
    "svc/pipe.go": """\
package svc

type Pipe struct {
	log     *log.Logger
	catalog *Catalog
	m       *Manager
}

func (p *Pipe) fieldLogger(s Sub) {
	p.log.Printf("error rendering message (%s)", s.Email) // expect: data-egress.log
}

func (p *Pipe) deepLogger(s Sub) {
	p.m.log.Println("sending", s.Email) // expect: data-egress.log
}

func (p *Pipe) notALogger(s Sub) {
	p.catalog.Printf("%s", s.Email)
	p.m.blog.Println(s.Email)
}

func (p *Pipe) defaultClient(s Sub) error {
	req := buildRequest(s.Email)
	_, err := http.DefaultClient.Do(req) // expect: data-egress.endpoint
	return err
}

func (p *Pipe) fieldClient(s Sub, u, ct string) error {
	_, err := p.client.Post(u, ct, strings.NewReader(s.Email)) // expect: data-egress.endpoint
	return err
}

func (p *Pipe) notAClient(s Sub) error {
	_, err := p.clientNames.Post(s.Email)
	return err
}
""",
    "svc/Svc.java": """\
package svc;

class Svc {
    private final Logger log = LoggerFactory.getLogger(Svc.class);
    private final Catalog catalog = new Catalog();

    void viaThisLog(User user) {
        this.log.info("user {}", user.getEmail()); // expect: data-egress.log
    }

    void viaCatalog(User user) {
        this.catalog.info(user.getEmail());
        this.dialog.warn(user.getEmail());
    }

    void viaFieldProducer(User user) {
        this.kafkaProducer.send(user.getEmail()); // expect: data-egress.endpoint
    }
}
""",
    "web/svc.ts": """\
export class Svc {
  constructor(private http: HttpClient, private logger: Logger, private dialog: Dialog) {}

  save(user: User): void {
    this.http.post("/api/users", { mail: user.email }); // expect: data-egress.endpoint
    this.logger.warn(user.email); // expect: data-egress.log
    this.dialog.info(user.email);
    this.http.get("/api/users"); // nothing tainted
  }
}
""",
}
_EXPECT = re.compile(r"expect: ([\w.-]+)")


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    doc = scan_tree(tmp_path_factory.mktemp("receivers"), FILES, POLICY)
    found = doc["findings"]
    assert isinstance(found, list)
    return found


@pytest.mark.parametrize("path", sorted(FILES))
def test_exactly_the_marked_lines(findings: list[dict[str, object]], path: str) -> None:
    expected = {
        (m.group(1), n)
        for n, line in enumerate(FILES[path].splitlines(), start=1)
        if (m := _EXPECT.search(line))
    }
    got = {
        (str(f["rule_id"]), int(loc["start_line"]))
        for f in findings
        if isinstance(loc := f["location"], dict)
        and loc["path"] == path
        and f["category"] == "data-egress"
    }
    assert got == expected


@pytest.mark.parametrize(
    ("receiver", "matches"),
    [
        ("log", True),
        ("p.log", True),
        ("this.log", True),
        ("p.m.log", True),
        ("a.b().log", True),
        ("p.catalog", False),  # ends in "log", is no logger
        ("this.blog", False),
        ("log.entries", False),  # only the last segment decides
        ("log.", False),
    ],
)
def test_logger_receiver_last_segment(receiver: str, matches: bool) -> None:
    regex = re.compile(semgrep_rules.last_segment(semgrep_rules.LOGGER_RECEIVER))
    assert bool(regex.match(receiver)) is matches


def test_an_unanchored_regex_is_refused() -> None:
    with pytest.raises(ValueError, match="not anchored"):
        semgrep_rules.last_segment("log")
