// Third-party integrations of the web tier.

const SEGMENT_BATCH_URL = "https://api.segment.io/v1/batch"; // auditkit-expect: endpoint.non-eu
const SLACK_ALERTS_WEBHOOK = "https://hooks.slack.com/services/T0CLOVER/B0WEB/placeholder"; // auditkit-expect: endpoint.unverified
const PARTNER_SYNC_URL = "https://open.clover-partner.com.cn/api/v1/sync"; // auditkit-expect: endpoint.non-eu
const DOH_RESOLVER = "https://1.1.1.1/dns-query"; // auditkit-expect: endpoint.non-eu
const LOCALES_URL = "https://i18n.clover-static.fr/bundles";

export async function trackBatch(events: object[]): Promise<void> {
  await fetch(SEGMENT_BATCH_URL, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ batch: events }),
  });
}

export async function alert(text: string): Promise<void> {
  await fetch(SLACK_ALERTS_WEBHOOK, { method: "POST", body: JSON.stringify({ text }) });
}

export async function syncPartner(payload: object): Promise<Response> {
  return fetch(PARTNER_SYNC_URL, { method: "POST", body: JSON.stringify(payload) });
}

export async function resolve(name: string): Promise<unknown> {
  const res = await fetch(`${DOH_RESOLVER}?name=${encodeURIComponent(name)}&type=A`, {
    headers: { Accept: "application/dns-json" },
  });
  return res.json();
}

export async function localeBundle(locale: string): Promise<unknown> {
  const res = await fetch(`${LOCALES_URL}/${locale}.json`);
  return res.json();
}
