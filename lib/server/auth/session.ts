import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getAuth } from "@/lib/server/auth/better-auth";

/**
 * The signed-in session for server components and redirects, or null. Wrapped in React's
 * cache(), so a layout and a page rendering in the same request share one session lookup.
 */
export const getSession = cache(async () => {
  const auth = await getAuth();
  return auth.api.getSession({ headers: await headers() });
});
