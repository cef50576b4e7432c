"""Field test f17 (healthchecks) through the whole scan: the file prefilter must let a
management command and an HTTP-wrapper transport reach the flow analysis, which finds them."""

from __future__ import annotations

from pathlib import Path

from tests.flows.tree import scan_tree

POLICY = """\
[data.categories]
email = ["email"]
phone_number = ["phone"]
"""
FILES = {
    # No print, logging, sys or HTTP client package in the file: only self.stdout.
    "hc/accounts/management/commands/sendnags.py": """\
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    def handle(self, *args, **options):
        for profile in Profile.objects.all():
            self.stdout.write(f"Sent nag to {profile.user.email}")
        self.stdout.write("Done")
""",
    # The transport's own post(): only the URL literal says it is HTTP.
    "hc/integrations/sms/transport.py": """\
from hc.integrations.transport import HttpTransport


class Sms(HttpTransport):
    URL = "https://api.twilio.com/2010-04-01/Accounts/%s/Messages.json"

    def notify(self, flip):
        url = self.URL % settings.TWILIO_ACCOUNT
        data = {"From": settings.TWILIO_FROM, "To": self.channel.phone.value}
        self.post(url, data=data, auth=(settings.TWILIO_ACCOUNT, settings.TWILIO_AUTH))

    def cached(self, seen):
        return seen.get("https://api.twilio.com/" + self.channel.phone.value)
""",
}


def test_command_output_and_wrapper_post_are_egress(tmp_path: Path) -> None:
    scanned = scan_tree(tmp_path, FILES, POLICY)
    findings = scanned["findings"]
    assert isinstance(findings, list)
    egress = {
        (f["location"]["path"].rsplit("/", 1)[-1], f["location"]["start_line"], f["severity"])
        for f in findings
        if f["category"] == "data-egress"
    }
    assert egress == {("sendnags.py", 7, "medium"), ("transport.py", 10, "critical")}
    (sms,) = [f for f in findings if f["category"] == "data-egress" and "Twilio" in str(f)]
    assert "api.twilio.com" in sms["message"]
