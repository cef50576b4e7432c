import { Pool } from "pg";
import { createClient } from "redis";
import { PrismaClient } from "@prisma/client";

// Direct store handles used by the web BFF for session and profile reads.
export const pool = new Pool({ // auditkit-expect: gateway.bypass
  host: "10.0.3.4",
  port: 5432,
  database: "web",
  user: "web",
  password: process.env.WEB_DB_PASSWORD,
  max: 20,
});

export const sessions = createClient({ url: process.env.SESSION_REDIS_URL ?? "redis://192.168.1.10:6379/1" }); // auditkit-expect: gateway.bypass

export const prisma = new PrismaClient(); // auditkit-expect: gateway.bypass

export async function profileHandle(userId: string): Promise<string | null> {
  const { rows } = await pool.query("SELECT handle FROM profiles WHERE id = $1", [userId]);
  return rows.length ? rows[0].handle : null;
}

export async function connectAll(): Promise<void> {
  await sessions.connect();
  await prisma.$connect();
}
