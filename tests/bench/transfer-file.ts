import { randomUUID } from "node:crypto";
import { PROJECT_COLORS, type Reminder, type Repeat, type TaskPriority } from "@/lib/tasks/model";
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportDocument,
  type ExportProject,
  type ExportTask,
} from "@/lib/transfer/model";

/**
 * The file the transfer benchmark imports: a Doable JSON export (lib/transfer/model.ts) of an
 * account shaped like a real one, oldest task first, and a counter for the export bodies that
 * holds one chunk at a time. The content comes from a seeded generator, so every run sends the
 * same titles, descriptions and dates (the ids are new UUIDs, always 36 characters).
 */

/** mulberry32: small, fast, good enough to pick words. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** "a|b|c" as a list: long word lists stay a few lines. */
const words = (list: string) => list.split("|");

const VERBS = words(
  "Buy|Call|Email|Review|Write|Fix|Plan|Book|Pay|Clean|Prepare|Update|Read|Schedule|Send|Check|Order|Renew|Sort out|Draft",
);
const OBJECTS = words(
  "the quarterly report|milk, eggs and bread|the dentist|the plumber about the sink|flights to Lisbon|the electricity bill|the garage door|the onboarding checklist|slides for Thursday's review|the car insurance|birthday present for Sam|the pull request for the search page|tax documents|the team offsite agenda|passport photos|the spare room|notes from the design meeting|the library books|a table for Friday|the backup drive|the budget spreadsheet|the landlord",
);
const SUFFIXES = words("||| before the trip| (again)| for Monday| this week| — urgent");
const SENTENCES = [
  "Check the notes from last week before starting.",
  "Ask Priya whether the numbers from March are final.",
  "The receipt is in the blue folder on the shelf.",
  "Needs about an hour; do it in the morning when it is quiet.",
  "Last time this took two tries, so leave some slack.",
  "Link: https://example.com/docs/handbook#section-4",
  "Compare at least three offers and keep the cheapest that ships this week.",
  "If nobody answers, leave a message and try again on Wednesday.",
  "Remember the reference number: 2030-4471-B.",
  "Bring the charger and the printed confirmation.",
  "Share the draft in the team channel and ask for comments by Friday.",
  "Only the second page needs changes; the rest was approved.",
];
const CHECKLIST = ["- [ ] first pass", "- [ ] ask for feedback", "- [x] collect the inputs"];
const TAGS = words(
  "home|work|errands|phone|waiting|someday|finance|health|kids|car|computer|reading|15min|deep-work|weekend",
);
const PROJECT_NAMES = words(
  "Work|Home|Errands|Garden|Finances|Health|Reading list|Side project|Travel|Family|Car|Learning Spanish|Old job",
);
const REPEATS: Repeat[] = [
  { rule: "FREQ=WEEKLY;BYDAY=MO", from: "due" },
  { rule: "FREQ=DAILY", from: "completion" },
  { rule: "FREQ=MONTHLY;BYMONTHDAY=1", from: "due" },
];
const DAY_MS = 86_400_000;
/** Every SUBTASK_EVERY-th task has SUBTASKS_EACH subtasks, the tasks right after it. */
const SUBTASK_EVERY = 40;
const SUBTASKS_EACH = 3;

export interface TransferFile {
  body: string;
  bytes: number;
  tasks: number;
  subtasks: number;
  projects: number;
}

/**
 * `count` tasks (subtasks included) in 13 projects (one archived): three in four tasks in a
 * project, titles of 3–10 words, six in ten with a description (one to five sentences, some
 * with a checklist), half with one to three tags, priorities mostly none or low, 45 % with a due
 * date (half of them all-day) and a third of those with reminders, 2 % of open ones repeating,
 * older tasks more often completed, and three subtasks under every 40th task. Created over the
 * last two years, oldest first, as an export lists them.
 */
