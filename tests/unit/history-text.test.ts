/** The task editor's history in words: every kind of entry and every field's change. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeDue } from "@/components/dashboard/due";
import {
  eventLines,
  eventTime,
  type HistoryWords,
} from "@/components/dashboard/history/history-text";
import { reminderLabel } from "@/components/dashboard/planner/reminder-text";
import { setDisplayZone } from "@/components/dashboard/zone";
import type { TaskEvent, TaskEventKind } from "@/lib/tasks/model";

/** Tuesday 14 January 2025, 12:00 in Berlin. */
const now = new Date("2025-01-14T11:00:00.000Z");
const WORK = "7f1c7a4e-5b0e-4a53-9d7a-0c2f4c6a1b01";
const GONE = "7f1c7a4e-5b0e-4a53-9d7a-0c2f4c6a1b02";
const PARENT = "7f1c7a4e-5b0e-4a53-9d7a-0c2f4c6a1b03";
const OTHER_PARENT = "7f1c7a4e-5b0e-4a53-9d7a-0c2f4c6a1b04";

const words: HistoryWords = {
  projectName: (id) => (id === WORK ? "Work" : undefined),
  now,
};

let sequence = 0;
function event(kind: TaskEventKind, changes: TaskEvent["changes"] = {}): TaskEvent {
  return { id: String(++sequence), kind, at: "2025-01-14T10:00:00.000Z", changes };
}

/** The lines of an "updated" entry that changed one field. */
const updated = (field: string, from: unknown, to: unknown) =>
  eventLines(event("updated", { [field]: { from, to } }), words);

beforeEach(() => setDisplayZone("Europe/Berlin"));
afterEach(() => setDisplayZone(undefined));

describe("each kind of entry", () => {
  it("says what happened", () => {
    expect(eventLines(event("created"), words)).toEqual(["Created"]);
    expect(eventLines(event("deleted"), words)).toEqual(["Deleted"]);
    expect(eventLines(event("restored"), words)).toEqual(["Restored from the trash"]);
    expect(eventLines(event("completed", { completed: { from: false, to: true } }), words)).toEqual(
      ["Completed"],
    );
    expect(eventLines(event("reopened", { completed: { from: true, to: false } }), words)).toEqual([
      "Reopened",
    ]);
  });

  it("tells the other fields a completion changed with it", () => {
    const lines = eventLines(
      event("completed", {
        completed: { from: false, to: true },
        title: { from: "Draft", to: "Final" },
      }),
      words,
    );
    expect(lines).toEqual(["Completed", "Renamed from “Draft” to “Final”"]);
  });

  it("tells a move by where it went", () => {
    const moved = (changes: TaskEvent["changes"]) => eventLines(event("moved", changes), words);
    expect(moved({ position: { from: "1.5", to: "2.25" } })).toEqual(["Moved in the list"]);
    expect(
      moved({ projectId: { from: null, to: WORK }, position: { from: "1", to: "2" } }),
    ).toEqual(["Moved to Work"]);
    expect(moved({ projectId: { from: WORK, to: null } })).toEqual(["Moved to the Inbox"]);
    expect(moved({ projectId: { from: null, to: GONE } })).toEqual([
      "Moved to a project that no longer exists",
    ]);
    expect(
      moved({ parentId: { from: null, to: PARENT }, position: { from: "1", to: "2" } }),
    ).toEqual(["Made a subtask"]);
    expect(moved({ parentId: { from: PARENT, to: null } })).toEqual(["No longer a subtask"]);
    expect(moved({ parentId: { from: PARENT, to: OTHER_PARENT } })).toEqual([
      "Moved under another task",
    ]);
    // Made a subtask of a task in another project: both, project first.
    expect(
      moved({ parentId: { from: null, to: PARENT }, projectId: { from: null, to: WORK } }),
    ).toEqual(["Moved to Work", "Made a subtask"]);
    // Nothing recorded (never written so, but never blank either).
    expect(moved({})).toEqual(["Moved in the list"]);
  });

  it("lists each field an update changed, in the editor's order", () => {
    const lines = eventLines(
      event("updated", {
        tags: { from: [], to: ["home"] },
        priority: { from: "low", to: "high" },
        title: { from: "Draft", to: "Final" },
      }),
      words,
    );
    expect(lines).toEqual([
      "Renamed from “Draft” to “Final”",
      "Priority: low → high",
      "Tags: +home",
    ]);
    expect(eventLines(event("updated"), words)).toEqual(["Changed"]);
  });
});

