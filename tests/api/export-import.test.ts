/**
 * Export and import (issue 14) through the real route handlers, on every driver: the export's
 * fields, a round trip into a new account (JSON and CSV) equal apart from ids and export time,
 * the Todoist fixture (tests/fixtures/todoist.csv) imported as README.md documents it, dry runs
 * that name each bad row and write nothing, all-or-nothing imports, no duplicates on a second
 * import, 413 past the size limit, another user's ids never reached, and an export that streams.
 */
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/[userId]/export/route";
import * as importRoute from "@/app/api/[userId]/import/route";
import type { DbHandle } from "@/db";
import { projects, tasks, user as users } from "@/db/schema";
import type { Task } from "@/lib/tasks/model";
import {
  DOABLE_CSV_COLUMNS,
  type ExportDocument,
  IMPORT_MAX_BYTES,
  type ImportResult,
} from "@/lib/transfer/model";
import { taskListSchema, taskSchema } from "@/lib/validation/task-responses";
import { exportDocumentSchema, importResultSchema } from "@/lib/validation/transfer";
import {
  attachTestDatabase,
  baseURL,
  createTestUser,
  setTestAuthEnv,
  type TestUser,
} from "../support/auth";
import { openTestDatabase, testDrivers } from "../support/databases";
import { callApi, projectsPath, readError, tasksPath } from "../support/tasks-api";

setTestAuthEnv({ baseURL: "http://localhost:3340", dataDir: "/tmp/doable-transfer" });

const FIXTURE = fs.readFileSync(path.join(process.cwd(), "tests/fixtures/todoist.csv"), "utf8");

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

