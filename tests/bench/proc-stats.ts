import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";

/**
 * What Linux's /proc says about our processes: resident memory, and CPU time split between
 * ours (bench, servers, our Postgres backends) and everybody else's, so a figure taken while
 * other work ran on the same cores says so.
 */

export interface Memory {
  /** Resident set size now, MiB. */
  rssMiB: number;
  /** Peak resident set size since the process started (VmHWM), MiB. */
  peakMiB: number;
}

export function readMemory(pid: number): Memory | undefined {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return undefined;
  }
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
  return { rssMiB: kb("VmRSS") / 1024, peakMiB: kb("VmHWM") / 1024 };
}

/** Samples a process's RSS on an interval and keeps the highest value seen. */
export class MemorySampler {
  private timer: NodeJS.Timeout | undefined;
  maxMiB = 0;

  constructor(private readonly pid: () => number | undefined) {}

  sample(): Memory | undefined {
    const pid = this.pid();
    const memory = pid === undefined ? undefined : readMemory(pid);
    if (memory) this.maxMiB = Math.max(this.maxMiB, memory.rssMiB);
    return memory;
  }

  start(intervalMs = 250): void {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Stops sampling: the resident set now, and the highest seen (samples and the kernel's VmHWM). */
  finish(): { after: number; peak: number } {
    this.stop();
    const pid = this.pid();
    const now = pid === undefined ? undefined : readMemory(pid);
    return { after: now?.rssMiB ?? 0, peak: Math.max(this.maxMiB, now?.peakMiB ?? 0) };
  }
}

interface ProcEntry {
  pid: number;
  ppid: number;
  /** utime + stime, in clock ticks. */
  ticks: number;
}

function readProc(pid: number): ProcEntry | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // The command name is in parentheses and may contain spaces: split after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
  return {
    pid,
    ppid: Number(fields[1]),
    ticks: Number(fields[11]) + Number(fields[12]),
  };
}

function allPids(): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** A process and all its descendants. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of allPids()) {
    const entry = readProc(pid);
    if (!entry) continue;
    const list = children.get(entry.ppid) ?? [];
    list.push(pid);
    children.set(entry.ppid, list);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Processes whose command line contains `needle` (e.g. Postgres backends of one database). */
export function pidsWithCommandLine(needle: string): number[] {
  return allPids().filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(needle);
    } catch {
      return false;
    }
  });
}

/** Descendant whose process title starts with `title` (next start runs its server in a child). */
export function findByTitle(root: number, title: string): number | undefined {
  return processTree(root).find((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").startsWith(title);
    } catch {
      return false;
    }
  });
}

export interface CpuSnapshot {
  totalTicks: number;
  busyTicks: number;
  ours: Map<number, number>;
}

export function cpuSnapshot(ourPids: number[]): CpuSnapshot {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const values = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const ours = new Map<number, number>();
  for (const pid of ourPids) {
    const entry = readProc(pid);
    if (entry) ours.set(pid, entry.ticks);
  }
  return { totalTicks: total, busyTicks: total - idle, ours };
}

export interface CpuShare {
  /** Cores busy on the whole machine, on average over the interval. */
  machine: number;
  /** Cores used by our processes. */
  ours: number;
  /** Cores used by everything else (other helpers' builds and tests, for instance). */
  others: number;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU milliseconds the given processes used between two snapshots. Unlike wall-clock figures
 * this hardly depends on what else runs on the machine: the cost of a request, not its wait.
 */
export function cpuMs(before: CpuSnapshot, after: CpuSnapshot, pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const end = after.ours.get(pid);
    if (end !== undefined) ticks += end - (before.ours.get(pid) ?? 0);
  }
  return (ticks / TICKS_PER_SECOND) * 1000;
}

export function cpuShare(before: CpuSnapshot, after: CpuSnapshot): CpuShare {
  const cores = os.cpus().length;
  const total = after.totalTicks - before.totalTicks;
  if (total <= 0) return { machine: 0, ours: 0, others: 0 };
  let oursTicks = 0;
  for (const [pid, ticks] of after.ours) oursTicks += ticks - (before.ours.get(pid) ?? 0);
  const machine = ((after.busyTicks - before.busyTicks) / total) * cores;
  const ours = Math.min(machine, (oursTicks / total) * cores);
  return { machine, ours, others: Math.max(0, machine - ours) };
}

/**
 * Waits (at most `timeoutMs`) until the whole machine is quiet: less than `maxCores` busy over
 * a 500 ms window. Call it when our own processes are idle, so what is left is other work.
 */
export async function waitForQuietMachine(maxCores: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const before = cpuSnapshot([]);
    await new Promise((r) => setTimeout(r, 500));
    if (cpuShare(before, cpuSnapshot([])).machine < maxCores) break;
  }
  return Date.now() - started;
}

/**
 * Waits until the processes are (nearly) idle: less than `maxCores` of CPU over a 500 ms
 * window. After an overloaded step a server keeps working through its backlog; the next
 * measurement must not pay for it.
 */
export async function waitForIdle(
  pids: () => number[],
  options: { maxCores?: number; timeoutMs?: number } = {},
): Promise<number> {
  const maxCores = options.maxCores ?? 0.05;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const started = Date.now();
  while (Date.now() < deadline) {
    const ids = pids();
    const before = cpuSnapshot(ids);
    await new Promise((r) => setTimeout(r, 500));
    if (cpuMs(before, cpuSnapshot(ids), ids) / 500 < maxCores) break;
  }
  return Date.now() - started;
}

/**
 * The kernel's count of connections dropped because a listening socket's accept queue was full
 * (TcpExt ListenOverflows, machine-wide, since boot). Node listens with a backlog of 511; when
 * a server's event loop is too busy to accept, a burst of new connections overflows it, and
 * those connections wait for TCP retransmissions (1 s, then doubling): latency and timeouts.
 */
export function listenOverflows(): number | undefined {
  try {
    const lines = fs.readFileSync("/proc/net/netstat", "utf8").split("\n");
    for (let i = 0; i + 1 < lines.length; i += 2) {
      const names = lines[i]?.split(/\s+/) ?? [];
      const values = lines[i + 1]?.split(/\s+/) ?? [];
      if (names[0] !== "TcpExt:") continue;
      const index = names.indexOf("ListenOverflows");
      return index > 0 ? Number(values[index]) : undefined;
    }
  } catch {
    // Not Linux: no figure.
  }
  return undefined;
}

/** Starts counting ListenOverflows: the returned function gives the count since (undefined off Linux). */
export function countListenOverflows(): () => number | undefined {
  const before = listenOverflows();
  return () => {
    const after = listenOverflows();
    return before === undefined || after === undefined ? undefined : after - before;
  };
}
