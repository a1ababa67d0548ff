import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Cold start: the time from spawning a production server to its first 200 on a given route
 * (polled every 10 ms), and how much JavaScript the process compiled by then (loaded-code.cjs,
 * preloaded with --require): the server code that route loads, the app's build apart from
 * node_modules.
 */

export interface LoadedCode {
  build: { files: number; bytes: number };
  packages: { files: number; bytes: number };
}

export interface ColdStart<S> {
  server: S;
  ms: number;
  code?: LoadedCode;
}

/** What a server start needs to take part: the preload, and how to tell it is ready. */
export interface ColdStartHooks {
  nodeArgs: string[];
  env: Record<string, string>;
  pollMs: number;
}

const PRELOAD = path.resolve("tests", "bench", "loaded-code.cjs");

export async function coldStart<S>(
  start: (hooks: ColdStartHooks) => Promise<S>,
): Promise<ColdStart<S>> {
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), "doable-cold-")),
    "loaded-code.json",
  );
  const started = performance.now();
  const server = await start({
    nodeArgs: ["--require", PRELOAD],
    env: { LOADED_CODE_FILE: file },
    pollMs: 10,
  });
  const ms = performance.now() - started;
  // loaded-code.cjs writes 100 ms after the last module compiled.
  await new Promise((resolve) => setTimeout(resolve, 400));
  let code: LoadedCode | undefined;
  try {
    code = JSON.parse(fs.readFileSync(file, "utf8")) as LoadedCode;
  } catch {
    code = undefined;
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return { server, ms, code };
}
