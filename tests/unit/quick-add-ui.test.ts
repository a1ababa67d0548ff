/**
 * Quick add's reading of a title for the box (components/dashboard/quick-add/understand.ts):
 * chips, highlights, projects from the `projects` prop, how typed values meet Details, and
 * the removed chips' spans following edits. Read in Europe/Berlin on Tue 1 Dec 2026, 10:00.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DetailsField,
  localeDateOrder,
  mergeDraft,
  type QuickAddProject,
  type Span,
  shiftSpans,
  understand,
} from "@/components/dashboard/quick-add/understand";
import { emptyDraft, type TaskDraft } from "@/components/dashboard/task-draft";
import { setDisplayZone } from "@/components/dashboard/zone";

const ZONE = "Europe/Berlin";
const NOW = new Date("2026-12-01T09:00:00Z");
const projects: QuickAddProject[] = [
  { id: "p-home", name: "Home", color: "green" },
  { id: "p-big", name: "Big Client", color: "purple" },
];

beforeAll(() => setDisplayZone(ZONE));
afterAll(() => setDisplayZone(undefined));

const read = (text: string, ignore: Span[] = [], fromDetails = new Set<DetailsField>()) =>
  understand(text, { ignore, projects, fromDetails, now: NOW, timeZone: ZONE });

describe("understand", () => {
  it("reads the example: chips in a fixed order, each with a name that says what removing does", () => {
    const u = read("Call mum tomorrow 5pm #family p1 @home");
    expect(u.title).toBe("Call mum");
    expect(u.chips.map((c) => [c.kind, c.label])).toEqual([
      ["due", "Tomorrow 5:00 PM"],
      ["priority", "High"],
      ["tag", "family"],
      ["project", "Home"],
    ]);
    expect(u.chips[0]?.removeLabel).toBe(
      "Remove due date Tomorrow 5:00 PM (keeps the words in the title)",
    );
    expect(u.chips[3]?.dotClassName).toContain("bg-green-600");
    expect(u.highlights.map((h) => [h.kind, h.start, h.end])).toEqual([
      ["due", 9, 21],
      ["tag", 22, 29],
      ["priority", 30, 32],
      ["project", 33, 38],
    ]);
    expect(u.project).toEqual(projects[0]);
    expect(u.unknownProject).toBeNull();
    expect(u.summary).toBe(
      "Understood: due date Tomorrow 5:00 PM, priority High, tag family, project Home.",
    );
  });

  it("names a project in quotes, whatever its case", () => {
    const u = read('Quarterly report @"big client" friday');
    expect(u.project?.id).toBe("p-big");
    expect(u.title).toBe("Quarterly report");
  });

  it("keeps an unknown project in the title, without a chip, and says so", () => {
    const u = read("Fix the sink @Garage tomorrow");
    expect(u.unknownProject).toBe("Garage");
    expect(u.project).toBeNull();
    expect(u.title).toBe("Fix the sink @Garage");
    expect(u.chips.map((c) => c.kind)).toEqual(["due"]);
    expect(u.highlights.some((h) => h.kind === "project")).toBe(false);
  });

  it("takes the next @name when the first is unknown", () => {
    const u = read("Paint @Garage @Home");
    expect(u.unknownProject).toBe("Garage");
    expect(u.project?.id).toBe("p-home");
    expect(u.title).toBe("Paint @Garage");
  });

  it("knows no project without the projects prop (today's Inbox behaviour)", () => {
    const u = understand("Water plants @Home", { ignore: [], projects: [], now: NOW });
    expect(u.project).toBeNull();
    expect(u.title).toBe("Water plants @Home");
  });

  it("gives one chip for a due date typed in two parts, removing both", () => {
    const u = read("Call mum tomorrow #family at 5pm");
    const due = u.chips.find((c) => c.kind === "due");
    expect(due?.spans).toEqual([
      { start: 9, end: 17 },
      { start: 26, end: 32 },
    ]);
    const after = read("Call mum tomorrow #family at 5pm", due?.spans);
    expect(after.title).toBe("Call mum tomorrow at 5pm");
    expect(after.dueAt).toBeNull();
  });

  it("describes a repeat in words", () => {
    const u = read("Gym every monday 7pm");
    expect(u.chips.map((c) => [c.kind, c.label])).toEqual([
      ["due", "Monday 7:00 PM"],
      ["repeat", "Every week on Mon"],
    ]);
  });

  it.each([
    "The 5th Wave",
    "check money",
    "May the force be with you",
    "Mondays are hard",
    'Read "tomorrow at 5pm #not p1"',
    "Read “The Design of Everyday Things”",
  ])("understands nothing in %j and keeps it as typed", (text) => {
    const u = read(text);
    expect(u.chips).toEqual([]);
    expect(u.highlights).toEqual([]);
    expect(u.summary).toBe("");
    expect(u.title).toBe(text);
  });

  it("marks values Details has set as not used", () => {
    const u = read("Call mum tomorrow p1", [], new Set<DetailsField>(["priority"]));
    const priority = u.chips.find((c) => c.kind === "priority");
    expect(priority?.overridden).toBe(true);
    expect(priority?.removeLabel).toBe(
      "Remove priority High (Details sets it instead) (keeps the words in the title)",
    );
    expect(u.chips.find((c) => c.kind === "due")?.overridden).toBe(false);
  });
});

describe("mergeDraft: Details wins where it was set, tags merge", () => {
  const draft: TaskDraft = {
    ...emptyDraft,
    title: "Call mum tomorrow 5pm #family p1",
    description: "Ask about Sunday",
    dueDate: "2026-12-01", // proposed by Today, not set in Details
    repeatDue: "2026-12-01",
    tags: "phone, #Family",
  };

  it("fills what Details left alone, replacing a proposed due date", () => {
    const merged = mergeDraft(draft, read(draft.title), new Set());
    expect(merged).toMatchObject({
      title: "Call mum",
      description: "Ask about Sunday",
      priority: "high",
      dueDate: "2026-12-02",
      dueTime: "17:00",
      tags: "phone, family",
    });
  });

  it("keeps what Details set", () => {
    const set = { ...draft, priority: "low" as const, dueDate: "2026-12-24", dueTime: "" };
    const merged = mergeDraft(set, read(draft.title), new Set<DetailsField>(["priority", "due"]));
    expect(merged).toMatchObject({ priority: "low", dueDate: "2026-12-24", dueTime: "" });
  });

  it("keeps a repeat typed for its own due date", () => {
    const merged = mergeDraft(draft, read("Gym every monday"), new Set());
    expect(merged.repeat).toEqual({ rule: "FREQ=WEEKLY;BYDAY=MO", from: "due" });
    expect(merged).toMatchObject({ dueDate: "2026-12-07", repeatDue: "2026-12-07" });
  });

  it("leaves a draft with nothing understood as it was, but for the title", () => {
    const plain = { ...emptyDraft, title: "Mondays are hard", priority: "medium" as const };
    expect(mergeDraft(plain, read(plain.title), new Set())).toEqual(plain);
  });
});

describe("shiftSpans: removed chips follow edits of the title", () => {
  const spans = [{ start: 9, end: 21 }];
  const before = "Call mum tomorrow 5pm #family";
  it.each<[string, string, Span[]]>([
    ["typing after it", `${before} p1`, spans],
    ["typing before it", `Please ${before}`, [{ start: 16, end: 28 }]],
    ["typing right after its last word", "Call mum tomorrow 5pmx #family", spans],
    ["fixing a word inside it", "Call mum tomorow 5pm #family", [{ start: 9, end: 20 }]],
    ["deleting across its start", "Call orrow 5pm #family", []],
    ["deleting up to its start", "Caltomorrow 5pm #family", [{ start: 3, end: 15 }]],
    ["deleting all of it", "Call mum  #family", []],
    ["no change", before, spans],
  ])("%s", (_what, after, expected) => {
    expect(shiftSpans(spans, before, after)).toEqual(expected);
  });
});

describe("localeDateOrder", () => {
  it.each([
    ["en-US", "MDY"],
    ["en-GB", "DMY"],
    ["de-DE", "DMY"],
    ["ja-JP", "MDY"],
  ] as const)("%s reads 10/12 as %s", (locale, order) => {
    expect(localeDateOrder(locale)).toBe(order);
  });
});
