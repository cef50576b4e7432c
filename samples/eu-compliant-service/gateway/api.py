"""The audited API through which the application reaches patient data."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from gateway.records import RecordsClient
from gateway.stores import Stores

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Appointment:
    id: str
    patient_id: str
    clinic_id: str
    starts_at: str


class RecordsGateway:
    def __init__(self) -> None:
        self._stores = Stores()
        self._records = RecordsClient()

    def appointment(self, appointment_id: str) -> Appointment:
        with self._stores.db.cursor() as cur:
            cur.execute(
                "SELECT id, patient_id, clinic_id, starts_at FROM appointments WHERE id = %s",
                (appointment_id,),
            )
            row = cur.fetchone()
        if row is None:
            raise KeyError(appointment_id)
        log.info("appointment read", extra={"appointment_id": appointment_id})
        return Appointment(*row)

    def book(self, patient_id: str, clinic_id: str, starts_at: str) -> str:
        with self._stores.db, self._stores.db.cursor() as cur:
            cur.execute(
                "INSERT INTO appointments (patient_id, clinic_id, starts_at) "
                "VALUES (%s, %s, %s) RETURNING id",
                (patient_id, clinic_id, starts_at),
            )
            appointment_id = str(cur.fetchone()[0])
        self._stores.cache.delete(f"slots:{clinic_id}")
        self._stores.reminders_queue.send_message(
            QueueUrl="https://sqs.eu-west-3.amazonaws.com/123456789012/tilia-reminders",
            MessageBody=json.dumps({"appointment_id": appointment_id}),
        )
        return appointment_id

    def referral(self, patient_id: str, referral_id: str) -> dict:
        return self._records.referral(patient_id, referral_id)

    def store_letter(self, patient_id: str, pdf: bytes) -> str:
        key = f"letters/{patient_id}/latest.pdf"
        self._stores.documents.put_object(Bucket="tilia-letters-fra", Key=key, Body=pdf)
        return key
