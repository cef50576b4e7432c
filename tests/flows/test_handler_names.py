"""Spring entry points are named from the parsed declaration: signatures over several lines,
`throws`, generic return types; two handlers of one class are two entry points (found on
jhipster/jhipster-sample-app, where they were "?", "GetMapping" or merged into one)."""

from __future__ import annotations

from pathlib import Path

from tests.flows.tree import scan_tree

POLICY = """\
[gateway]
name = "gw"
paths = ["**"]
[gateway.authorization]
java = ["@PreAuthorize"]
kotlin = ["@PreAuthorize"]
"""
JAVA = """\
package r;

@RestController
public class R {
    @PutMapping("/a/{id}")
    public ResponseEntity<Acc> updateMultiLine(
        @PathVariable("id") final Long id,
        @RequestBody Acc acc
    ) {
        acc = accRepository.save(acc);
        return ResponseEntity.ok().body(acc);
    }

    @GetMapping("")
    public java.util.List<Acc> getAll(
        @RequestParam(name = "eagerload", required = false) boolean eagerload
    ) throws Exception {
        return accRepository.findAll();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @DeleteMapping("/a/{id}")
    public void delete(
        @PathVariable("id") final Long id
    ) {
        accRepository.deleteById(id);
    }
}
"""
KOTLIN = """\
package r

@RestController
class K(private val accRepository: AccRepository) {
    @PutMapping("/a/{id}")
    fun update(
        @PathVariable("id") id: Long,
        @RequestBody acc: Acc,
    ): ResponseEntity<Acc> {
        return ResponseEntity.ok(accRepository.save(acc))
    }
}
"""


def test_entry_points_are_named_from_the_declaration(tmp_path: Path) -> None:
    doc = scan_tree(tmp_path, {"src/R.java": JAVA, "src/K.kt": KOTLIN}, POLICY)
    found = sorted(
        (f["location"]["path"], f["location"]["start_line"], f["message"].split(" reaches")[0])
        for f in doc["findings"]
        if f["category"] == "gateway-authorization"
    )
    assert found == [
        ("src/K.kt", 10, "Gateway entry point update"),
        ("src/R.java", 10, "Gateway entry point updateMultiLine"),
        ("src/R.java", 18, "Gateway entry point getAll"),
    ]
