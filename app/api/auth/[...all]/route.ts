import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth";

export const dynamic = "force-dynamic";

// Better Auth serves /api/auth/*; the instance is built on the first request, not at import.
export const { GET, POST, PATCH, PUT, DELETE } = toNextJsHandler(async (request: Request) =>
  (await getAuth()).handler(request),
);
