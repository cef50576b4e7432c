"""What a route handler reads from its own request is no protected read (field test f17 W1/W3):
the text rules behind auditkit.flows.handler_input, both ways, in each semgrep language."""

from __future__ import annotations

import pytest

from auditkit.flows.handler_input import caller_input

SPRING = """\
@RestController
class R {
    @PostMapping("/reset")
    public void reset(@RequestBody @Email String mail) {
"""
SPRING_MULTILINE = """\
    @PutMapping("/{id}")
    public ResponseEntity<UserDTO> update(
        @PathVariable("id") final Long id,
        @Valid @RequestBody ManagedUserVM vm,
        Map<String, List<String>> extra,
        HttpServletRequest http,
        User current
    ) throws URISyntaxException {
        if (vm != null) {
            list.forEach(u -> {
"""
KOTLIN = """\
    @PostMapping("/x")
    fun save(@RequestBody body: UserDto, principal: User, req: HttpServletRequest): Unit {
"""
GO = """\
func (a *App) handle(w http.ResponseWriter, r *http.Request) {
	row := a.db.QueryRow("q")
"""
GIN = "func handle(c *gin.Context, u User) {\n"


@pytest.mark.parametrize(
    ("language", "before", "matched", "expected"),
    [
        # Annotations are no reads (jhipster AccountResource: `@Email String mail`).
        ("java", SPRING[: SPRING.index("Email")], "Email", True),
        ("java", SPRING, "mail.email", True),  # @RequestBody binds it
        # Parameters bound from the request, multi-line signatures included.
        ("java", SPRING_MULTILINE, "vm.getEmail()", True),
        ("java", SPRING_MULTILINE, "http.getRemoteAddr()", True),
        ("java", SPRING_MULTILINE, "current.getEmail()", False),
        ("java", SPRING_MULTILINE, "extra.email", False),
        ("java", SPRING_MULTILINE, "userRepository.findByEmail(x)", False),
        ("java", SPRING_MULTILINE, "this.vm.getEmail()", True),
        ("kotlin", KOTLIN, "body.email", True),
        ("kotlin", KOTLIN, "req.remoteAddr", True),
        ("kotlin", KOTLIN, "principal.email", False),
        # Go: the handler's *http.Request (not its Context), gin's context accessors.
        ("go", GO, "r.RemoteAddr", True),
        ("go", GO, 'r.Header.Get("X-Email")', True),
        ("go", GO, "r.Context().Value(k).(*User).Email", False),
        ("go", GO, "a.user.Email", False),
        ("go", GIN, "c.ClientIP()", True),
        ("go", GIN, "u.Email", False),
        # Express and Koa.
        ("javascript", "app.post('/x', (req, res) => {\n", "req.body.email", True),
        ("typescript", "router.get('/x', async (ctx) => {\n", "ctx.request.body.email", True),
        ("javascript", "app.post('/x', (req, res) => {\n", "req.user.email", False),
        ("javascript", "app.post('/x', (req, res) => {\n", "user.email", False),
    ],
)
def test_caller_input(language: str, before: str, matched: str, expected: bool) -> None:
    assert caller_input(language, before, matched) is expected


def test_an_anonymous_class_or_statement_is_not_the_handler() -> None:
    before = SPRING_MULTILINE + "            new Runnable() {\n                if (ok) {\n"
    assert caller_input("java", before, "vm.getEmail()") is True
