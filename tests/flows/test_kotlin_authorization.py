"""Gateway authorization in Kotlin Spring controllers, through a whole scan with real semgrep.

Every line that carries `// expect` must hold exactly one `gateway.authorization` finding;
no other line may hold one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.flows.tree import scan_tree

POLICY = """\
[gateway]
name = "gw"
paths = ["gateway/**"]
[gateway.authorization]
kotlin = ["@PreAuthorize", "@Secured", "authorize"]
"""

METHODS = """\
package gw

@RestController
class UserController(private val userRepository: UserRepository) {
    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/users/{id}")
    fun guarded(@PathVariable id: Long): User {
        return userRepository.findById(id)
    }

    @GetMapping("/users")
    @Secured("ROLE_ADMIN")
    fun guardedSecond(): List<User> = userRepository.findAll()

    @GetMapping("/open/{id}")
    fun open(@PathVariable id: Long): User {
        return userRepository.findById(id) // expect
    }

    @PostMapping("/users")
    fun create(@RequestBody user: User): User {
        authorize(user, "write")
        return userRepository.save(user)
    }

    @PostMapping("/late")
    fun late(@RequestBody user: User): User {
        val saved = userRepository.save(user) // expect
        authorize(user, "write")
        return saved
    }

    @RequestMapping("/expr/{id}", method = [RequestMethod.GET])
    fun expression(@PathVariable id: Long) = userRepository.findById(id) // expect

    @DeleteMapping("/users/{id}")
    fun remove(@PathVariable id: Long) {
        security.authorize("admin")
        userRepository.deleteById(id)
    }

    private fun helper(id: Long): User {
        return userRepository.findById(id)
    }

    fun notMapped(id: Long) = userRepository.findById(id)

    @GetMapping("/sql")
    fun sql(@RequestParam query: String) = rawSqlRepository.executeReadOnlyQuery(query) // expect

    @GetMapping("/health")
    fun health(): String = System.getenv("IMAGE_TAG") ?: "none"
}
"""

CLASS_LEVEL = """\
package gw

@RestController
@RequestMapping("/admin")
@PreAuthorize(
    "hasRole('ADMIN') and " +
        "hasAuthority('users:read')"
)
open class AdminController(
    private val userRepository: UserRepository,
) : BaseController(), Auditable {
    @GetMapping("/users/{id}")
    fun one(@PathVariable id: Long): User {
        return userRepository.findById(id)
    }

    @PostMapping("/users")
    fun save(@RequestBody user: User) = userRepository.save(user)

    @RestController
    class Inner(private val userRepository: UserRepository) {
        // Spring guards a nested class by its own annotations, not the outer class's.
        @GetMapping("/inner")
        fun inner(): List<User> {
            return userRepository.findAll() // expect
        }
    }
}

@RestController
class PublicController(private val userRepository: UserRepository) {
    @GetMapping("/public/{id}")
    fun one(@PathVariable id: Long): User {
        return userRepository.findById(id) // expect
    }
}

@Secured("ROLE_OPS") @RestController class OpsController(private val repo: UserRepository) {
    @GetMapping("/ops")
    fun ops(): List<User> = repo.findAll()
}
"""


def _expected(files: dict[str, str]) -> set[tuple[str, int]]:
    return {
        (path, number)
        for path, text in files.items()
        for number, line in enumerate(text.splitlines(), start=1)
        if re.search(r"// expect\b", line)
    }


def _found(result: dict[str, object]) -> list[dict[str, object]]:
    findings = result["findings"]
    assert isinstance(findings, list)
    return [f for f in findings if f["rule_id"] == "gateway.authorization"]


@pytest.mark.parametrize("text", [METHODS, CLASS_LEVEL], ids=["methods", "class-level"])
def test_kotlin_findings_exactly_at_the_expected_lines(tmp_path: Path, text: str) -> None:
    files = {"gateway/Api.kt": text}
    found = _found(scan_tree(tmp_path, files, POLICY))
    places = [(f["location"]["path"], f["location"]["start_line"]) for f in found]
    assert sorted(places) == sorted(_expected(files))


def test_unguarded_kotlin_handler_is_named_at_the_access_line(tmp_path: Path) -> None:
    found = _found(scan_tree(tmp_path, {"gateway/Api.kt": METHODS}, POLICY))
    by_line = {f["location"]["start_line"]: f for f in found}
    finding = by_line[17]
    evidence = dict(finding["evidence"])
    assert evidence["entry_point"] == "open"
    assert evidence["entry_line"] == 16
    assert evidence["language"] == "kotlin"
    assert "open reaches protected store via userRepository.findById" in finding["message"]
    assert finding["severity"] == "high"


def test_kotlin_class_annotation_before_a_different_class_does_not_guard(tmp_path: Path) -> None:
    # Before the fix every method of AdminController was reported: semgrep matches no Kotlin
    # class pattern, so `@PreAuthorize` on the class excluded nothing.
    found = _found(scan_tree(tmp_path, {"gateway/Api.kt": CLASS_LEVEL}, POLICY))
    entries = sorted(dict(f["evidence"])["entry_point"] for f in found)
    assert entries == ["inner", "one"]
    assert {f["location"]["start_line"] for f in found} == {25, 34}


def test_kotlin_outside_the_gateway_paths_is_not_reported(tmp_path: Path) -> None:
    found = _found(scan_tree(tmp_path, {"service/Api.kt": METHODS}, POLICY))
    assert found == []
