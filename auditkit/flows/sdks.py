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
# Semgrep languages: mail transports (nodemailer `transporter.sendMail`, Spring's
# `JavaMailSender.send`, Jakarta `Transport.send`), matched by receiver name and method. Go's
# `smtp.SendMail` is a package function (a pattern of its own in the rules). Their relay host
# is rarely in the same file; when a host literal is in the call it is classified, otherwise
# the finding is high, as for any unverified endpoint.
SEMGREP_MAILERS: tuple[tuple[str, str], ...] = (
    (r"(?i)^(\w*(transport|transporter|mailer|mailsender|smtp)\w*)$", r"^(sendMail|send)$"),
    (r"(?i)^(mail|emailservice|mailservice|emailsender)$", r"^(send|sendMail|sendEmail)$"),
)
