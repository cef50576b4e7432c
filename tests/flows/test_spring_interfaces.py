"""Spring handlers declared through an interface (OpenAPI-generator style): the mapping sits on
the interface method, the controller's overriding method has none and is the entry point.
Whole scans with real semgrep; every `// expect` line holds exactly one
`gateway.authorization` finding, no other line holds one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditkit.flows import spring
from tests.flows.tree import scan_tree

POLICY = """\
[gateway]
name = "gw"
paths = ["gateway/**"]
[gateway.authorization]
java = ["@PreAuthorize", "@RolesAllowed"]
kotlin = ["@PreAuthorize", "authorize"]
"""

# The interface lies outside the gateway paths (a generated API module): it is still read.
JAVA = {
    "api/src/PetsApi.java": """\
package api;

@Tag(name = "pets")
public interface PetsApi {
    @Operation(summary = "Info for a pet", responses = {
        @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json"))
    })
    @RequestMapping(
        method = RequestMethod.GET,
        value = "/pets/{petId}",
        produces = { "application/json" }
    )
    default ResponseEntity<Pet> showPetById(@PathVariable("petId") String petId) {
        return new ResponseEntity<>(HttpStatus.NOT_IMPLEMENTED);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @DeleteMapping("/pets/{petId}")
    default ResponseEntity<Void> deletePet(@PathVariable("petId") String petId) {
        return null;
    }

    @GetMapping("/pets")
    ResponseEntity<List<Pet>> listPets(
        @RequestParam(value = "limit", required = false) Integer limit
    );

    default Optional<NativeWebRequest> getRequest() {
        return Optional.empty();
    }
}
""",
    "gateway/src/PetsController.java": """\
package gw;

@RestController
public class PetsController implements PetsApi {
    private final PetRepository petRepository;

    @Override
    public ResponseEntity<Pet> showPetById(String petId) {
        return ResponseEntity.ok(petRepository.findById(petId)); // expect
    }

    @Override
    public ResponseEntity<Void> deletePet(String petId) {
        petRepository.deleteById(petId);
        return ResponseEntity.noContent().build();
    }

    @RolesAllowed("reader")
    @Override
    public ResponseEntity<List<Pet>> listPets(Integer limit) {
        return ResponseEntity.ok(petRepository.findAll());
    }

    @Override
    public Optional<NativeWebRequest> getRequest() {
        return Optional.ofNullable(petRepository.findRequest());
    }

    private Pet load(String id) {
        return petRepository.findById(id);
    }
}
""",
    "gateway/src/OtherPets.java": """\
package gw;

// Same method name, no interface: no handler.
@Service
public class OtherPets extends Base implements Runnable {
    public ResponseEntity<Pet> showPetById(String petId) {
        return ResponseEntity.ok(petRepository.findById(petId));
    }
}
""",
    "gateway/src/PlainPets.java": """\
package gw;

// Java does not require @Override: implementing the interface's method is enough.
@RestController
public class PlainPets implements PetsApi {
    public ResponseEntity<List<Pet>> listPets(Integer limit) {
        return ResponseEntity.ok(petRepository.findAll()); // expect
    }
}
""",
    "gateway/src/AdminPets.java": """\
package gw;

@PreAuthorize("hasRole('ADMIN')")
@RestController
public class AdminPets implements api.PetsApi {
    @Override
    public ResponseEntity<Pet> showPetById(String petId) {
        return ResponseEntity.ok(petRepository.findById(petId));
    }
}
""",
}

KOTLIN = {
    "gateway/UsersApi.kt": """\
package gw

@Validated
interface UsersApi {
    @GetMapping("/users/{id}")
    fun getUser(@PathVariable("id") id: Long): ResponseEntity<User>

    @PostMapping(
        value = ["/users"],
        consumes = ["application/json"]
    )
    fun createUser(@RequestBody user: User): ResponseEntity<User> {
        return ResponseEntity(HttpStatus.NOT_IMPLEMENTED)
    }

    @PreAuthorize("hasRole('ADMIN')")
    @DeleteMapping("/users/{id}")
    fun deleteUser(@PathVariable("id") id: Long): ResponseEntity<Unit>
}
""",
    "gateway/UsersController.kt": """\
package gw

@RestController
class UsersController(private val userRepository: UserRepository) : UsersApi {
    override fun getUser(id: Long): ResponseEntity<User> {
        return ResponseEntity.ok(userRepository.findById(id)) // expect
    }

    override fun createUser(user: User): ResponseEntity<User> {
        authorize(user)
        return ResponseEntity.ok(userRepository.save(user))
    }

    override fun deleteUser(id: Long): ResponseEntity<Unit> {
        userRepository.deleteById(id)
        return ResponseEntity.noContent().build()
    }
}

@RestController
@PreAuthorize("isAuthenticated()")
class GuardedUsers(private val userRepository: UserRepository) : UsersApi {
    override fun getUser(id: Long) = ResponseEntity.ok(userRepository.findById(id))
}

class Unrelated(private val userRepository: UserRepository) : Runnable {
    fun getUser(id: Long) = userRepository.findById(id)
}

class Expression(private val userRepository: UserRepository) : BaseController(), UsersApi {
    override fun getUser(id: Long) = ResponseEntity.ok(userRepository.findById(id)) // expect
}
""",
    # openapi-generator's delegate pattern: UsersApi's methods call getDelegate().getUser().
    "gateway/UsersDelegate.kt": """\
package gw

@Service
class UsersDelegateImpl(private val userRepository: UserRepository) : UsersApiDelegate {
    override fun getUser(id: Long): ResponseEntity<User> {
        return ResponseEntity.ok(userRepository.findById(id)) // expect
    }

