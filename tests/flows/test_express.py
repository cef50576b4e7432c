"""Express/Koa gateway authorization (real semgrep): a route handler in the gateway paths is
guarded by an authorizing middleware among the route's arguments before the handler, or by a
``use`` of one earlier in the file; an unguarded handler touching a protected store or a
protected category is a finding at the access line."""

from __future__ import annotations

import pytest

from tests.flows.tree import marked, scan_tree

POLICY = """\
[gateway]
name = "gw"
paths = ["gateway/**"]
[gateway.authorization]
javascript = ["requireAuth", "authorize"]
typescript = ["requireRole"]
[data.categories]
phone_number = ["phone", "phone_number"]
"""
FILES = {
    "gateway/routes.js": """\
const express = require("express");
const router = express.Router();

router.get("/a", requireAuth, (req, res) => {
  res.json(db.findOne({ id: req.params.id }));
});

router.post("/b", authorize("admin"), async (req, res) => {
  const u = await userRepo.findById(req.body.id);
  res.json(u);
});

router.get("/c", async (req, res) => {
  const u = await userRepo.findById(req.params.id); // expect: GET /c
  res.json(u);
});

app.put("/p", function (req, res) {
  res.send(req.user.phoneNumber); // expect: PUT /p
});

function show(req, res) {
  res.json(db.findOne({ id: 1 })); // expect: show
}
router.get("/d", show);

function guardedShow(req, res) {
  res.json(db.findOne({ id: 1 }));
}
router.get("/e", requireAuth, guardedShow);

router.get("/f", auth.requireAuth, (req, res) => {
  res.json(db.findOne({ id: 1 }));
});

router.get("/g", rateLimit, (req, res) => {
  res.json(db.findOne({ id: 1 })); // expect: GET /g
});

cache.get("k", (err, v) => {
  db.findOne(v);
});
""",
    "gateway/mounted.ts": """\
import Router from "koa-router";
const router = new Router();
router.get("/open", async (ctx) => {
  ctx.body = await db.findOne({ id: ctx.params.id }); // expect: GET /open
});
router.get("/js-check", requireAuth, async (ctx) => {
  ctx.body = await db.findOne({ id: 2 }); // expect: GET /js-check
});
router.use(requireRole("support"));
router.get("/x", async (ctx) => {
  ctx.body = await db.findOne({ id: ctx.params.id });
});
""",
    "gateway/plain.js": """\
app.use(requireAuth);
app.get("/all", (req, res) => {
  res.json(db.findOne({ id: 1 }));
});
""",
    "outside/routes.js": """\
router.get("/c", async (req, res) => {
  res.json(await userRepo.findById(req.params.id));
});
""",
}
_EXPECT = r"expect: (.+)$"


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    found = scan_tree(tmp_path_factory.mktemp("express"), FILES, POLICY)["findings"]
    assert isinstance(found, list)
    return [f for f in found if f["rule_id"] == "gateway.authorization"]


def test_unguarded_handlers_exact_lines_and_entry_points(
    findings: list[dict[str, object]],
) -> None:
    expected = marked(FILES, _EXPECT)
    got = set()
    for f in findings:
        location, evidence = f["location"], f["evidence"]
        assert isinstance(location, dict) and isinstance(evidence, dict)
        got.add((location["path"], location["start_line"], evidence["entry_point"]))
    assert got == expected


def test_typescript_checks_fall_back_to_javascript_only_when_unset() -> None:
    from auditkit.core.policy import parse_policy

    both = parse_policy(
        {"gateway": {"authorization": {"javascript": ["requireAuth"]}}}, "auditkit.toml", ""
    )
    assert both.gateway.authorizers("typescript") == ("requireAuth",)
    own = parse_policy(
        {"gateway": {"authorization": {"javascript": ["a"], "typescript": ["b"]}}},
        "auditkit.toml",
        "",
    )
    assert own.gateway.authorizers("typescript") == ("b",)
