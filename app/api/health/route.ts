import { sql } from "drizzle-orm";
import { getDbHandle } from "@/db";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** Liveness and database reachability; a database outage answers 503 through route(). */
export const GET = route("GET /api/health", async () => {
  const { db, driver } = await getDbHandle();
  await db.execute(sql`select 1`);
  return Response.json(
    { status: "ok", database: "ok", driver },
    { headers: { "Cache-Control": "no-store" } },
  );
});

const notAllowed = methodNotAllowed("/api/health", ["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
