/**
 * The auth limits (lib/server/auth/limits.ts) through the real auth route, on every driver:
 * an office behind one address gets in, a guesser is stopped per account whatever address it
 * claims, one address cannot spray passwords over many accounts, reset mails are few per
 * account, a completed reset lifts a lock-out, and every window ends (the auth clock is moved,
 * not waited out).
 */
import { and, eq, like } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, useDatabase } from "@/db";
import { authLimits, verification } from "@/db/schema";
import { resetAuth } from "@/lib/server/auth/better-auth";
import { authClock } from "@/lib/server/auth/clock";
import { resetTokenVerifier } from "@/lib/server/auth/verify-token";
import { resetEnvCache } from "@/lib/server/env";
import { workAfterAnswer } from "@/lib/server/http/after-answer";
import { authRequest, signUp, uniqueEmail } from "../support/auth-requests";
import { openTestDatabase, testDrivers } from "../support/databases";

const BASE = "http://localhost:3210";

function setEnv(vars: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
  resetAuth();
  resetTokenVerifier();
}

const realNow = authClock.now;
/** Moves the auth clock `ms` ahead of real time. */
const travel = (ms: number) => {
  authClock.now = () => realNow() + ms;
};

/** A documentation address (RFC 5737) unique to the call, so tests do not share counters. */
let lastOctet = 0;
function freshAddress(): string {
  lastOctet += 1;
  return `198.51.${100 + Math.floor(lastOctet / 250)}.${lastOctet % 250}`;
}

const wrongSignIn = (email: string, ip: string) =>
  authRequest("POST", "/sign-in/email", { ip, body: { email, password: "not the password" } });
