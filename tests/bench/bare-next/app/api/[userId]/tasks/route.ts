import { createListWork } from "../../../../list-work";

/**
 * Bare Next's list route: a Next 16 route handler doing exactly the work of Doable's
 * `GET /api/{userId}/tasks` (list-work.ts) and nothing more, so that `npm run bench` can tell
 * Next's own request path from Doable's code.
 */
export const dynamic = "force-dynamic";

let work: ReturnType<typeof createListWork> | undefined;

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

export async function GET(request: Request, context: { params: Promise<{ userId: string }> }) {
  work ??= createListWork({
    databaseUrl: env("DATABASE_URL"),
    poolMax: Number(process.env.DB_POOL_MAX ?? 10),
    jwksUrl: env("JWKS_URL"),
    issuer: env("JWT_ISSUER"),
  });
  const { userId } = await context.params;
  const { status, body } = await (await work)(request.headers.get("authorization"), userId);
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
