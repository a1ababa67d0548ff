/**
 * The attack suite (issue 7), through the real route handlers with real users and tokens, on
 * every database driver: forged tokens, foreign Authorization schemes, cross-user reads and
 * writes, SQL metacharacters in every parameter and field, encoded and over-long ids, foreign
 * origins on the auth endpoints, oversized bodies and the tokens of deleted accounts.
 *
 * Every attack request is counted; each driver prints how many it made. A victim's rows are
 * compared whole, from the database, before and after, so "refused" also means "changed
 * nothing".
 */
import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { decodeJwt, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { session, tasks, user } from "@/db/schema";
import { getAuth, resetAuth } from "@/lib/server/auth/better-auth";
import { resetTokenVerifier } from "@/lib/server/auth/verify-token";
import { MAX_BODY_BYTES } from "@/lib/server/http/body";
import {
  BULK_BODY_MAX_BYTES,
  DESCRIPTION_MAX,
  TAG_MAX,
  type Task,
  TITLE_MAX,
} from "@/lib/tasks/model";
import { taskListSchema, taskSchema } from "@/lib/validation/task-responses";
import {
  attachTestDatabase,
  baseURL,
  createTestUser,
  setTestAuthEnv,
  type TestUser,
} from "../support/auth";
import { authRequest, CookieJar, fetchToken } from "../support/auth-requests";
import { openTestDatabase, testDrivers } from "../support/databases";
import { readError } from "../support/tasks-api";
import { authorizationVariants, FORGERIES, type ForgeryMaterial } from "./support/forged-tokens";
import {
  callRoute,
  everyRoute,
  idRoutes,
  type RouteCallOptions,
  type RouteTarget,
} from "./support/route-call";

setTestAuthEnv({ baseURL: "http://localhost:3600", dataDir: "/tmp/doable-sec/attacks" });

/** Strings that would change a query if they reached SQL as text. */
const SQL_METACHARACTERS = [
  "'; drop table tasks; --",
  "%",
  "_",
  "\\",
  '" or 1=1',
  "' or '1'='1",
  "%' or user_id is not null or '%'='",
  ") or true; select pg_sleep(5); --",
  "$1",
  "\\'; delete from tasks; --",
  "Zürich 東京 🚀 \u202e",
  "a\u0000b",
  "line\nbreak",
];

// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Whether the API stores `value` in a field, or refuses it with 400 (lib/validation/tasks.ts). */
const STORABLE: Record<"title" | "description" | "tags", (value: string) => boolean> = {
  title: (v) => !CONTROL.test(v) && v.trim().length >= 1 && v.trim().length <= TITLE_MAX,
  description: (v) => !v.includes("\u0000") && v.length <= DESCRIPTION_MAX,
  tags: (v) => !CONTROL.test(v) && v.trim().length >= 1 && v.trim().length <= TAG_MAX,
};

describe.each(testDrivers())("attacks on %s", (driver) => {
  let handle: DbHandle;
  let alice: TestUser;
  let bob: TestUser;
  let jwks: { keys: JWK[] };
  let attacks = 0;

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    attachTestDatabase(handle);
    [alice, bob] = await Promise.all([createTestUser(), createTestUser()]);
    for (const title of ["Alice's plan", "Alice's 100% secret", "Alice_under_score"]) {
      await create(alice, { title, description: "private", tags: ["secret"] });
    }
    await create(bob, { title: "Bob's own" });
    const keys = await authRequest("GET", "/jwks");
    expect(keys.status).toBe(200);
    jwks = (await keys.json()) as { keys: JWK[] };
  });
  afterAll(async () => {
    console.info(`[security] attack requests on ${driver}: ${attacks}`);
    resetAuth();
    resetTokenVerifier();
    await handle?.close();
  });

  /* --------------------------------------------------------------- helpers */

  /** One attack request (counted). */
  function attempt(target: RouteTarget, options: RouteCallOptions = {}): Promise<Response> {
    attacks += 1;
    return callRoute(target, options);
  }

  async function expectError(response: Response, status: number, code: string) {
    const text = await response.clone().text();
    expect(response.status, text.slice(0, 300)).toBe(status);
    const error = await readError(response);
    expect(error.code).toBe(code);
    return error;
  }

  async function create(owner: TestUser, json: Record<string, unknown>): Promise<Task> {
    const target: RouteTarget = { method: "POST", kind: "collection", userId: owner.userId, json };
    const response = await callRoute(target, { token: owner.token });
    expect(response.status, await response.clone().text()).toBe(201);
    return taskSchema.parse(await response.json());
  }

  /** Every stored column of a user's tasks, straight from the database. */
  function rowsOf(owner: TestUser) {
    return handle.db
      .select()
      .from(tasks)
      .where(eq(tasks.userId, owner.userId))
      .orderBy(asc(tasks.id));
  }

  async function firstTaskOf(owner: TestUser) {
    const [row] = await rowsOf(owner);
    if (!row) throw new Error("the user has no task");
    return row;
  }

  async function taskCount(): Promise<number> {
    const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(tasks);
    return Number(row?.n);
  }

  /** Runs `attack` and checks that the victim's tasks are exactly as they were. */
  async function leavesUntouched(victim: TestUser, attack: () => Promise<void>) {
    const before = await rowsOf(victim);
    await attack();
    expect(await rowsOf(victim)).toEqual(before);
  }

  const list = (userId: string, query = ""): RouteTarget => ({
    method: "GET",
    kind: "collection",
    userId,
    query,
  });

  /* -------------------------------------------------------- forged tokens */

  describe("forged tokens are 401 on every route", () => {
    const material = (): ForgeryMaterial => ({
      victimId: alice.userId,
      attackerToken: bob.token,
      victimToken: alice.token,
      jwks,
      issuer: baseURL(),
      signWithAppKey: async (payload) => {
        const auth = await getAuth();
        const { token } = await auth.api.signJWT({ body: { payload } });
        return token;
      },
    });

    it.each(FORGERIES.map((f) => [f.name, f] as const))("%s", async (_name, forgery) => {
      const token = await forgery.forge(material());
      const target = await firstTaskOf(alice);
      await leavesUntouched(alice, async () => {
        for (const route of everyRoute(alice.userId, target.id)) {
          const response = await attempt(route, { token });
          await expectError(response, 401, "unauthorized");
          expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
        }
      });
    });

    it("the genuine token and a well-formed app-signed token pass (the forgeries failed for being forged)", async () => {
      expect((await callRoute(list(alice.userId), { token: alice.token })).status).toBe(200);
      const now = Math.floor(Date.now() / 1000);
      const minted = await material().signWithAppKey({
        sub: alice.userId,
        sid: decodeJwt(alice.token).sid,
        iss: baseURL(),
        aud: baseURL(),
        iat: now,
        exp: now + 60,
      });
      expect((await callRoute(list(alice.userId), { token: minted })).status).toBe(200);
    });

    it("takes the scheme name in any case, as HTTP auth schemes are (RFC 9110, 11.1)", async () => {
      for (const scheme of ["bearer", "BEARER", "bEaReR"]) {
        const response = await callRoute(list(alice.userId), {
          headers: { authorization: `${scheme} ${alice.token}` },
        });
        expect(response.status, scheme).toBe(200);
      }
    });

    it("only `Authorization: Bearer <jwt>` is accepted: not a cookie, a query or another scheme", async () => {
      const target = await firstTaskOf(alice);
      await leavesUntouched(alice, async () => {
        for (const variant of authorizationVariants(alice.token)) {
          for (const route of everyRoute(alice.userId, target.id)) {
            // The session cookie rides along: the API must not fall back to it.
            const headers: Record<string, string> = { cookie: alice.cookie };
            if (variant.value !== null) headers.authorization = variant.value;
            const response = await attempt(route, { headers });
            expect(response.status, variant.name).toBe(401);
            await expectError(response, 401, "unauthorized");
          }
        }
        const inQuery = await attempt(list(alice.userId, `?access_token=${alice.token}`), {
          headers: { cookie: alice.cookie },
        });
        await expectError(inQuery, 401, "unauthorized");
      });
    });
  });

  /* ------------------------------------------------------------ cross-user */

  describe("cross-user access", () => {
    it("another user's URL is 403 on every route, even with the victim's ETag", async () => {
      const target = await firstTaskOf(alice);
      const etag = `"${target.updatedAt.getTime()}"`;
      await leavesUntouched(alice, async () => {
        for (const route of everyRoute(alice.userId, target.id)) {
          await expectError(await attempt(route, { token: bob.token }), 403, "forbidden");
          const withEtag = await attempt(route, {
            token: bob.token,
            headers: { "If-Match": etag },
          });
          await expectError(withEtag, 403, "forbidden");
        }
      });
    });

    it("the victim's task ids under one's own URL are 404, exactly like ids that never existed", async () => {
      await leavesUntouched(alice, async () => {
        for (const victimTask of await rowsOf(alice)) {
          for (const route of idRoutes(bob.userId, victimTask.id)) {
            const error = await expectError(
              await attempt(route, { token: bob.token }),
              404,
              "not_found",
            );
            const ghost = await callRoute({ ...route, id: randomUUID() }, { token: bob.token });
            expect(await readError(ghost)).toEqual(error);
          }
        }
      });
    });

    it("bulk actions with the victim's ids affect nothing of theirs", async () => {
      const ids = (await rowsOf(alice)).map((t) => t.id);
      await leavesUntouched(alice, async () => {
        for (const action of ["complete", "uncomplete", "delete"]) {
          const route: RouteTarget = {
            method: "POST",
            kind: "bulk",
            userId: bob.userId,
            json: { action, ids },
          };
          const response = await attempt(route, { token: bob.token });
          expect(response.status).toBe(200);
          expect(await response.json()).toEqual({ action, affected: 0, ids: [] });
        }
      });
    });

    it("the victim's tasks never show in one's own list: by search, tag or the victim's cursor", async () => {
      const first = await callRoute(list(alice.userId, "?limit=1"), { token: alice.token });
      const { nextCursor } = taskListSchema.parse(await first.json());
      expect(nextCursor).not.toBeNull();
      const aliceIds = new Set((await rowsOf(alice)).map((t) => t.id));
      const bobCount = (await rowsOf(bob)).length;
      for (const query of [
        "?q=Alice",
        "?q=private",
        "?tag=secret",
        "?status=all&limit=100",
        `?limit=1&cursor=${nextCursor}`,
      ]) {
        const response = await attempt(list(bob.userId, query), { token: bob.token });
        expect(response.status).toBe(200);
        const page = taskListSchema.parse(await response.json());
        expect(page.tasks.filter((t) => aliceIds.has(t.id))).toEqual([]);
        expect(page.counts.all).toBeLessThanOrEqual(bobCount);
      }
    });

    it("a body cannot give a task to another user or choose its id", async () => {
      const victimTask = await firstTaskOf(alice);
      const own = await firstTaskOf(bob);
      await leavesUntouched(alice, async () => {
        const smuggled = [
          { title: "mine now", userId: alice.userId },
          { title: "mine now", user_id: alice.userId },
          { title: "mine now", id: victimTask.id },
        ];
        for (const json of smuggled) {
          for (const route of [
            { method: "POST", kind: "collection", userId: bob.userId, json },
            { method: "PUT", kind: "one", userId: bob.userId, id: own.id, json },
          ] as RouteTarget[]) {
            await expectError(await attempt(route, { token: bob.token }), 400, "validation_failed");
          }
        }
        // A prototype-pollution shaped body is just an unknown field.
        const polluted = await attempt(
          { method: "POST", kind: "collection", userId: bob.userId },
          { token: bob.token, body: '{"title":"x","__proto__":{"userId":"someone"}}' },
        );
        await expectError(polluted, 400, "validation_failed");
      });
    });
  });

  /* ----------------------------------------------------- SQL metacharacters */

  describe("SQL metacharacters are inert", () => {
    it.each(SQL_METACHARACTERS)("in every body field: %j", async (value) => {
      const before = await taskCount();
      let created = 0;
      await leavesUntouched(alice, async () => {
        // Free text is stored verbatim, or refused with 400 when it cannot be (NUL, and control
        // characters in single-line fields); never a 500.
        const fields: [
          keyof typeof STORABLE,
          Record<string, unknown>,
          (t: Task) => unknown,
          unknown,
        ][] = [
          ["title", { title: value }, (t) => t.title, value],
          ["description", { title: "d", description: value }, (t) => t.description, value],
          ["tags", { title: "t", tags: [value] }, (t) => t.tags, [value.trim().toLowerCase()]],
        ];
        for (const [field, json, read, expected] of fields) {
          const post: RouteTarget = {
            method: "POST",
            kind: "collection",
            userId: bob.userId,
            json,
          };
          const response = await attempt(post, { token: bob.token });
          if (!STORABLE[field](value)) {
            await expectError(response, 400, "validation_failed");
            continue;
          }
          expect(response.status, `${field}: ${await response.clone().text()}`).toBe(201);
          const task = taskSchema.parse(await response.json());
          expect(read(task)).toEqual(expected);
          created += 1;
          // Read back, and written again with PUT: the same text.
          const again = await callRoute(
            { method: "GET", kind: "one", userId: bob.userId, id: task.id },
            { token: bob.token },
          );
          expect(read(taskSchema.parse(await again.json()))).toEqual(expected);
          const put = await attempt(
            { method: "PUT", kind: "one", userId: bob.userId, id: task.id, json },
            { token: bob.token },
          );
          expect(put.status).toBe(200);
          expect(read(taskSchema.parse(await put.json()))).toEqual(expected);
        }
        // Fields that take only fixed values, and field names, refuse it.
        const refused: RouteTarget[] = [
          { title: "p", priority: value },
          { title: "p", dueAt: value },
          { title: "p", [value]: "x" },
          { title: "p", tags: value },
        ].map((json) => ({ method: "POST", kind: "collection", userId: bob.userId, json }));
        refused.push(
          {
            method: "POST",
            kind: "bulk",
            userId: bob.userId,
            json: { action: value, ids: [randomUUID()] },
          },
          {
            method: "POST",
            kind: "bulk",
            userId: bob.userId,
            json: { action: "delete", ids: [value] },
          },
          {
            method: "PATCH",
            kind: "complete",
            userId: bob.userId,
            id: (await firstTaskOf(bob)).id,
            json: { completed: value },
          },
        );
        for (const route of refused) {
          await expectError(await attempt(route, { token: bob.token }), 400, "validation_failed");
        }
      });
      expect(await taskCount()).toBe(before + created);
    });

    it.each(SQL_METACHARACTERS)("in every query parameter: %j", async (value) => {
      const encoded = encodeURIComponent(value);
      // Search reads title, description and tags (joined by spaces).
      const searched = (t: { title: string; description: string | null; tags: string[] }) =>
        [`${t.title}\n${t.description ?? ""}`, t.tags.join(" ")].map((s) => s.toLowerCase());
      const bobs = (await rowsOf(bob)).map((row) => ({ texts: searched(row), tags: row.tags }));
      await leavesUntouched(alice, async () => {
        // Free text: q and tag match literally, among the caller's own tasks only.
        const q = await attempt(list(bob.userId, `?q=${encoded}&limit=100`), { token: bob.token });
        if (CONTROL.test(value)) {
          await expectError(q, 400, "validation_failed");
        } else {
          expect(q.status, await q.clone().text()).toBe(200);
          const page = taskListSchema.parse(await q.json());
          const needle = value.trim().toLowerCase();
          for (const task of page.tasks) {
            expect(
              searched(task).some((text) => text.includes(needle)),
              task.title,
            ).toBe(true);
          }
          expect(page.counts.all).toBe(
            bobs.filter((t) => t.texts.some((text) => text.includes(needle))).length,
          );
        }
        const tag = await attempt(list(bob.userId, `?tag=${encoded}&limit=100`), {
          token: bob.token,
        });
        if (CONTROL.test(value) || value.length > TAG_MAX) {
          await expectError(tag, 400, "validation_failed");
        } else {
          expect(tag.status, await tag.clone().text()).toBe(200);
          const page = taskListSchema.parse(await tag.json());
          const wanted = value.trim().toLowerCase();
          expect(page.counts.all).toBe(bobs.filter((t) => t.tags.includes(wanted)).length);
          for (const task of page.tasks) expect(task.tags).toContain(wanted);
        }
        // Enumerations, numbers and the cursor refuse it; so does an unknown parameter name.
        const names = [
          "status",
          "priority",
          "due",
          "utcOffset",
          "sort",
          "order",
          "limit",
          "cursor",
        ];
        for (const name of names) {
          const response = await attempt(list(bob.userId, `?${name}=${encoded}`), {
            token: bob.token,
          });
          await expectError(response, 400, "validation_failed");
        }
        const unknown = await attempt(list(bob.userId, `?${encoded}=1`), { token: bob.token });
        await expectError(unknown, 400, "validation_failed");
      });
    });

    it.each(SQL_METACHARACTERS)("in a crafted title cursor: %j", async (value) => {
      const tuple = [1, "title", "asc", value, randomUUID()];
      const cursor = Buffer.from(JSON.stringify(tuple)).toString("base64url");
      const response = await attempt(list(bob.userId, `?sort=title&order=asc&cursor=${cursor}`), {
        token: bob.token,
      });
      if (value.includes("\u0000")) {
        await expectError(response, 400, "validation_failed");
      } else {
        expect(response.status, await response.clone().text()).toBe(200);
        const page = taskListSchema.parse(await response.json());
        const bobIds = new Set((await rowsOf(bob)).map((t) => t.id));
        for (const task of page.tasks) expect(bobIds.has(task.id)).toBe(true);
      }
    });

    it.each(SQL_METACHARACTERS)("in the path's user id and task id: %j", async (value) => {
      await leavesUntouched(alice, async () => {
        for (const route of everyRoute(value, randomUUID())) {
          await expectError(await attempt(route, { token: bob.token }), 403, "forbidden");
        }
        for (const route of idRoutes(bob.userId, value)) {
          await expectError(await attempt(route, { token: bob.token }), 404, "not_found");
        }
      });
    });

    it("leaves every table in place", async () => {
      const [tables] = await handle.db
        .select({
          tasks: sql<string>`to_regclass('public.tasks')::text`,
          users: sql<string>`to_regclass('public.user')::text`,
        })
        .from(user)
        .limit(1);
      expect(tables).toEqual({ tasks: "tasks", users: '"user"' });
      const users = (await handle.db.select({ id: user.id }).from(user)).map((u) => u.id);
      expect(users).toEqual(expect.arrayContaining([alice.userId, bob.userId]));
      expect(await rowsOf(alice)).toHaveLength(3);
    });
  });

  /* --------------------------------------------------- encoded, long ids */

  describe("encoded and over-long ids", () => {
    it("task ids that resemble a real one are 404 and never reach it", async () => {
      const id = (await firstTaskOf(alice)).id;
      const variants = [
        "%2e%2e",
        "..",
        "..%2f",
        "../",
        "%2e%2e%2f%2e%2e%2f",
        `..%2f..%2f${id}`,
        `../../${id}`,
        "x".repeat(10_000),
        "9".repeat(10_000),
        `${id}${"0".repeat(10_000)}`,
        `${id}x`,
        `${id}0`,
        `${id}/`,
        `${id}/complete`,
        `${id}%00`,
        `${id}\u0000`,
        `${id}%20`,
        ` ${id}`,
        `${id} `,
        `{${id}}`,
        `urn:uuid:${id}`,
        id.replace(/-/g, ""),
        id.slice(0, -1),
        `${id},${id}`,
        `${id}' or '1'='1`,
        "00000000-0000-0000-0000-000000000000",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
        "*",
        "",
        "null",
        "undefined",
        "[object Object]",
      ];
      await leavesUntouched(alice, async () => {
        for (const variant of variants) {
          for (const route of idRoutes(alice.userId, variant)) {
            const response = await attempt(route, { token: alice.token });
            await expectError(response, 404, "not_found");
          }
        }
      });
      // The real id still answers: the 404s were about the variants.
      const ok = await callRoute(
        { method: "GET", kind: "one", userId: alice.userId, id },
        { token: alice.token },
      );
      expect(ok.status).toBe(200);
    });

    it("encoded and over-long user ids are 403, never 500", async () => {
      const variants = [
        "%2e%2e",
        "..",
        "x".repeat(10_000),
        `${alice.userId}x`,
        `${alice.userId}%00`,
        `${alice.userId}\u0000`,
        ` ${alice.userId}`,
        alice.userId.toUpperCase(),
        "",
      ];
      for (const userId of variants) {
        for (const route of everyRoute(userId, randomUUID())) {
          await expectError(await attempt(route, { token: alice.token }), 403, "forbidden");
        }
      }
    });
  });

  /* ----------------------------------------------------- foreign origins */

  describe("cookie-bearing POSTs to auth endpoints from a foreign origin are refused", () => {
    const origins: [string, string | null, Record<string, string>][] = [
      ["a foreign origin", "https://evil.example", {}],
      ["no origin", null, {}],
      ["the literal null origin", "null", {}],
      ["a look-alike host", "http://localhost:3600.evil.example", {}],
      ["another port", "http://localhost:36000", {}],
      ["https instead of http", "https://localhost:3600", {}],
      ["a foreign Referer and no Origin", null, { referer: "https://evil.example/page" }],
    ];

    it.each(origins)("from %s", async (_label, origin, headers) => {
      const victim = await createTestUser();
      const requests: [string, unknown][] = [
        ["/sign-out", undefined],
        ["/revoke-sessions", {}],
        ["/delete-user", { password: victim.password }],
        ["/update-user", { name: "Pwned" }],
        [
          "/change-password",
          { currentPassword: victim.password, newPassword: "attacker chose this" },
        ],
        ["/change-email", { newEmail: `pwned-${randomUUID()}@evil.example` }],
      ];
      for (const [path, body] of requests) {
        attacks += 1;
        const response = await authRequest("POST", path, {
          body,
          origin,
          headers: { ...headers, cookie: victim.cookie },
        });
        expect(response.status, `${path}: ${await response.clone().text()}`).toBe(403);
      }
      // Nothing took effect: same name and e-mail, same password, the session still works.
      const [row] = await handle.db.select().from(user).where(eq(user.id, victim.userId));
      expect(row?.name).toBe("Test User");
      expect(row?.email).toBe(victim.email.toLowerCase());
      const signIn = await authRequest("POST", "/sign-in/email", {
        jar: new CookieJar(),
        body: { email: victim.email, password: victim.password },
      });
      expect(signIn.status).toBe(200);
      expect((await fetchToken(victim.jar)).status).toBe(200);
    });

    it("a cross-site form navigation cannot sign the visitor in (login CSRF)", async () => {
      const victim = await createTestUser();
      attacks += 1;
      const response = await authRequest("POST", "/sign-in/email", {
        origin: "https://evil.example",
        headers: { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" },
        body: { email: victim.email, password: victim.password },
      });
      expect(response.status).toBe(403);
      expect(response.headers.getSetCookie()).toEqual([]);
    });

    it("the same request from the app's own origin works (the refusals were about origin)", async () => {
      const victim = await createTestUser();
      const response = await authRequest("POST", "/update-user", {
        body: { name: "Renamed" },
        headers: { cookie: victim.cookie },
      });
      expect(response.status).toBe(200);
      const [row] = await handle.db.select().from(user).where(eq(user.id, victim.userId));
      expect(row?.name).toBe("Renamed");
    });
  });

  /* ------------------------------------------------------- oversized bodies */

  describe("bodies over the limit are 413", () => {
    const big = JSON.stringify({ title: "big", description: "x".repeat(MAX_BODY_BYTES) });
    const inPieces = (text: string, size: number) =>
      text.match(new RegExp(`[\\s\\S]{1,${size}}`, "g")) ?? [];
    /** A valid body padded with spaces to exactly `bytes` bytes. */
    const padded = (bytes: number) => {
      const head = '{"title":"padded"}';
      return head + " ".repeat(bytes - head.length);
    };

    it("with and without Content-Length, in one chunk or many, on every route with a body", async () => {
      const before = await taskCount();
      const own = await firstTaskOf(bob);
      const targets: RouteTarget[] = [
        { method: "POST", kind: "collection", userId: bob.userId },
        { method: "PUT", kind: "one", userId: bob.userId, id: own.id },
        { method: "PATCH", kind: "complete", userId: bob.userId, id: own.id },
      ];
      // Multi-byte characters count as bytes: 9,000 × "é" is 18,000 bytes.
      const accents = JSON.stringify({ title: "é".repeat(9000) });
      await leavesUntouched(bob, async () => {
        for (const route of targets) {
          const token = bob.token;
          for (const options of [
            { body: big },
            { chunks: [big] },
            { chunks: inPieces(big, 1024) },
            { chunks: inPieces(big, 7) },
            { chunks: [accents] },
          ] as RouteCallOptions[]) {
            const response = await attempt(route, { token, ...options });
            await expectError(response, 413, "payload_too_large");
          }
        }
        // The bulk route's own, larger cap.
        const bulk = JSON.stringify({
          action: "complete",
          ids: Array.from({ length: 1000 }, () => randomUUID()),
        });
        expect(bulk.length).toBeGreaterThan(BULK_BODY_MAX_BYTES);
        const route: RouteTarget = { method: "POST", kind: "bulk", userId: bob.userId };
        for (const options of [{ body: bulk }, { chunks: inPieces(bulk, 4096) }]) {
          const response = await attempt(route, { token: bob.token, ...options });
          await expectError(response, 413, "payload_too_large");
        }
      });
      expect(await taskCount()).toBe(before);
    });

    it("a Content-Length that understates or overstates the body changes nothing", async () => {
      const before = await taskCount();
      const route: RouteTarget = { method: "POST", kind: "collection", userId: bob.userId };
      const understated = await attempt(route, {
        token: bob.token,
        chunks: [big],
        headers: { "content-length": "10" },
      });
      await expectError(understated, 413, "payload_too_large");
      // A huge declared length is refused before anything is read.
      const overstated = await attempt(route, {
        token: bob.token,
        chunks: ['{"title":"x"}'],
        headers: { "content-length": String(10 * 1024 ** 3) },
      });
      await expectError(overstated, 413, "payload_too_large");
      expect(await taskCount()).toBe(before);
    });

    it("the limit is exact: 16 KiB passes, one byte more is 413", async () => {
      const route: RouteTarget = { method: "POST", kind: "collection", userId: bob.userId };
      const atLimit = await attempt(route, {
        token: bob.token,
        chunks: inPieces(padded(MAX_BODY_BYTES), 1000),
      });
      expect(atLimit.status).toBe(201);
      const over = await attempt(route, {
        token: bob.token,
        chunks: inPieces(padded(MAX_BODY_BYTES + 1), 1000),
      });
      await expectError(over, 413, "payload_too_large");
    });
  });

  /* ------------------------------------------------------ deleted accounts */

  describe("tokens of deleted accounts", () => {
    it("are 401 on every route, never a 500", async () => {
      const carol = await createTestUser();
      const own = await create(carol, { title: "Carol's" });
      const deleted = await authRequest("POST", "/delete-user", {
        jar: carol.jar,
        body: { password: carol.password },
      });
      expect(deleted.status, await deleted.clone().text()).toBe(200);
      expect(await handle.db.select().from(user).where(eq(user.id, carol.userId))).toEqual([]);
      const before = await taskCount();
      for (const id of [own.id, randomUUID()]) {
        for (const route of everyRoute(carol.userId, id)) {
          const response = await attempt(route, { token: carol.token });
          await expectError(response, 401, "unauthorized");
        }
      }
      expect(await taskCount()).toBe(before);
      expect(await handle.db.select().from(tasks).where(eq(tasks.userId, carol.userId))).toEqual(
        [],
      );
      expect(
        await handle.db.select().from(session).where(eq(session.userId, carol.userId)),
      ).toEqual([]);
    });

    it("writes racing the deletion answer 201 or 401, never 500, and leave nothing behind", async () => {
      const dave = await createTestUser();
      const post = (i: number): RouteTarget => ({
        method: "POST",
        kind: "collection",
        userId: dave.userId,
        json: { title: `race ${i}` },
      });
      const writes = Array.from({ length: 20 }, (_, i) => attempt(post(i), { token: dave.token }));
      const deletion = authRequest("POST", "/delete-user", {
        jar: dave.jar,
        body: { password: dave.password },
      });
      const [answers, deleted] = await Promise.all([Promise.all(writes), deletion]);
      expect(deleted.status).toBe(200);
      for (const response of answers) {
        expect([201, 401], await response.clone().text()).toContain(response.status);
        if (response.status === 401) await expectError(response, 401, "unauthorized");
      }
      expect(await handle.db.select().from(tasks).where(eq(tasks.userId, dave.userId))).toEqual([]);
      const after = await attempt(post(99), { token: dave.token });
      await expectError(after, 401, "unauthorized");
    });
  });
});
