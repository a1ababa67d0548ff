import { timingSafeEqual } from "node:crypto";
import { getDb } from "@/db";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/errors";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { route } from "@/lib/server/http/route";
import { runScheduledWork } from "@/lib/server/scheduled-work";

/** True when `given` is exactly the secret, compared in constant time. */
function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Vercel Cron's trigger of reminder dispatch and the trash purge (vercel.json: every minute). Vercel sends
 * `Authorization: Bearer <CRON_SECRET>`; anything else is refused, and without CRON_SECRET the
 * route is off.
 */
export const GET = route("GET /api/cron/reminders", async (request) => {
  const secret = getEnv().CRON_SECRET;
  if (!secret) {
    throw new ApiError("unavailable", "CRON_SECRET is not set: the cron route is off.");
  }
  const given = /^Bearer (.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!sameSecret(given, secret)) {
    throw new ApiError("unauthorized", "This route is for the scheduler only.");
  }
  const report = await runScheduledWork(await getDb());
  return Response.json(report, { headers: { "Cache-Control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("/api/cron/reminders", ["GET"]);