function send(
  handler: Handler,
  user: TestUser,
  url: string,
  init: RequestInit = {},
  owner = user.userId,
) {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${user.token}`);
  const request = new Request(new URL(url, baseURL()), { ...init, headers });
  return handler(request, { params: Promise.resolve({ userId: owner }) });
}

const exportOf = (user: TestUser, query = "") =>
  send(exportRoute.GET as Handler, user, `/api/${user.userId}/export${query}`);

function importInto(user: TestUser, body: string, query = "", type?: string) {
  return send(importRoute.POST as Handler, user, `/api/${user.userId}/import${query}`, {
    method: "POST",
    body,
    headers: type ? { "content-type": type } : {},
  });
}

async function imported(
  user: TestUser,
  body: string,
  query = "",
  type?: string,
): Promise<ImportResult> {
  const response = await importInto(user, body, query, type);
  expect(response.status, await response.clone().text()).toBe(200);
  return importResultSchema.parse(await response.json());
}

async function exportJson(user: TestUser): Promise<ExportDocument> {
  const response = await exportOf(user);
  expect(response.status, await response.clone().text()).toBe(200);
  return exportDocumentSchema.parse(await response.json());
}

/**
 * An export with every id replaced by a name that does not depend on the account (the task's
 * title, the project's name), in an order that does not either, and without its export time.
 */
function comparable(doc: ExportDocument) {
  const names = new Map<string, string>();
  for (const p of doc.projects) names.set(p.id, `project:${p.name}`);
  for (const t of doc.tasks) names.set(t.id, `task:${t.title}|${t.dueAt}`);
  const name = (id: string | null) => (id === null ? null : (names.get(id) ?? `missing:${id}`));
  return {
    projects: doc.projects.map(({ id, ...p }) => ({ ...p, id: name(id) })),
    tasks: doc.tasks
      .map(({ id, projectId, parentId, nextOccurrenceId, ...t }) => ({
        ...t,
        id: name(id),
        projectId: name(projectId),
        parentId: name(parentId),
        nextOccurrenceId: name(nextOccurrenceId),
      }))
      .sort((a, b) => String(a.id).localeCompare(String(b.id))),
  };
}

describe.each(testDrivers())("export and import on %s", (driver) => {
  let handle: DbHandle;
  let alice: TestUser;
  let aliceExport: ExportDocument;

  async function create(user: TestUser, json: Record<string, unknown>): Promise<Task> {
    const response = await callApi("POST", tasksPath(user.userId), { token: user.token, json });
    expect(response.status, await response.clone().text()).toBe(201);
    return taskSchema.parse(await response.json());
  }
  async function project(user: TestUser, json: Record<string, unknown>): Promise<{ id: string }> {
    const response = await callApi("POST", projectsPath(user.userId), { token: user.token, json });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as { id: string };
  }
  async function allTasks(user: TestUser): Promise<Task[]> {
    const response = await callApi(
      "GET",
      `${tasksPath(user.userId)}?limit=100&sort=created&order=asc`,
      {
        token: user.token,
      },
    );
    expect(response.status).toBe(200);
    return taskListSchema.parse(await response.json()).tasks;
  }
  const taskCount = async (user: TestUser) =>
    (await handle.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.userId, user.userId)))
      .length;
  const projectCount = async (user: TestUser) =>
    (
      await handle.db
        .select({ id: projects.id })
        .from(projects)
        .where(eq(projects.userId, user.userId))
    ).length;

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    attachTestDatabase(handle);
    alice = await createTestUser();
    const work = await project(alice, { name: 'Work, "main"', color: "blue" });
    const old = await project(alice, { name: "Archive", color: "red" });
    await callApi("PATCH", projectsPath(alice.userId, old.id), {
      token: alice.token,
      json: { archived: true },
    });
    const report = await create(alice, {
      title: '=Write the report, "final"',
      description: "Line one\nline two, with a comma\n- and a list",
      priority: "high",
      dueAt: "2030-01-31T17:00:00Z",
      tags: ["work", "ünïcödé"],
      reminders: [{ minutesBefore: 15 }, { at: "2030-01-30T09:00:00Z" }],
      projectId: work.id,
    });
    await create(alice, { title: "Gather numbers", parentId: report.id });
    await create(alice, { title: "Email the team 📧", parentId: report.id, priority: "low" });
    const weekly = await create(alice, {
      title: "Water the plants",
      dueAt: "2030-01-07T23:59:59.999Z",
      repeat: { rule: "FREQ=WEEKLY;BYDAY=MO", from: "due" },
    });
    const done = await callApi("PATCH", tasksPath(alice.userId, weekly.id, "complete"), {
      token: alice.token,
      json: { completed: true },
    });
    expect(done.status).toBe(200);
    await create(alice, { title: "Old idea", projectId: old.id });
    const finished = await create(alice, { title: "Finished thing" });
    await callApi("PATCH", tasksPath(alice.userId, finished.id, "complete"), {
      token: alice.token,
      json: { completed: true },
    });
    aliceExport = await exportJson(alice);
  });
  afterAll(() => handle?.close());

  it("exports every field as a versioned JSON download", async () => {
    const response = await exportOf(alice);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="doable-export-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    const doc = exportDocumentSchema.parse(await response.json());
    expect(doc).toMatchObject({ format: "doable", version: 1 });
    expect(doc.projects.map((p) => [p.name, p.color, p.archived])).toEqual([
      ['Work, "main"', "blue", false],
      ["Archive", "red", true],
    ]);
    expect(doc.tasks).toHaveLength(7);
    const report = doc.tasks.find((t) => t.title.startsWith("=Write"));
    expect(report).toMatchObject({
      priority: "high",
      dueAt: "2030-01-31T17:00:00.000Z",
      tags: ["work", "ünïcödé"],
      reminders: [{ minutesBefore: 15 }, { at: "2030-01-30T09:00:00.000Z" }],
      projectId: doc.projects[0]?.id,
    });
    const subtasks = doc.tasks.filter((t) => t.parentId === report?.id);
    expect(subtasks.map((t) => t.projectId)).toEqual([report?.projectId, report?.projectId]);
    const series = doc.tasks.filter((t) => t.title === "Water the plants");
    const [first, next] = series;
    expect(first).toMatchObject({ completed: true, nextOccurrenceId: next?.id });
    expect(first?.completedAt).not.toBeNull();
    expect(next).toMatchObject({
      completed: false,
      repeat: { rule: "FREQ=WEEKLY;BYDAY=MO", from: "due" },
    });
  });

  it("round-trips into a new account, and a second import adds nothing", async () => {
    const bob = await createTestUser();
    const first = await imported(bob, JSON.stringify(aliceExport), "", "application/json");
    expect(first).toMatchObject({
      format: "doable-json",
      dryRun: false,
      created: { projects: 2, tasks: 5, subtasks: 2 },
      skipped: { projects: 0, tasks: 0 },
      problemCount: 0,
    });
    const bobExport = await exportJson(bob);
    expect(comparable(bobExport)).toEqual(comparable(aliceExport));
    expect(bobExport.tasks.map((t) => t.id)).not.toContain(aliceExport.tasks[0]?.id);

    const again = await imported(bob, JSON.stringify(aliceExport));
    expect(again.created).toEqual({ projects: 0, tasks: 0, subtasks: 0 });
    expect(again.skipped).toEqual({ projects: 2, tasks: 7 });
    // Bob's own export brought back into Bob's account: its ids are his, nothing is new.
    const own = await imported(bob, JSON.stringify(bobExport));
    expect(own.skipped).toEqual({ projects: 2, tasks: 7 });
    expect(await taskCount(bob)).toBe(7);
    expect(comparable(await exportJson(bob))).toEqual(comparable(aliceExport));
    // An imported repeating task completes like any other: its next occurrence has no import key.
    const open = bobExport.tasks.find((t) => t.repeat && !t.completed);
    const completed = await callApi("PATCH", tasksPath(bob.userId, open?.id ?? "", "complete"), {
      token: bob.token,
      json: { completed: true },
    });
    expect(completed.status, await completed.clone().text()).toBe(200);
    expect(await taskCount(bob)).toBe(8);
  });

  it("writes a CSV with the documented header that Papa Parse reads back, and imports it", async () => {
    const response = await exportOf(alice, "?format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(
      /filename="doable-export-[\d-]+\.csv"/,
    );
    const text = await response.text();
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...DOABLE_CSV_COLUMNS]);
    expect(parsed.data.filter((r) => r.type === "project")).toHaveLength(2);
    const report = parsed.data.find((r) => r.title?.includes("Write the report"));
    // A formula-like title is guarded for spreadsheets; the import takes the guard off.
    expect(report?.title).toBe('\'=Write the report, "final"');
    expect(report?.description).toBe("Line one\nline two, with a comma\n- and a list");
    expect(JSON.parse(report?.tags ?? "")).toEqual(["work", "ünïcödé"]);

    const carol = await createTestUser();
    const result = await imported(carol, text, "", "text/csv");
    expect(result).toMatchObject({
      format: "doable-csv",
      created: { projects: 2, tasks: 5, subtasks: 2 },
    });
    expect(comparable(await exportJson(carol))).toEqual(comparable(aliceExport));
    expect((await imported(carol, text)).skipped).toEqual({ projects: 2, tasks: 7 });
  });

  it("imports the Todoist fixture as documented", async () => {
    const dana = await createTestUser();
    await handle.db
      .update(users)
      .set({ timeZone: "America/New_York" })
      .where(eq(users.id, dana.userId));
    const result = await imported(dana, FIXTURE, "?project=Garden", "text/csv");
    expect(result).toMatchObject({
      format: "todoist-csv",
      created: { projects: 1, tasks: 6, subtasks: 2 },
      problemCount: 0,
    });
    const list = await allTasks(dana);
    const byTitle = new Map(list.map((t) => [t.title, t]));
    const garden = byTitle.get("Plan the garden");
    expect(garden).toMatchObject({
      priority: "high",
      tags: ["outdoors", "weekend"],
      parentId: null,
    });
    expect(garden?.description).toBe("Seeds, soil, and a trowel");
    // "Dec 24": the next 24 December, a day without a time (23:59:59.999 in New York).
    expect(garden?.dueAt).toMatch(/-12-25T04:59:59\.999Z$/);
    expect(byTitle.get("Buy seeds")).toMatchObject({ priority: "medium", parentId: garden?.id });
    // INDENT 3 flattens to a subtask of the top-level task; the note is its description.
    expect(byTitle.get("Compare seed prices")).toMatchObject({
      priority: "low",
      parentId: garden?.id,
      description: "Checked the shop, 10% off",
    });
    const water = byTitle.get("Water the plants");
    expect(water).toMatchObject({
      priority: "none",
      repeat: { rule: "FREQ=WEEKLY;BYDAY=MO", from: "due" },
    });
    expect(new Date(water?.dueAt ?? "").getUTCDay()).toBe(2); // Monday 23:59:59.999 in New York
    const call = byTitle.get("Call the bank, then the landlord");
    expect(call).toMatchObject({
      priority: "high",
      tags: ["errands"],
      description: "Deadline: 2030-01-31",
    });
    expect(byTitle.get("Café crème für Zoë 🎉")).toMatchObject({
      priority: "none",
      tags: ["café", "errands"],
      description: 'Größe: "groß", bitte',
      dueAt: "2030-06-16T03:59:59.999Z",
    });
    const rent = byTitle.get("Pay the rent");
    expect(rent?.repeat).toMatchObject({ from: "completion" });
    expect(rent?.repeat?.rule).toMatch(/^FREQ=MONTHLY/);
    expect(byTitle.get("Renew passport")).toMatchObject({
      priority: "low",
      dueAt: "2030-03-02T04:59:59.999Z",
    });
    const projectIds = new Set(list.map((t) => t.projectId));
    expect(projectIds.size).toBe(1);
    expect([...projectIds][0]).not.toBeNull();
    // The same file again adds nothing, and its project is found by name.
    const again = await imported(dana, FIXTURE, "?project=garden");
    expect(again.created).toEqual({ projects: 0, tasks: 0, subtasks: 0 });
    expect(again.skipped).toEqual({ projects: 1, tasks: 8 });
    // Without ?project= a Todoist file goes to the Inbox.
    const erin = await createTestUser();
    expect((await imported(erin, FIXTURE)).created.projects).toBe(0);
    expect((await allTasks(erin)).every((t) => t.projectId === null)).toBe(true);
  });

  const BAD_TODOIST = [
    "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE",
    "task,Fine task,,1,1,,,,en,",
    "task,Bad priority,,7,1,,,,en,",
    "section,Later,,,,,,,,",
    "task,Orphan subtask,,1,2,,,,en,",
    "task,Odd date,,1,1,,,every 2nd tuesday,en,",
    `task,${"x".repeat(201)},,1,1,,,,en,`,
    "task,German date,,1,1,,,jährlich,de,",
    "task,Another fine task,,4,1,,,tomorrow,en,",
  ].join("\n");

  it("a dry run names each bad row and writes nothing", async () => {
    const frank = await createTestUser();
    const result = await imported(frank, BAD_TODOIST, "?dryRun=1&project=Later");
    expect(result.dryRun).toBe(true);
    expect(result.problems.map((p) => p.row)).toEqual([3, 5, 6, 7, 8]);
    expect(result.problems[0]?.reason).toMatch(/PRIORITY/);
    expect(result.problems[1]?.reason).toMatch(/INDENT 2/);
    expect(result.problems[2]?.reason).toMatch(/every 2nd tuesday/);
    expect(result.problems[3]?.reason).toMatch(/200 characters/);
    expect(result.problems[4]?.reason).toMatch(/DATE_LANG "de"/);
    expect(result.problemCount).toBe(5);
    expect(result.created).toEqual({ projects: 1, tasks: 2, subtasks: 0 });
    const clean = await imported(frank, JSON.stringify(aliceExport), "?dryRun=true");
    expect(clean.created).toEqual({ projects: 2, tasks: 5, subtasks: 2 });
    expect([await taskCount(frank), await projectCount(frank)]).toEqual([0, 0]);
  });

  it("a file with one bad row imports nothing", async () => {
    const gina = await createTestUser();
    const response = await importInto(gina, BAD_TODOIST, "?project=Later");
    expect(response.status).toBe(400);
    const error = await readError(response);
    expect(error.code).toBe("validation_failed");
    expect(error.message).toMatch(/^5 rows cannot be imported, so nothing was imported\. Row 3: /);
    expect(error.details?.map((d) => d.path)).toEqual([
      "row 3",
      "row 5",
      "row 6",
      "row 7",
      "row 8",
    ]);
    const oneBad = structuredClone(aliceExport);
    (oneBad.tasks[5] as { dueAt: string | null }).dueAt = "next tuesday";
    const json = await importInto(gina, JSON.stringify(oneBad));
    expect(json.status).toBe(400);
    expect((await readError(json)).details).toEqual([
      { path: "tasks[5].dueAt", message: expect.stringMatching(/ISO-8601/) },
    ]);
    expect([await taskCount(gina), await projectCount(gina)]).toEqual([0, 0]);
  });

  it("keeps the subtask rules and the project cap, with row numbers", async () => {
    const hal = await createTestUser();
    const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
    const doc = {
      format: "doable",
      version: 1,
      projects: [],
      tasks: [
        { id: id(1), title: "Parent" },
        { id: id(2), title: "Child", parentId: id(1) },
        { id: id(3), title: "Grandchild", parentId: id(2) },
        ...Array.from({ length: 100 }, (_, i) => ({
          id: id(10 + i),
          title: `Sub ${i}`,
          parentId: id(1),
        })),
      ],
    };
    const result = await imported(hal, JSON.stringify(doc), "?dryRun=1");
    expect(result.problems.map((p) => [p.path, p.reason.slice(0, 24)])).toEqual([
      ["tasks[2]", "Subtasks go one level de"],
      ["tasks[102]", "A task holds at most 100"],
    ]);
    await handle.db
      .insert(projects)
      .values(Array.from({ length: 299 }, (_, i) => ({ userId: hal.userId, name: `P${i}` })));
    const two = {
      format: "doable",
      version: 1,
      tasks: [],
      projects: [1, 2].map((n) => ({ id: id(n), name: `New ${n}` })),
    };
    const capped = await importInto(hal, JSON.stringify(two));
    expect(capped.status).toBe(400);
    expect((await readError(capped)).details).toEqual([
      { path: "projects[1]", message: expect.stringMatching(/at most 300 projects/) },
    ]);
    expect(await projectCount(hal)).toBe(299);
  });

  it("refuses bad files with a clear 400, never a 500", async () => {
    const ivy = await createTestUser();
    const cases: [string, string | undefined, RegExp][] = [
      ["", undefined, /empty/],
      ["hello, world\n1,2", undefined, /not a file Doable can import/],
      ['{"format":"doable","version":1,"tasks":[', undefined, /not valid JSON/],
      ['{"format":"doable","version":2,"tasks":[]}', undefined, /version must be 1/],
      ['{"format":"todoist","version":1,"tasks":[]}', undefined, /format/],
      ["TYPE,CONTENT\ntask,x", "application/json", /application\/json but is a CSV/],
      ['{"format":"doable","version":1,"tasks":[]}', "text/csv", /text\/csv but is a JSON/],
      ["TYPE,CONTENT\ntask,x", "multipart/form-data; boundary=x", /file itself/],
      ['TYPE,CONTENT\ntask,"unclosed', undefined, /rows? cannot be imported/],
      ["type,id,title,bogus\n", undefined, /Unknown columns in the header: bogus/],
    ];
    for (const [body, type, message] of cases) {
      const response = await importInto(ivy, body, "", type);
      expect(response.status, body).toBe(400);
      expect((await readError(response)).message).toMatch(message);
    }
    expect((await importInto(ivy, "{}", "?dryRun=maybe")).status).toBe(400);
    expect((await importInto(ivy, "{}", "?format=csv")).status).toBe(400);
    expect((await exportOf(ivy, "?format=xml")).status).toBe(400);
    expect(await taskCount(ivy)).toBe(0);
  });

  it("answers 413 past the size limit, 401 without a token and 403 for another user's path", async () => {
    const jay = await createTestUser();
    const response = await importInto(jay, "x".repeat(IMPORT_MAX_BYTES + 1));
    expect(response.status).toBe(413);
    expect((await readError(response)).code).toBe("payload_too_large");
    const lying = await send(importRoute.POST as Handler, jay, `/api/${jay.userId}/import`, {
      method: "POST",
      body: "{}",
      headers: { "content-length": String(IMPORT_MAX_BYTES + 1) },
    });
    expect(lying.status).toBe(413);
    const anonymous = await exportRoute.GET(
      new Request(new URL(`/api/${jay.userId}/export`, baseURL())),
      {
        params: Promise.resolve({ userId: jay.userId }),
      },
    );
    expect(anonymous.status).toBe(401);
    expect(
      (await send(exportRoute.GET as Handler, jay, `/api/${alice.userId}/export`, {}, alice.userId))
        .status,
    ).toBe(403);
    const other = await send(
      importRoute.POST as Handler,
      jay,
      `/api/${alice.userId}/import`,
      { method: "POST", body: "{}" },
      alice.userId,
    );
    expect(other.status).toBe(403);
  });

  // Neon's request cap only: registered on that driver alone (not a skip on the others).
  const onNeon = driver === "neon-http" ? it : () => {};
  onNeon("refuses an import too large for one Neon request before sending any of it", async () => {
    const lee = await createTestUser();
    const doc = {
      format: "doable",
      version: 1,
      tasks: Array.from({ length: 5000 }, (_, i) => ({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
        title: `Long ${i}`,
        description: "d".repeat(1900),
      })),
    };
    const response = await importInto(lee, JSON.stringify(doc));
    expect(response.status).toBe(413);
    expect((await readError(response)).message).toMatch(/split the file/);
    expect(await taskCount(lee)).toBe(0);
  });

  it("never reaches another user's projects or tasks", async () => {
    const victim = await createTestUser();
    const attacker = await createTestUser();
    const secret = await project(victim, { name: "Secret" });
    const task = await create(victim, { title: "Victim's task", projectId: secret.id });
    const crafted = {
      format: "doable",
      version: 1,
      projects: [{ id: secret.id, name: "Mine now" }],
      tasks: [
        { id: task.id, title: "Overwrite?", projectId: secret.id },
        { id: "11111111-1111-4111-8111-111111111111", title: "Under it", parentId: task.id },
      ],
    };
    const dry = await imported(attacker, JSON.stringify(crafted), "?dryRun=1");
    expect(dry.skipped).toEqual({ projects: 0, tasks: 0 });
    const result = await imported(attacker, JSON.stringify(crafted));
    expect(result.created).toEqual({ projects: 1, tasks: 1, subtasks: 1 });
    const mine = await exportJson(attacker);
    expect(mine.projects.map((p) => p.id)).not.toContain(secret.id);
    expect(mine.tasks.map((t) => t.id)).not.toContain(task.id);
    expect(mine.tasks.every((t) => t.projectId === mine.projects[0]?.id)).toBe(true);
    const theirs = await exportJson(victim);
    expect(theirs.projects).toEqual([expect.objectContaining({ id: secret.id, name: "Secret" })]);
    expect(theirs.tasks).toEqual([
      expect.objectContaining({ id: task.id, title: "Victim's task" }),
    ]);
    // The victim importing their own export still finds their own rows.
    expect((await imported(victim, JSON.stringify(theirs))).skipped).toEqual({
      projects: 1,
      tasks: 1,
    });
  });

  it("streams a large export a page at a time", async () => {
    const kim = await createTestUser();
    const rows = Array.from({ length: 3500 }, (_, i) => ({
      userId: kim.userId,
      title: `Task ${i}`,
      createdAt: new Date(Date.UTC(2030, 0, 1) + Math.floor(i / 3)),
    }));
    for (let i = 0; i < rows.length; i += 500)
      await handle.db.insert(tasks).values(rows.slice(i, i + 500));
    for (const query of ["", "?format=csv"]) {
      const response = await exportOf(kim, query);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const chunks: Uint8Array[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
      }
      expect(chunks.length).toBeGreaterThanOrEqual(4);
      const text = new TextDecoder().decode(Buffer.concat(chunks));
      const titles = query
        ? Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data.map(
            (r) => r.title,
          )
        : exportDocumentSchema.parse(JSON.parse(text)).tasks.map((t) => t.title);
      // Three tasks share each millisecond: the keyset still yields each task exactly once.
      expect(new Set(titles).size).toBe(3500);
      expect(titles).toHaveLength(3500);
    }
  });
});
