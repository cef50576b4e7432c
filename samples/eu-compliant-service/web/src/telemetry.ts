// Product telemetry stays in the EU: collector in Azure West Europe,
// no-show prediction on Vertex AI in Frankfurt.

const COLLECTOR_URL = "https://tilia-telemetry.westeurope.cloudapp.azure.com/v1/events";
const NO_SHOW_MODEL_URL =
  "https://europe-west3-aiplatform.googleapis.com/v1/projects/tilia-ml/locations/europe-west3/endpoints/12:predict";
const STATIC_ASSETS = "https://static.tilia-cdn.fr/booking";

export async function track(event: string, props: Record<string, string>): Promise<void> {
  await fetch(COLLECTOR_URL, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ event, props, ts: Date.now() }),
  });
}

export async function noShowRisk(features: number[]): Promise<number> {
  const res = await fetch(NO_SHOW_MODEL_URL, {
    method: "POST",
    body: JSON.stringify({ instances: [features] }),
  });
  const { predictions } = (await res.json()) as { predictions: number[] };
  return predictions[0];
}

export function assetUrl(path: string): string {
  return `${STATIC_ASSETS}/${path}`;
}
