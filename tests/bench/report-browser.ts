/** The report's browser section: the dashboard's first-load JavaScript and the phone's vitals. */

import { PHONE_CPU_SLOWDOWN, PHONE_NETWORK } from "../e2e/support/web-vitals";
import type { BrowserResult, VitalsFigures } from "./browser";
import { markdownTable, table } from "./report-format";
import { median } from "./rounds";

/** The phone profile of tests/e2e/support/web-vitals.ts, in words, from its own settings. */
const PHONE = `390×844, Chromium CPU ${PHONE_CPU_SLOWDOWN}× slowdown, Lighthouse's slow mobile network (${PHONE_NETWORK.latency} ms RTT, ${(PHONE_NETWORK.downloadThroughput * 8) / 1e6} Mbit/s down, ${(PHONE_NETWORK.uploadThroughput * 8) / 1000} kbit/s up), no cache`;

type Metric = "lcpMs" | "rowsShownMs" | "interactionMs";

function medianOf(b: BrowserResult, metric: Metric): string {
  const values = b.vitals.map((v) => v[metric]).filter((v): v is number => v !== null);
  if (values.length === 0) return "–";
  const m = median(values);
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
