"""Mail transports as egress sinks: personal data mailed leaves the service through a relay,
a third-party processor. Real libcst (Python) and real semgrep (JS/TS, Java, Kotlin, Go)."""

from __future__ import annotations

import textwrap

import libcst as cst
import pytest

from auditkit.flows.names import categories
from auditkit.flows.python import analyze_flows
from tests.flows.tree import marked, scan_tree

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
const relay = nodemailer.createTransport(process.env.SMTP_URL);
async function welcome(user) {
  // smtp.x.example: a reserved name, internal (the relay is resolved from createTransport)
  await transporter.sendMail({ to: user.email, subject: "Welcome", text: "hi" });
  await relay.sendMail({ to: user.email, subject: "Welcome", text: "hi" }); // expect: high
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
    "web/relays.mjs": """\
import nodemailer from "nodemailer";
import * as mailer from "nodemailer";
const US = "email-smtp.us-east-1.amazonaws.com";
const byHost = nodemailer.createTransport({ host: US, port: 587 });
const byUrl = mailer.createTransport("smtps://user:s3cret@smtp.mailgun.org:465");
const config = { service: "SES-EU-WEST-1", auth: { user: "u", pass: "p" } };
const inEu = nodemailer.createTransport(config);
const gmail = nodemailer.createTransport({ service: "gmail" });
export async function send(user) {
  await byHost.sendMail({ to: user.email }); // expect: critical
  await byUrl.sendMail({ to: user.email }); // expect: critical
  await inEu.sendMail({ to: user.email });
  await gmail.sendMail({ to: user.email }); // expect: high
}
""",
    "web/unrelated.js": """\
const transport = new WebSocketTransport("wss://push.x.us");
const mailer = new Renderer();
function push(user) {
  transport.send(user.phone);
  mailer.sendMail(user.email);
}
""",
    "web/mailgun.js": """\
const formData = require("form-data");
const Mailgun = require("mailgun.js");
const mailgun = new Mailgun(formData);
const mg = mailgun.client({ username: "api", key: process.env.KEY });
const mgEu = mailgun.client({ username: "api", key: "k", url: "https://api.eu.mailgun.net" });
async function welcome(user) {
  await mg.messages.create("x.eu", { to: [user.email], text: "hi" }); // expect: critical
  await mgEu.messages.create("x.eu", { to: [user.email], text: "hi" });
  await mg.messages.create("x.eu", { to: ["ops@x.eu"], text: user.plan });
  await anthropic.messages.create({ messages: [user.email] });
}
""",
    "web/mailgun-legacy.ts": """\
import mailgunJs from "mailgun-js";
const mg = mailgunJs({ apiKey: "k", domain: "x.eu" });
const eu = require("mailgun-js")({ apiKey: "k", domain: "x.eu", host: "api.eu.mailgun.net" });
export function welcome(user: any) {
  mg.messages().send({ to: user.email, text: "hi" }); // expect: critical
  eu.messages().send({ to: user.email, text: "hi" });
}
""",
    "web/mailgun-env.js": """\
const mailgun = require("mailgun-js");
const eu = mailgun({ apiKey: "k", host: "api.eu.mailgun.net" });
const fromEnv = mailgun({ apiKey: "k", host: process.env.MG_HOST });
function f(user) {
  eu.messages().send({ to: user.email });
  fromEnv.messages().send({ to: user.email }); // expect: high
}
""",
    "web/service.ts": """\
import * as nodemailer from "nodemailer";
export class MailService {
  private transporter: any;
  constructor() {
    this.transporter = nodemailer.createTransport({ host: "email-smtp.us-east-1.amazonaws.com" });
  }
  async welcome(user: any) {
    await this.transporter.sendMail({ to: user.email }); // expect: critical
  }
}
""",
    "svc/Typed.java": """\
package x;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import org.springframework.mail.javamail.JavaMailSender;

@RequiredArgsConstructor
class Typed {
    private final JavaMailSender sender;
    private final WebSocketTransport transport;

    void welcome(User u) {
        SimpleMailMessage msg = new SimpleMailMessage();
        msg.setTo(u.getEmail());
        sender.send(msg); // expect: high
        transport.send(u.getEmail());
    }

    void jakarta(User u, Session session) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "email-smtp.us-east-1.amazonaws.com");
        MimeMessage msg = new MimeMessage(session);
        msg.setRecipients(Message.RecipientType.TO, u.getEmail());
        Transport.send(msg); // expect: critical
    }
}
""",
    "svc/Typed.kt": """\
package x

import org.springframework.mail.javamail.JavaMailSender

class Typed(private val sender: JavaMailSender, private val transport: WebSocketTransport) {
    fun welcome(u: User) {
        val msg = SimpleMailMessage()
        msg.setTo(u.email)
        sender.send(msg) // expect: high
        transport.send(u.email)
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
_EXPECT = r"expect: (\w+)"


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    found = scan_tree(tmp_path_factory.mktemp("mail"), FILES, POLICY)["findings"]
    assert isinstance(found, list)
    return [f for f in found if f["category"] == "data-egress"]


def test_mail_sinks_in_every_language_exact_lines_and_severity(
    findings: list[dict[str, object]],
) -> None:
    expected = marked(FILES, _EXPECT)
    got = set()
    for f in findings:
        location = f["location"]
        assert isinstance(location, dict)
        assert f["rule_id"] == "data-egress.endpoint"
        got.add((location["path"], location["start_line"], f["severity"]))
    assert got == expected


def _evidence(findings: list[dict[str, object]], path: str, line: int) -> dict[str, object]:
    (found,) = [
        f
        for f in findings
        if isinstance(f["location"], dict)
        and (f["location"]["path"], f["location"]["start_line"]) == (path, line)
    ]
    evidence = found["evidence"]
    assert isinstance(evidence, dict)
    return {**evidence, "message": found["message"]}


def test_nodemailer_relay_is_resolved_from_create_transport(
    findings: list[dict[str, object]],
) -> None:
    by_host = _evidence(findings, "web/relays.mjs", 10)
    assert by_host["host"] == "email-smtp.us-east-1.amazonaws.com"
    assert by_host["jurisdiction"] == "US"
    assert by_host["resolved_via"] == "host option of createTransport (line 4)"
    by_url = _evidence(findings, "web/relays.mjs", 11)
    # Mailgun's US relay (vendor table): the phone numbers go to the US, critical
    assert "smtp.mailgun.org" in str(by_url["message"]) and by_url["jurisdiction"] == "US"
    assert by_url["vendor"] == "Mailgun"
    assert by_url["resolved_via"] == "nodemailer transport URL (line 5)"
    assert "s3cret" not in str(by_url)  # the URL's credentials stay out of the evidence
    gmail = _evidence(findings, "web/relays.mjs", 13)
    assert "smtp.gmail.com" in str(gmail["message"])
    assert gmail["resolved_via"] == "nodemailer well-known service 'gmail' (line 8)"
    unresolved = _evidence(findings, "web/mail.js", 7)
    assert "cannot be resolved in this file" in str(unresolved["message"])


def test_mailgun_js_region(findings: list[dict[str, object]]) -> None:
    for path, line in (("web/mailgun.js", 7), ("web/mailgun-legacy.ts", 5)):
        evidence = _evidence(findings, path, line)
        assert evidence["vendor"] == "Mailgun"
        assert evidence["host"] == "api.mailgun.net"
        assert evidence["jurisdiction"] == "US"
        assert evidence["resolved_via"] == "default host of the Mailgun SDK"


def test_jakarta_session_host_is_the_relay(findings: list[dict[str, object]]) -> None:
    evidence = _evidence(findings, "svc/Typed.java", 24)
    assert evidence["host"] == "email-smtp.us-east-1.amazonaws.com"
    assert evidence["resolved_via"] == "mail host set in this file (line 21)"
