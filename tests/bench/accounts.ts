/**
 * Benchmark users made through the app's own auth endpoints, so their sessions, signing keys
 * and JWTs are the production ones: sign up (which signs in), then GET /api/auth/token with
 * the session cookie.
 */

export interface BenchAccount {
  id: string;
  email: string;
  token: string;
  /** The session cookie header (for pages such as /dashboard). */
  cookie: string;
}

export const BENCH_PASSWORD = "bench-password-1234";

async function mapConcurrent<T, R>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

async function signUp(origin: string, email: string): Promise<BenchAccount> {
  const signUpResponse = await fetch(`${origin}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password: BENCH_PASSWORD, name: email.split("@")[0] }),
  });
  if (!signUpResponse.ok) {
    throw new Error(`sign-up of ${email}: ${signUpResponse.status} ${await signUpResponse.text()}`);
  }
  return withToken(origin, email, signUpResponse);
}

/** The account a sign-up or sign-in answered with, and a JWT for its session. */
async function withToken(origin: string, email: string, signedIn: Response): Promise<BenchAccount> {
  const { user } = (await signedIn.json()) as { user: { id: string } };
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const tokenResponse = await fetch(`${origin}/api/auth/token`, { headers: { cookie, origin } });
  if (!tokenResponse.ok) {
    throw new Error(`token for ${email}: ${tokenResponse.status} ${await tokenResponse.text()}`);
  }
  const { token } = (await tokenResponse.json()) as { token: string };
  return { id: user.id, email, token, cookie };
}

/** Signs an account in again (a new session), for a fresh JWT: they live 15 minutes. */
export async function signIn(origin: string, email: string): Promise<BenchAccount> {
  const response = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (!response.ok)
    throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  return withToken(origin, email, response);
}

export function createAccounts(
  origin: string,
  count: number,
  concurrency = 8,
): Promise<BenchAccount[]> {
  const emails = Array.from({ length: count }, (_, i) => `bench-${i}@bench.doable.test`);
  return mapConcurrent(emails, concurrency, (email) => signUp(origin, email));
}
