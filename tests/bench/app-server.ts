import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type ChildServer, startChildServer } from "./child-server";
import { findByTitle } from "./proc-stats";

/** The benchmark's own Next output folder, so it never disturbs anyone else's build. */
export const DIST_DIR = ".next-bench";
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");
/** Sources whose change makes the production build stale. */
const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "drizzle",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "package.json",
];
/**
 * Idle connections stay open for the whole run (Node's default closes them after 5 s): the
 * capacity search keeps its 1000 connections open although most sit idle at low rates.
 */
export const KEEP_ALIVE_MS = 600_000;

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function git(args: string[]): string {
  return execFileSync("git", args, { encoding: "utf8" }).trim();
}

/** Where the measured app's sources are, and how to name them in the report. */
export interface AppSource {
  dir: string;
  label: string;
}

/**
 * The working tree as it is (default), or with `ref` a clean export of that commit in
 * /tmp/doable-bench-src/<sha>: measured code without anyone's uncommitted work, and a build
 * that leaves the working tree alone (`next build` rewrites tsconfig.json's include list for
 * every new output folder). node_modules is hard-linked in (same files, no download).
 */
export function prepareSource(options: { ref?: string; appDir?: string }): AppSource {
  // An app folder prepared by hand (an experiment: a patched copy with its node_modules).
  if (options.appDir) {
    return { dir: path.resolve(options.appDir), label: `the app in ${options.appDir}` };
  }
  const ref = options.ref;
  const head = git(["rev-parse", "--short=12", "HEAD"]);
  if (!ref) {
    const dirty = git(["status", "--porcelain", "--", ...SOURCES]);
    return {
      dir: process.cwd(),
      label: dirty ? `working tree at ${head} with uncommitted changes` : `working tree at ${head}`,
    };
  }
  const sha = git(["rev-parse", "--short=12", `${ref}^{commit}`]);
  const dir = path.join(os.tmpdir(), "doable-bench-src", sha);
  if (!fs.existsSync(path.join(dir, "package.json"))) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    execFileSync("sh", ["-c", `git archive ${sha} | tar -x -C "${dir}"`]);
    execFileSync("cp", ["-al", path.resolve("node_modules"), path.join(dir, "node_modules")]);
  }
  return { dir, label: `commit ${sha} (clean export of ${ref})` };
}

/** Why the build must be (re)made, or undefined when `.next-bench` is current. */
export function buildNeeded(
  source: AppSource,
  mode: "auto" | "always" | "never",
): string | undefined {
  if (mode === "always") return "--rebuild was given";
  const buildId = path.join(source.dir, DIST_DIR, "BUILD_ID");
  if (!fs.existsSync(buildId)) return `${DIST_DIR} has no BUILD_ID`;
  // --no-rebuild: measure the existing build even if sources changed since (say so).
  if (mode === "never") return undefined;
  const builtAt = fs.statSync(buildId).mtimeMs;
  const changed = SOURCES.find((entry) => newestMtime(path.join(source.dir, entry)) > builtAt);
  return changed ? `${changed} changed since the last build` : undefined;
}