export function transferFile(count: number, now = Date.now()): TransferFile {
  const rand = seeded(14);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const iso = (ms: number) => new Date(ms).toISOString();
  const span = 730 * DAY_MS;
  const projects: ExportProject[] = PROJECT_NAMES.map((name, i) => ({
    id: randomUUID(),
    name,
    color: PROJECT_COLORS[i % PROJECT_COLORS.length] as ExportProject["color"],
    position: String(Math.floor((now - span) / 1000) + i),
    archived: name === "Old job",
    createdAt: iso(now - span),
    updatedAt: iso(now - span),
  }));
  const tasks: ExportTask[] = [];
  let subtasks = 0;
  for (let i = 0; i < count; i++) {
    const createdMs = now - span + Math.floor((i / count) * span);
    const place = i % SUBTASK_EVERY;
    const parent = place > 0 && place <= SUBTASKS_EACH ? tasks[i - place] : undefined;
    const isSubtask = parent !== undefined;
    if (isSubtask) subtasks++;
    const age = 1 - i / count;
    const completed = rand() < 0.1 + 0.6 * age;
    const completedMs = completed ? Math.min(now, createdMs + rand() * 20 * DAY_MS) : null;
    let updatedMs = Math.min(now, createdMs + rand() * 10 * DAY_MS);
    if (completedMs !== null) updatedMs = Math.max(updatedMs, completedMs);
    let dueAt: string | null = null;
    let reminders: Reminder[] = [];
    if (rand() < 0.45) {
      const due = createdMs + (1 + Math.floor(rand() * 30)) * DAY_MS;
      const day = new Date(due);
      if (rand() < 0.5) day.setUTCHours(23, 59, 59, 999);
      else day.setUTCHours(8 + Math.floor(rand() * 10), rand() < 0.5 ? 0 : 30, 0, 0);
      dueAt = day.toISOString();
      if (rand() < 0.33) {
        reminders =
          rand() < 0.5 ? [{ minutesBefore: 15 }] : [{ minutesBefore: 60 }, { minutesBefore: 1440 }];
      }
    }
    const repeat = dueAt && !completed && !isSubtask && rand() < 0.02 ? pick(REPEATS) : null;
    const words = `${pick(VERBS)} ${pick(OBJECTS)}${pick(SUFFIXES)}`;
    let description: string | null = null;
    if (rand() < 0.6) {
      const sentences = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => pick(SENTENCES));
      if (rand() < 0.15) sentences.push(`\n${CHECKLIST.join("\n")}`);
      description = sentences.join(" ");
    }
    const tags =
      rand() < 0.5
        ? []
        : [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(TAGS)))];
    const priorityRoll = rand();
    const priority: TaskPriority =
      priorityRoll < 0.5
        ? "none"
        : priorityRoll < 0.75
          ? "low"
          : priorityRoll < 0.92
            ? "medium"
            : "high";
    const projectId = parent ? parent.projectId : rand() < 0.75 ? pick(projects).id : null;
    tasks.push({
      id: randomUUID(),
      title: `${words}${rand() < 0.2 ? ` #${i}` : ""}`,
      description,
      completed,
      completedAt: completedMs === null ? null : iso(completedMs),
      priority,
      dueAt,
      tags,
      repeat,
      reminders,
      nextOccurrenceId: null,
      projectId,
      parentId: parent ? parent.id : null,
      position: `${Math.floor(createdMs / 1000)}.${String(i).padStart(6, "0")}`,
      createdAt: iso(createdMs),
      updatedAt: iso(updatedMs),
    });
  }
  const document: ExportDocument = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(now),
    projects,
    tasks,
  };
  // One task a line, as the export writes it (lib/server/transfer/export-stream.ts).
  const head = JSON.stringify({ ...document, tasks: [] }).slice(0, -3);
  const body = `${head}[${tasks.map((t) => `\n${JSON.stringify(t)}`).join(",")}\n]}\n`;
  return {
    body,
    bytes: Buffer.byteLength(body),
    tasks: count,
    subtasks,
    projects: projects.length,
  };
}

/**
 * Reads a streamed body to its end, one chunk at a time, counting its bytes and the times
 * `marker` occurs in it (also across chunk boundaries): "\n{" starts each task of a JSON export,
 * "\r\ntask," each task row of a CSV one (the generated descriptions hold neither).
 */
export async function countStream(
  body: ReadableStream<Uint8Array>,
  marker: string,
): Promise<{ bytes: number; matches: number }> {
  const needle = Buffer.from(marker);
  const reader = body.getReader();
  let carry = Buffer.alloc(0);
  let bytes = 0;
  let matches = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    const chunk = carry.length > 0 ? Buffer.concat([carry, value]) : Buffer.from(value);
    for (
      let at = chunk.indexOf(needle);
      at !== -1;
      at = chunk.indexOf(needle, at + needle.length)
    ) {
      matches++;
    }
    // Too short to hold a whole match, so nothing is counted twice.
    carry = Buffer.from(chunk.subarray(Math.max(0, chunk.length - (needle.length - 1))));
  }
  return { bytes, matches };
}
