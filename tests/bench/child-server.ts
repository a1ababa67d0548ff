import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";

/**
 * Servers the benchmark starts in their own processes (the app, the baseline, the generator
 * check server), so they never share an event loop with the load generator. Each runs in its
 * own process group: stopping it ends its children too, and a registry kills whatever is
 * left if the benchmark itself fails or is interrupted.
 */

/** The benchmark's assigned port range. */
export const PORT_RANGE = { from: 3500, to: 3599 } as const;

const taken = new Set<number>();

export async function freePort(): Promise<number> {
  for (let port = PORT_RANGE.from; port <= PORT_RANGE.to; port++) {
    if (taken.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`No free port in ${PORT_RANGE.from}-${PORT_RANGE.to}`);
}

export interface ChildServer {
  name: string;
  /** The spawned process (group leader). */
  pid: number;
  port: number;
  origin: string;
  /** The last lines the process printed, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

// Last resort: never leave a server behind, whatever way the benchmark ends.
process.on("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env: NodeJS.ProcessEnv;
  port: number;
  /** Polled until it answers 200. */
  readyPath: string;
  /** Sent with each poll (a token, a session cookie: cold start times a real route). */
  readyHeaders?: Record<string, string>;
  /** Between polls; default 200 ms. */
  pollMs?: number;
  readyTimeoutMs?: number;
}

export async function startChildServer(options: SpawnOptions): Promise<ChildServer> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  exited.then(() => running.delete(child));

  const origin = `http://127.0.0.1:${options.port}`;
  const server: ChildServer = {
    name: options.name,
    pid: child.pid as number,
    port: options.port,
    origin,
    output: () => lines.join("\n"),
    async stop() {
      killGroup(child, "SIGTERM");
      const stopped = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 10_000)),
      ]);
      if (!stopped) {
        killGroup(child, "SIGKILL");
        await exited;
      }
    },
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  while (true) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${options.name} exited before it was ready:\n${server.output()}`);
    }
    try {
      const response = await fetch(origin + options.readyPath, {
        headers: options.readyHeaders,
        signal: AbortSignal.timeout(5_000),
      });
      await response.arrayBuffer();
      if (response.ok) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`${options.name} was not ready within the time limit:\n${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, options.pollMs ?? 200));
  }
}
