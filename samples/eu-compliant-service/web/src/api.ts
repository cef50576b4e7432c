// Browser-facing BFF client: all patient data comes from the gateway service.

const GATEWAY_BASE = "https://gateway.tilia.internal/v1";

export interface Appointment {
  id: string;
  clinicId: string;
  startsAt: string;
}

export async function appointment(id: string): Promise<Appointment> {
  const res = await fetch(`${GATEWAY_BASE}/appointments/${encodeURIComponent(id)}`, {
    headers: { Accept: "application/json" },
  });
  if (!res.ok) {
    throw new Error(`gateway returned ${res.status}`);
  }
  return (await res.json()) as Appointment;
}

export async function book(body: Omit<Appointment, "id"> & { patientId: string }): Promise<string> {
  const res = await fetch(`${GATEWAY_BASE}/appointments`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const { id } = (await res.json()) as { id: string };
  return id;
}