describe("each field's change", () => {
  it("title", () => {
    expect(updated("title", "Draft", "Final")).toEqual(["Renamed from “Draft” to “Final”"]);
  });

  it("description", () => {
    expect(updated("description", null, "Notes")).toEqual(["Description added"]);
    expect(updated("description", "Notes", null)).toEqual(["Description removed"]);
    expect(updated("description", "Notes", "More notes")).toEqual(["Description changed"]);
  });

  it("priority", () => {
    expect(updated("priority", "low", "high")).toEqual(["Priority: low → high"]);
    expect(updated("priority", "none", "medium")).toEqual(["Priority: none → medium"]);
  });

  it("due date, as the task row says it", () => {
    // All day tomorrow in Berlin: the last millisecond of 15 January there.
    expect(updated("dueAt", null, "2025-01-15T22:59:59.999Z")).toEqual(["Due: none → Tomorrow"]);
    expect(updated("dueAt", "2025-01-15T22:59:59.999Z", null)).toEqual(["Due: Tomorrow → none"]);
    const later = "2031-05-01T08:00:00.000Z";
    const label = describeDue(later, true, now).label;
    expect(label).toContain("2031");
    expect(updated("dueAt", "2025-01-14T22:59:59.999Z", later)).toEqual([`Due: Today → ${label}`]);
  });

  it("repeat, as the rule's summary", () => {
    const weekly = { rule: "FREQ=WEEKLY;BYDAY=TH", from: "due" };
    expect(updated("repeat", weekly, null)).toEqual(["Repeat: every week on Thu → none"]);
    expect(updated("repeat", null, { rule: "FREQ=DAILY", from: "completion" })).toEqual([
      "Repeat: none → every day after completion",
    ]);
    expect(updated("repeat", weekly, { rule: "FREQ=HOURLY", from: "due" })).toEqual([
      "Repeat: every week on Thu → a custom rule",
    ]);
    // Two rules the summary cannot tell apart.
    expect(
      updated(
        "repeat",
        { rule: "FREQ=SECONDLY", from: "due" },
        { rule: "FREQ=MINUTELY", from: "due" },
      ),
    ).toEqual(["Repeat changed"]);
  });

  it("reminders", () => {
    expect(updated("reminders", [], [{ minutesBefore: 15 }])).toEqual([
      "Reminders: none → 15 min before",
    ]);
    const at = { at: "2025-01-20T07:00:00.000Z" };
    expect(updated("reminders", [{ minutesBefore: 0 }, { minutesBefore: 60 }], [at])).toEqual([
      `Reminders: at due time; 1 hour before → ${reminderLabel(at)}`,
    ]);
    expect(updated("reminders", [{ minutesBefore: 15 }], "not reminders")).toEqual([
      "Reminders changed",
    ]);
  });

  it("tags, as what was added and taken away", () => {
    expect(updated("tags", ["b", "c"], ["a", "c"])).toEqual(["Tags: +a −b"]);
    expect(updated("tags", ["a", "b"], ["b", "a"])).toEqual(["Tags changed"]);
  });

  it("completed, told by the entry's kind", () => {
    expect(
      eventLines(
        event("updated", {
          completed: { from: false, to: true },
          priority: { from: "none", to: "low" },
        }),
        words,
      ),
    ).toEqual(["Priority: none → low"]);
  });

  it("project and parent", () => {
    expect(updated("projectId", null, WORK)).toEqual(["Moved to Work"]);
    expect(updated("projectId", WORK, null)).toEqual(["Moved to the Inbox"]);
    expect(updated("parentId", null, PARENT)).toEqual(["Made a subtask"]);
    expect(updated("parentId", PARENT, null)).toEqual(["No longer a subtask"]);
  });

  it("position", () => {
    expect(updated("position", "1", "2")).toEqual(["Moved in the list"]);
  });

  it("a field this version does not know yet", () => {
    expect(updated("startAt", null, "2025-01-20T07:00:00.000Z")).toEqual(["Start at changed"]);
  });
});

describe("when it happened", () => {
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

  it("is relative at first, then a date as the list shows one", () => {
    expect(eventTime(ago(20_000), now).label).toBe("Just now");
    expect(eventTime(ago(5 * 60_000), now).label).toBe("5 min ago");
    expect(eventTime(ago(3 * 3_600_000), now).label).toMatch(/^Today /);
    expect(eventTime(ago(26 * 3_600_000), now).label).toMatch(/^Yesterday /);
    const old = "2023-06-01T08:00:00.000Z";
    expect(eventTime(old, now)).toEqual({
      label: describeDue(old, true, now).label,
      full: describeDue(old, true, now).full,
    });
    expect(eventTime(old, now).label).toContain("2023");
  });
});
