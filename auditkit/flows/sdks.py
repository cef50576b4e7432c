"""SaaS SDKs that send data to their vendor, and the messaging clients that send it on.

The default host and its jurisdiction are the vendor's documented default data region (an
SDK call names no URL, so the host it talks to comes from here). When the classifier knows the
host, its verdict wins; otherwise the default jurisdiction stands, with basis ``sdk-default``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Sdk:
    vendor: str
    host: str
    jurisdiction: str  # ISO alpha-2 of the default data region
    methods: frozenset[str]


_SEGMENT = Sdk(
    "Segment",
    "api.segment.io",
    "US",
    frozenset({"track", "identify", "page", "screen", "group", "alias"}),
)
_MIXPANEL = Sdk(
    "Mixpanel",
    "api.mixpanel.com",
    "US",
    frozenset({"track", "people_set", "people_set_once", "people_append", "people_union"}),
)
_POSTHOG = Sdk(
    "PostHog",
    "us.i.posthog.com",
    "US",
    frozenset({"capture", "identify", "set", "set_once", "alias", "group_identify"}),
)
_SENTRY = Sdk(
    "Sentry",
    "sentry.io",
    "US",
    frozenset(
        {
            "capture_message",
            "capture_exception",
            "capture_event",
            "set_user",
            "set_context",
            "set_extra",
            "set_tag",
            "add_breadcrumb",
        }
    ),
)
_AMPLITUDE = Sdk("Amplitude", "api2.amplitude.com", "US", frozenset({"track", "identify"}))
_ROLLBAR = Sdk("Rollbar", "api.rollbar.com", "US", frozenset({"report_message", "report_exc_info"}))
_BUGSNAG = Sdk("Bugsnag", "notify.bugsnag.com", "US", frozenset({"notify"}))
# Mail APIs: the vendor relays the message, so it receives every address and body it carries.
_SENDGRID = Sdk("SendGrid", "api.sendgrid.com", "US", frozenset({"send"}))
_POSTMARK = Sdk(
    "Postmark",
    "api.postmarkapp.com",
    "US",
    frozenset({"send", "send_batch", "send_with_template", "send_template_batch"}),
)

# Python: module-level SDK functions (qualified module -> SDK) ...
PYTHON_MODULES: dict[str, Sdk] = {
    "analytics": _SEGMENT,
    "segment.analytics": _SEGMENT,
    "posthog": _POSTHOG,
    "sentry_sdk": _SENTRY,
    "rollbar": _ROLLBAR,
    "bugsnag": _BUGSNAG,
}
# ... and client classes whose instances send (qualified constructor -> SDK).
PYTHON_CLIENTS: dict[str, Sdk] = {
    "mixpanel.Mixpanel": _MIXPANEL,
    "posthog.Posthog": _POSTHOG,
    "amplitude.Amplitude": _AMPLITUDE,
    "segment.analytics.Client": _SEGMENT,
    "analytics.Client": _SEGMENT,
    "sendgrid.SendGridAPIClient": _SENDGRID,
    "sendgrid.SendGridAPI": _SENDGRID,
    "postmarker.core.PostmarkClient": _POSTMARK,
}
# Client attributes that are themselves the sending object: `postmark.emails.send(...)`.
PYTHON_CLIENT_NAMESPACES = frozenset({"emails"})

# Mail transports. A mail relay is a third-party processor like any other endpoint: when its
# host is written in the file (``smtplib.SMTP("smtp.eu.example")``) the classifier places it
# and the finding follows that verdict (none for an EU or internal relay); when it is not (the
# Django ``EMAIL_HOST`` setting, ``emails``' default transport) it is an unverified endpoint,
# reported as high. Vendor mail APIs (SendGrid, Postmark) are SDK clients above and take the
# vendor's default region unless the classifier knows the host.
# Functions that send at once (qualified name).
PYTHON_MAIL_FUNCTIONS = frozenset(
    {
        "django.core.mail.send_mail",
        "django.core.mail.send_mass_mail",
        "django.core.mail.mail_admins",
        "django.core.mail.mail_managers",
    }
)
# Constructors of objects whose methods send; the message's own content (a message object
# built from personal data) leaves with it, not only the call's arguments.
PYTHON_MAILERS: dict[str, frozenset[str]] = {
    "smtplib.SMTP": frozenset({"sendmail", "send_message"}),
    "smtplib.SMTP_SSL": frozenset({"sendmail", "send_message"}),
    "smtplib.LMTP": frozenset({"sendmail", "send_message"}),
    "emails.Message": frozenset({"send"}),
    "emails.html": frozenset({"send"}),
    "django.core.mail.EmailMessage": frozenset({"send"}),
    "django.core.mail.EmailMultiAlternatives": frozenset({"send"}),
    "django.core.mail.get_connection": frozenset({"send_messages"}),
}

# Message producers: constructor -> the methods that send a message.
PYTHON_PRODUCERS: dict[str, frozenset[str]] = {
    "kafka.KafkaProducer": frozenset({"send"}),
    "confluent_kafka.Producer": frozenset({"produce"}),
    "aiokafka.AIOKafkaProducer": frozenset({"send", "send_and_wait"}),
    "google.cloud.pubsub_v1.PublisherClient": frozenset({"publish"}),
    "google.cloud.pubsub.PublisherClient": frozenset({"publish"}),
}
# AWS services that carry messages rather than store them.
AWS_MESSAGING = frozenset({"sqs", "sns", "kinesis", "firehose", "events", "eventbridge"})

# Semgrep languages: SDK call shapes, receiver-name regex and method regex, per SDK. Receivers
# are matched by name (semgrep sees no types across files): `analytics.track(...)`,
# `mixpanel.track(...)`, `Sentry.captureException(...)`.
SEMGREP_SDKS: tuple[tuple[Sdk, str, str], ...] = (
    (_SEGMENT, r"(?i)^(analytics|segment\w*)$", r"^(track|identify|page|screen|group|alias)$"),
    (_MIXPANEL, r"(?i)^(mixpanel|mp)\w*$", r"^(track|people\w*)$"),
    (_POSTHOG, r"(?i)^posthog\w*$", r"^(capture|identify|alias|groupIdentify)$"),
    (
        _SENTRY,
        r"^(Sentry|sentry|raven)$",
        r"^(captureMessage|captureException|captureEvent|setUser|setContext|setExtra|"
        r"addBreadcrumb|CaptureMessage|CaptureException|CaptureEvent)$",
    ),
    (_AMPLITUDE, r"(?i)^amplitude\w*$", r"^(track|logEvent|identify)$"),
    (_BUGSNAG, r"(?i)^bugsnag\w*$", r"^(notify|Notify)$"),
    (_SENDGRID, r"(?i)^(sg|sgmail|sendgrid\w*)$", r"^(send|sendMultiple|Send)$"),
    (_POSTMARK, r"(?i)^postmark\w*$", r"^(sendEmail|sendEmailBatch|sendEmailWithTemplate)$"),
)
# Semgrep languages: mail transports. Their relay host is rarely in the same file; when it is
# (a nodemailer transport's options, a Jakarta session's ``mail.smtp.host``, a host literal in
# the call) it is classified (auditkit.flows.relays), otherwise the finding is high, as for any
# unverified endpoint. Go's `smtp.SendMail` is a package function (a pattern of its own).
#
# Java and Kotlin: by the receiver's declared type wherever semgrep can see it (a field,
# including Lombok's final fields and constructor-injected ones, a parameter or a local; semgrep
# resolves the type through the file's imports, so a same-named class of another package does
# not match): type -> the methods that send. Static sends are listed apart.
JVM_MAIL_TYPES: dict[str, str] = {
    "org.springframework.mail.javamail.JavaMailSender": "send",
    "org.springframework.mail.MailSender": "send",
    "jakarta.mail.Transport": "sendMessage",  # session.getTransport("smtp")
    "javax.mail.Transport": "sendMessage",
}
JVM_MAIL_STATIC = ("jakarta.mail.Transport.send", "javax.mail.Transport.send")
# JavaScript: nodemailer by origin, a transport made by `nodemailer.createTransport(...)` in the
# file (require or import, any local name); its sending method.
NODEMAILER_FACTORY = "nodemailer.createTransport"
NODEMAILER_METHOD = "sendMail"
# Name-based fallback, only where the type or origin cannot be seen: a Java/Kotlin receiver
# declared nowhere in the file (an inherited field), a JavaScript transport made in another
# module (`this.transporter`, an imported `mailer`). (receiver regex, method regex) per family.
# `transport.send(x)` on an object of a visible other type is no mail sink.
JVM_MAILERS = (r"(?i)^(\w*(transport|mailer|mailsender|smtp)\w*|mail|emailsender)$", r"^(send)$")
JS_MAILERS = (r"(?i)^((this\.)?\w*(transport|transporter|mailer|smtp)\w*)$", r"^(sendMail)$")
SEMGREP_MAILERS: tuple[tuple[str, str], ...] = (JVM_MAILERS, JS_MAILERS)

# nodemailer's well-known services (`createTransport({service: "SendGrid"})`): the relay host
# each preset names, keyed as nodemailer looks them up (case-insensitive, aliases included).
# Restated from nodemailer's lib/well-known/services.json,
# https://github.com/nodemailer/nodemailer/blob/master/lib/well-known/services.json,
# retrieved 2026-12-04; a subset (the commercial relays and large mailbox providers).
NODEMAILER_SERVICES: dict[str, str] = {
    "gmail": "smtp.gmail.com",
    "googlemail": "smtp.gmail.com",
    "hotmail": "smtp-mail.outlook.com",
    "outlook": "smtp-mail.outlook.com",
    "outlook.com": "smtp-mail.outlook.com",
    "outlook365": "smtp.office365.com",
    "yahoo": "smtp.mail.yahoo.com",
    "icloud": "smtp.mail.me.com",
    "zoho": "smtp.zoho.com",
    "sendgrid": "smtp.sendgrid.net",
    "mailgun": "smtp.mailgun.org",
    "mailjet": "in.mailjet.com",
    "mandrill": "smtp.mandrillapp.com",
    "postmark": "smtp.postmarkapp.com",
    "postmarkapp": "smtp.postmarkapp.com",
    "sendinblue": "smtp-relay.brevo.com",
    "brevo": "smtp-relay.brevo.com",
    "sparkpost": "smtp.sparkpostmail.com",
    "mailersend": "smtp.mailersend.net",
    "resend": "smtp.resend.com",
    "gmx": "mail.gmx.com",
    "qq": "smtp.qq.com",
    "aliyun": "smtp.aliyun.com",
    "ses": "email-smtp.us-east-1.amazonaws.com",
    "ses-us-east-1": "email-smtp.us-east-1.amazonaws.com",
    "ses-us-west-2": "email-smtp.us-west-2.amazonaws.com",
    "ses-eu-west-1": "email-smtp.eu-west-1.amazonaws.com",
    "ses-eu-central-1": "email-smtp.eu-central-1.amazonaws.com",
}

# Mailgun's JavaScript SDKs, whose client sends to the account's region: the US unless the
# client is given the EU base URL. mailgun.js: `new Mailgun(formData).client({username, key,
# url})`, then `mg.messages.create(domain, data)`; `url` defaults to https://api.mailgun.net
# (lib/Classes/MailgunClient.ts and lib/Classes/Messages.ts,
# https://github.com/mailgun/mailgun.js). mailgun-js (no longer maintained):
# `require("mailgun-js")({apiKey, domain, host})`, then `mg.messages().send(data)`; `host`
# defaults to api.mailgun.net (lib/mailgun.js, https://github.com/bojand/mailgun-js). EU
# domains use https://api.eu.mailgun.net/ (https://documentation.mailgun.com/docs/mailgun/
# api-reference). Retrieved 2026-12-04.
_MAILGUN = Sdk("Mailgun", "api.mailgun.net", "US", frozenset({"create", "send"}))


@dataclass(frozen=True, slots=True)
class JsClient:
    """A JavaScript SDK client whose sending call has a shape of its own."""

    sdk: Sdk
    package: str  # the npm package; a file that imports it makes the call this SDK's
    call: str  # semgrep pattern of the sending call on the client $C
    callee: str  # regex matching the start of the call text; group "client"
    option: str  # the client option that names the endpoint (a URL or a host)
    made: tuple[str, ...]  # semgrep patterns that make the client $C (with the package's $P)
    factory: str  # regex of the name of the call that makes it (relays reads it back)
    # Client names for the call in files that do not import the package (the client is made
    # in another module): `mg`, `mailgun`, `mailgunClient`.
    receiver: str = r"(?i)^(mg|mailgun\w*|\w*mailgun)$"


SEMGREP_JS_CLIENTS: tuple[JsClient, ...] = (
    JsClient(
        _MAILGUN,
        "mailgun.js",
        "$C.messages.create(...)",
        r"^(?P<client>[\w$.]+)\s*\.\s*messages\s*\.\s*create\s*\(",
        "url",
        ("$C = $M.client(...)",),
        r"client",
    ),
    JsClient(
        _MAILGUN,
        "mailgun-js",
        "$C.messages().send(...)",
        r"^(?P<client>[\w$.]+)\s*\.\s*messages\s*\(\s*\)\s*\.\s*send\s*\(",
        "host",
        ("$C = $P(...)", "$C = new $P(...)", "$C = require('mailgun-js')(...)"),
        r"[\w$]+|require\s*\(\s*[\"']mailgun-js[\"']\s*\)",
    ),
)
