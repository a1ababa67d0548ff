/**
 * Authentication through the real Better Auth route handler, on every database driver:
 * accounts, bcrypt hashes, sessions, JWTs, password reset, account deletion,
 * origin checks and recovery from a changed secret (the limits: auth-limits.test.ts).
 */
import bcrypt from "bcryptjs";
import { and, eq, like, lte } from "drizzle-orm";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, useDatabase } from "@/db";
import { account, jwks, session, tasks, user, verification } from "@/db/schema";
import {
  authErrorMessage,
  EMAIL_TAKEN,
  INCORRECT_CREDENTIALS,
  INVALID_EMAIL,
} from "@/lib/auth/messages";
import { resetAuth } from "@/lib/server/auth/better-auth";
import { requireUser } from "@/lib/server/auth/require-user";
import { resetTokenVerifier, verifyToken } from "@/lib/server/auth/verify-token";
import { getEnv, resetEnvCache } from "@/lib/server/env";
import { workAfterAnswer } from "@/lib/server/http/after-answer";
import {
  authRequest,
  CookieJar,
  fetchToken,
  signIn,
  signUp,
  uniqueEmail,
} from "../support/auth-requests";
import { openTestDatabase, testDrivers } from "../support/databases";
import { callApi, readError, tasksPath } from "../support/tasks-api";

/** requireUser's answer as a promise, whether it came at once (a remembered token) or not. */
const asked = async (request: Request, userId: string) => requireUser(request, userId);

const BASE = "http://localhost:3200";
const SECRET = "test-secret-for-doable-auth-tests-0123456789";

/** Sets env vars for this file and rebuilds what was derived from them. */
function setEnv(vars: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
  resetAuth();
  resetTokenVerifier();
}

setEnv({
  BETTER_AUTH_URL: BASE,
  BETTER_AUTH_SECRET: SECRET,
  DATA_DIR: "/tmp/doable-auth",
  // A cheap cost keeps the suite quick; the hash test checks this cost is the one used.
  BCRYPT_COST: "4",
  AUTH_RATE_LIMIT: undefined,
});

async function errorBody(response: Response): Promise<{ code?: string; message?: string }> {
  return (await response.json()) as { code?: string; message?: string };
}

