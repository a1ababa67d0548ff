/**
 * Reminder delivery on every driver (issue 12): devices subscribe through the API; the
 * dispatcher pushes due reminders to a local push service that decrypts them as a browser would
 * (tests/support/push-receiver.ts) and mails them to a local SMTP server; two dispatchers racing
 * over 1000 due reminders deliver each exactly once; a lease outlives a crashed dispatcher; a
 * 410 deletes the subscription; snooze reminds again; the cron route wants its secret.
 */
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as devicesRoute from "@/app/api/[userId]/push-subscriptions/route";
import * as testRoute from "@/app/api/[userId]/push-subscriptions/test/route";
import { GET as cron } from "@/app/api/cron/reminders/route";
import type { DbHandle } from "@/db";
import { claimDueReminders } from "@/db/queries/reminders";
import { pushSubscriptions, tasks } from "@/db/schema";
import { resetEnvCache } from "@/lib/server/env";
import { resetVapidKeysCache } from "@/lib/server/push/vapid";
import { DISPATCH_LEASE_MS, dispatchReminders } from "@/lib/server/reminders/dispatch";
import {
  attachTestDatabase,
  baseURL,
  createTestUser,
  setTestAuthEnv,
  type TestUser,
} from "../support/auth";
import { authRequest } from "../support/auth-requests";
import { openTestDatabase, testDrivers } from "../support/databases";
import { type PushReceiver, startPushReceiver } from "../support/push-receiver";
import { callApi, tasksPath } from "../support/tasks-api";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "doable-reminders-"));
setTestAuthEnv({ baseURL: "http://localhost:3320", dataDir });

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

