import express from "express";

import { connectAll, profileHandle } from "./db.js";
import { alert, trackBatch } from "./integrations.js";
import { uploadAvatar } from "./uploads.js";
import { verifiedBadge } from "./badge.js";

const app = express();
app.use(express.json({ limit: "2mb" }));

app.get("/healthz", (_req, res) => {
  res.status(204).end();
});

app.get("/api/users/:id", async (req, res) => {
  const handle = await profileHandle(req.params.id);
  // Private fields come straight from the user-data service (phone, private videos).
  const upstream = await fetch(`http://user-data.svc.cluster.local/v1/users/${req.params.id}/profile`); // auditkit-expect: gateway.protected-host
  const details = await upstream.json();
  await trackBatch([{ type: "track", event: "profile_viewed", userId: req.params.id }]);
  res.json({ handle, ...details, badge: verifiedBadge() });
});

app.post("/api/users/:id/avatar", express.raw({ type: "image/*", limit: "8mb" }), async (req, res) => {
  const url = await uploadAvatar(req.params.id, req.body, req.header("content-type") ?? "image/jpeg");
  res.status(201).json({ url });
});

const port = Number(process.env.PORT ?? 8080);
connectAll()
  .then(() => app.listen(port, "127.0.0.1", () => console.log(`web listening on ${port}`)))
  .catch(async (err) => {
    await alert(`web failed to start: ${err}`);
    process.exit(1);
  });