describe.each(testDrivers())("auth on %s", (driver) => {
  let handle: DbHandle;

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    useDatabase(handle);
    resetAuth();
    resetTokenVerifier();
  });
  afterAll(async () => {
    resetAuth();
    resetTokenVerifier();
    await handle?.close();
  });

  describe("sign-up", () => {
    it("persists the user and a bcrypt hash of the password with the configured cost", async () => {
      const email = uniqueEmail("Ada");
      const password = "correct horse battery";
      const response = await authRequest("POST", "/sign-up/email", {
        body: { name: "Ada Lovelace", email, password },
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { user: { id: string; email: string } };
      // Better Auth stores e-mails lower-cased, so sign-in is case-insensitive.
      expect(body.user.email).toBe(email.toLowerCase());

      const [row] = await handle.db.select().from(user).where(eq(user.id, body.user.id));
      expect(row).toMatchObject({ name: "Ada Lovelace", email: email.toLowerCase() });

      const accounts = await handle.db
        .select()
        .from(account)
        .where(eq(account.userId, body.user.id));
      expect(accounts).toHaveLength(1);
      const hash = accounts[0]?.password ?? "";
      expect(accounts[0]?.providerId).toBe("credential");
      const cost = String(getEnv().BCRYPT_COST).padStart(2, "0");
      expect(hash).toMatch(new RegExp(`^\\$2[ab]\\$${cost}\\$[./A-Za-z0-9]{53}$`));
      expect(hash).not.toContain(password);
      expect(await bcrypt.compare(password, hash)).toBe(true);
      expect(await bcrypt.compare("wrong password", hash)).toBe(false);
    });

    it("signs the new user in with an httpOnly, SameSite=Lax session cookie", async () => {
      const response = await authRequest("POST", "/sign-up/email", {
        body: { name: "Grace", email: uniqueEmail(), password: "a long password" },
      });
      const cookie = response.headers.getSetCookie().find((c) => c.includes("session_token="));
      expect(cookie).toBeDefined();
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).toMatch(/Max-Age=604800/); // 7 days
    });

    it("refuses a second account for the same e-mail, whatever its case", async () => {
      const first = await signUp();
      const response = await authRequest("POST", "/sign-up/email", {
        body: { name: "Copy", email: first.email.toUpperCase(), password: "another password" },
      });
      expect(response.status).toBe(422);
      const error = await errorBody(response);
      expect(error.code).toBe("USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
      expect(authErrorMessage({ ...error, status: response.status })).toBe(EMAIL_TAKEN);
      const rows = await handle.db
        .select()
        .from(user)
        .where(eq(user.email, first.email.toLowerCase()));
      expect(rows).toHaveLength(1);
    });

    it("refuses a weak (short) or over-long password and a malformed e-mail", async () => {
      const short = await authRequest("POST", "/sign-up/email", {
        body: { name: "S", email: uniqueEmail(), password: "short" },
      });
      expect(short.status).toBe(400);
      expect((await errorBody(short)).code).toBe("PASSWORD_TOO_SHORT");

      const long = await authRequest("POST", "/sign-up/email", {
        body: { name: "L", email: uniqueEmail(), password: "x".repeat(73) },
      });
      expect(long.status).toBe(400);
      expect((await errorBody(long)).code).toBe("PASSWORD_TOO_LONG");

      // 40 characters but 80 bytes: bcrypt would silently ignore the last 8 bytes.
      const email = uniqueEmail();
      const wide = await authRequest("POST", "/sign-up/email", {
        body: { name: "W", email, password: "é".repeat(40) },
      });
      expect(wide.status).toBe(400);
      expect((await errorBody(wide)).code).toBe("PASSWORD_TOO_LONG");
      expect(await handle.db.select().from(user).where(eq(user.email, email))).toEqual([]);

      const badEmail = await authRequest("POST", "/sign-up/email", {
        body: { name: "E", email: "not-an-email", password: "a long password" },
      });
      expect(badEmail.status).toBe(400);
      const error = await errorBody(badEmail);
      expect(authErrorMessage({ ...error, status: 400 })).toBe(INVALID_EMAIL);
    });
  });

  describe("sign-in", () => {
    it("signs in with the right password and answers wrong password and unknown e-mail alike", async () => {
      const ada = await signUp();
      const jar = new CookieJar();
      const ok = await authRequest("POST", "/sign-in/email", {
        jar,
        body: { email: ada.email.toUpperCase(), password: ada.password },
      });
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { user: { id: string } }).user.id).toBe(ada.id);
      expect(jar.size).toBeGreaterThan(0);

      const wrongPassword = await authRequest("POST", "/sign-in/email", {
        body: { email: ada.email, password: "not the password" },
      });
      const unknownEmail = await authRequest("POST", "/sign-in/email", {
        body: { email: uniqueEmail("nobody"), password: "not the password" },
      });
      expect(wrongPassword.status).toBe(401);
      expect(unknownEmail.status).toBe(401);
      const a = await errorBody(wrongPassword);
      const b = await errorBody(unknownEmail);
      expect(a).toEqual(b);
      expect(authErrorMessage({ ...a, status: 401 })).toBe(INCORRECT_CREDENTIALS);
      expect(wrongPassword.headers.getSetCookie()).toEqual([]);
    });
  });

  describe("JWT", () => {
    it("issues a token whose sub is the user id, that verifyToken accepts, with no profile data", async () => {
      const ada = await signUp({ name: "Ada", email: uniqueEmail("ada") });
      const { status, token } = await fetchToken(ada.jar);
      expect(status).toBe(200);
      if (!token) throw new Error("no token");

      await expect(verifyToken(token)).resolves.toMatchObject({ userId: ada.id });
      const request = new Request(`${BASE}/api/${ada.id}/tasks`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await expect(asked(request, ada.id)).resolves.toBe(ada.id);

      expect(decodeProtectedHeader(token)).toMatchObject({ alg: "EdDSA" });
      const payload = decodeJwt(token);
      expect(payload.sub).toBe(ada.id);
      expect(payload.iss).toBe(BASE);
      expect(payload.aud).toBe(BASE);
      expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(15 * 60);
      expect(Object.keys(payload).sort()).toEqual(["aud", "exp", "iat", "iss", "sid", "sub"]);
      // sid is the session's id (not its token, the cookie's secret): the token ends with it.
      const [own] = await handle.db.select().from(session).where(eq(session.userId, ada.id));
      expect(payload.sid).toBe(own?.id);
      expect(JSON.stringify(payload)).not.toContain(own?.token ?? "no session");
      expect(JSON.stringify(payload)).not.toContain(ada.email.toLowerCase());
    });

    it("issues no token without a session", async () => {
      expect((await fetchToken(new CookieJar())).status).toBe(401);
    });
  });

  describe("sessions", () => {
    it("sign-out ends the session: no more tokens for its cookie", async () => {
      const ada = await signUp();
      const stolenCookie = ada.jar.header();
      expect((await fetchToken(ada.jar)).status).toBe(200);

      const out = await authRequest("POST", "/sign-out", { jar: ada.jar });
      expect(out.status).toBe(200);
      expect(ada.jar.size).toBe(0);
      const replay = await authRequest("GET", "/token", { headers: { cookie: stolenCookie } });
      expect(replay.status).toBe(401);
      expect(await handle.db.select().from(session).where(eq(session.userId, ada.id))).toEqual([]);
    });

    it("renews a session that is used (sliding expiry) and ends one that has expired", async () => {
      const ada = await signUp();
      const day = 24 * 60 * 60 * 1000;
      const [created] = await handle.db.select().from(session).where(eq(session.userId, ada.id));
      const expiresIn = (created?.expiresAt.getTime() ?? 0) - Date.now();
      expect(expiresIn).toBeGreaterThan(7 * day - 60_000);
      expect(expiresIn).toBeLessThanOrEqual(7 * day);

      // Used again with an hour left: pushed back out to 7 days.
      await handle.db
        .update(session)
        .set({ expiresAt: new Date(Date.now() + 60 * 60 * 1000) })
        .where(eq(session.userId, ada.id));
      const read = await authRequest("GET", "/get-session", { jar: ada.jar });
      expect(read.status).toBe(200);
      const [renewed] = await handle.db.select().from(session).where(eq(session.userId, ada.id));
      expect((renewed?.expiresAt.getTime() ?? 0) - Date.now()).toBeGreaterThan(7 * day - 60_000);

      // Past its expiry: no session, no token.
      await handle.db
        .update(session)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(session.userId, ada.id));
      expect((await fetchToken(ada.jar)).status).toBe(401);
    });

    it("sign out everywhere (revoke-sessions) ends every session of the user, and only theirs", async () => {
      const ada = await signUp();
      const laptop = await signIn(ada.email, ada.password);
      const phone = await signIn(ada.email, ada.password);
      const bob = await signUp();
      expect(await handle.db.select().from(session).where(eq(session.userId, ada.id))).toHaveLength(
        3,
      );

      const revoke = await authRequest("POST", "/revoke-sessions", { jar: laptop, body: {} });
      expect(revoke.status).toBe(200);
      for (const jar of [ada.jar, laptop, phone]) {
        expect((await fetchToken(jar)).status).toBe(401);
      }
      expect(await handle.db.select().from(session).where(eq(session.userId, ada.id))).toEqual([]);
      expect((await fetchToken(bob.jar)).status).toBe(200);
    });
  });

  describe("password reset", () => {
    /**
     * The token Better Auth stored for the reset mail (the mail itself goes to the log), once
     * the request's work after the answer is done.
     */
    async function resetTokenFor(userId: string): Promise<string> {
      await workAfterAnswer();
      const rows = await handle.db
        .select()
        .from(verification)
        .where(
          and(eq(verification.value, userId), like(verification.identifier, "reset-password:%")),
        );
      expect(rows).toHaveLength(1);
      return (rows[0]?.identifier ?? "").slice("reset-password:".length);
    }

    it("changes the password, ends old sessions, and the old password stops working", async () => {
      const ada = await signUp({ password: "old password 1" });
      const otherDevice = await signIn(ada.email, "old password 1");

      const ask = await authRequest("POST", "/request-password-reset", {
        body: { email: ada.email, redirectTo: "/reset-password" },
      });
      expect(ask.status).toBe(200);
      const token = await resetTokenFor(ada.id);

      // The link in the mail lands on our page with the token.
      const landing = await authRequest(
        "GET",
        `/reset-password/${token}?callbackURL=%2Freset-password`,
      );
      expect(landing.status).toBe(302);
      const location = new URL(landing.headers.get("location") ?? "", BASE);
      expect(location.origin).toBe(BASE);
      expect(`${location.pathname}${location.search}`).toBe(`/reset-password?token=${token}`);

      const reset = await authRequest("POST", "/reset-password", {
        body: { token, newPassword: "new password 2" },
      });
      expect(reset.status).toBe(200);

      for (const jar of [ada.jar, otherDevice]) expect((await fetchToken(jar)).status).toBe(401);
      const old = await authRequest("POST", "/sign-in/email", {
        body: { email: ada.email, password: "old password 1" },
      });
      expect(old.status).toBe(401);
      const fresh = await signIn(ada.email, "new password 2");
      expect((await fetchToken(fresh)).status).toBe(200);

      // The link works once.
      const again = await authRequest("POST", "/reset-password", {
        body: { token, newPassword: "new password 3" },
      });
      expect(again.status).toBe(400);
      expect((await errorBody(again)).code).toBe("INVALID_TOKEN");
    });

    it("answers an unknown e-mail exactly like a known one, without creating a token", async () => {
      const ada = await signUp();
      const resetTokens = async () =>
        (
          await handle.db
            .select()
            .from(verification)
            .where(like(verification.identifier, "reset-password:%"))
        ).length;
      const before = await resetTokens();
      const unknown = await authRequest("POST", "/request-password-reset", {
        body: { email: uniqueEmail("nobody"), redirectTo: "/reset-password" },
      });
      await workAfterAnswer();
      expect(await resetTokens()).toBe(before);
      const known = await authRequest("POST", "/request-password-reset", {
        body: { email: ada.email, redirectTo: "/reset-password" },
      });
      await workAfterAnswer();
      expect(await resetTokens()).toBe(before + 1);
      expect(unknown.status).toBe(200);
      expect(known.status).toBe(200);
      expect(await unknown.json()).toEqual(await known.json());
    });

    it("refuses a reset link that points to another site, before anything is sent", async () => {
      const ada = await signUp();
      for (const redirectTo of ["https://evil.example/steal", "//evil.example", "/\\evil"]) {
        const response = await authRequest("POST", "/request-password-reset", {
          body: { email: ada.email, redirectTo },
        });
        // Doable checks it before answering: Better Auth's own check (403) would come too late.
        expect(response.status, redirectTo).toBe(400);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
          "validation_failed",
        );
      }
      await workAfterAnswer();
      const tokens = await handle.db
        .select()
        .from(verification)
        .where(eq(verification.value, ada.id));
      expect(tokens).toEqual([]);
    });
  });

  describe("account deletion", () => {
    it("needs the password, then removes the user with their sessions, accounts and tasks", async () => {
      const ada = await signUp();
      const bob = await signUp();
      await handle.db.insert(tasks).values([
        { userId: ada.id, title: "Ada's first" },
        { userId: ada.id, title: "Ada's second" },
        { userId: bob.id, title: "Bob's" },
      ]);
      const { token } = await fetchToken(ada.jar);
      if (!token) throw new Error("no token");

      const wrong = await authRequest("POST", "/delete-user", {
        jar: ada.jar,
        body: { password: "not my password" },
      });
      expect(wrong.status).toBe(400);
      expect((await errorBody(wrong)).code).toBe("INVALID_PASSWORD");
      expect(await handle.db.select().from(user).where(eq(user.id, ada.id))).toHaveLength(1);

      const deleted = await authRequest("POST", "/delete-user", {
        jar: ada.jar,
        body: { password: ada.password },
      });
      expect(deleted.status).toBe(200);

      expect(await handle.db.select().from(user).where(eq(user.id, ada.id))).toEqual([]);
      expect(await handle.db.select().from(tasks).where(eq(tasks.userId, ada.id))).toEqual([]);
      expect(await handle.db.select().from(session).where(eq(session.userId, ada.id))).toEqual([]);
      expect(await handle.db.select().from(account).where(eq(account.userId, ada.id))).toEqual([]);
      expect(await handle.db.select().from(tasks).where(eq(tasks.userId, bob.id))).toHaveLength(1);

      // A JWT issued before the deletion is still unexpired and genuine, but its session is gone,
      // so the token itself is refused (and the route answers 401).
      const request = new Request(`${BASE}/api/${ada.id}/tasks`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await expect(asked(request, ada.id)).rejects.toMatchObject({ status: 401 });
      const list = await callApi("GET", tasksPath(ada.id), { token });
      expect(list.status).toBe(401);
      expect((await readError(list)).code).toBe("unauthorized");
      const signInAgain = await authRequest("POST", "/sign-in/email", {
        body: { email: ada.email, password: ada.password },
      });
      expect(signInAgain.status).toBe(401);
    });
  });

  describe("origin check", () => {
    it("refuses a cookie-bearing POST from a foreign origin or without one", async () => {
      const ada = await signUp();
      const foreign = await authRequest("POST", "/sign-out", {
        jar: ada.jar,
        origin: "https://evil.example",
      });
      expect(foreign.status).toBe(403);
      expect((await errorBody(foreign)).code).toBe("INVALID_ORIGIN");

      const missing = await authRequest("POST", "/revoke-sessions", {
        jar: ada.jar,
        origin: null,
        body: {},
      });
      expect(missing.status).toBe(403);
      expect((await errorBody(missing)).code).toBe("MISSING_OR_NULL_ORIGIN");

      const deletion = await authRequest("POST", "/delete-user", {
        jar: ada.jar,
        origin: "https://evil.example",
        body: { password: ada.password },
      });
      expect(deletion.status).toBe(403);

      // None of them took effect.
      expect((await fetchToken(ada.jar)).status).toBe(200);
      expect(await handle.db.select().from(user).where(eq(user.id, ada.id))).toHaveLength(1);
    });

    it("blocks a cross-site form navigation that would sign the visitor in", async () => {
      const ada = await signUp();
      const response = await authRequest("POST", "/sign-in/email", {
        origin: "https://evil.example",
        headers: { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" },
        body: { email: ada.email, password: ada.password },
      });
      expect(response.status).toBe(403);
    });
  });

  describe("secret rotation", () => {
    afterEach(() => setEnv({ BETTER_AUTH_SECRET: SECRET }));

    it("recovers after BETTER_AUTH_SECRET changes: a fresh signing key, tokens keep working", async () => {
      const ada = await signUp();
      const before = await fetchToken(ada.jar);
      if (!before.token) throw new Error("no token");
      const oldKid = decodeProtectedHeader(before.token).kid;

      setEnv({ BETTER_AUTH_SECRET: `${SECRET}-rotated` });
      // Session cookies are signed with the secret, so the user signs in again.
      expect((await fetchToken(ada.jar)).status).toBe(401);
      const jar = await signIn(ada.email, ada.password);
      const after = await fetchToken(jar);
      expect(after.status).toBe(200);
      if (!after.token) throw new Error("no token");
      expect(decodeProtectedHeader(after.token).kid).not.toBe(oldKid);
      await expect(verifyToken(after.token)).resolves.toMatchObject({ userId: ada.id });
      // The retired key stays published for the grace period: earlier tokens still verify.
      await expect(verifyToken(before.token)).resolves.toMatchObject({ userId: ada.id });

      const retired = await handle.db
        .select()
        .from(jwks)
        .where(and(eq(jwks.id, oldKid ?? ""), lte(jwks.expiresAt, new Date())));
      expect(retired).toHaveLength(1);
    });
  });
});
