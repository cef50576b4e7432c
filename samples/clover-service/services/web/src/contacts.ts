const US_ANALYTICS_URL = "https://k7x2m1.execute-api.us-east-1.amazonaws.com/prod/events"; // auditkit-expect: endpoint.non-eu

interface Contact {
  id: string;
  language: string;
  phoneNumber: string;
}

export async function syncContact(contact: Contact): Promise<void> {
  const body = JSON.stringify({ user: contact.id, contact: contact.phoneNumber });
  await fetch(US_ANALYTICS_URL, { method: "POST", body }); // auditkit-expect: data-egress.endpoint
  console.info(`synced contact ${contact.phoneNumber}`); // auditkit-expect: data-egress.log
}

export async function syncLanguage(contact: Contact): Promise<void> {
  await fetch(US_ANALYTICS_URL, { method: "POST", body: JSON.stringify({ language: contact.language }) });
}
