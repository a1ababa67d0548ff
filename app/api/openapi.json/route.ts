import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { route } from "@/lib/server/http/route";
import { getOpenApiDocument } from "@/lib/server/openapi/document";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document, generated from the zod schemas the routes validate with. */
export const GET = route("GET /api/openapi.json", async () =>
  Response.json(getOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } }),
);

const notAllowed = methodNotAllowed("/api/openapi.json", ["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
