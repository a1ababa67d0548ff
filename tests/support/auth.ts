/**
 * Real users with real tokens for API tests: signed up through Better Auth's route handler,
 * then a JWT from GET /api/auth/token with the session cookie, exactly as the browser does.
 */
import { type DbHandle, useDatabase } from "@/db";
import { resetAuth } from "@/lib/server/auth/better-auth";
import { resetTokenVerifier } from "@/lib/server/auth/verify-token";
import { getEnv, resetEnvCache } from "@/lib/server/env";
import { type CookieJar, fetchToken, signUp, uniqueEmail } from "./auth-requests";

export const TEST_AUTH_SECRET = "test-secret-for-doable-api-tests-0123456789";

/**
 * Sets this test file's environment (base URL, secret, data folder, a cheap bcrypt cost) and
 * forgets everything derived from the previous one. Call at the top of a test file.
 */
export function setTestAuthEnv(options: { baseURL: string; dataDir: string }): void {
  const vars: Record<string, string | undefined> = {
    BETTER_AUTH_URL: options.baseURL,
    BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
    DATA_DIR: options.dataDir,
    BCRYPT_COST: "4",
    AUTH_RATE_LIMIT: undefined,
  };
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
  resetAuth();
  resetTokenVerifier();
}

/** Points route handlers, Better Auth and the token verifier at `handle`. */
export function attachTestDatabase(handle: DbHandle): void {
  // biome-ignore lint/correctness/useHookAtTopLevel: useDatabase is not a React hook
  useDatabase(handle);
  resetAuth();
  resetTokenVerifier();
}

export interface TestUser {
  userId: string;
  email: string;
  password: string;
  /** A fresh API JWT for `Authorization: Bearer`. */
  token: string;
  /** The session cookie header, as a browser would send it. */
  cookie: string;
  jar: CookieJar;
}

/** Signs a new user up through the real auth handler and fetches their API token. */
export async function createTestUser(email: string = uniqueEmail("api")): Promise<TestUser> {
  const user = await signUp({ email });
  const { status, token } = await fetchToken(user.jar);
  if (!token) throw new Error(`GET /api/auth/token answered ${status}`);
  return {
    userId: user.id,
    email: user.email,
    password: user.password,
    token,
    cookie: user.jar.header(),
    jar: user.jar,
  };
}

/** The app's base URL for building request URLs. */
export function baseURL(): string {
  return getEnv().baseURL;
}
