import { getDbHandle } from "@/db";
import { ping } from "@/db/queries/health";
import { getEnv } from "@/lib/server/env";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { route } from "@/lib/server/http/route";

/**
 * Liveness and database reachability (a database outage answers 503 through route()), and how
 * reset mail leaves: "smtp", "log" (development) or "disabled" (production without SMTP_URL).
 */
export const GET = route("GET /api/health", async () => {
  const { db, driver } = await getDbHandle();
  await ping(db);
  return Response.json(
    { status: "ok", database: "ok", driver, mail: getEnv().mail },
    { headers: { "Cache-Control": "no-store" } },
  );
});

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("/api/health", ["GET"]);
