"""Django function views are views only when a URLconf of the scanned tree routes them (field
test f17, healthchecks: helpers taking the request were reported as unguarded entry points)."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditkit.flows import django_urls
from tests.flows.tree import scan_tree

POLICY = """\
[gateway]
name = "gw"
paths = ["**"]
[gateway.authorization]
python = ["login_required", "_get_rw_channel_for_user"]
[data.categories]
email = ["email"]
"""
VIEWS = """\
from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def add_email(request, code):
    channel = _get_rw_channel_for_user(request, code)
    return email_form(request, channel)


def email_form(request, channel):
    return render(request, "f.html", {"value": channel.email.value})


def unsubscribe(request, code):
    return render(request, "u.html", {"value": Channel.get(code).email})


def legacy(request, code):
    return render(request, "u.html", {"value": Channel.get(code).email})
"""
URLS = """\
from django.urls import path, re_path
from django.conf.urls import url
from . import views

urlpatterns = [
    path("add/<uuid:code>/", views.add_email, name="add_email"),
    re_path(r"^unsub/(?P<code>[a-z]{1,3})/$", views.unsubscribe),
    url(r"^old/$", "hc.front.views.legacy"),
]
"""


def _unguarded(scanned: dict[str, object]) -> set[tuple[str, int]]:
    findings = scanned["findings"]
    assert isinstance(findings, list)
    return {
        (f["location"]["path"], f["location"]["start_line"])
        for f in findings
        if f["category"] == "gateway-authorization"
    }


def test_only_routed_functions_are_entry_points(tmp_path: Path) -> None:
    files = {"hc/front/views.py": VIEWS, "hc/front/urls.py": URLS}
    assert _unguarded(scan_tree(tmp_path, files, POLICY)) == {
        ("hc/front/views.py", 16),  # unsubscribe: routed by re_path, no check
        ("hc/front/views.py", 20),  # legacy: routed by its dotted name (old url() form)
    }


def test_without_a_urlconf_every_request_function_stays_an_entry_point(tmp_path: Path) -> None:
    assert _unguarded(scan_tree(tmp_path, {"hc/front/views.py": VIEWS}, POLICY)) == {
        ("hc/front/views.py", 12),
        ("hc/front/views.py", 16),
        ("hc/front/views.py", 20),
    }


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("hc/urls.py", True),
        ("api/v1_urls.py", True),
        ("app/urls_v2.py", True),
        ("app/urls/api.py", True),
        ("app/views.py", False),
        ("app/myurls.py", False),
        ("urls.txt", False),
    ],
)
def test_urlconf_files(path: str, expected: bool) -> None:
    assert django_urls.is_urlconf(path) is expected


def test_names_a_urlconf_routes(tmp_path: Path) -> None:
    (tmp_path / "urls.py").write_text(
        "from app.views import detail as shown\n"
        "urlpatterns = [path('x', ListView.as_view()), path('y', shown)]\n",
        encoding="utf-8",
    )
    (tmp_path / "api").mkdir()
    (tmp_path / "api" / "urls.py").write_text("urlpatterns = [path('z', views.broken(]\n")
    names = django_urls.routed_names(tmp_path, ["urls.py", "api/urls.py", "views.py"])
    assert names is not None
    # An imported view counts by its own name too (`shown` is `detail`); unparsable: every
    # identifier of the text counts.
    assert {"ListView", "shown", "detail", "broken"} <= names
    assert "path" in names and "urlpatterns" in names and "views" in names
    assert django_urls.routed_names(tmp_path, ["views.py"]) is None
