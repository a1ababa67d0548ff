import fs from "node:fs";

/**
 * What a measuring spec (bundle.spec.ts, web-vitals.spec.ts) saw, for `npm run bench` to
 * report: one JSON line per measurement appended to E2E_FIGURES_FILE when it is set
 * (tests/bench/browser.ts sets it). Without it the specs only print their line.
 */
export function recordFigures(kind: "bundle" | "vitals", figures: Record<string, unknown>): void {
  const file = process.env.E2E_FIGURES_FILE;
  if (file) fs.appendFileSync(file, `${JSON.stringify({ kind, ...figures })}\n`);
}
