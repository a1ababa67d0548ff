import { describe, expect, it } from "vitest";
import { dragAnnouncements } from "@/components/dashboard/ordering/drag-announcements";
import {
  altArrowDelta,
  dropMove,
  endText,
  moveBetween,
  movedText,
  reorderScope,
  type SiblingList,
  siblingLists,
  stepMove,
} from "@/components/dashboard/ordering/reorder";
import {
  answerCompletion,
  askToComplete,
  completionDialogClosed,
} from "@/components/dashboard/subtasks/complete-prompt";
import { groupTasks } from "@/components/dashboard/task-groups";
import { viewFromParams } from "@/components/dashboard/view";
import type { Task } from "@/lib/tasks/model";

const PROJECT = "0b7c6a38-3f6e-4a43-9d43-1c1f2a0e5b11";

function task(id: string, position: string, extra: Partial<Task> = {}): Task {
  return {
    id,
    title: `Task ${id}`,
    description: null,
    completed: false,
    completedAt: null,
    priority: "none",
    dueAt: null,
    tags: [],
    repeat: null,
    reminders: [],
    nextReminderAt: null,
    nextOccurrenceId: null,
    projectId: PROJECT,
    parentId: null,
    position,
    subtasks: { total: 0, done: 0 },
    createdAt: "2025-01-01T00:00:00Z",
    updatedAt: "2025-01-01T00:00:00Z",
    ...extra,
  };
}

const view = (query: string) => viewFromParams(new URLSearchParams(query));
const list = (tasks: Task[], descending = false): SiblingList => ({
  key: "l",
  tasks,
  descending,
});
const ids = (target: { after: Task } | { before: Task }) =>
  "after" in target ? { after: target.after.id } : { before: target.before.id };

describe("which rows can be reordered", () => {
  it("only in the manual order, unfiltered, outside select mode, where subtasks nest", () => {
    expect(reorderScope(view(`project=${PROJECT}`), false)).toEqual({
      top: true,
      subtasks: true,
      descending: false,
    });
    expect(reorderScope(view("project=inbox&sort=manual&order=desc"), false)?.descending).toBe(
      true,
    );
    expect(reorderScope(view(`project=${PROJECT}`), true)).toBeNull();
    expect(reorderScope(view(`project=${PROJECT}&q=milk`), false)).toBeNull();
    expect(reorderScope(view(`project=${PROJECT}&tag=home`), false)).toBeNull();
    expect(reorderScope(view(`project=${PROJECT}&sort=due&order=asc`), false)).toBeNull();
    expect(reorderScope(view("view=today&sort=manual&order=asc"), false)).toBeNull();
  });

  it("in All, only subtasks move (a top-level move could send a task to another project)", () => {
    expect(reorderScope(view("sort=manual&order=asc"), false)).toMatchObject({
      top: false,
      subtasks: true,
    });
    expect(reorderScope(view(""), false)).toBeNull();
  });
});

describe("sibling lists", () => {
  const parent = task("p", "1", { subtasks: { total: 2, done: 0 } });
  const tasks = [
    parent,
    task("s1", "1", { parentId: "p" }),
    task("s2", "2", { parentId: "p" }),
    task("q", "2"),
    task("temp-1", "3"),
  ];
  const v = view(`project=${PROJECT}`);

  it("a group's top-level rows are one list and each parent's subtasks another", () => {
    const lists = siblingLists(groupTasks(v, tasks, "UTC", new Date(), false, new Set()), {
      top: true,
      subtasks: true,
      descending: false,
    });
    expect(lists.get("p")?.tasks.map((t) => t.id)).toEqual(["p", "q"]);
    expect(lists.get("q")).toBe(lists.get("p"));
    expect(lists.get("s2")?.tasks.map((t) => t.id)).toEqual(["s1", "s2"]);
    // A task being saved can neither move nor be an anchor.
    expect(lists.has("temp-1")).toBe(false);
  });

  it("none without a scope; only subtasks in All", () => {
    const groups = groupTasks(v, tasks, "UTC", new Date(), false, new Set());
    expect(siblingLists(groups, null).size).toBe(0);
    const subtasksOnly = siblingLists(groups, { top: false, subtasks: true, descending: false });
    expect([...subtasksOnly.keys()].sort()).toEqual(["s1", "s2"]);
  });
});

