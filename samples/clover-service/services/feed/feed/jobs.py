"""Nightly batch jobs for the feed: transcoding, checkpoints, legacy reports."""

from __future__ import annotations

import hashlib
import os
import pickle  # auditkit-expect: bandit.B403
import subprocess  # auditkit-expect: bandit.B404

import legacy_db
import psycopg2
import yaml

from feed import settings

REPORTING_DB_PASSWORD = "feedreport-2019!"  # auditkit-expect: bandit.B105


def load_job_config(path: str = settings.CONFIG_FILE) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=yaml.Loader)  # auditkit-expect: bandit.B506


def restore_checkpoint(blob: bytes) -> dict:
    return pickle.loads(blob)  # auditkit-expect: bandit.B301


def transcode(src: str, dst: str, preset: str = "veryfast") -> None:
    subprocess.run(f"ffmpeg -y -i {src} -preset {preset} {dst}", shell=True, check=True)  # auditkit-expect: bandit.B602


def purge_scratch(job_id: str) -> None:
    os.system("rm -rf /var/cache/clover-feed/" + job_id)  # auditkit-expect: bandit.B605


def dedupe_key(payload: bytes) -> str:
    return hashlib.md5(payload).hexdigest()  # auditkit-expect: bandit.B324


def reporting_connection():
    return psycopg2.connect(host="10.0.3.4", dbname="reporting", user="feed_report", password="feedreport-2019!")  # auditkit-expect: gateway.bypass, bandit.B106


def legacy_watch_history(user_id: str) -> list[str]:
    with legacy_db.open("/srv/legacy/watch_history.ldb", readonly=True) as db:  # auditkit-expect: gateway.bypass
        return list(db.get(user_id, default=[]))
