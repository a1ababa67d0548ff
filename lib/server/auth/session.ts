import "server-only";
import { headers } from "next/headers";
import { getAuth } from "@/lib/server/auth/better-auth";

/** The signed-in session for server components and redirects, or null. */
export async function getSession() {
  const auth = await getAuth();
  return auth.api.getSession({ headers: await headers() });
}

export type Session = NonNullable<Awaited<ReturnType<typeof getSession>>>;