    override fun deleteUser(id: Long): ResponseEntity<Unit> {
        userRepository.deleteById(id)
        return ResponseEntity.noContent().build()
    }
}

// Only an `<Name>ApiDelegate` of a mapped `<Name>Api` is a delegate.
class OtherDelegateImpl(private val userRepository: UserRepository) : UsersDelegate {
    override fun getUser(id: Long) = userRepository.findById(id)
}
""",
}


def _expected(files: dict[str, str]) -> list[tuple[str, int]]:
    return sorted(
        (path, number)
        for path, text in files.items()
        for number, line in enumerate(text.splitlines(), start=1)
        if re.search(r"// expect\b", line)
    )


def _found(result: dict[str, object]) -> list[dict[str, object]]:
    findings = result["findings"]
    assert isinstance(findings, list)
    return [f for f in findings if f["rule_id"] == "gateway.authorization"]


@pytest.mark.parametrize("files", [JAVA, KOTLIN], ids=["java", "kotlin"])
def test_interface_handlers_exactly_at_the_expected_lines(
    tmp_path: Path, files: dict[str, str]
) -> None:
    # Before the change no finding at all: the overriding methods carry no mapping.
    found = _found(scan_tree(tmp_path, files, POLICY))
    places = sorted((f["location"]["path"], f["location"]["start_line"]) for f in found)
    assert places == _expected(files)


def test_interface_handler_names_its_method_and_interface(tmp_path: Path) -> None:
    found = _found(scan_tree(tmp_path, JAVA, POLICY))
    evidence = dict(found[0]["evidence"])
    assert evidence["entry_point"] == "PetsController.showPetById (PetsApi)"
    assert evidence["entry_line"] == 8
    assert evidence["language"] == "java"


def test_without_the_interface_file_only_controller_overrides_of_an_api_count(
    tmp_path: Path,
) -> None:
    # openapi-generator run at build time: UsersApi.kt is not in the tree. A @RestController's
    # overrides of a `...Api` interface stand in for the handlers; the guard the interface
    # carried (deleteUser's @PreAuthorize) cannot be seen, so deleteUser is reported too.
    files = {k: v for k, v in KOTLIN.items() if k != "gateway/UsersApi.kt"}
    found = _found(scan_tree(tmp_path, files, POLICY))
    entries = sorted(
        (f["location"]["start_line"], dict(f["evidence"])["entry_point"]) for f in found
    )
    assert entries == [
        (6, "UsersController.getUser (UsersApi, not in the scanned tree)"),
        (15, "UsersController.deleteUser (UsersApi, not in the scanned tree)"),
    ]


GENERATED_AT_BUILD = {
    "gateway/OwnerRestController.java": """\
package gw;

@RestController
@RequestMapping("/api")
public class OwnerRestController implements OwnersApi {
    @PreAuthorize("hasRole(@roles.OWNER_ADMIN)")
    @Override
    public ResponseEntity<OwnerDto> getOwner(Integer ownerId) {
        return ResponseEntity.ok(ownerRepository.findById(ownerId));
    }

    @Override
    public ResponseEntity<Void> deleteOwner(Integer ownerId) {
        ownerRepository.deleteById(ownerId); // expect
        return ResponseEntity.noContent().build();
    }

    public ResponseEntity<OwnerDto> notOverridden(Integer ownerId) {
        return ResponseEntity.ok(ownerRepository.findById(ownerId));
    }
}
""",
    "gateway/Jobs.java": """\
package gw;

// Not a controller, and Runnable is no API interface.
@Service
public class Jobs implements OwnersApi {
    @Override
    public ResponseEntity<Void> deleteOwner(Integer ownerId) {
        ownerRepository.deleteById(ownerId);
        return null;
    }
}

@RestController
class Worker implements Runnable {
    @Override
    public void run() {
        ownerRepository.deleteAll();
    }
}
""",
}


def test_java_controller_of_an_api_generated_at_build_time(tmp_path: Path) -> None:
    found = _found(scan_tree(tmp_path, GENERATED_AT_BUILD, POLICY))
    places = sorted((f["location"]["path"], f["location"]["start_line"]) for f in found)
    assert places == _expected(GENERATED_AT_BUILD)


def test_declarations_read_annotations_supertypes_and_members() -> None:
    text = spring.mask(JAVA["api/src/PetsApi.java"] + KOTLIN["gateway/UsersController.kt"])
    decls = {d.name: d for d in spring.declarations(text)}
    pets = decls["PetsApi"]
    assert (pets.kind, pets.annotations) == ("interface", ("Tag",))
    members = {m.name: m.annotations for m in pets.members}
    assert members["showPetById"] == ("Operation", "ApiResponse", "Content", "RequestMapping")
    assert members["listPets"] == ("GetMapping",)
    assert members["getRequest"] == ()
    assert decls["UsersController"].supertypes == ("UsersApi",)
    assert decls["GuardedUsers"].annotations == ("RestController", "PreAuthorize")
    assert decls["Expression"].supertypes == ("BaseController", "UsersApi")
    assert decls["Unrelated"].annotations == ()


def test_mask_blanks_comments_and_strings_in_place() -> None:
    text = 'a("x{y}") // @PreAuthorize {\n/* } */ b'
    masked = spring.mask(text)
    assert len(masked) == len(text)
    assert "{" not in masked and "@" not in masked
    assert masked.endswith("b") and "\n" in masked