export function build(source: AppSource): void {
  const started = Date.now();
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: source.dir,
    env: {
      ...process.env,
      NEXT_DIST_DIR: DIST_DIR,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  console.info(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * Builds when the mode and `.next-bench` say so. Answers what the report must note: the build
 * measured is older than the sources (--no-rebuild), else undefined.
 */
export function buildIfNeeded(
  source: AppSource,
  mode: "auto" | "always" | "never",
  log: (message: string) => void,
): string | undefined {
  const why = buildNeeded(source, mode);
  if (why) {
    log(`building the app into ${DIST_DIR}: ${why}`);
    build(source);
    return undefined;
  }
  // Only --no-rebuild measures a build that may be older than the sources.
  if (mode !== "never") return undefined;
  const stale = buildNeeded(source, "auto");
  return stale
    ? `Measured the existing build in ${DIST_DIR} although ${stale} (--no-rebuild).`
    : undefined;
}

export interface AppServer extends ChildServer {
  /** The process that answers requests, titled next-server (today `next start` itself). */
  serverPid: number;
}

export interface AppOptions {
  source: AppSource;
  port: number;
  /** node-postgres on this database (what `npm run bench` measures). */
  databaseUrl?: string;
  /** Instead: the embedded PGlite in this folder (DATABASE_DRIVER=pglite, DATA_DIR, no URL). */
  pgliteDataDir?: string;
  bcryptCost: number;
  /** BETTER_AUTH_SECRET; a fresh one when omitted. Give the same one to restart a server. */
  authSecret?: string;
  logLevel: string;
  /** Folder for a V8 CPU profile of the server, written when it stops. */
  cpuProfileDir?: string;
  /** Extra V8/Node flags for the server (experiments, e.g. GC settings). */
  nodeFlags?: string[];
  /** The Node executable to run it with; default the one running the bench. */
  node?: string;
  /** Extra environment (e.g. loaded-code.cjs's LOADED_CODE_FILE). */
  env?: Record<string, string>;
  /** What "ready" means; default a 200 from /api/health, polled every 200 ms. */
  ready?: { path: string; headers?: Record<string, string>; pollMs?: number };
}

export async function startApp(options: AppOptions): Promise<AppServer> {
  const origin = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    ...(options.pgliteDataDir
      ? { DATABASE_DRIVER: "pglite", DATA_DIR: options.pgliteDataDir }
      : { DATABASE_URL: options.databaseUrl, DATABASE_DRIVER: "node-postgres" }),
    BETTER_AUTH_SECRET: options.authSecret ?? randomBytes(32).toString("base64url"),
    BETTER_AUTH_URL: origin,
    AUTH_RATE_LIMIT: "off",
    BCRYPT_COST: String(options.bcryptCost),
    LOG_LEVEL: options.logLevel,
    // The dispatch benchmark runs its own dispatchers against this database: no timer here.
    REMINDER_TIMER_SECONDS: "0",
    ...options.env,
  };
  const nodeArgs: string[] = [...(options.nodeFlags ?? [])];
  if (options.cpuProfileDir) {
    fs.mkdirSync(options.cpuProfileDir, { recursive: true });
    // Written when the server exits (SIGTERM: next start calls process.exit).
    nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${path.resolve(options.cpuProfileDir)}`);
  }
  return startNextServer({
    name: "next start",
    node: options.node ?? process.execPath,
    nodeArgs,
    nextBin: NEXT_BIN,
    cwd: options.source.dir,
    env,
    port: options.port,
    keepAliveMs: KEEP_ALIVE_MS,
    ready: options.ready ?? { path: "/api/health" },
  });
}

export interface NextStartOptions {
  name: string;
  node: string;
  /** Node/V8 flags before the `next` script. */
  nodeArgs: string[];
  nextBin: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  port: number;
  keepAliveMs: number;
  ready: { path: string; headers?: Record<string, string>; pollMs?: number };
}

/** `next start` of a build on 127.0.0.1 (Doable's, bare Next's), ready at a 200 from `ready.path`. */
export async function startNextServer(options: NextStartOptions): Promise<AppServer> {
  const server = await startChildServer({
    name: options.name,
    command: options.node,
    args: [
      ...options.nodeArgs,
      options.nextBin,
      "start",
      "-H",
      "127.0.0.1",
      "-p",
      String(options.port),
      "--keepAliveTimeout",
      String(options.keepAliveMs),
    ],
    cwd: options.cwd,
    env: options.env,
    port: options.port,
    readyPath: options.ready.path,
    readyHeaders: options.ready.headers,
    pollMs: options.ready.pollMs,
  });
  return { ...server, serverPid: findByTitle(server.pid, "next-server") ?? server.pid };
}
