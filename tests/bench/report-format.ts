/** Number formats and plain-text and Markdown tables for the bench reports. */
import type { CpuShare } from "./proc-stats";

export const n0 = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString("en-US") : "–");
export const ms = (v: number) =>
  Number.isFinite(v) ? (v < 10 ? v.toFixed(1) : v.toFixed(0)) : "–";
export const ratio = (a: number, b: number) => (b > 0 ? `${((a / b) * 100).toFixed(0)} %` : "–");
export const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : "–");
export const cores = (c: CpuShare) => `${c.ours.toFixed(2)} / ${c.others.toFixed(2)}`;

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** A Markdown table laid out the way biome formats one (first column left, others right). */
export function markdownTable(header: string[], rows: string[][]): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const body = rows.map((r) => header.map((_, i) => cell(r[i] ?? "")));
  const head = header.map(cell);
  const widths = head.map((h, i) =>
    Math.max(3, [...h].length, ...body.map((r) => [...(r[i] ?? "")].length)),
  );
  const pad = (text: string, i: number) => {
    const fill = " ".repeat((widths[i] ?? 0) - [...text].length);
    return i === 0 ? text + fill : fill + text;
  };
  const line = (cells: string[]) => `| ${cells.map(pad).join(" | ")} |`;
  const rule = widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`));
  return [line(head), `| ${rule.join(" | ")} |`, ...body.map(line)].join("\n");
}
