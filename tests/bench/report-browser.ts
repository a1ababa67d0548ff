/** The report's browser section: the dashboard's first-load JavaScript and the phone's vitals. */
import type { BrowserResult, VitalsFigures } from "./browser";
import { markdownTable, table } from "./report-format";

/** The phone profile of tests/e2e/support/web-vitals.ts, in words. */
const PHONE =
  "390×844, Chromium CPU 4× slowdown, Lighthouse's slow mobile network (562.5 ms RTT, 1.44 Mbit/s down, 675 kbit/s up), no cache";

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

type Metric = "lcpMs" | "rowsShownMs" | "interactionMs";

function medianOf(b: BrowserResult, metric: Metric): string {
  const values = b.vitals.map((v) => v[metric]).filter((v): v is number => v !== null);
  const m = median(values);
  if (m === undefined) return "–";
  const each = values.length > 1 ? ` (runs ${values.join(", ")})` : "";
  return `${Math.round(m)} ms${each}`;
}

export function browserTargetRows(b: BrowserResult | undefined): string[][] {
  if (!b) return [];
  const bundle = b.bundle;
  return [
    [
      "dashboard first-load JavaScript, gzip as transferred",
      `< ${bundle?.budgetKb ?? 180} kB`,
      bundle ? `${bundle.firstLoadKb} kB in ${bundle.files} files` : "not measured",
    ],
    [
      `LCP of /dashboard on a throttled phone (median of ${b.vitals.length})`,
      "printed",
      medianOf(b, "lcpMs"),
    ],
    [
      `tap on a task's checkbox, slowest event (INP-like; median of ${b.vitals.length})`,
      "printed",
      medianOf(b, "interactionMs"),
    ],
  ];
}

const VITALS_HEADER = ["run", "LCP ms", "LCP element", "tasks shown ms", "tap ms", "tap event"];

function vitalsCells(v: VitalsFigures, i: number): string[] {
  const msOrDash = (n: number | null) => (n === null ? "–" : String(n));
  return [
    String(i + 1),
    msOrDash(v.lcpMs),
    v.lcpElement ?? "–",
    msOrDash(v.rowsShownMs),
    msOrDash(v.interactionMs),
    v.interactionEvent ?? "–",
  ];
}

function bundleLine(b: BrowserResult): string {
  const x = b.bundle;
  if (!x) return "first-load JavaScript: not measured";
  return `/dashboard first-load JavaScript, gzip as transferred: ${x.firstLoadKb} kB in ${x.files} files (${x.bodiesKb} kB bodies; budget ${x.budgetKb} kB); loaded after: ${x.laterKb} kB in ${x.laterFiles} files`;
}

export function browserStdout(b: BrowserResult | undefined): string[] {
  if (!b) return [];
  return [
    "",
    `Browser (${b.chromium}): ${bundleLine(b)}`,
    `/dashboard cold on a phone (${PHONE}):`,
    table(VITALS_HEADER, b.vitals.map(vitalsCells)),
    ...(b.problem ? [`browser: ${b.problem}`] : []),
  ];
}

export function browserMarkdown(b: BrowserResult | undefined): string {
  if (!b) return "";
  return `## Browser

\`tests/e2e/bundle.spec.ts\` and \`tests/e2e/web-vitals.spec.ts\` in ${b.chromium}, against \`next start\` of the same build, after every other step. ${bundleLine(b)}.

A cold load of a 30-task \`/dashboard\` on a phone (${PHONE}), ${b.runs} times: Largest Contentful Paint, when the first task row appeared, and the longest Event Timing entry of a tap on a task's checkbox (what Interaction to Next Paint takes the worst of).

${markdownTable(VITALS_HEADER, b.vitals.map(vitalsCells))}
${b.problem ? `\nNot all measured: ${b.problem}\n` : ""}
`;
}
