/**
 * Database round trips per request on neon-http (issue 15): each HTTP request to Neon is a
 * network round trip in production, so the count is the latency floor of every API call. The
 * local Neon server counts them (tests/support/neon-http-server.ts). Budget: one round trip
 * for each task API request on the success path, with the caller's token and session already
 * verified (the session is asked again at most once per SESSION_RECHECK_MS); at most two for
 * `GET /api/auth/token`. Not timed: the counts are exact, so they cannot flake.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { attachTestDatabase, createTestUser, setTestAuthEnv, type TestUser } from "../support/auth";
import { authRequest, CookieJar, fetchToken } from "../support/auth-requests";
import { neonRoundTrips, openTestDatabase, testDrivers } from "../support/databases";
import { callApi, projectsPath, tasksPath } from "../support/tasks-api";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "doable-round-trips-"));
setTestAuthEnv({ baseURL: "http://localhost:3330", dataDir });

const onNeon = testDrivers().includes("neon-http");

describe.runIf(onNeon)("database round trips per request on neon-http", () => {
  let handle: DbHandle;
  let trips: NonNullable<ReturnType<typeof neonRoundTrips>>;
  let user: TestUser;

  beforeAll(async () => {
    handle = await openTestDatabase("neon-http");
    attachTestDatabase(handle);
    const counter = neonRoundTrips(handle);
    if (!counter) throw new Error("the neon-http test database does not count round trips");
    trips = counter;
    user = await createTestUser();
    // The first request verifies the token's session and loads the signing keys: once per
    // process and session, not per request.
    await call("GET", tasksPath(user.userId));
  });
  afterAll(() => handle?.close());

  async function call(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    json?: unknown,
    headers?: Record<string, string>,
  ) {
    const response = await callApi(method, url, { token: user.token, json, headers });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return response;
  }

  /** The round trips `work` cost. */
  async function measure(work: () => Promise<unknown>): Promise<number> {
    trips.reset();
    await work();
    return trips.count();
  }

  async function newTask(fields: Record<string, unknown> = {}) {
    const response = await call("POST", tasksPath(user.userId), { title: "Task", ...fields });
    return {
      id: ((await response.json()) as { id: string }).id,
      etag: response.headers.get("etag"),
    };
  }

  const counted: Record<string, number> = {};
  afterAll(() => console.info(`[round trips on neon-http] ${JSON.stringify(counted)}`));

  async function expectTrips(name: string, work: () => Promise<unknown>, budget: number) {
    const count = await measure(work);
    counted[name] = count;
    expect(count, name).toBe(budget);
  }

  it("lists a page with its counts in one round trip, filtered by project or parent too", async () => {
    const parent = await newTask({ title: "Parent" });
    await newTask({ title: "Child", parentId: parent.id });
    await expectTrips("list", () => call("GET", tasksPath(user.userId)), 1);
    await expectTrips(
      "list by parent",
      () => call("GET", `${tasksPath(user.userId)}?parent=${parent.id}`),
      1,
    );
    await expectTrips("list by due", () => call("GET", `${tasksPath(user.userId)}?due=today`), 1);
    const project = await call("POST", projectsPath(user.userId), { name: "Garden" });
    const { id: projectId } = (await project.json()) as { id: string };
    await expectTrips(
      "list by project",
      () => call("GET", `${tasksPath(user.userId)}?project=${projectId}`),
      1,
    );
  });

  it("creates, reads, updates, completes and deletes a task in one round trip each", async () => {
    await expectTrips("create", () => call("POST", tasksPath(user.userId), { title: "New" }), 1);
    const task = await newTask();
    await expectTrips("get", () => call("GET", tasksPath(user.userId, task.id)), 1);
    await expectTrips(
      "update",
      () => call("PUT", tasksPath(user.userId, task.id), { title: "Renamed" }),
      1,
    );
    const fresh = await call("GET", tasksPath(user.userId, task.id));
    const etag = fresh.headers.get("etag") ?? "";
    await expectTrips(
      "update with If-Match",
      () => call("PUT", tasksPath(user.userId, task.id), { title: "Again" }, { "If-Match": etag }),
      1,
    );
    await expectTrips(
      "complete",
      () => call("PATCH", tasksPath(user.userId, task.id, "complete")),
      1,
    );
    await expectTrips("delete", () => call("DELETE", tasksPath(user.userId, task.id)), 1);
  });

  it("completes a repeating task (this one done, the next one scheduled) in two", async () => {
    const task = await newTask({
      dueAt: "2031-01-06T09:00:00.000Z",
      repeat: { rule: "FREQ=WEEKLY", from: "due" },
    });
    await expectTrips(
      "complete repeating",
      () => call("PATCH", tasksPath(user.userId, task.id, "complete")),
      2,
    );
  });

  it("applies a bulk action in one round trip", async () => {
    const ids = [(await newTask()).id, (await newTask()).id];
    await expectTrips(
      "bulk complete",
      () => call("POST", tasksPath(user.userId, "bulk"), { action: "complete", ids }),
      1,
    );
  });

  it("mints an API token in at most two, and signs in in two", async () => {
    await expectTrips(
      "GET /api/auth/token",
      async () => expect((await fetchToken(user.jar)).token).toBeTruthy(),
      2,
    );
    await expectTrips(
      "sign-in",
      async () => {
        const response = await authRequest("POST", "/sign-in/email", {
          jar: new CookieJar(),
          body: { email: user.email, password: user.password },
        });
        expect(response.status).toBe(200);
      },
      2,
    );
  });
});
