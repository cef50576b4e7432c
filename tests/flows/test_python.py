"""The Python flow analysis (real libcst) on real source: every step and sink kind, both ways."""

from __future__ import annotations

import textwrap

import libcst as cst
import pytest

from auditkit.flows.names import categories
from auditkit.flows.python import analyze_flows

CATS = categories(
    (
        ("phone_number", ("phone", "phone_number", "msisdn")),
        ("private_video", ("private_video", "video_blob")),
    )
)
HEAD = """\
import hashlib, json, logging, sys
import analytics, boto3, psycopg2, requests
from kafka import KafkaProducer
API = "https://track.us-east-1.amazonaws.com/v1"
log = logging.getLogger(__name__)
"""


def _flows(body: str) -> set[tuple[str, str, int]]:
    source = HEAD + textwrap.dedent(body)
    result = analyze_flows(cst.parse_module(source), CATS)
    return {(f.category, f.kind, f.start_line) for f in result.flows}


# Each case: the function body after HEAD (line 6 on), and the flows expected (kind, line).
POSITIVE = {
    "attribute": ("def f(u):\n    requests.post(API, data=u.phone)\n", {("endpoint", 7)}),
    "key": ("def f(u):\n    requests.post(API, data=u['msisdn'])\n", {("endpoint", 7)}),
    "getter": ("def f(u):\n    requests.post(API, data=u.getPhone())\n", {("endpoint", 7)}),
    "camel case": ("def f(u):\n    requests.post(API, data=u.phoneNumber)\n", {("endpoint", 7)}),
    "upper case": ("def f(u):\n    print(u.PHONE_NUMBER)\n", {("log", 7)}),
    "dict get": ("def f(req):\n    log.info(req.args.get('phone'))\n", {("log", 7)}),
    "assignment": ("def f(u):\n    p = u.phone\n    q = p\n    print(q)\n", {("log", 9)}),
    "container": ("def f(u):\n    d = {'a': [u.phone]}\n    print(d)\n", {("log", 8)}),
    "f-string": ("def f(u):\n    s = f'x {u.phone}'\n    print(s)\n", {("log", 8)}),
    "format": ("def f(u):\n    s = 'x {}'.format(u.phone)\n    print(s)\n", {("log", 8)}),
    "percent": ("def f(u):\n    logging.info('x %s' % u.phone)\n", {("log", 7)}),
    "json": ("def f(u):\n    b = json.dumps({'p': u.phone})\n    requests.post(API, data=b)\n",
             {("endpoint", 8)}),
    "attribute store": ("def f(u, o):\n    o.contact = u.phone\n    print(o)\n", {("log", 8)}),
    "mutator": ("def f(u):\n    xs = []\n    xs.append(u.phone)\n    print(xs)\n", {("log", 9)}),
    "branch": ("def f(u, c):\n    x = ''\n    if c:\n        x = u.phone\n    print(x)\n",
               {("log", 10)}),
    "sdk": ("def f(u):\n    analytics.track(u.id, 'e', {'msisdn': u.m})\n", {("endpoint", 7)}),
    "producer": ("def f(u):\n    p = KafkaProducer(bootstrap_servers='k.example.us:9092')\n"
                 "    p.send('t', u.phone)\n", {("endpoint", 8)}),
    "store": ("def f(row):\n    c = psycopg2.connect('db')\n    cur = c.cursor()\n"
              "    cur.execute('i', (row.video_blob,))\n", {("store", 9)}),
    "upload": ("def f(v):\n    s3 = boto3.client('s3')\n    s3.put_object(Body=v.private_video)\n",
               {("store", 8)}),
    "stderr": ("def f(u):\n    sys.stderr.write(u.phone)\n", {("log", 7)}),
    # Field test f17 (healthchecks): Django management commands write through self.stdout.
    "command stdout": ("class Command(BaseCommand):\n    def handle(self, u):\n"
                       "        self.stdout.write(f'Sent nag to {u.phone}')\n", {("log", 8)}),
    "command stderr": ("class Command(BaseCommand):\n    def handle(self, u):\n"
                       "        self.stderr.write(self.style.ERROR(u.phone))\n", {("log", 8)}),
    # Field test f17: an app's own HTTP wrapper called with the URL (healthchecks transports).
    "wrapper literal": ("class Sms:\n    def notify(self):\n"
                        "        data = {'To': self.channel.phone.value}\n"
                        "        self.post('https://api.twilio.com/2010/M.json', data=data)\n",
                        {("endpoint", 9)}),
    "wrapper constant": ("class Sms:\n    URL = 'https://api.twilio.com/%s/M.json'\n"
                         "    def notify(self):\n        url = self.URL % 'acct'\n"
                         "        self.post(url, data={'To': self.phone})\n", {("endpoint", 10)}),
    "wrapper get": ("def f(api, u):\n    api.get(API + '/users', params={'p': u.phone})\n",
                    {("endpoint", 7)}),
    "wrapper url keyword": ("def f(t, u):\n    t.request('POST', url=API, json=[u.msisdn])\n",
                            {("endpoint", 7)}),
}  # fmt: skip

