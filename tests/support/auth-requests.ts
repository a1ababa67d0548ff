/**
 * Drives Better Auth's real route handler (app/api/auth/[...all]/route.ts) in process with
 * real Request objects, the way a browser would: a cookie jar, a same-origin Origin header on
 * every request, and a client IP in x-forwarded-for (Better Auth's rate limiter keys on it).
 */
import { GET, POST } from "@/app/api/auth/[...all]/route";
import { getEnv } from "@/lib/server/env";

/** The session cookies one browser holds. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Applies a response's Set-Cookie headers (an empty value or Max-Age=0 deletes). */
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  get size(): number {
    return this.cookies.size;
  }
}

export interface AuthRequestOptions {
  body?: unknown;
  jar?: CookieJar;
  /** The Origin header; defaults to the app's own base URL. `null` sends none. */
  origin?: string | null;
  /** Client IP, sent as x-forwarded-for. */
  ip?: string;
  headers?: Record<string, string>;
}

/** Calls /api/auth/<path> through the route handler; the jar (if any) takes the new cookies. */
export async function authRequest(
  method: "GET" | "POST",
  path: string,
  options: AuthRequestOptions = {},
): Promise<Response> {
  const base = getEnv().baseURL;
  const headers = new Headers(options.headers);
  if (options.origin !== null) headers.set("origin", options.origin ?? base);
  headers.set("x-forwarded-for", options.ip ?? "203.0.113.10");
  const cookie = options.jar?.header();
  if (cookie) headers.set("cookie", cookie);
  let body: string | undefined;
  if (options.body !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(options.body);
  }
  const request = new Request(`${base}/api/auth${path}`, { method, headers, body });
  const response = await (method === "GET" ? GET(request) : POST(request));
  options.jar?.store(response);
  return response;
}

export interface SignedUpUser {
  id: string;
  email: string;
  password: string;
  jar: CookieJar;
}

let serial = 0;

/** A fresh unique e-mail address for a test user. */
export function uniqueEmail(label = "user"): string {
  serial += 1;
  return `${label}-${process.pid}-${serial}-${Date.now().toString(36)}@example.com`;
}

/** Signs a new user up (which signs them in) and returns their id, credentials and cookies. */
export async function signUp(
  overrides: { name?: string; email?: string; password?: string } = {},
): Promise<SignedUpUser> {
  const email = overrides.email ?? uniqueEmail();
  const password = overrides.password ?? "correct horse battery";
  const jar = new CookieJar();
  const response = await authRequest("POST", "/sign-up/email", {
    jar,
    body: { name: overrides.name ?? "Test User", email, password },
  });
  if (response.status !== 200) {
    throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  }
  const { user } = (await response.json()) as { user: { id: string } };
  return { id: user.id, email, password, jar };
}

/** Signs in and returns a new jar holding the session cookie. */
export async function signIn(email: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const response = await authRequest("POST", "/sign-in/email", { jar, body: { email, password } });
  if (response.status !== 200) {
    throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  }
  return jar;
}

/** The API JWT for the session in `jar` (GET /api/auth/token), or the failing response. */
export async function fetchToken(
  jar: CookieJar,
): Promise<{ status: number; token: string | undefined }> {
  const response = await authRequest("GET", "/token", { jar });
  if (response.status !== 200) return { status: response.status, token: undefined };
  const { token } = (await response.json()) as { token: string };
  return { status: response.status, token };
}
