import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type AppServer, startNextServer } from "./app-server";

/**
 * The bare-Next yardstick (tests/bench/bare-next/): a Next app of one route handler doing the
 * list route's work, served by `next start` like Doable, so that Doable / bare Next is our
 * code's cost and bare Next / floor is Next's. It is built and run from a copy in the temporary
 * folder with the repository's node_modules hard-linked in: inside the repository, Turbopack
 * (whose root must hold node_modules) took the repository's own instrumentation.ts and
 * proxy.ts as the bare app's.
 */
const SOURCE = path.join("tests", "bench", "bare-next");
const DIR = path.join(os.tmpdir(), "doable-bench-bare-next");
const DIST_DIR = ".next";
/** The copy's own `next` (hard-linked): the repository's would load a second React. */
const NEXT_BIN = path.join(DIR, "node_modules", "next", "dist", "bin", "next");

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (path.basename(entry) === DIST_DIR) return 0;
  return Math.max(
    stat.mtimeMs,
    ...fs.readdirSync(entry).map((child) => newestMtime(path.join(entry, child))),
  );
}

/** Copies the sources and builds when they changed since the last build; says why it built. */
export function buildBareNext(): string | undefined {
  const buildId = path.join(DIR, DIST_DIR, "BUILD_ID");
  const why = !fs.existsSync(buildId)
    ? "no build yet"
    : newestMtime(SOURCE) > fs.statSync(buildId).mtimeMs
      ? "its sources changed"
      : undefined;
  if (!why) return undefined;
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.cpSync(SOURCE, DIR, { recursive: true, filter: (from) => path.basename(from) !== DIST_DIR });
  execFileSync("cp", ["-al", path.resolve("node_modules"), path.join(DIR, "node_modules")]);
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: DIR,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0)
    throw new Error(`next build of bare Next failed (exit ${result.status})`);
  return why;
}

export interface BareNextOptions {
  port: number;
  databaseUrl: string;
  poolMax: number;
  /** Where the app publishes its keys, and the tokens' issuer. */
  jwksUrl: string;
  issuer: string;
  node: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
  ready?: { path: string; headers?: Record<string, string>; pollMs?: number };
  keepAliveMs: number;
}

export function startBareNext(options: BareNextOptions): Promise<AppServer> {
  return startNextServer({
    name: "bare next start",
    node: options.node,
    nodeArgs: options.nodeArgs ?? [],
    nextBin: NEXT_BIN,
    cwd: DIR,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      DB_POOL_MAX: String(options.poolMax),
      JWKS_URL: options.jwksUrl,
      JWT_ISSUER: options.issuer,
      ...options.env,
    },
    port: options.port,
    keepAliveMs: options.keepAliveMs,
    ready: options.ready ?? { path: "/health" },
  });
}