NEGATIVE = {
    "unrelated field": "def f(u):\n    requests.post(API, data=u.name)\n",
    "hashed": "def f(u):\n    h = hashlib.sha256(u.phone.encode()).hexdigest()\n    print(h)\n",
    "masked": "def f(u):\n    print(mask_number(u.phone))\n",
    "length": "def f(u):\n    print(len(u.phone))\n",
    "compared": "def f(u):\n    print(u.phone == '1')\n",
    "overwritten": "def f(u):\n    x = u.phone\n    x = 'none'\n    print(x)\n",
    "other function": "def f(u):\n    x = u.phone\n\ndef g(x):\n    print(x)\n",
    "not a sink": "def f(u):\n    store_locally(u.phone)\n",
    "similar name": "def f(u):\n    print(u.phonebook_url, u.telephone_id)\n",
    "other stream": "class C:\n    def f(self, u):\n        self.out.write(u.phone)\n",
    # HTTP-named methods that are not HTTP: dict.get, Queue.put keyed by a URL; a wrapper
    # called with a relative path (Django's test client) or with no URL at all.
    "dict get url": "def f(seen, u):\n    seen.get('https://a.example.com/' + u.phone, 0)\n",
    "queue put url": "def f(q, u):\n    q.put('https://a.example.com/' + u.phone, timeout=1)\n",
    "relative path": "def f(self, u):\n    self.client.post('/api/x', data={'p': u.phone})\n",
    "no url": "def f(self, u):\n    self.post(u.phone_url_id, data={'p': u.phone})\n",
    "unknown host": "def f(self, h, u):\n    self.post(f'https://{h}/x', data={'p': u.phone})\n",
}


@pytest.mark.parametrize("case", sorted(POSITIVE))
def test_flow_is_found(case: str) -> None:
    body, expected = POSITIVE[case]
    category = "private_video" if "video" in body else "phone_number"
    assert _flows(body) == {(category, kind, line) for kind, line in expected}


@pytest.mark.parametrize("case", sorted(NEGATIVE))
def test_no_flow(case: str) -> None:
    assert _flows(NEGATIVE[case]) == set()


def test_steps_run_from_source_to_sink_and_endpoint_resolves_constants() -> None:
    source = HEAD + textwrap.dedent(
        """\
        def f(user):
            phone = user.phone_number
            body = json.dumps({"p": phone})
            requests.post(f"{API}/events", data=body)
        """
    )
    (flow,) = analyze_flows(cst.parse_module(source), CATS).flows
    assert [s.line for s in flow.steps] == [7, 7, 8, 9]
    assert flow.steps[0].note == "phone_number: user.phone_number"
    assert flow.endpoint == "https://track.us-east-1.amazonaws.com/v1/events"
    assert "constant API" in flow.endpoint_via
    assert (flow.start_line, flow.start_column) == (9, 5)


GATEWAY = """\
from flask import Flask
from fastapi import APIRouter, Depends
import psycopg2
from auth import require_role
app = Flask(__name__)
router = APIRouter()

@app.get("/a")
@require_role("support")
def guarded_decorator(u):
    return u.phone

@app.get("/b")
def unguarded(u):
    return u.phone

@app.route("/c")
def guarded_call(u):
    require_role("support")
    return psycopg2.connect("db")

@app.route("/d")
def checked_too_late(u):
    c = psycopg2.connect("db")
    require_role("support")
    return c

@router.get("/e")
def fastapi_dependency(u, user=Depends(require_role("admin"))):
    return u.phone

@app.get("/f")
def through_helper(u):
    return _load(u)

def _load(u):
    return u["msisdn"]

def not_an_entry_point(u):
    return u.phone
"""


def test_gateway_entry_points_need_their_check_before_the_access() -> None:
    result = analyze_flows(
        cst.parse_module(GATEWAY),
        CATS,
        authorizers=("require_role",),
        in_gateway=True,
        module_name="gateway.api",
    )
    found = {(u.entry_point, u.kind, u.start_line) for u in result.unguarded}
    assert found == {
        ("unguarded", "category", 15),
        ("checked_too_late", "store", 24),
        ("through_helper", "category", 37),
    }


