"""Mail transports as egress sinks: personal data mailed leaves the service through a relay,
a third-party processor. Real libcst (Python) and real semgrep (JS/TS, Java, Kotlin, Go)."""

from __future__ import annotations

import re
import textwrap

import libcst as cst
import pytest

from auditkit.flows.names import categories
from auditkit.flows.python import analyze_flows
from tests.flows.tree import scan_tree

CATS = categories((("email", ("email", "email_address")), ("phone_number", ("phone",))))
HEAD = """\
import smtplib, emails, sendgrid
from django.core.mail import send_mail, EmailMessage
from sendgrid.helpers.mail import Mail
from postmarker.core import PostmarkClient
"""


def _flows(body: str) -> set[tuple[str, str, int, str]]:
    source = HEAD + textwrap.dedent(body)
    result = analyze_flows(cst.parse_module(source), CATS)
    return {(f.category, f.kind, f.start_line, f.sink) for f in result.flows}


# Each case: the body after HEAD (line 5 on), and the flows expected (category, line, sink).
POSITIVE = {
    "smtplib sendmail": (
        "def f(u):\n    with smtplib.SMTP('smtp.example.us', 587) as s:\n"
        "        s.sendmail('noreply@x.eu', [u.email], 'hi')\n",
        {("email", 7, "smtplib.SMTP.sendmail")},
    ),
    "smtplib send_message": (
        "def f(u, msg):\n    msg['To'] = u.email_address\n    s = smtplib.SMTP_SSL('mx.x.us')\n"
        "    s.send_message(msg)\n",
        {("email", 8, "smtplib.SMTP_SSL.send_message")},
    ),
    "emails message carries its body": (
        "def f(u):\n    m = emails.Message(html=f'call {u.phone}', subject='Hi')\n"
        "    m.send(to='support@x.eu')\n",
        {("phone_number", 7, "emails.Message.send")},
    ),
    "django send_mail": (
        "def f(u):\n    send_mail('Welcome.', 'body', 'noreply@x.eu', [u.email])\n",
        {("email", 6, "django.core.mail.send_mail")},
    ),
    "django EmailMessage": (
        "def f(u):\n    EmailMessage('Hi.', 'body', to=[u.email]).send()\n",
        {("email", 6, "django.core.mail.EmailMessage.send")},
    ),
    "sendgrid": (
        "def f(u):\n    sg = sendgrid.SendGridAPIClient(api_key='k')\n"
        "    sg.send(Mail(to_emails=u.email))\n",
        {("email", 7, "sendgrid.SendGridAPIClient.send")},
    ),
    "postmark": (
        "def f(u):\n    pm = PostmarkClient(server_token='t')\n"
        "    pm.emails.send(To=u.email, Subject='x')\n",
        {("email", 7, "postmarker.core.PostmarkClient.send")},
    ),
}
NEGATIVE = {
    "smtplib, non-personal field": (
        "def f(u):\n    with smtplib.SMTP('smtp.example.us') as s:\n"
        "        s.sendmail('noreply@x.eu', ['ops@x.eu'], u.status)\n"
    ),
    "django, not personal": "def f(u):\n    send_mail('R', u.summary, 'a@x.eu', ['o@x.eu'])\n",
    "message built, never sent": "def f(u):\n    m = emails.Message(html=u.phone)\n    return m\n",
    "hashed": "def f(u):\n    send_mail('x', hash_email(u.email), 'a@x.eu', ['ops@x.eu'])\n",
    "smtp login": "def f(u):\n    s = smtplib.SMTP('mx.x.us')\n    s.login(u.email, '')\n",
}


@pytest.mark.parametrize("case", sorted(POSITIVE))
def test_mail_sink_is_found(case: str) -> None:
    body, expected = POSITIVE[case]
    assert _flows(body) == {(c, "endpoint", line, sink) for c, line, sink in expected}


@pytest.mark.parametrize("case", sorted(NEGATIVE))
def test_no_mail_flow(case: str) -> None:
    assert _flows(NEGATIVE[case]) == set()


POLICY = """\
[jurisdiction]
allowed = ["EU"]
[data.categories]
email = ["email", "email_address"]
phone_number = ["phone"]
"""
FILES = {
    "svc/mail.py": """\
import smtplib
from django.core.mail import send_mail

def relay_in_us(u):
    with smtplib.SMTP("smtp.us-east-1.amazonaws.com", 587) as s:
        s.sendmail("noreply@x.eu", [u.email], "hi")  # expect: critical

def relay_unknown(u):
    send_mail("Welcome", "body", "noreply@x.eu", [u.email])  # expect: high

def not_personal(u):
    send_mail("Report", u.summary, "noreply@x.eu", ["ops@x.eu"])
""",
    "web/mail.js": """\
const nodemailer = require("nodemailer");
const transporter = nodemailer.createTransport({ host: "smtp.x.example" });
async function welcome(user) {
  await transporter.sendMail({ to: user.email, subject: "Welcome", text: "hi" }); // expect: high
  await transporter.sendMail({ to: "ops@x.eu", subject: "Signup", text: user.plan });
}
""",
    "web/mail.ts": """\
export async function notify(user: any, mailer: any) {
  const body = `Call ${user.phone}`;
  await mailer.sendMail({ to: "support@x.eu", subject: "Callback", text: body }); // expect: high
  await sgMail.send({ to: user.email, from: "a@x.eu" }); // expect: critical
}
""",
    "svc/Mail.java": """\
package x;

class Mail {
    void send(User u) {
        SimpleMailMessage msg = new SimpleMailMessage();
        msg.setTo(u.getEmail());
        msg.setSubject("Welcome");
        mailSender.send(msg); // expect: high
        SimpleMailMessage report = new SimpleMailMessage();
        report.setTo("ops@x.eu");
        report.setText(u.getPlan());
        mailSender.send(report);
    }
}
""",
    "svc/Mail.kt": """\
package x

fun send(u: User) {
    val msg = SimpleMailMessage()
    msg.setTo(u.email)
    mailSender.send(msg) // expect: high
}
""",
    "svc/mail.go": """\
package main

const relay = "smtp.us-east-1.amazonaws.com:587"

func send(u User) {
	to := []string{u.Email}
	smtp.SendMail(relay, nil, "a@x.eu", to, nil) // expect: critical
	smtp.SendMail(relay, nil, "a@x.eu", []string{"ops@x.eu"}, []byte(u.Plan))
}
""",
}
_EXPECT = re.compile(r"expect: (\w+)")


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    found = scan_tree(tmp_path_factory.mktemp("mail"), FILES, POLICY)["findings"]
    assert isinstance(found, list)
    return [f for f in found if f["category"] == "data-egress"]


def test_mail_sinks_in_every_language_exact_lines_and_severity(
    findings: list[dict[str, object]],
) -> None:
    expected = {
        (rel, n, m.group(1))
        for rel, text in FILES.items()
        for n, line in enumerate(text.splitlines(), start=1)
        if (m := _EXPECT.search(line))
    }
    got = set()
    for f in findings:
        location = f["location"]
        assert isinstance(location, dict)
        assert f["rule_id"] == "data-egress.endpoint"
        got.add((location["path"], location["start_line"], f["severity"]))
    assert got == expected
