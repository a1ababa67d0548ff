/**
 * A full user journey through the real route handlers, run as its own process by
 * tests/security/logs.test.ts with NODE_ENV=production, so that everything the app logs can be
 * captured and searched for secrets: sign-up, sign-in (and a wrong password), token, every task
 * route, a forged token, a password reset (request, link, new password), sign-out, and a
 * database failure during a session read.
 *
 * Every secret it sees is written to JOURNEY_SECRETS_FILE for the test to look for; it never
 * prints them itself.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { and, eq, like } from "drizzle-orm";
import { getDbHandle } from "@/db";
import { verification } from "@/db/schema";
import { workAfterAnswer } from "@/lib/server/http/after-answer";
import { authRequest, CookieJar, fetchToken } from "../../support/auth-requests";
import { callRoute, type RouteTarget } from "./route-call";

export interface JourneySecrets {
  userId: string;
  passwords: string[];
  jwts: string[];
  cookies: string[];
  resetToken: string;
  resetLink: string;
}

const secretsFile = process.env.JOURNEY_SECRETS_FILE;
if (!secretsFile) throw new Error("JOURNEY_SECRETS_FILE is not set");

function expectStatus(what: string, response: Response, status: number): void {
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status}`);
  }
}

const unique = randomBytes(6).toString("hex");
const email = `journey-${unique}@example.com`;
const password = `Journey-Password-${unique}`;
const wrongPassword = `Wrong-Password-${unique}`;
const newPassword = `New-Password-${unique}`;
const secrets: JourneySecrets = {
  userId: "",
  passwords: [password, wrongPassword, newPassword],
  jwts: [],
  cookies: [],
  resetToken: "",
  resetLink: "",
};

// Sign up, then sign in on a second "device", and fail once with a wrong password.
const first = new CookieJar();
const signUp = await authRequest("POST", "/sign-up/email", {
  jar: first,
  body: { name: "Journey", email, password },
});
expectStatus("sign-up", signUp, 200);
secrets.userId = ((await signUp.json()) as { user: { id: string } }).user.id;
expectStatus(
  "wrong password",
  await authRequest("POST", "/sign-in/email", { body: { email, password: wrongPassword } }),
  401,
);
const jar = new CookieJar();
expectStatus(
  "sign-in",
  await authRequest("POST", "/sign-in/email", { jar, body: { email, password } }),
  200,
);
secrets.cookies.push(first.header(), jar.header());

// A token, and every task route with it.
const { token } = await fetchToken(jar);
if (!token) throw new Error("no token");
secrets.jwts.push(token);
const userId = secrets.userId;
const call = (target: Omit<RouteTarget, "userId">, status: number, bearer = token) =>
  callRoute({ ...target, userId } as RouteTarget, { token: bearer }).then(async (response) => {
    expectStatus(`${target.method} ${target.kind}`, response, status);
    return response.status === 204 ? undefined : ((await response.json()) as { id?: string });
  });
const task = await call({ method: "POST", kind: "collection", json: { title: "Journey" } }, 201);
const id = task?.id ?? "";
await call({ method: "GET", kind: "collection" }, 200);
await call({ method: "GET", kind: "one", id }, 200);
await call({ method: "PUT", kind: "one", id, json: { title: "Journey, edited" } }, 200);
await call({ method: "PATCH", kind: "complete", id }, 200);
await call({ method: "POST", kind: "bulk", json: { action: "uncomplete", ids: [id] } }, 200);
await call({ method: "DELETE", kind: "one", id }, 204);
// A forged token (the signature of another): refused, and not logged either.
const [header, payload] = token.split(".");
const forged = `${header}.${payload}.${randomBytes(64).toString("base64url")}`;
secrets.jwts.push(forged);
await call({ method: "GET", kind: "collection" }, 401, forged);

// Password reset: the request, the link from the mail, the new password.
expectStatus(
  "reset request",
  await authRequest("POST", "/request-password-reset", {
    body: { email, redirectTo: "/reset-password" },
  }),
  200,
);
// The reset is handled after the answer (the lookup and the mail would tell who has an account).
await workAfterAnswer();
const { db } = await getDbHandle();
const [row] = await db
  .select()
  .from(verification)
  .where(and(eq(verification.value, userId), like(verification.identifier, "reset-password:%")));
secrets.resetToken = row?.identifier.slice("reset-password:".length) ?? "";
if (!secrets.resetToken) throw new Error("no reset token stored");
secrets.resetLink = `/api/auth/reset-password/${secrets.resetToken}?callbackURL=%2Freset-password`;
expectStatus(
  "reset link",
  await authRequest("GET", secrets.resetLink.slice("/api/auth".length)),
  302,
);
expectStatus(
  "reset",
  await authRequest("POST", "/reset-password", {
    body: { token: secrets.resetToken, newPassword },
  }),
  200,
);

// Sign in with the new password, sign out.
const after = new CookieJar();
expectStatus(
  "sign-in after reset",
  await authRequest("POST", "/sign-in/email", {
    jar: after,
    body: { email, password: newPassword },
  }),
  200,
);
secrets.cookies.push(after.header());
const { token: latest } = await fetchToken(after);
if (latest) secrets.jwts.push(latest);
const last = new CookieJar();
await authRequest("POST", "/sign-in/email", { jar: last, body: { email, password: newPassword } });
secrets.cookies.push(last.header());
expectStatus("sign-out", await authRequest("POST", "/sign-out", { jar: after }), 200);

// The database fails under a session read and a task request: errors are logged, secrets not.
fs.writeFileSync(secretsFile, JSON.stringify(secrets));
await (await getDbHandle()).close();
const failedSession = await authRequest("GET", "/get-session", { jar: last });
const failedTasks = await callRoute(
  { method: "GET", kind: "collection", userId },
  { token: latest ?? token },
);
if (failedSession.status < 500 || failedTasks.status < 500) {
  throw new Error(`expected failures, got ${failedSession.status} and ${failedTasks.status}`);
}
process.exit(0);
