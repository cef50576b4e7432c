"""Go route handlers of gin, echo and fiber (plain functions and methods) are entry points,
like net/http ones (knadh/listmonk's echo handlers were never checked)."""

from __future__ import annotations

from pathlib import Path

from tests.flows.tree import scan_tree

POLICY = """\
[gateway]
name = "gw"
paths = ["**"]
[gateway.authorization]
go = ["authorize"]
"""
GO = """\
package api

func (a *App) GetSubscriber(c echo.Context) error {
	row := a.db.QueryRow("select email from subscribers where id=$1", c.Param("id"))
	return c.JSON(200, row)
}

func (a *App) GuardedSubscriber(c echo.Context) error {
	if !authorize(c, "subscribers:get") {
		return echo.ErrForbidden
	}
	row := a.db.QueryRow("select email from subscribers where id=$1", c.Param("id"))
	return c.JSON(200, row)
}

func ListFiber(c *fiber.Ctx) error {
	return c.JSON(db.QueryRow("select 1"))
}

func (h *Handler) ListGin(c *gin.Context) {
	c.JSON(200, h.db.QueryRow("select 1"))
}

func helper(db *sql.DB, id int) any {
	return db.QueryRow("select email from subscribers where id=$1", id)
}
"""


def test_echo_fiber_and_gin_methods_are_entry_points(tmp_path: Path) -> None:
    doc = scan_tree(tmp_path, {"api/h.go": GO}, POLICY)
    found = sorted(
        (f["location"]["start_line"], f["message"].split(" reaches")[0])
        for f in doc["findings"]
        if f["category"] == "gateway-authorization"
    )
    assert found == [
        (4, "Gateway entry point GetSubscriber"),
        (17, "Gateway entry point ListFiber"),
        (21, "Gateway entry point ListGin"),
    ]


ROUTED_POLICY = """\
[gateway]
name = "gw"
paths = ["cmd/**"]
[gateway.authorization]
go = ["pm", "authorize"]
"""
HANDLERS = """\
package main

func initHTTPHandlers(e *echo.Echo, a *App) {
	g := e.Group("")
	g.GET("/api/subscribers/:id", pm(hasID(a.GetSubscriber), "subscribers:get"))
	g.GET("/api/lists", pm(a.GetLists, "lists:get"))
	g.GET("/api/export", a.ExportSubscribers)
	g.GET("/api/note", pm(a.Note, "notes:get"))
}
"""
SUBSCRIBERS = """\
package main

func (a *App) GetSubscriber(c echo.Context) error {
	return c.JSON(200, a.db.QueryRow("select email from subscribers where id=$1", c.Param("id")))
}

func (a *App) GetLists(c echo.Context) error {
	return c.JSON(200, a.db.QueryRow("select name from lists"))
}

func (a *App) ExportSubscribers(c echo.Context) error {
	return c.JSON(200, a.db.QueryRow("select email from subscribers"))
}
"""


def test_a_handler_wrapped_by_a_check_where_it_is_registered_is_guarded(tmp_path: Path) -> None:
    """listmonk's `g.GET(path, pm(handler, perm))`: the check wraps the handler in another
    file; only the handler registered without it is reported."""
    files = {"cmd/handlers.go": HANDLERS, "cmd/subscribers.go": SUBSCRIBERS}
    doc = scan_tree(tmp_path, files, ROUTED_POLICY)
    found = [
        (f["location"]["path"], f["message"].split(" reaches")[0])
        for f in doc["findings"]
        if f["category"] == "gateway-authorization"
    ]
    assert found == [("cmd/subscribers.go", "Gateway entry point ExportSubscribers")]
