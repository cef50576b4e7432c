"""HTTP handlers: every data access goes through the gateway package."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

from app import notifications, settings
from gateway.api import RecordsGateway

app = FastAPI(title="tilia-booking")
records = RecordsGateway()


class BookingRequest(BaseModel):
    patient_id: str
    clinic_id: str
    starts_at: str
    email: str | None = None
    phone: str | None = None


@app.get("/healthz")
def healthz() -> dict:
    return {"status": "ok", "region": settings.AWS_REGION}


@app.post("/v1/appointments", status_code=201)
def book(req: BookingRequest) -> dict:
    appointment_id = records.book(req.patient_id, req.clinic_id, req.starts_at)
    if req.email:
        notifications.confirm_by_email(req.email, req.starts_at)
    if req.phone:
        notifications.confirm_by_sms(req.phone, req.starts_at)
    return {"id": appointment_id, "links": {"self": f"{settings.PUBLIC_BASE_URL}/v1/appointments/{appointment_id}"}}


@app.get("/v1/appointments/{appointment_id}")
def get_appointment(appointment_id: str) -> dict:
    try:
        appt = records.appointment(appointment_id)
    except KeyError:
        raise HTTPException(status_code=404) from None
    return appt.__dict__


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host=settings.LISTEN_HOST, port=settings.LISTEN_PORT)
