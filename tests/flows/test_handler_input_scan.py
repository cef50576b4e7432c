"""Field test f17 W1/W3 through the whole scan (real semgrep): in gateway route handlers, an
annotation (`@RequestBody @Email String mail`) and what the caller sent (its request body,
headers, remote address) are no protected reads; the stored user still is."""

from __future__ import annotations

import re
from pathlib import Path

from tests.flows.tree import scan_tree

POLICY = """\
[gateway]
name = "gw"
paths = ["gateway/**"]
[gateway.authorization]
java = ["@PreAuthorize"]
go = ["authorize"]
javascript = ["requireAuth"]
[data.categories]
email = ["email"]
ip_address = ["remote_addr"]
"""
FILES = {
    "gateway/R.java": """\
package r;

import jakarta.validation.constraints.Email;

@RestController
public class R {
    @PostMapping(path = "/account/reset-password/init")
    public void requestPasswordReset(@RequestBody @Email String mail) {
        userService.requestPasswordReset(mail);
    }

    @PostMapping("/register")
    public void register(@Valid @RequestBody ManagedUserVM vm, HttpServletRequest http) {
        audit.record(http.getRemoteAddr(), vm.getEmail());
    }

    @GetMapping("/me")
    public String me(Principal principal) {
        return users.current(principal).getEmail(); // expect
    }
}
""",
    "gateway/h.go": """\
package gw

func ping(w http.ResponseWriter, r *http.Request) {
	addr := r.RemoteAddr
	fmt.Fprint(w, addr)
}

func show(w http.ResponseWriter, r *http.Request) {
	u := load(r)
	fmt.Fprint(w, u.Email) // expect
}
""",
    "gateway/routes.js": """\
router.post("/signup", async (req, res) => {
  await mailer.welcome(req.body.email);
  res.json({});
});

router.get("/me", async (req, res) => {
  const u = await users.byId(req.params.id);
  res.json({ mail: u.email }); // expect
});
""",
}


def test_only_stored_data_is_a_protected_read(tmp_path: Path) -> None:
    doc = scan_tree(tmp_path, FILES, POLICY)
    findings = doc["findings"]
    assert isinstance(findings, list)
    got = {
        (f["location"]["path"], f["location"]["start_line"])
        for f in findings
        if f["category"] == "gateway-authorization"
    }
    expected = {
        (path, n)
        for path, text in FILES.items()
        for n, line in enumerate(text.splitlines(), start=1)
        if re.search(r"(//) expect$", line)
    }
    assert got == expected
