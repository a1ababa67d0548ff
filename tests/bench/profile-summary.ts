import fs from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

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
  columnNumber: number;
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

/** The package (node_modules/<package>) or our own source file a path belongs to. */
export function ownerOfPath(path: string): string {
  const file = decodeURIComponent(path);
  const nm = file.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = file.slice(nm + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? file);
  }
  return file.replace(/^(\.\.\/)+/, "").replace(/^\[project\]\//, "");
}

/*
 * Next's production server code is bundled into chunks; their source maps (written next to
 * them) say which original module, ours or a package's, each profiled function came from.
 */
const sourceMaps = new Map<string, SourceMap | null>();

function sourceMapFor(url: string): SourceMap | null {
  if (!sourceMaps.has(url)) {
    let map: SourceMap | null = null;
    try {
      const file = url.startsWith("file://") ? fileURLToPath(url) : url;
      map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8")));
    } catch {
      map = null;
    }
    sourceMaps.set(url, map);
  }
  return sourceMaps.get(url) ?? null;
}

interface Origin {
  owner: string;
  line: number;
}

const origins = new Map<string, Origin>();

/** Where a profiled frame's code came from: Node internals, a package, or our file. */
export function origin(frame: CallFrame): Origin {
  const key = `${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
  let found = origins.get(key);
  if (found) return found;
  if (!frame.url) found = { owner: "(native/V8)", line: 0 };
  else if (frame.url.startsWith("node:")) found = { owner: "node:internal", line: 0 };
  else if (frame.url.includes("/node_modules/")) {
    // A package's own file (Next, pg, …): its name says enough.
    found = { owner: ownerOfPath(frame.url), line: frame.lineNumber + 1 };
  } else {
    const entry = sourceMapFor(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
    found =
      entry && "originalSource" in entry && entry.originalSource
        ? { owner: ownerOfPath(entry.originalSource), line: entry.originalLine + 1 }
        : { owner: ownerOfPath(frame.url.replace(/^file:\/\//, "")), line: frame.lineNumber + 1 };
  }
  origins.set(key, found);
  return found;
}

function frameKey(frame: CallFrame): string {
  const o = origin(frame);
  return `${frame.functionName || "(anonymous)"} ${o.owner}:${o.line}`;
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  byOwner: [string, number][];
  /** Time with at least one frame of the owner on the stack (a package and what it calls). */
  inclusiveByOwner: [string, number][];
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
  const inclusiveOwner = new Map<string, number>();
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
    add(byOwner, origin(node.callFrame).owner, ms);
    add(self, frameKey(node.callFrame), ms);
    const seen = new Set<string>();
    const owners = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      const key = frameKey(frame);
      if (!seen.has(key)) {
        seen.add(key);
        add(inclusive, key, ms);
      }
      const owner = origin(frame).owner;
      if (!owners.has(owner)) {
        owners.add(owner);
        add(inclusiveOwner, owner, ms);
      }
    }
  });
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return {
    totalMs: total,
    idleMs: idle,
    byOwner: sorted(byOwner),
    inclusiveByOwner: sorted(inclusiveOwner),
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
  console.info("\ninclusive time by package / file (it and what it calls):");
  console.info(
    summary.inclusiveByOwner
      .filter(([k]) => !["(native/V8)", "node:internal"].includes(k))
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
