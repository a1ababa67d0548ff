import type { ImportFormat, ImportProblem, ImportResult } from "@/lib/transfer/model";

/** The import dialog's preview and summary: what is (or was) created, and the rows refused. */

export const formatName: Record<ImportFormat, string> = {
  "doable-json": "Doable export (JSON)",
  "doable-csv": "Doable export (CSV)",
  "todoist-csv": "Todoist CSV",
};

/** Rows listed at most; the rest are counted ("and 12 more"). */
const PROBLEMS_SHOWN = 100;

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** "3 projects, 120 tasks and 4 subtasks", leaving out what is none. */
export function createdSentence({ created }: ImportResult): string {
  const parts = [
    created.projects && plural(created.projects, "project"),
    created.tasks && plural(created.tasks, "task"),
    created.subtasks && plural(created.subtasks, "subtask"),
  ].filter((p): p is string => Boolean(p));
  if (parts.length === 0) return "nothing new";
  return parts.length === 1
    ? (parts[0] ?? "")
    : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

export const skippedCount = ({ skipped }: ImportResult) => skipped.projects + skipped.tasks;

export function ImportCounts({ result }: { result: ImportResult }) {
  const cells: [string, number][] = [
    ["Projects", result.created.projects],
    ["Tasks", result.created.tasks],
    ["Subtasks", result.created.subtasks],
    ["Skipped as duplicates", skippedCount(result)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {cells.map(([label, value]) => (
        <div
          key={label}
          className="flex flex-col-reverse justify-end rounded-lg border border-zinc-200 px-3 py-2 dark:border-zinc-700"
        >
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums">{value.toLocaleString("en-US")}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ProblemList({
  problems,
  problemCount,
  headingId,
}: {
  problems: ImportProblem[];
  problemCount: number;
  headingId: string;
}) {
  if (problemCount === 0) return null;
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  const more = problemCount - shown.length;
  return (
    <div className="mt-4">
      <h3 id={headingId} className="text-sm font-semibold text-red-700 dark:text-red-400">
        {plural(problemCount, "row")} cannot be imported
      </h3>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        An import with any problem imports nothing: fix these rows in the file and choose it again.
      </p>
      <section
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
        tabIndex={0}
        aria-labelledby={headingId}
        className="mt-2 max-h-48 overflow-y-auto rounded-lg border border-zinc-200 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700"
      >
        <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-700">
          {shown.map((p) => (
            <li key={`${p.row}:${p.path ?? ""}:${p.reason}`} className="flex gap-3 px-3 py-2">
              <span className="shrink-0 font-medium tabular-nums">
                {p.path ? `Entry ${p.row}` : `Row ${p.row}`}
              </span>
              <span className="min-w-0 break-words text-zinc-700 dark:text-zinc-300" dir="auto">
                {p.path && <code className="mr-1 text-xs">{p.path}</code>}
                {p.reason}
              </span>
            </li>
          ))}
        </ul>
        {more > 0 && (
          <p className="border-t border-zinc-200 px-3 py-2 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            and {more.toLocaleString("en-US")} more
          </p>
        )}
      </section>
    </div>
  );
}
