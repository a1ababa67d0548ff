import { afterEach, describe, expect, it } from "vitest";
import {
  dateFieldInDays,
  describeDue,
  dueFromFields,
  dueToFields,
} from "@/components/dashboard/due";
import {
  defaultForm,
  formToRule,
  presetOf,
  type RepeatForm,
  ruleToForm,
} from "@/components/dashboard/planner/repeat-rule";
import { groupTasks } from "@/components/dashboard/task-groups";
import { viewFromParams } from "@/components/dashboard/view";
import {
  addDays,
  dayKey,
  daysBetween,
  setDisplayZone,
  wallTime,
  zonedTime,
} from "@/components/dashboard/zone";
import type { Task } from "@/lib/tasks/model";
import { presetRule, summarizeRepeat } from "@/lib/tasks/repeat-summary";

/** Tuesday 14 January 2025, local midnight. */
const tuesday = new Date(2025, 0, 14);

describe("the custom repeat builder's rules", () => {
  const form = (patch: Partial<RepeatForm>): RepeatForm => ({ ...defaultForm(tuesday), ...patch });

  it("starts weekly on the due date's weekday, from the due date", () => {
    expect(formToRule(defaultForm(tuesday))).toBe("FREQ=WEEKLY;BYDAY=TU");
    expect(defaultForm(tuesday)).toMatchObject({ monthDay: 14, setPos: 2, posDay: "TU" });
  });

  it("writes every shape it offers", () => {
    expect(formToRule(form({ freq: "DAILY", interval: 3 }))).toBe("FREQ=DAILY;INTERVAL=3");
    expect(formToRule(form({ interval: 2, weekdays: ["TH", "MO", "TH"] }))).toBe(
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
    );
    expect(formToRule(form({ freq: "MONTHLY", monthly: "day", monthDay: 31 }))).toBe(
      "FREQ=MONTHLY;BYMONTHDAY=31",
    );
    expect(
      formToRule(form({ freq: "MONTHLY", monthly: "weekday", setPos: -1, posDay: "FR" })),
    ).toBe("FREQ=MONTHLY;BYDAY=-1FR");
    expect(formToRule(form({ freq: "MONTHLY", monthly: "last-day" }))).toBe(
      "FREQ=MONTHLY;BYMONTHDAY=-1",
    );
    expect(formToRule(form({ freq: "YEARLY", ends: "count", count: 5 }))).toBe(
      "FREQ=YEARLY;COUNT=5",
    );
    expect(formToRule(form({ ends: "until", until: "2027-12-31" }))).toBe(
      "FREQ=WEEKLY;BYDAY=TU;UNTIL=20271231",
    );
    // An end date not filled in yet: no end.
    expect(formToRule(form({ ends: "until", until: "" }))).toBe("FREQ=WEEKLY;BYDAY=TU");
  });

  it("reads back what it writes, and what the server normalises to", () => {
    for (const patch of [
      { freq: "DAILY", interval: 3 },
      { interval: 2, weekdays: ["MO", "TH"], ends: "count", count: 5 },
      { freq: "MONTHLY", monthly: "weekday", setPos: -1, posDay: "FR" },
      { freq: "MONTHLY", monthly: "day", monthDay: 9, from: "completion" },
      { freq: "MONTHLY", monthly: "last-day", ends: "until", until: "2027-12-31" },
    ] as Partial<RepeatForm>[]) {
      const written = form(patch);
      const rule = formToRule(written);
      expect(formToRule(ruleToForm(rule, written.from, tuesday) as RepeatForm), rule).toBe(rule);
    }
    // The server's "the 30th, or the last day of a shorter month", and "the 31st" = last day.
    expect(
      ruleToForm("FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1", "due", tuesday),
    ).toMatchObject({ freq: "MONTHLY", monthly: "day", monthDay: 30 });
    expect(
      ruleToForm("FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1", "due", tuesday),
    ).toMatchObject({ monthly: "last-day" });
    expect(ruleToForm("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2", "due", tuesday)).toMatchObject({
      monthly: "weekday",
      setPos: 2,
      posDay: "TU",
    });
    expect(ruleToForm("FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=14", "due", tuesday)).toMatchObject({
      freq: "YEARLY",
    });
  });

  it("leaves shapes it cannot show to the rule as it is", () => {
    for (const rule of [
      "FREQ=MONTHLY;BYDAY=MO,TU",
      "FREQ=MONTHLY;BYDAY=5FR",
      "FREQ=DAILY;BYMONTH=3",
      "FREQ=HOURLY",
      "nonsense",
    ]) {
      expect(ruleToForm(rule, "due", tuesday), rule).toBeNull();
    }
  });

  it("recognises a preset in the rule the server stored, for the due date it was made for", () => {
    for (const kind of ["daily", "weekdays", "weekly", "monthly", "yearly"] as const) {
      expect(presetOf(presetRule(kind, tuesday), tuesday)).toBe(kind);
    }
    expect(presetOf("FREQ=WEEKLY;BYDAY=TU", tuesday)).toBe("weekly");
    expect(presetOf("FREQ=WEEKLY;BYDAY=WE", tuesday)).toBeNull();
    expect(presetOf("FREQ=MONTHLY;BYMONTHDAY=14", tuesday)).toBe("monthly");
    expect(presetOf("FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=14", tuesday)).toBe("yearly");
    const thirtyFirst = new Date(2025, 0, 31);
    expect(presetOf("FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1", thirtyFirst)).toBe(
      "monthly",
    );
    expect(summarizeRepeat({ rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", from: "due" })).toBe(
      "Every 2 weeks on Mon, Thu",
    );
  });
});

describe("days in the user's zone", () => {
  it("names the day an instant falls on in a zone", () => {
    const instant = "2025-01-14T23:30:00Z";
    expect(dayKey(instant, "UTC")).toBe("2025-01-14");
    expect(dayKey(instant, "Europe/Berlin")).toBe("2025-01-15");
    expect(dayKey(instant, "America/New_York")).toBe("2025-01-14");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(daysBetween("2025-03-29", "2025-04-02")).toBe(4);
  });
});

describe("due dates in the account's zone, whatever the browser's", () => {
  afterEach(() => setDisplayZone(undefined));

  it("a day without a time is that day's last millisecond in the zone", () => {
    setDisplayZone("Asia/Tokyo");
    expect(dueFromFields("2025-01-14", "")).toBe("2025-01-14T14:59:59.999Z");
    expect(dueToFields("2025-01-14T14:59:59.999Z")).toEqual({ date: "2025-01-14", time: "" });
    expect(dueFromFields("2025-01-14", "09:30")).toBe("2025-01-14T00:30:00.000Z");
    expect(dueToFields("2025-01-14T00:30:00.000Z")).toEqual({ date: "2025-01-14", time: "09:30" });
    setDisplayZone("America/Los_Angeles");
    expect(dueFromFields("2025-07-01", "")).toBe("2025-07-02T06:59:59.999Z");
  });

  it("today and tomorrow are the zone's", () => {
    setDisplayZone("Asia/Tokyo");
    // 20:00 UTC on the 14th is 05:00 on the 15th in Tokyo.
    const now = new Date("2025-01-14T20:00:00Z");
    expect(dateFieldInDays(0, now)).toBe("2025-01-15");
    expect(describeDue("2025-01-15T14:59:59.999Z", false, now).label).toBe("Today");
    expect(describeDue("2025-01-16T14:59:59.999Z", false, now).label).toBe("Tomorrow");
    expect(describeDue("2025-01-14T14:59:59.999Z", false, now)).toMatchObject({
      label: "Yesterday",
      overdue: true,
    });
  });

  it("wall times across daylight saving", () => {
    const wall = { second: 0, millisecond: 0 };
    // Berlin springs forward at 02:00 on 30 March 2025: 02:30 does not exist, 03:30 is CEST.
    expect(
      zonedTime({ year: 2025, month: 3, day: 30, hour: 3, minute: 30, ...wall }, "Europe/Berlin"),
    ).toEqual(new Date("2025-03-30T01:30:00Z"));
    expect(
      zonedTime({ year: 2025, month: 3, day: 30, hour: 1, minute: 30, ...wall }, "Europe/Berlin"),
    ).toEqual(new Date("2025-03-30T00:30:00Z"));
    expect(wallTime(new Date("2025-10-26T00:30:00Z"), "Europe/Berlin")).toMatchObject({
      hour: 2,
      minute: 30,
    });
  });
});

describe("the list's groups", () => {
  const task = (id: string, dueAt: string | null, completed = false): Task => ({
    id,
    title: id,
    description: null,
    completed,
    completedAt: null,
    priority: "none",
    dueAt,
    tags: [],
    repeat: null,
    reminders: [],
    nextReminderAt: null,
    nextOccurrenceId: null,
    projectId: null,
    parentId: null,
    position: "1",
    subtasks: { total: 0, done: 0 },
    createdAt: "2025-01-01T00:00:00Z",
    updatedAt: "2025-01-01T00:00:00Z",
  });
  const now = new Date("2025-01-14T10:00:00Z");
  const view = (query: string) => viewFromParams(new URLSearchParams(query));

  it("Today: overdue first, then today", () => {
    const groups = groupTasks(
      view("view=today"),
      [task("late", "2025-01-12T23:59:59.999Z"), task("now", "2025-01-14T23:59:59.999Z")],
      "UTC",
      now,
      false,
    );
    expect(groups.map((g) => [g.title, g.tasks.map((t) => t.id)])).toEqual([
      ["Overdue", ["late"]],
      ["Today", ["now"]],
    ]);
  });

  it("Upcoming: fourteen days, empty ones too; only the loaded days while more can load", () => {
    const tasks = [task("a", "2025-01-14T12:00:00Z"), task("b", "2025-01-17T12:00:00Z")];
    const all = groupTasks(view("view=upcoming"), tasks, "UTC", now, false);
    expect(all).toHaveLength(14);
    expect(all[0]).toMatchObject({ title: "Today", day: "2025-01-14" });
    expect(all[1]?.title).toBe("Tomorrow");
    expect(all[3]?.tasks.map((t) => t.id)).toEqual(["b"]);
    expect(all[2]?.tasks).toEqual([]);
    expect(groupTasks(view("view=upcoming"), tasks, "UTC", now, true)).toHaveLength(4);
    expect(groupTasks(view("view=upcoming&q=b"), tasks, "UTC", now, false)).toHaveLength(2);
    // At 20:00 UTC it is already the 15th in Tokyo: "a" (21:00 there on the 14th) is
    // yesterday's, and shows under today.
    const evening = new Date("2025-01-14T20:00:00Z");
    const tokyo = groupTasks(view("view=upcoming"), tasks, "Asia/Tokyo", evening, false);
    expect(tokyo[0]).toMatchObject({ day: "2025-01-15" });
    expect(tokyo[0]?.tasks.map((t) => t.id)).toEqual(["a"]);
  });

  it("All: completed tasks sink below the open ones; the other tabs are one list", () => {
    const tasks = [task("done", null, true), task("open", null)];
    expect(groupTasks(view(""), tasks, "UTC", now, false).map((g) => g.title)).toEqual([
      null,
      "Completed",
    ]);
    expect(groupTasks(view("status=active"), tasks, "UTC", now, false)).toHaveLength(1);
  });
});