const rightSignIn = (email: string, password: string, ip: string) =>
  authRequest("POST", "/sign-in/email", { ip, body: { email, password } });

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe.each(testDrivers())("auth limits on %s", (driver) => {
  let handle: DbHandle;

  beforeAll(async () => {
    setEnv({
      BETTER_AUTH_URL: BASE,
      BETTER_AUTH_SECRET: "test-secret-for-doable-limit-tests-0123456789",
      DATA_DIR: "/tmp/doable-limits",
      BCRYPT_COST: "4",
      AUTH_RATE_LIMIT: "on",
      TRUSTED_PROXY_HOPS: "1",
    });
    handle = await openTestDatabase(driver);
    useDatabase(handle);
    resetAuth();
    resetTokenVerifier();
  });
  afterEach(() => {
    authClock.now = realNow;
  });
  afterAll(async () => {
    setEnv({ AUTH_RATE_LIMIT: undefined, TRUSTED_PROXY_HOPS: undefined });
    await handle?.close();
  });

  it("lets an office in: 50 sign-ups and 50 correct sign-ins from one address", async () => {
    const office = freshAddress();
    const people: { email: string; password: string }[] = [];
    for (let i = 0; i < 50; i++) {
      const email = uniqueEmail("colleague");
      const password = `office password ${i}`;
      const response = await authRequest("POST", "/sign-up/email", {
        ip: office,
        body: { name: `Colleague ${i}`, email, password },
      });
      expect(response.status, await response.clone().text()).toBe(200);
      people.push({ email, password });
    }
    for (const person of people) {
      expect((await rightSignIn(person.email, person.password, office)).status).toBe(200);
    }
  });

  it.each([
    ["a trusted proxy (TRUSTED_PROXY_HOPS=1)", "1"],
    ["no proxy setting: addresses unknown", undefined],
  ])("stops guesses at one account whatever X-Forwarded-For says, with %s", async (_, hops) => {
    setEnv({ TRUSTED_PROXY_HOPS: hops });
    const victim = await signUp({ password: "the real password" });
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 40; i++) {
      const response = await wrongSignIn(victim.email, freshAddress());
      statuses.push(response.status);
      if (response.status === 429) limited ??= response;
    }
    const first429 = statuses.indexOf(429);
    expect(first429).toBeGreaterThan(0);
    expect(first429).toBeLessThan(14); // 429 before the 15th guess
    expect(statuses.slice(0, first429).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(first429).every((s) => s === 429)).toBe(true);
    if (!limited) throw new Error("never limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(60);
    const error = await errorOf(limited);
    expect(error.code).toBe("rate_limited");
    expect(error.message).toMatch(/this account.*in 15 minutes.*reset your password/);

    // The right password during the lock-out is refused too: the lock cannot be probed.
    expect((await rightSignIn(victim.email, victim.password, freshAddress())).status).toBe(429);
    // Another account is not affected.
    const other = await signUp({ password: "another password" });
    expect((await rightSignIn(other.email, other.password, freshAddress())).status).toBe(200);

    // After the window the owner gets in.
    travel(15 * 60_000 + 1_000);
    expect((await rightSignIn(victim.email, victim.password, freshAddress())).status).toBe(200);
    setEnv({ TRUSTED_PROXY_HOPS: "1" });
  });

  it("makes repeated lock-outs longer, up to an hour", async () => {
    const victim = await signUp();
    const lockOut = async () => {
      for (let i = 0; i < 10; i++) await wrongSignIn(victim.email, freshAddress());
      const response = await wrongSignIn(victim.email, freshAddress());
      expect(response.status).toBe(429);
      return Number(response.headers.get("retry-after"));
    };
    const waits: number[] = [];
    let elapsed = 0;
    for (let round = 0; round < 4; round++) {
      const wait = await lockOut();
      waits.push(wait);
      elapsed += (wait + 1) * 1000;
      travel(elapsed);
    }
    expect(waits[0]).toBeLessThanOrEqual(15 * 60);
    expect(waits[1]).toBeGreaterThan(25 * 60);
    expect(waits[2]).toBeGreaterThan(55 * 60);
    expect(waits[3]).toBeLessThanOrEqual(60 * 60);
  });

  it("stops one address trying one password against 40 accounts", async () => {
    const sprayer = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const response = await wrongSignIn(uniqueEmail(`sprayed-${i}`), sprayer);
      statuses.push(response.status);
    }
    const first429 = statuses.indexOf(429);
    expect(first429).toBeGreaterThan(0);
    expect(first429).toBeLessThanOrEqual(20);
    expect(statuses.slice(first429).every((s) => s === 429)).toBe(true);
    // Another address is not affected.
    const someone = await signUp();
    expect((await rightSignIn(someone.email, someone.password, freshAddress())).status).toBe(200);
  });

  it("sends at most 3 reset mails per account an hour, from any address", async () => {
    const user = await signUp();
    const ask = () =>
      authRequest("POST", "/request-password-reset", {
        ip: freshAddress(),
        body: { email: user.email, redirectTo: "/reset-password" },
      });
    for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(200);
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect((await errorOf(limited)).message).toMatch(
      /reset e-mails for this address\. Try again in 1 hour/,
    );
    // An unknown address is limited the same way: a 429 reveals nothing about who has an account.
    const unknown = uniqueEmail("nobody");
    for (let i = 0; i < 3; i++) {
      const response = await authRequest("POST", "/request-password-reset", {
        ip: freshAddress(),
        body: { email: unknown, redirectTo: "/reset-password" },
      });
      expect(response.status).toBe(200);
    }
    travel(60 * 60_000 + 1_000);
    expect((await ask()).status).toBe(200);
  });

  it("lifts a lock-out once the owner completes a password reset", async () => {
    const owner = await signUp({ password: "forgotten password" });
    for (let i = 0; i < 11; i++) await wrongSignIn(owner.email, freshAddress());
    expect((await rightSignIn(owner.email, owner.password, freshAddress())).status).toBe(429);

    const ask = await authRequest("POST", "/request-password-reset", {
      body: { email: owner.email, redirectTo: "/reset-password" },
    });
    expect(ask.status).toBe(200);
    await workAfterAnswer(); // the reset is handled after the answer
    const [row] = await handle.db
      .select()
      .from(verification)
      .where(
        and(eq(verification.value, owner.id), like(verification.identifier, "reset-password:%")),
      );
    const token = (row?.identifier ?? "").slice("reset-password:".length);
    const reset = await authRequest("POST", "/reset-password", {
      body: { token, newPassword: "a brand new password" },
    });
    expect(reset.status, await reset.clone().text()).toBe(200);
    expect((await rightSignIn(owner.email, "a brand new password", freshAddress())).status).toBe(
      200,
    );
  });

  it("keeps no e-mail or address in the counters' keys", async () => {
    const rows = await handle.db.select({ key: authLimits.key }).from(authLimits);
    expect(rows.length).toBeGreaterThan(10);
    for (const { key } of rows) {
      expect(key).not.toMatch(/@|198\.51\./);
    }
  });
});
