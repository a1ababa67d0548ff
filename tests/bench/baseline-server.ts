/** The floor (baseline.ts) as a child process, and the check that it answers as Doable does. */
import path from "node:path";
import { type ChildServer, freePort, startChildServer } from "./child-server";
import { DB_POOL_MAX, SERVER_NODE_FLAGS } from "./plan";
import type { BenchRequest } from "./workload";

/**
 * The baseline on a free port, with the app's published keys and the bench's Node flags; on
 * the bench's own Node unless another runtime's binary is given (the runtime comparison's floor).
 */
export async function startBaseline(options: {
  databaseUrl: string;
  appOrigin: string;
  node?: { path: string; name: string };
}): Promise<ChildServer> {
  const port = await freePort();
  return startChildServer({
    name: options.node?.name ?? "baseline",
    command: options.node?.path ?? process.execPath,
    args: [...SERVER_NODE_FLAGS, "--import", "tsx", path.join("tests", "bench", "baseline.ts")],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      DB_POOL_MAX: String(DB_POOL_MAX),
      JWKS_URL: `${options.appOrigin}/api/auth/jwks`,
      JWT_ISSUER: options.appOrigin,
    },
    port,
    readyPath: "/health",
  });
}

export interface AnswerCheck {
  identical: boolean;
  detail: string;
  /** For the report's notes, when the answers differ: the start of each. */
  difference?: string;
}

/** Same request to both servers: the same status 200 and the same bytes? */
export async function compareAnswers(
  appOrigin: string,
  baselineOrigin: string,
  probe: BenchRequest,
): Promise<AnswerCheck> {
  const [doable, baseline] = await Promise.all(
    [appOrigin, baselineOrigin].map(async (origin) => {
      const response = await fetch(origin + probe.path, { headers: probe.headers });
      return { status: response.status, body: await response.text() };
    }),
  );
  const identical =
    doable?.status === 200 && doable.body === baseline?.body && baseline.status === 200;
  const parsed = JSON.parse(doable?.body ?? "{}") as { tasks?: unknown[] };
  return {
    identical,
    detail: `GET ${probe.path.replace(/\/api\/[^/]+/, "/api/{userId}")}: ${doable?.status} with ${parsed.tasks?.length ?? 0} tasks, ${doable?.body.length} bytes; baseline ${baseline?.status}, ${baseline?.body.length} bytes`,
    difference: identical
      ? undefined
      : `Doable and baseline answered differently: Doable ${doable?.body.slice(0, 300)} … baseline ${baseline?.body.slice(0, 300)}`,
  };
}
