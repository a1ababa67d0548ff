/**
 * The private calendar feed (issue 14) through the real route handlers, on every driver: turning
 * it on shows the address once; the feed answers without a cookie or JWT, with calendar headers,
 * and ical.js (an independent parser) reads back the right events: all-day for date-only dues,
 * timed ones in the user's zone, RRULEs that expand as Doable repeats; completed tasks for 30
 * days; nothing without a due, in an archived project or of another user; at most 5 000 events.
 * Regenerating makes the old address 404, turning off makes it 404, and nobody manages another
 * user's feed.
 */
import { eq, sql } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DELETE as deleteCalendar,
  GET as getCalendar,
  POST as postCalendar,
} from "@/app/api/[userId]/calendar/route";
import { GET as getFeed, POST as postFeed } from "@/app/api/calendar/[token]/route";
import type { DbHandle } from "@/db";
import { tasks } from "@/db/schema";
import { type CalendarFeedStatus, FEED_EVENTS_MAX } from "@/lib/calendar/model";
import type { Task } from "@/lib/tasks/model";
import { calendarFeedSchema } from "@/lib/validation/calendar";
import { taskSchema } from "@/lib/validation/task-responses";
import {
  attachTestDatabase,
  baseURL,
  createTestUser,
  setTestAuthEnv,
  type TestUser,
} from "../support/auth";
import { authRequest } from "../support/auth-requests";
import { openTestDatabase, testDrivers } from "../support/databases";
import { callApi, projectsPath, readError, tasksPath } from "../support/tasks-api";

setTestAuthEnv({ baseURL: "http://localhost:3350", dataDir: "/tmp/doable-calendar" });

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;
type Method = "GET" | "POST" | "DELETE";

const calendarHandlers = { GET: getCalendar, POST: postCalendar, DELETE: deleteCalendar };
const feedHandlers = { GET: getFeed, POST: postFeed };

/** /api/{owner}/calendar with `user`'s token (none: no Authorization header). */
function manage(method: Method, owner: string, user?: TestUser): Promise<Response> {
  const handler = calendarHandlers[method] as Handler;
  const headers = new Headers(user ? { authorization: `Bearer ${user.token}` } : {});
  const request = new Request(new URL(`/api/${owner}/calendar`, baseURL()), { method, headers });
  return handler(request, { params: Promise.resolve({ userId: owner }) });
}

async function turnOn(user: TestUser): Promise<string> {
  const response = await manage("POST", user.userId, user);
  expect(response.status, await response.clone().text()).toBe(201);
  const status = calendarFeedSchema.parse(await response.json());
  expect(status.enabled).toBe(true);
  return status.url ?? "";
}

/** Fetches a feed URL the way a calendar app does: no cookie, no Authorization. */
function fetchFeed(url: string, method: "GET" | "POST" = "GET"): Promise<Response> {
  const { pathname } = new URL(url);
  const token = decodeURIComponent(pathname.replace(/^\/api\/calendar\//, ""));
  const handler = feedHandlers[method] as Handler;
  return handler(new Request(url, { method }), { params: Promise.resolve({ token }) });
}

interface FeedEvent {
  uid: string;
  summary: string;
  description: string | null;
  allDay: boolean;
  tzid: string | null;
  start: ICAL.Time;
  end: ICAL.Time;
  rrule: string | null;
  /** The first n occurrences: dates for all-day events, ISO instants for timed ones. */
  occurrences(n: number): string[];
}

function parseFeed(text: string): FeedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const rrule = vevent.getFirstPropertyValue("rrule");
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description ?? null,
      allDay: event.startDate.isDate,
      tzid: (vevent.getFirstProperty("dtstart")?.getParameter("tzid") as string) ?? null,
      start: event.startDate,
      end: event.endDate,
      rrule: rrule ? String(rrule) : null,
      occurrences(n: number) {
        const found: string[] = [];
        const iterator = event.iterator();
        for (let next = iterator.next(); next && found.length < n; next = iterator.next()) {
          found.push(next.isDate ? next.toString() : next.toJSDate().toISOString());
        }
        return found;
      },
    };
  });
}

