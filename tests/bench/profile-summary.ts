import fs from "node:fs";

/**
 * Where a V8 CPU profile (.cpuprofile, from `node --cpu-prof` or `npm run bench -- --profile`)
 * spent its time: self time per package and per function, and inclusive time per function.
 *
 *   npx tsx tests/bench/profile-summary.ts <file.cpuprofile> [--top 25] [--match text]
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** node_modules/<package>, Node's own internals, or our source file. */
export function owner(url: string): string {
  if (!url) return "(native/V8)";
  if (url.startsWith("node:")) return "node:internal";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  // Next's server bundles keep our modules' paths in chunk names; show the chunk.
  const chunk = url.split("/").slice(-2).join("/");
  return chunk;
}

function frameKey(frame: CallFrame): string {
  return `${frame.functionName || "(anonymous)"} ${owner(frame.url)}:${frame.lineNumber + 1}`;
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  byOwner: [string, number][];
  selfByFunction: [string, number][];
  inclusiveByFunction: [string, number][];
}

export function summarizeProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const add = (map: Map<string, number>, key: string, ms: number) =>
    map.set(key, (map.get(key) ?? 0) + ms);
  const byOwner = new Map<string, number>();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    total += ms;
    const name = node.callFrame.functionName;
    if (name === "(idle)" || name === "(program)" || name === "(garbage collector)") {
      if (name === "(idle)") idle += ms;
      add(byOwner, name, ms);
      return;
    }
    add(byOwner, owner(node.callFrame.url), ms);
    add(self, frameKey(node.callFrame), ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      const key = frameKey(frame);
      if (!seen.has(key)) {
        seen.add(key);
        add(inclusive, key, ms);
      }
    }
  });
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return {
    totalMs: total,
    idleMs: idle,
    byOwner: sorted(byOwner),
    selfByFunction: sorted(self),
    inclusiveByFunction: sorted(inclusive),
  };
}

function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    console.error(
      "usage: tsx tests/bench/profile-summary.ts <file.cpuprofile> [--top N] [--match text]",
    );
    process.exit(2);
  }
  const topIndex = args.indexOf("--top");
  const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
  const matchIndex = args.indexOf("--match");
  const match = matchIndex >= 0 ? args[matchIndex + 1] : undefined;
  const summary = summarizeProfile(JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile);
  const busy = summary.totalMs - summary.idleMs;
  const pct = (ms: number) => `${((ms / busy) * 100).toFixed(1).padStart(5)} %`;
  const line = ([key, ms]: [string, number]) =>
    `${pct(ms)} ${ms.toFixed(0).padStart(8)} ms  ${key}`;
  console.info(
    `${file}\nprofiled ${(summary.totalMs / 1000).toFixed(1)} s, busy ${(busy / 1000).toFixed(1)} s (percentages are of busy time)\n`,
  );
  console.info("self time by package / bundle:");
  console.info(
    summary.byOwner
      .filter(([k]) => k !== "(idle)")
      .slice(0, top)
      .map(line)
      .join("\n"),
  );
  console.info("\nself time by function:");
  console.info(summary.selfByFunction.slice(0, top).map(line).join("\n"));
  console.info("\ninclusive time by function:");
  const inclusive = match
    ? summary.inclusiveByFunction.filter(([k]) => k.includes(match))
    : summary.inclusiveByFunction;
  console.info(inclusive.slice(0, top).map(line).join("\n"));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) main();