describe("moves", () => {
  const [a, b, c, d] = ["a", "b", "c", "d"].map((id, i) => task(id, String(i + 1))) as [
    Task,
    Task,
    Task,
    Task,
  ];
  const abcd = [a, b, c, d];

  it("down: right after the one it lands behind", () => {
    const move = moveBetween(abcd, 0, 2);
    expect(move && ids(move.target)).toEqual({ after: "c" });
    expect(move).toMatchObject({ index: 2, count: 4 });
  });

  it("up: after the one before its new place, or before the first", () => {
    expect(ids(moveBetween(abcd, 3, 1)?.target as never)).toEqual({ after: "a" });
    expect(ids(moveBetween(abcd, 2, 0)?.target as never)).toEqual({ before: "a" });
  });

  it("shown backwards, after and before swap", () => {
    expect(ids(moveBetween(abcd, 0, 2, true)?.target as never)).toEqual({ before: "c" });
    expect(ids(moveBetween(abcd, 2, 0, true)?.target as never)).toEqual({ after: "a" });
  });

  it("no move in place, out of range, or alone", () => {
    expect(moveBetween(abcd, 1, 1)).toBeNull();
    expect(moveBetween(abcd, 0, 4)).toBeNull();
    expect(moveBetween(abcd, 0, -1)).toBeNull();
    expect(moveBetween([a], 0, 0)).toBeNull();
  });

  it("a drop takes the place of the row it is over", () => {
    expect(ids(dropMove(list(abcd), "b", "d")?.target as never)).toEqual({ after: "d" });
    expect(ids(dropMove(list(abcd), "d", "b")?.target as never)).toEqual({ after: "a" });
    expect(ids(dropMove(list(abcd), "c", "a")?.target as never)).toEqual({ before: "a" });
    expect(dropMove(list(abcd), "b", "b")).toBeNull();
    expect(dropMove(list(abcd), "b", null)).toBeNull();
    expect(dropMove(list(abcd), "b", "elsewhere")).toBeNull();
    expect(dropMove(undefined, "b", "c")).toBeNull();
  });

  it("Alt+↑/↓ moves one place among its siblings, and not past either end", () => {
    expect(ids(stepMove(list(abcd), "b", 1)?.target as never)).toEqual({ after: "c" });
    expect(ids(stepMove(list(abcd), "b", -1)?.target as never)).toEqual({ before: "a" });
    expect(ids(stepMove(list(abcd), "c", -1)?.target as never)).toEqual({ after: "a" });
    expect(stepMove(list(abcd), "a", -1)).toBeNull();
    expect(stepMove(list(abcd), "d", 1)).toBeNull();
    expect(ids(stepMove(list(abcd, true), "b", 1)?.target as never)).toEqual({ before: "c" });
  });

  it("says where the task went", () => {
    const move = stepMove(list(abcd), "b", 1);
    expect(move && movedText(move)).toBe("Moved “Task b” to position 3 of 4");
    expect(endText(a, -1)).toBe("“Task a” is already first");
    expect(endText(d, 1)).toBe("“Task d” is already last");
  });

  it("Alt with an arrow, and nothing else, is a move", () => {
    const key = (key: string, mods: Partial<Record<string, boolean>> = {}) => ({
      key,
      altKey: true,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      ...mods,
    });
    expect(altArrowDelta(key("ArrowUp"))).toBe(-1);
    expect(altArrowDelta(key("ArrowDown"))).toBe(1);
    expect(altArrowDelta(key("ArrowDown", { altKey: false }))).toBeNull();
    expect(altArrowDelta(key("ArrowDown", { shiftKey: true }))).toBeNull();
    expect(altArrowDelta(key("ArrowLeft"))).toBeNull();
  });

  it("drag announcements name the task and its place", () => {
    const lists = new Map(abcd.map((t) => [t.id, list(abcd)]));
    const say = dragAnnouncements(lists);
    expect(say.onDragStart({ active: { id: "b" } })).toBe(
      "Picked up “Task b”, at position 2 of 4.",
    );
    // Over its own place at the pick-up: "Picked up" is not drowned.
    expect(say.onDragOver({ active: { id: "b" }, over: { id: "b" } })).toBeUndefined();
    expect(say.onDragOver({ active: { id: "b" }, over: { id: "d" } })).toBe(
      "“Task b” is over position 4 of 4.",
    );
    expect(say.onDragOver({ active: { id: "b" }, over: { id: "b" } })).toBe(
      "“Task b” is over position 2 of 4.",
    );
    expect(say.onDragEnd({ active: { id: "b" }, over: { id: "d" } })).toBe(
      "Moved “Task b” to position 4 of 4.",
    );
    expect(say.onDragEnd({ active: { id: "b" }, over: null })).toBe(
      "“Task b” stays at position 2 of 4.",
    );
    expect(say.onDragCancel({ active: { id: "b" } })).toBe(
      "Reordering cancelled. “Task b” is back at position 2 of 4.",
    );
  });
});

describe("completing a parent with open subtasks", () => {
  const parent = task("p", "1", { subtasks: { total: 3, done: 1 } });

  it("the answer counts once the dialog has closed", async () => {
    const asked = askToComplete(parent, 2);
    let settled = false;
    void asked.then(() => {
      settled = true;
    });
    answerCompletion("all");
    await Promise.resolve();
    expect(settled).toBe(false);
    completionDialogClosed();
    await expect(asked).resolves.toBe("all");
  });

  it("cancelled, or asked again before an answer: null", async () => {
    const first = askToComplete(parent, 2);
    const second = askToComplete(parent, 2);
    await expect(first).resolves.toBeNull();
    answerCompletion(null);
    completionDialogClosed();
    await expect(second).resolves.toBeNull();
  });
});