def test_django_views_and_exported_functions_are_entry_points() -> None:
    source = (
        "__all__ = ['exported']\n"
        "def show(request, u):\n    return u.phone\n"
        "def exported(u):\n    return u.phone\n"
        "def _private(request, u):\n    return u.phone\n"
    )
    result = analyze_flows(
        cst.parse_module(source), CATS, authorizers=("authorize",), in_gateway=True,
        module_name="app.views",
    )  # fmt: skip
    assert {(u.entry_point, u.start_line) for u in result.unguarded} == {
        ("show", 3),
        ("exported", 5),
    }


FASTAPI_ANNOTATED = """\
from typing import Annotated
from fastapi import APIRouter, Depends
from app.deps import CurrentUser, get_current_user
router = APIRouter()
AdminUser = Annotated[dict, Depends(get_current_user)]

@router.patch("/me")
def named_alias(body, current_user: CurrentUser):
    return body.email

@router.get("/inline")
def inline(body, user: Annotated[dict, Depends(get_current_user)]):
    return body.email

@router.get("/local")
def local_alias(body, user: AdminUser):
    return body.email

@router.post("/signup")
def open_signup(body, session: Annotated[dict, Depends(get_db)]):
    return body.email
"""


def test_fastapi_annotated_dependencies_guard_the_entry_point() -> None:
    # Field test (fastapi/full-stack-fastapi-template): `current_user: CurrentUser`, the
    # template's form of Depends(get_current_user), was reported as unguarded.
    cats = categories((("email", ("email",)),))
    result = analyze_flows(
        cst.parse_module(FASTAPI_ANNOTATED),
        cats,
        authorizers=("get_current_user", "CurrentUser"),
        in_gateway=True,
        module_name="app.api.routes.users",
    )
    assert {(u.entry_point, u.start_line) for u in result.unguarded} == {("open_signup", 21)}


REQUEST_INPUT = """\
from flask import request as flask_request
import requests
API = "https://track.us-east-1.amazonaws.com/v1"

def ping(request, code):
    remote_addr = request.META["REMOTE_ADDR"]
    headers = request.META
    return remote_addr or headers.get("HTTP_X_FORWARDED_FOR", headers["REMOTE_ADDR"])

def form(request):
    return request.POST.get("phone"), request.headers["X-Phone"], request.data["phone"]

def typed(r, http: HttpRequest):
    return r.json["phone"], http.COOKIES["phone"], http.META.get("REMOTE_ADDR")

def own_user(request):
    return request.user.phone

def stored(request, u):
    x = request.GET["phone"]
    return u.phone

def sent(request):
    requests.post(API, data=request.META["REMOTE_ADDR"])

def aliased_model(request, u):
    data = u
    return data["phone"]
"""


def test_request_input_is_no_protected_read_but_still_a_source() -> None:
    # Field test f17 (healthchecks ping): `request.META["REMOTE_ADDR"]` with an ip category
    # `remote_addr` was reported as an unguarded read of ip data. The caller's own input is not
    # read from a store; it still leaves the service when sent (data-egress).
    cats = categories((("ip_address", ("remote_addr",)), ("phone_number", ("phone",))))
    result = analyze_flows(
        cst.parse_module(REQUEST_INPUT),
        cats,
        authorizers=("login_required",),
        in_gateway=True,
        module_name="hc.api.views",
    )
    assert {(u.entry_point, u.what, u.start_line) for u in result.unguarded} == {
        ("own_user", "phone_number", 17),  # request.user is loaded from the store
        ("stored", "phone_number", 21),
        ("aliased_model", "phone_number", 28),
    }
    assert {(f.category, f.kind, f.start_line) for f in result.flows} == {
        ("ip_address", "endpoint", 24)
    }


def test_django_functions_are_marked_for_the_urlconf_join() -> None:
    source = (
        "@api_view(['GET'])\ndef decorated(request, u):\n    return u.phone\n"
        "def helper(request, channel):\n    return channel.phone\n"
    )
    result = analyze_flows(
        cst.parse_module(source), CATS, authorizers=("authorize",), in_gateway=True,
        module_name="app.views",
    )  # fmt: skip
    assert {(u.entry_point, u.django_function) for u in result.unguarded} == {
        ("decorated", False),
        ("helper", True),
    }
