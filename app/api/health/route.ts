import { getDbHandle } from "@/db";
import { ping } from "@/db/queries/health";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { route } from "@/lib/server/http/route";

/** Liveness and database reachability; a database outage answers 503 through route(). */
export const GET = route("GET /api/health", async () => {
  const { db, driver } = await getDbHandle();
  await ping(db);
  return Response.json(
    { status: "ok", database: "ok", driver },
    { headers: { "Cache-Control": "no-store" } },
  );
});

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("/api/health", ["GET"]);