async function callDevices(user: TestUser, method: "GET" | "POST", json?: unknown) {
  const handler = (devicesRoute as Record<string, Handler>)[method];
  if (!handler) throw new Error(`no ${method}`);
  const request = new Request(`${baseURL()}/api/${user.userId}/push-subscriptions`, {
    method,
    headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  return handler(request, { params: Promise.resolve({ userId: user.userId }) });
}

async function startInbox() {
  const received: { to: string[]; text: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          text: Buffer.concat(chunks)
            .toString("utf8")
            .replace(/=\r?\n/g, ""),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A far-future moment for one test's reminders, so tests do not fire each other's. */
let slot = 0;
const future = () => new Date(Date.UTC(2031, 0, 1) + ++slot * 86_400_000);

describe.each(testDrivers())("reminders on %s", (driver) => {
  let handle: DbHandle;
  let receiver: PushReceiver;
  let inbox: Awaited<ReturnType<typeof startInbox>>;
  let alice: TestUser;

  beforeAll(async () => {
    receiver = await startPushReceiver();
    inbox = await startInbox();
    process.env.SMTP_URL = `smtp://127.0.0.1:${inbox.port}`;
    resetEnvCache();
    resetVapidKeysCache();
    handle = await openTestDatabase(driver);
    attachTestDatabase(handle);
    alice = await createTestUser();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    delete process.env.CRON_SECRET;
    resetEnvCache();
    await handle?.close();
    await receiver?.close();
    await inbox?.close();
  });

  async function subscribeDevice(user: TestUser) {
    const subscription = receiver.subscribe();
    const response = await callDevices(user, "POST", { subscription, label: "Test browser" });
    expect(response.status, await response.clone().text()).toBe(201);
    return subscription;
  }

  /** A task due an hour after `fireAt`, reminded at `fireAt` (and `also`, if given). */
  async function taskWithReminder(
    user: TestUser,
    title: string,
    fireAt: Date,
    also: { minutesBefore: number }[] = [],
  ) {
    const response = await callApi("POST", tasksPath(user.userId), {
      token: user.token,
      json: {
        title,
        dueAt: new Date(fireAt.getTime() + 3_600_000).toISOString(),
        reminders: [{ at: fireAt.toISOString() }, ...also],
      },
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; nextReminderAt: string | null };
  }

  it("pushes a due reminder once, encrypted for the subscription, then schedules the next", async () => {
    const device = await subscribeDevice(alice);
    const fireAt = future();
    const task = await taskWithReminder(alice, "Call the dentist", fireAt, [{ minutesBefore: 0 }]);
    expect(task.nextReminderAt).toBe(fireAt.toISOString());
    const report = await dispatchReminders(handle.db, {
      now: () => new Date(fireAt.getTime() + 1000),
    });
    expect(report).toMatchObject({ claimed: 1, delivered: 1, push: { sent: 1 } });
    const pushes = receiver.received(device.endpoint) as {
      taskId: string;
      title: string;
      body: string;
      type: string;
    }[];
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({
      type: "reminder",
      taskId: task.id,
      title: "Call the dentist",
      userId: alice.userId,
    });
    expect(pushes[0]?.body).toMatch(/^Due /);
    const [row] = await handle.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row?.nextReminderAt?.toISOString()).toBe(
      new Date(fireAt.getTime() + 3_600_000).toISOString(),
    );
    // Dispatched again at the same moment: nothing is due, nothing is sent twice.
    const again = await dispatchReminders(handle.db, {
      now: () => new Date(fireAt.getTime() + 2000),
    });
    expect(again.claimed).toBe(0);
    expect(receiver.received(device.endpoint)).toHaveLength(1);
    // The next one, at the due time, goes out when it is due; then none is left.
    const dueAt = new Date(fireAt.getTime() + 3_600_000);
    const second = await dispatchReminders(handle.db, {
      now: () => new Date(dueAt.getTime() + 1000),
    });
    expect(second).toMatchObject({ claimed: 1, delivered: 1 });
    expect(receiver.received(device.endpoint)).toHaveLength(2);
    const [done] = await handle.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(done?.nextReminderAt).toBeNull();
  });

  it("two dispatchers racing over 1000 due reminders deliver each exactly once", async () => {
    const bob = await createTestUser();
    const device = await subscribeDevice(bob);
    const fireAt = future();
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      userId: bob.userId,
      title: `Reminder ${i}`,
      dueAt: new Date(fireAt.getTime() + 3_600_000),
      reminders: [{ at: fireAt.toISOString() }],
      nextReminderAt: fireAt,
    }));
    for (let i = 0; i < rows.length; i += 250)
      await handle.db.insert(tasks).values(rows.slice(i, i + 250));
    const now = () => new Date(fireAt.getTime() + 1000);
    const [first, second] = await Promise.all([
      dispatchReminders(handle.db, { now, batchSize: 50 }),
      dispatchReminders(handle.db, { now, batchSize: 50 }),
    ]);
    expect(first.delivered + second.delivered).toBe(1000);
    const ids = (receiver.received(device.endpoint) as { taskId: string }[]).map((p) => p.taskId);
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
    console.info(
      `[dispatch race] ${driver}: ${first.delivered} + ${second.delivered} delivered, duplicates ${ids.length - new Set(ids).size}`,
    );
    // 1000 encrypted pushes take 4-7 s alone and passed 30 s in CI beside the other test files
    // on 2 cores; a race cut short keeps dispatching and leaks its reminders into later tests.
  }, 120_000);

  it("retries after the lease when a dispatcher died between claim and send", async () => {
    const carol = await createTestUser();
    const device = await subscribeDevice(carol);
    const fireAt = future();
    await taskWithReminder(carol, "Claimed, then lost", fireAt);
    const claimAt = new Date(fireAt.getTime() + 1000);
    // A dispatcher claims it and dies.
    const claimed = await claimDueReminders(
      handle.db,
      claimAt,
      new Date(claimAt.getTime() + DISPATCH_LEASE_MS),
      10,
    );
    expect(claimed.map((c) => c.title)).toEqual(["Claimed, then lost"]);
    const during = await dispatchReminders(handle.db, {
      now: () => new Date(claimAt.getTime() + 1000),
    });
    expect(during.claimed).toBe(0);
    expect(receiver.received(device.endpoint)).toHaveLength(0);
    const after = await dispatchReminders(handle.db, {
      now: () => new Date(claimAt.getTime() + DISPATCH_LEASE_MS + 1000),
    });
    expect(after.delivered).toBe(1);
    expect(receiver.received(device.endpoint)).toHaveLength(1);
  });

  it("deletes a subscription the push service reports gone (410)", async () => {
    const dave = await createTestUser();
    const device = await subscribeDevice(dave);
    receiver.answer(device.endpoint, 410);
    const fireAt = future();
    await taskWithReminder(dave, "To a gone browser", fireAt);
    const report = await dispatchReminders(handle.db, {
      now: () => new Date(fireAt.getTime() + 1000),
    });
    expect(report.push.gone).toBe(1);
    expect(
      await handle.db
        .select()
        .from(pushSubscriptions)
        .where(eq(pushSubscriptions.userId, dave.userId)),
    ).toEqual([]);
  });

  it("mails the reminder to a local SMTP server when e-mail reminders are on", async () => {
    const erin = await createTestUser();
    const on = await authRequest("POST", "/update-user", {
      jar: erin.jar,
      body: { emailReminders: true },
    });
    expect(on.status).toBe(200);
    const fireAt = future();
    await taskWithReminder(erin, "Renew the passport", fireAt);
    const before = inbox.received.length;
    const report = await dispatchReminders(handle.db, {
      now: () => new Date(fireAt.getTime() + 1000),
    });
    expect(report).toMatchObject({ delivered: 1, mail: { sent: 1, failed: 0 } });
    await vi.waitFor(() => expect(inbox.received.length).toBe(before + 1));
    const mail = inbox.received.at(-1);
    expect(mail?.to).toEqual([erin.email]);
    expect(mail?.text).toContain("Subject: Reminder: Renew the passport");
  });

  it("snooze reminds again after the minutes asked", async () => {
    const frank = await createTestUser();
    const device = await subscribeDevice(frank);
    const fireAt = future();
    const task = await taskWithReminder(frank, "Snoozed", fireAt);
    await dispatchReminders(handle.db, { now: () => new Date(fireAt.getTime() + 1000) });
    const snooze = await callApi("POST", tasksPath(frank.userId, task.id, "reminders", "snooze"), {
      token: frank.token,
      json: { minutes: 10 },
    });
    expect(snooze.status).toBe(200);
    const { nextReminderAt } = (await snooze.json()) as { nextReminderAt: string };
    const inTen = Date.now() + 10 * 60_000;
    expect(Math.abs(Date.parse(nextReminderAt) - inTen)).toBeLessThan(5_000);
    await dispatchReminders(handle.db, { now: () => new Date(Date.parse(nextReminderAt) + 1000) });
    const titles = (receiver.received(device.endpoint) as { title: string }[]).map((p) => p.title);
    expect(titles).toEqual(["Snoozed", "Snoozed"]);
  });

  it("lists the user's devices without their secrets, and sends a test notification", async () => {
    const gina = await createTestUser();
    const device = await subscribeDevice(gina);
    const list = await callDevices(gina, "GET");
    const body = (await list.json()) as {
      vapidPublicKey: string;
      devices: { id: string; label: string }[];
    };
    expect(body.vapidPublicKey).toMatch(/^[\w-]{80,}$/);
    expect(body.devices.map((d) => d.label)).toEqual(["Test browser"]);
    expect(JSON.stringify(body)).not.toContain(device.keys.auth);
    const request = new Request(`${baseURL()}/api/${gina.userId}/push-subscriptions/test`, {
      method: "POST",
      headers: { authorization: `Bearer ${gina.token}` },
    });
    const sent = await (testRoute.POST as Handler)(request, {
      params: Promise.resolve({ userId: gina.userId }),
    });
    expect(await sent.json()).toEqual({ sent: 1, gone: 0, failed: 0 });
    expect(receiver.received(device.endpoint)).toEqual([expect.objectContaining({ type: "test" })]);
    // Another user's token cannot list or test gina's devices.
    const other = await createTestUser();
    const foreign = await callDevices({ ...other, userId: gina.userId }, "GET");
    expect(foreign.status).toBe(403);
  });

  it("the cron route is off without CRON_SECRET and refuses a missing or wrong secret", async () => {
    const call = (authorization?: string) =>
      cron(
        new Request(`${baseURL()}/api/cron/reminders`, {
          headers: authorization ? { authorization } : {},
        }),
        { params: Promise.resolve({}) },
      );
    delete process.env.CRON_SECRET;
    resetEnvCache();
    expect((await call("Bearer anything-at-all-here")).status).toBe(503);
    process.env.CRON_SECRET = "cron-secret-for-the-reminder-tests";
    resetEnvCache();
    expect((await call()).status).toBe(401);
    expect((await call("Bearer cron-secret-for-the-reminder-test")).status).toBe(401);
    expect((await call("Basic cron-secret-for-the-reminder-tests")).status).toBe(401);
    const ok = await call("Bearer cron-secret-for-the-reminder-tests");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      claimed: expect.any(Number),
      delivered: expect.any(Number),
    });
  });

  it("forgets every subscription of a deleted account", async () => {
    const hank = await createTestUser();
    await subscribeDevice(hank);
    const deletion = await authRequest("POST", "/delete-user", {
      jar: hank.jar,
      body: { password: hank.password },
    });
    expect(deletion.status).toBe(200);
    expect(
      await handle.db
        .select()
        .from(pushSubscriptions)
        .where(inArray(pushSubscriptions.userId, [hank.userId])),
    ).toEqual([]);
  });
});
