/** The report's neon-http section: round trips and latency per API operation. */
import type { NeonOperationRow, NeonRttResult } from "./neon-rtt";
import { markdownTable, ms, table } from "./report-format";

/** The budget per operation (ARCHITECTURE.md, tests/api/round-trips.test.ts). */
function budget(operation: string): string {
  if (operation === "GET /api/auth/token" || operation === "sign-in") return "≤ 2";
  return "1";
}

const HEADER = [
  "operation",
  "round trips / request",
  "budget",
  "p50 ms",
  "p99 ms",
  "unexpected answers",
];

function cells(row: NeonOperationRow): string[] {
  return [
    row.operation,
    row.roundTripsPerRequest.toFixed(2),
    budget(row.operation),
    ms(row.p50),
    ms(row.p99),
    String(row.failures),
  ];
}

export function neonTargetRows(n: NeonRttResult | undefined): string[][] {
  if (!n) return [];
  const taskRows = n.rows.filter((r) => budget(r.operation) === "1");
  const worst = taskRows.reduce((a, b) =>
    b.roundTripsPerRequest > a.roundTripsPerRequest ? b : a,
  );
  const token = n.rows.find((r) => r.operation === "GET /api/auth/token");
  return [
    [
      `database round trips per task API request, neon-http (most: ${worst.operation})`,
      "1",
      worst.roundTripsPerRequest.toFixed(2),
    ],
    [
      "database round trips, GET /api/auth/token",
      "≤ 2",
      token ? token.roundTripsPerRequest.toFixed(2) : "–",
    ],
  ];
}

export function neonStdout(n: NeonRttResult | undefined): string[] {
  if (!n) return [];
  return [
    "",
    `neon-http with ${n.rttMs} ms per round trip (local Neon server), one request at a time`,
    table(HEADER, n.rows.map(cells)),
  ];
}

export function neonMarkdown(n: NeonRttResult | undefined): string {
  if (!n) return "";
  return `## neon-http at ${n.rttMs} ms round-trip time

Production's shape: Doable (\`next start\`) on the neon-http driver, whose every statement is an HTTP request to Neon, here to the local Neon server (\`tests/support/neon-http-server.ts\`, pointed at by \`NEON_HTTP_ENDPOINT\`) holding each answer back by ${n.rttMs} ms. One request at a time, ${n.rows[0]?.requests ?? 0} per operation after a warm-up; round trips are the server's count of HTTP requests. The first request of a session in each 30 s asks the session table once more (\`SESSION_RECHECK_MS\`), so an average can sit a little above its whole number; \`tests/api/round-trips.test.ts\` asserts the exact counts.

${markdownTable(HEADER, n.rows.map(cells))}

`;
}
