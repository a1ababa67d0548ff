/**
 * Revocation that takes effect (issue 11): a token ends with its session. Signing out (one
 * session or everywhere), a password reset and account deletion refuse the ended sessions'
 * tokens at once in the process that handled them, and in any other process within
 * SESSION_RECHECK_MS (simulated by ending sessions in the database behind this process's back
 * and moving the auth clock). A signing key deleted from the jwks table stops verifying once the
 * key set's maximum age has passed.
 */
import { and, eq, like } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db";
import { jwks, session, user, verification } from "@/db/schema";
import { authClock } from "@/lib/server/auth/clock";
import { KEY_SET_MAX_AGE_MS } from "@/lib/server/auth/jwt";
import { SESSION_RECHECK_MS } from "@/lib/server/auth/session-check";
import { workAfterAnswer } from "@/lib/server/http/after-answer";
import { attachTestDatabase, setTestAuthEnv } from "../support/auth";
import { authRequest, type CookieJar, fetchToken, signIn, signUp } from "../support/auth-requests";
import { openTestDatabase, testDrivers } from "../support/databases";
import { callApi, tasksPath } from "../support/tasks-api";

setTestAuthEnv({ baseURL: "http://localhost:3220", dataDir: "/tmp/doable-revocation" });

const realNow = authClock.now;
const travel = (ms: number) => {
  authClock.now = () => realNow() + ms;
};

async function tokenOf(jar: CookieJar): Promise<string> {
  const { token, status } = await fetchToken(jar);
  if (!token) throw new Error(`no token: ${status}`);
  return token;
}

/** The list route's status for this token: 200 while it works, 401 once refused. */
async function listStatus(userId: string, token: string): Promise<number> {
  return (await callApi("GET", tasksPath(userId), { token })).status;
}

/** A user signed in on two devices, each with a token that has been used once. */
async function twoDevices() {
  const account = await signUp();
  const laptop = account.jar;
  const phone = await signIn(account.email, account.password);
  const laptopToken = await tokenOf(laptop);
  const phoneToken = await tokenOf(phone);
  expect(await listStatus(account.id, laptopToken)).toBe(200);
  expect(await listStatus(account.id, phoneToken)).toBe(200);
  return { account, laptop, phone, laptopToken, phoneToken };
}

describe.each(testDrivers())("revocation on %s", (driver) => {
  let handle: DbHandle;

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    attachTestDatabase(handle);
  });
  afterEach(() => {
    authClock.now = realNow;
  });
  afterAll(() => handle?.close());

  it("sign out everywhere refuses every session's token at once", async () => {
    const { account, laptop, laptopToken, phoneToken } = await twoDevices();
    const revoke = await authRequest("POST", "/revoke-sessions", { jar: laptop, body: {} });
    expect(revoke.status).toBe(200);
    expect(await listStatus(account.id, phoneToken)).toBe(401);
    expect(await listStatus(account.id, laptopToken)).toBe(401);
  });

  it("signing out of one session refuses that session's token, not the other's", async () => {
    const { account, laptop, laptopToken, phoneToken } = await twoDevices();
    const out = await authRequest("POST", "/sign-out", { jar: laptop, body: {} });
    expect(out.status).toBe(200);
    expect(await listStatus(account.id, laptopToken)).toBe(401);
    expect(await listStatus(account.id, phoneToken)).toBe(200);
  });

  it("a password reset refuses the tokens of the sessions it ends", async () => {
    const { account, phoneToken } = await twoDevices();
    await authRequest("POST", "/request-password-reset", {
      body: { email: account.email, redirectTo: "/reset-password" },
    });
    await workAfterAnswer(); // the reset is handled after the answer
    const [row] = await handle.db
      .select()
      .from(verification)
      .where(
        and(eq(verification.value, account.id), like(verification.identifier, "reset-password:%")),
      );
    const reset = await authRequest("POST", "/reset-password", {
      body: {
        token: (row?.identifier ?? "").slice("reset-password:".length),
        newPassword: "a new password for all",
      },
    });
    expect(reset.status).toBe(200);
    expect(await listStatus(account.id, phoneToken)).toBe(401);
  });

  it("account deletion refuses the account's tokens", async () => {
    const { account, laptop, phoneToken } = await twoDevices();
    const deleted = await authRequest("POST", "/delete-user", {
      jar: laptop,
      body: { password: account.password },
    });
    expect(deleted.status).toBe(200);
    expect(await handle.db.select().from(user).where(eq(user.id, account.id))).toEqual([]);
    expect(await listStatus(account.id, phoneToken)).toBe(401);
  });

  it(`a session ended by another instance stops its token within ${SESSION_RECHECK_MS / 1000} s`, async () => {
    const { account, phoneToken, laptopToken } = await twoDevices();
    // Another instance signed the phone out: its row is gone, this process was not told.
    const { sid } = JSON.parse(
      Buffer.from(phoneToken.split(".")[1] ?? "", "base64url").toString(),
    ) as { sid: string };
    await handle.db.delete(session).where(eq(session.id, sid));
    // Inside the bound this process may still answer from what it checked.
    travel(SESSION_RECHECK_MS - 1_000);
    expect(await listStatus(account.id, phoneToken)).toBe(200);
    // Past it, the session is asked again and the token refused; the laptop's is not.
    travel(SESSION_RECHECK_MS + 1_000);
    expect(await listStatus(account.id, phoneToken)).toBe(401);
    expect(await listStatus(account.id, laptopToken)).toBe(200);
  });

  it("a signing key deleted from the table stops verifying after the key set's maximum age", async () => {
    const account = await signUp();
    const token = await tokenOf(account.jar);
    expect(await listStatus(account.id, token)).toBe(200);
    // The emergency: the key leaked and is deleted (README, "Revoking a leaked signing key").
    const [header] = token.split(".");
    const { kid } = JSON.parse(Buffer.from(header ?? "", "base64url").toString()) as {
      kid: string;
    };
    await handle.db.delete(jwks).where(eq(jwks.id, kid));
    travel(KEY_SET_MAX_AGE_MS + 1_000);
    // The first request past the bound starts the reload; the token is refused once it lands.
    await vi.waitFor(async () => expect(await listStatus(account.id, token)).toBe(401), {
      timeout: 5_000,
      interval: 50,
    });
    // A new token is signed with a fresh key and works.
    authClock.now = realNow;
    const fresh = await tokenOf(account.jar);
    expect(JSON.parse(Buffer.from(fresh.split(".")[0] ?? "", "base64url").toString()).kid).not.toBe(
      kid,
    );
    expect(await listStatus(account.id, fresh)).toBe(200);
  });
});