async function feedEvents(url: string): Promise<FeedEvent[]> {
  const response = await fetchFeed(url);
  expect(response.status, await response.clone().text()).toBe(200);
  return parseFeed(await response.text());
}

async function expectNoFeed(url: string) {
  const response = await fetchFeed(url);
  expect(response.status).toBe(404);
  expect((await readError(response)).code).toBe("not_found");
}

describe.each(testDrivers())("private calendar feed on %s", (driver) => {
  let handle: DbHandle;
  let alice: TestUser;
  let bob: TestUser;
  const ids: Record<string, string> = {};

  async function create(user: TestUser, name: string, json: Record<string, unknown>) {
    const response = await callApi("POST", tasksPath(user.userId), { token: user.token, json });
    expect(response.status, await response.clone().text()).toBe(201);
    const task: Task = taskSchema.parse(await response.json());
    ids[name] = task.id;
    return task;
  }
  const complete = (user: TestUser, id: string) =>
    callApi("PATCH", tasksPath(user.userId, id, "complete"), {
      token: user.token,
      json: { completed: true },
    });

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    attachTestDatabase(handle);
    [alice, bob] = await Promise.all([createTestUser(), createTestUser()]);
    const zoned = await authRequest("POST", "/update-user", {
      jar: alice.jar,
      body: { timeZone: "Europe/Berlin" },
    });
    expect(zoned.status).toBe(200);
    // Berlin is UTC+1 in winter, UTC+2 from 2030-03-31 02:00.
    await create(alice, "dentist", {
      title: "Dentist",
      description: "Bring the card\nand the form, please; thanks",
      dueAt: "2030-01-15T08:30:00Z",
      tags: ["secret-tag"],
    });
    await create(alice, "rent", { title: "Pay rent", dueAt: "2030-01-31T22:59:59.999Z" });
    await create(alice, "plants", {
      title: "Water the plants",
      dueAt: "2030-01-07T22:59:59.999Z",
      repeat: { rule: "FREQ=WEEKLY;BYDAY=MO", from: "due" },
    });
    await create(alice, "standup", {
      title: "Standup",
      dueAt: "2030-03-29T08:00:00Z",
      repeat: { rule: "FREQ=DAILY;COUNT=3", from: "due" },
    });
    await create(alice, "gym", {
      title: "Gym",
      dueAt: "2030-01-08T17:00:00Z",
      repeat: { rule: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20300122", from: "due" },
    });
    await create(alice, "haircut", {
      title: "Haircut",
      dueAt: "2030-01-10T22:59:59.999Z",
      repeat: { rule: "FREQ=MONTHLY;UNTIL=20300410T120000Z", from: "due" },
    });
    await create(alice, "filter", {
      title: "Change the filter",
      dueAt: "2030-02-01T09:00:00Z",
      repeat: { rule: "FREQ=DAILY;INTERVAL=30", from: "completion" },
    });
    await create(alice, "undated", { title: "Someday" });
    const done = await create(alice, "done", {
      title: "Filed taxes",
      dueAt: "2030-01-02T10:00:00Z",
    });
    expect((await complete(alice, done.id)).status).toBe(200);
    const old = await create(alice, "old", { title: "Old news", dueAt: "2029-01-02T10:00:00Z" });
    expect((await complete(alice, old.id)).status).toBe(200);
    await handle.db
      .update(tasks)
      .set({ completedAt: sql`now() - interval '40 days'` })
      .where(eq(tasks.id, old.id));
    const project = await callApi("POST", projectsPath(alice.userId), {
      token: alice.token,
      json: { name: "Shelved" },
    });
    const shelved = (await project.json()) as { id: string };
    await create(alice, "archived", {
      title: "In a shelved project",
      dueAt: "2030-01-05T10:00:00Z",
      projectId: shelved.id,
    });
    await callApi("PATCH", projectsPath(alice.userId, shelved.id), {
      token: alice.token,
      json: { archived: true },
    });
    await create(bob, "bobs", { title: "Bob's private dentist", dueAt: "2030-01-15T08:30:00Z" });
  });
  afterAll(() => handle?.close());

  it("is off at first, and shows the address once when turned on", async () => {
    const off = await manage("GET", alice.userId, alice);
    expect(off.status).toBe(200);
    expect(off.headers.get("cache-control")).toBe("no-store");
    expect(await off.json()).toEqual({ enabled: false, url: null, createdAt: null });

    const url = await turnOn(alice);
    expect(url).toMatch(/^http:\/\/localhost:3350\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const on = (await (await manage("GET", alice.userId, alice)).json()) as CalendarFeedStatus;
    expect(on).toMatchObject({ enabled: true, url: null });
    expect(Number.isNaN(Date.parse(on.createdAt ?? ""))).toBe(false);
    // Only the hash is stored.
    const stored = await handle.db.execute(sql`select token_hash from calendar_feeds`);
    const token = url.split("/").pop()?.replace(".ics", "") ?? "";
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("answers calendar apps without a cookie or JWT, with calendar headers", async () => {
    const url = await turnOn(alice);
    const response = await fetchFeed(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    const text = await response.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin");
    expect(text).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    // Nothing but the events' titles, descriptions and dates.
    expect(text).not.toContain(alice.email);
    expect(text).not.toContain("secret-tag");
    expect(text).not.toContain("Shelved");
    expect((await fetchFeed(url, "POST")).status).toBe(405);
  });

  it("lists the right events: all-day, timed, repeating, completed", async () => {
    const events = await feedEvents(await turnOn(alice));
    const byName = (name: string) => events.find((e) => e.uid === `${ids[name]}@doable`);
    const expected = ["dentist", "rent", "plants", "standup", "gym", "haircut", "filter", "done"];
    expect(events.map((e) => e.uid).sort()).toEqual(expected.map((n) => `${ids[n]}@doable`).sort());

    const dentist = byName("dentist");
    expect(dentist).toMatchObject({ summary: "Dentist", allDay: false, tzid: "Europe/Berlin" });
    expect(dentist?.description).toBe("Bring the card\nand the form, please; thanks");
    expect(dentist?.start.toString()).toBe("2030-01-15T09:30:00");
    expect(dentist?.start.toJSDate().toISOString()).toBe("2030-01-15T08:30:00.000Z");
    expect(dentist?.rrule).toBeNull();

    const rent = byName("rent");
    expect(rent).toMatchObject({ summary: "Pay rent", allDay: true, rrule: null });
    expect([rent?.start.toString(), rent?.end.toString()]).toEqual(["2030-01-31", "2030-02-01"]);

    const plants = byName("plants");
    expect(plants).toMatchObject({ allDay: true, rrule: "FREQ=WEEKLY;BYDAY=MO" });
    expect(plants?.occurrences(3)).toEqual(["2030-01-07", "2030-01-14", "2030-01-21"]);

    // Wall time kept across the change to summer time on 2030-03-31.
    const standup = byName("standup");
    expect(standup?.rrule).toBe("FREQ=DAILY;COUNT=3");
    expect(standup?.occurrences(5)).toEqual([
      "2030-03-29T08:00:00.000Z",
      "2030-03-30T08:00:00.000Z",
      "2030-03-31T07:00:00.000Z",
    ]);

    // A DATE UNTIL on a timed task becomes the end of that local day in UTC.
    const gym = byName("gym");
    expect(gym?.rrule).toBe("FREQ=WEEKLY;BYDAY=TU;UNTIL=20300122T225959Z");
    expect(gym?.occurrences(5)).toHaveLength(3);

    // A UTC UNTIL on an all-day task becomes the last date it covers.
    const haircut = byName("haircut");
    expect(haircut?.rrule).toBe("FREQ=MONTHLY;BYMONTHDAY=10;UNTIL=20300409");
    expect(haircut?.occurrences(6)).toEqual(["2030-01-10", "2030-02-10", "2030-03-10"]);

    // Repeating from completion: only the current due is known.
    expect(byName("filter")).toMatchObject({ allDay: false, rrule: null });
    expect(byName("done")).toMatchObject({ summary: "✓ Filed taxes", rrule: null });
  });

  it("a completed repeating occurrence leaves its RRULE to the next one", async () => {
    const url = await turnOn(alice);
    const response = await complete(alice, ids.plants ?? "");
    expect(response.status).toBe(200);
    const events = await feedEvents(url);
    const plants = events.filter((e) => e.summary.endsWith("Water the plants"));
    expect(plants.map((e) => [e.summary, e.start.toString(), e.rrule]).sort()).toEqual([
      ["Water the plants", "2030-01-14", "FREQ=WEEKLY;BYDAY=MO"],
      ["✓ Water the plants", "2030-01-07", null],
    ]);
  });

  it("regenerating makes the old address 404, turning off makes it 404", async () => {
    const first = await turnOn(alice);
    const second = await turnOn(alice);
    expect(second).not.toBe(first);
    await expectNoFeed(first);
    expect((await fetchFeed(second)).status).toBe(200);

    const off = await manage("DELETE", alice.userId, alice);
    expect(off.status).toBe(204);
    await expectNoFeed(second);
    expect(await (await manage("GET", alice.userId, alice)).json()).toEqual({
      enabled: false,
      url: null,
      createdAt: null,
    });
    expect((await manage("DELETE", alice.userId, alice)).status).toBe(204);
  });

  it("answers 404 for addresses that are not a feed", async () => {
    const url = await turnOn(alice);
    const token = url.split("/").pop()?.replace(".ics", "") ?? "";
    const base = `${baseURL()}/api/calendar/`;
    for (const file of [
      "x.ics",
      token,
      `${token}.ical`,
      `${token}x.ics`,
      `${token.slice(1)}.ics`,
      `${"A".repeat(43)}.ics`,
    ]) {
      await expectNoFeed(`${base}${encodeURIComponent(file)}`);
    }
  });

  it("keeps users apart: each feed holds its owner's tasks, and nobody manages another's", async () => {
    const aliceUrl = await turnOn(alice);
    const bobUrl = await turnOn(bob);
    const bobs = await feedEvents(bobUrl);
    expect(bobs.map((e) => e.summary)).toEqual(["Bob's private dentist"]);
    const alices = await feedEvents(aliceUrl);
    expect(alices.some((e) => e.summary.includes("Bob"))).toBe(false);

    for (const method of ["GET", "POST", "DELETE"] as const) {
      const response = await manage(method, bob.userId, alice);
      expect(response.status, method).toBe(403);
      expect((await readError(response)).code).toBe("forbidden");
      const anonymous = await manage(method, bob.userId);
      expect(anonymous.status, method).toBe(401);
    }
    // Bob's address still works: Alice's attempts changed nothing.
    expect((await fetchFeed(bobUrl)).status).toBe(200);
  });

  it(`holds at most ${FEED_EVENTS_MAX} events, open ones first`, async () => {
    const carol = await createTestUser();
    await handle.db.execute(sql`
      insert into tasks (user_id, title, due_at, completed, completed_at)
      select ${carol.userId}, 'Bulk ' || n, now() + n * interval '1 hour', n % 10 = 0,
             case when n % 10 = 0 then now() end
      from generate_series(1, ${FEED_EVENTS_MAX + 20}) as n`);
    const events = await feedEvents(await turnOn(carol));
    expect(events).toHaveLength(FEED_EVENTS_MAX);
    const open = FEED_EVENTS_MAX + 20 - Math.floor((FEED_EVENTS_MAX + 20) / 10);
    expect(events.filter((e) => !e.summary.startsWith("✓")).length).toBe(Math.min(open, 5000));
  }, 120_000);
});
