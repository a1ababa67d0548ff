/**
 * p99 latency against offered load, one line per server, written by hand as SVG: a log-scale
 * latency axis (so 5 ms and 5 s fit), the SLO as a dashed line, each server's capacity marked.
 */

export interface ChartSeries {
  name: string;
  color: string;
  points: { offered: number; p99: number; pass: boolean }[];
  capacity: number;
}

const W = 760;
const H = 420;
const M = { left: 70, right: 20, top: 40, bottom: 60 };

function niceStep(max: number): number {
  const raw = max / 8;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((f) => f * magnitude >= raw) ?? 10) * magnitude;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function latencyChart(series: ChartSeries[], sloMs: number, title: string): string {
  const all = series.flatMap((s) => s.points);
  const xMax = Math.max(1, ...all.map((p) => p.offered)) * 1.05;
  const yMin = 1;
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(sloMs * 2, ...all.map((p) => p.p99))));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (v: number) => M.left + (v / xMax) * plotW;
  const y = (ms: number) =>
    M.top +
    plotH -
    ((Math.log10(Math.max(yMin, ms)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) *
      plotH;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="600">${escapeXml(title)}</text>`,
  );
  // Grid and axes.
  for (let ms = yMin; ms <= yMax; ms *= 10) {
    out.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${y(ms)}" y2="${y(ms)}" stroke="#e5e5e5"/>`,
      `<text x="${M.left - 8}" y="${y(ms) + 4}" text-anchor="end">${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`}</text>`,
    );
  }
  const step = niceStep(xMax);
  for (let v = 0; v <= xMax; v += step) {
    out.push(
      `<line x1="${x(v)}" x2="${x(v)}" y1="${M.top}" y2="${M.top + plotH}" stroke="#f0f0f0"/>`,
      `<text x="${x(v)}" y="${M.top + plotH + 18}" text-anchor="middle">${Math.round(v)}</text>`,
    );
  }
  out.push(
    `<rect x="${M.left}" y="${M.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>`,
    `<text x="${M.left + plotW / 2}" y="${H - 18}" text-anchor="middle">offered load (requests/s, open loop)</text>`,
    `<text transform="translate(18 ${M.top + plotH / 2}) rotate(-90)" text-anchor="middle">p99 latency (log scale)</text>`,
    `<line x1="${M.left}" x2="${W - M.right}" y1="${y(sloMs)}" y2="${y(sloMs)}" stroke="#d33" stroke-dasharray="6 4"/>`,
    `<text x="${W - M.right - 4}" y="${y(sloMs) - 6}" text-anchor="end" fill="#d33">SLO p99 ${sloMs} ms</text>`,
  );
  // Series.
  series.forEach((s, index) => {
    const points = [...s.points].sort((a, b) => a.offered - b.offered);
    if (points.length > 1) {
      const d = points.map(
        (p, i) => `${i ? "L" : "M"}${x(p.offered).toFixed(1)} ${y(p.p99).toFixed(1)}`,
      );
      out.push(`<path d="${d.join(" ")}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
    }
    for (const p of points) {
      out.push(
        `<circle cx="${x(p.offered).toFixed(1)}" cy="${y(p.p99).toFixed(1)}" r="4" fill="${p.pass ? s.color : "#fff"}" stroke="${s.color}" stroke-width="2"/>`,
      );
    }
    if (s.capacity > 0) {
      out.push(
        `<line x1="${x(s.capacity)}" x2="${x(s.capacity)}" y1="${M.top}" y2="${M.top + plotH}" stroke="${s.color}" stroke-dasharray="2 3"/>`,
      );
    }
    const ly = M.top + 16 + index * 18;
    if (index === 0) {
      // The legend sits on a white card so lines under it do not cross the text.
      out.push(
        `<rect x="${M.left + 6}" y="${M.top + 4}" width="290" height="${series.length * 18 + 26}" fill="#fff" fill-opacity="0.9" stroke="#ddd"/>`,
      );
    }
    out.push(
      `<rect x="${M.left + 12}" y="${ly - 9}" width="12" height="12" fill="${s.color}"/>`,
      `<text x="${M.left + 30}" y="${ly + 1}">${escapeXml(`${s.name}: capacity ${Math.round(s.capacity)} req/s at the SLO`)}</text>`,
    );
  });
  out.push(
    `<text x="${M.left + 12}" y="${M.top + 16 + series.length * 18 + 2}" fill="#666">filled: step met the SLO; hollow: missed it</text>`,
    "</svg>",
  );
  return `${out.join("\n")}\n`;
}
