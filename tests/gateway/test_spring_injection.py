"""Spring code injects its stores: injected templates and Spring Data repositories, scanned
end to end (real semgrep, the cross-file repository join in the scan)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditkit.engines.semgrep import Position, SemgrepMatch
from auditkit.repositories import call_type
from tests.functional.test_samples import run_cli
from tests.gateway.test_semgrep_rules import needs_semgrep

SRC = "src/main/java/com/example"


def _scan(tree: Path) -> set[tuple[str, int, str]]:
    proc = run_cli("scan", str(tree), "--format", "json", "--no-cache")
    assert proc.returncode in (0, 1), proc.stderr
    return {
        (f["location"]["path"], f["location"]["start_line"], f["evidence"]["sink"])
        for f in json.loads(proc.stdout)["findings"]
        if f["category"] == "gateway-bypass"
    }


def _write(tree: Path, rel: str, text: str) -> None:
    (tree / rel).parent.mkdir(parents=True, exist_ok=True)
    (tree / rel).write_text(text)


@pytest.fixture
def spring_tree(tmp_path: Path) -> Path:
    (tmp_path / "auditkit.toml").write_text(
        f'[gateway]\nname = "data-gateway"\npaths = ["{SRC}/gateway/**"]\n'
    )
    # The gateway declares a repository and uses a template: exempt.
    _write(tmp_path, f"{SRC}/gateway/UserRepository.java", (
        "package com.example.gateway;\n"
        "import org.springframework.data.jpa.repository.JpaRepository;\n"
        "public interface UserRepository extends JpaRepository<User, Long> {}\n"
    ))  # fmt: skip
    _write(tmp_path, f"{SRC}/gateway/Users.java", (
        "package com.example.gateway;\n"
        "import org.springframework.jdbc.core.JdbcTemplate;\n"
        "class Users {\n"
        "    private final JdbcTemplate jdbc;\n"
        "    Users(JdbcTemplate jdbc) { this.jdbc = jdbc; }\n"
        '    int count() { return jdbc.queryForObject("select 1", Integer.class); }\n'
        "}\n"
    ))  # fmt: skip
    # Outside the gateway: a repository declared, and calls on repositories of both places.
    _write(tmp_path, f"{SRC}/billing/InvoiceRepository.java", (
        "package com.example.billing;\n"
        "import org.springframework.data.repository.CrudRepository;\n"
        "interface InvoiceRepository extends CrudRepository<Invoice, Long> {}\n"
    ))  # fmt: skip
    _write(tmp_path, f"{SRC}/billing/Billing.java", (
        "package com.example.billing;\n"
        "import com.example.gateway.UserRepository;\n"
        "import lombok.RequiredArgsConstructor;\n"
        "import org.springframework.data.redis.core.StringRedisTemplate;\n"
        "@RequiredArgsConstructor\n"
        "class Billing {\n"
        "    private final InvoiceRepository invoices;\n"
        "    private final UserRepository users;\n"
        "    private final AccountRepository accounts;\n"
        "    private final StringRedisTemplate redis;\n"
        "    void bill(long id) {\n"
        "        invoices.deleteById(id);\n"
        "        users.findById(id);\n"
        "        accounts.find(id);\n"
        '        redis.opsForValue().set("bill", "1");\n'
        "    }\n"
        "}\n"
    ))  # fmt: skip
    # A hand-written class named like a repository (the gateway's client, say): no store.
    _write(tmp_path, f"{SRC}/billing/AccountRepository.java", (
        "package com.example.billing;\n"
        "class AccountRepository { Object find(long id) { return null; } }\n"
    ))  # fmt: skip
    # A same-named class of another package.
    _write(tmp_path, f"{SRC}/billing/Legacy.java", (
        "package com.example.billing;\n"
        "import com.acme.jdbc.JdbcTemplate;\n"
        "class Legacy {\n"
        "    private JdbcTemplate jdbc;\n"
        '    void run() { jdbc.execute("x"); }\n'
        "}\n"
    ))  # fmt: skip
    return tmp_path


@needs_semgrep
def test_injected_templates_and_repositories_outside_the_gateway(spring_tree: Path) -> None:
    billing = f"{SRC}/billing"
    assert _scan(spring_tree) == {
        (f"{billing}/InvoiceRepository.java", 3,
         "org.springframework.data.repository.CrudRepository"),
        (f"{billing}/Billing.java", 12,
         "InvoiceRepository (org.springframework.data.repository.CrudRepository)"),
        (f"{billing}/Billing.java", 13,
         "UserRepository (org.springframework.data.jpa.repository.JpaRepository)"),
        (f"{billing}/Billing.java", 15, "org.springframework.data.redis.core.RedisTemplate"),
    }  # fmt: skip


def _match(message: str) -> SemgrepMatch:
    at = Position(1, 1, 0)
    return SemgrepMatch("r", "A.java", at, at, message, (("role", "gateway-repository-call"),))


def test_the_call_rule_message_gives_the_simple_type_name() -> None:
    assert call_type(_match("Call on a value of type UserRepository (x)")) == "UserRepository"
    assert call_type(_match("Call on a value of type a.b.UserRepo<User> (x)")) == "UserRepo"
    assert call_type(_match("something else")) is None


@needs_semgrep
def test_repositories_declared_through_a_project_base_interface(tmp_path: Path) -> None:
    """`interface BaseRepo<T> extends JpaRepository<T, Long>`, then `interface UserRepo
    extends BaseRepo<User>`: both declarations and calls on UserRepo are access (missed
    before: the declaration rule sees no Spring Data base on UserRepo)."""
    (tmp_path / "auditkit.toml").write_text('[gateway]\nname = "gw"\npaths = ["gateway/**"]\n')
    _write(tmp_path, f"{SRC}/data/BaseRepo.java", (
        "package com.example.data;\n"
        "import org.springframework.data.jpa.repository.JpaRepository;\n"
        "public interface BaseRepo<T> extends JpaRepository<T, Long> {}\n"
    ))  # fmt: skip
    _write(tmp_path, f"{SRC}/data/UserRepo.java", (
        "package com.example.data;\n"
        "public interface UserRepo extends BaseRepo<User> {}\n"
    ))  # fmt: skip
    _write(tmp_path, f"{SRC}/data/Plain.java", (
        "package com.example.data;\n"
        "public interface Plain extends java.io.Serializable {}\n"
    ))  # fmt: skip
    _write(tmp_path, f"{SRC}/web/Users.java", (
        "package com.example.web;\n"
        "import com.example.data.UserRepo;\n"
        "class Users {\n"
        "    private final UserRepo users;\n"
        "    Users(UserRepo users) { this.users = users; }\n"
        "    Object one(long id) { return users.findById(id); }\n"
        "}\n"
    ))  # fmt: skip
    jpa = "org.springframework.data.jpa.repository.JpaRepository"
    assert _scan(tmp_path) == {
        (f"{SRC}/data/BaseRepo.java", 3, jpa),
        (f"{SRC}/data/UserRepo.java", 2, f"extends BaseRepo ({jpa})"),
        (f"{SRC}/web/Users.java", 6, f"UserRepo ({jpa})"),
    }
