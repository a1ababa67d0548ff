import { unsupportedMethods } from "@/lib/server/http/methods";
import { route } from "@/lib/server/http/route";
import { getOpenApiDocument } from "@/lib/server/openapi/document";

/** The OpenAPI 3.1 document, generated from the zod schemas the routes validate with. */
export const GET = route("GET /api/openapi.json", async () =>
  Response.json(getOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } }),
);

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("/api/openapi.json", ["GET"]);
