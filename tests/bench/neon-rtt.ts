import { startNeonHttpServer } from "../support/neon-http-server";
import { BENCH_PASSWORD } from "./accounts";
import { type AppSource, startApp } from "./app-server";
import { percentile } from "./latency-stats";
import type { BenchUser } from "./workload";

/**
 * Production's shape: Doable on the neon-http driver, each statement an HTTP request to Neon,
 * here to the local Neon server (tests/support/neon-http-server.ts) holding every answer back by
 * a round-trip time. For each API operation, one request at a time: the database round trips
 * per request (the server's request count) and the latency. The first request of a session in
 * each SESSION_RECHECK_MS asks the session table once more, so an average may sit a little
 * above a whole number.
 */

export interface NeonOperationRow {
  operation: string;
  requests: number;
  roundTripsPerRequest: number;
  p50: number;
  p99: number;
  /** Answers that were not what the operation expects (all of them count in the figures). */
  failures: number;
}

export interface NeonRttResult {
  rttMs: number;
  rows: NeonOperationRow[];
}

export interface NeonRttOptions {
  source: AppSource;
  port: number;
  authSecret: string;
  databaseUrl: string;
  databaseName: string;
  user: BenchUser;
  rttMs: number;
  requests: number;
  bcryptCost: number;
  logLevel: string;
  log: (message: string) => void;
}

type Call = () => Promise<Response>;

export async function benchNeonRtt(options: NeonRttOptions): Promise<NeonRttResult> {
  const neon = await startNeonHttpServer({ rttMs: options.rttMs });
  const app = await startApp({
    source: options.source,
    port: options.port,
    databaseUrl: options.databaseUrl,
    bcryptCost: options.bcryptCost,
    authSecret: options.authSecret,
    logLevel: options.logLevel,
    env: { DATABASE_DRIVER: "neon-http", NEON_HTTP_ENDPOINT: neon.endpoint },
  });
  const { user } = options;
  const tasks = `${app.origin}/api/${user.id}/tasks`;
  const bearer = { authorization: `Bearer ${user.token}` };
  const json = { ...bearer, "content-type": "application/json" };
  const send = (method: string, url: string, body?: unknown, headers: HeadersInit = json) =>
    fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const created: string[] = [];
  const newTask = async () => {
    const response = await send("POST", tasks, { title: "Neon bench task" });
    const { id } = (await response.json()) as { id: string };
    created.push(id);
    return id;
  };
  let cursor = 0;
  /** A task this step created, in turn (get, update and complete spread over them). */
  const someTask = () => created[cursor++ % created.length] as string;
  const etagOf = async (id: string) =>
    (await send("GET", `${tasks}/${id}`, undefined, bearer)).headers.get("etag") ?? "";

  /** Each operation builds the request to measure; requests it makes to build it do not count. */
  const ask = (call: Call) => async () => call;
  const operations: [string, () => Promise<Call>, number][] = [
    ["list", ask(() => send("GET", tasks, undefined, bearer)), 200],
    ["create", ask(() => send("POST", tasks, { title: "Neon bench task" })), 201],
    ["get", ask(() => send("GET", `${tasks}/${someTask()}`, undefined, bearer)), 200],
    ["update", ask(() => send("PUT", `${tasks}/${someTask()}`, { title: "Renamed" })), 200],
    [
      "update with If-Match",
      async () => {
        const id = someTask();
        const etag = await etagOf(id);
        return () =>
          send("PUT", `${tasks}/${id}`, { title: "Again" }, { ...json, "if-match": etag });
      },
      200,
    ],
    [
      "complete",
      ask(() => send("PATCH", `${tasks}/${someTask()}/complete`, undefined, bearer)),
      200,
    ],
    ["delete", ask(() => send("DELETE", `${tasks}/${created.pop()}`, undefined, bearer)), 204],
    [
      "bulk complete",
      ask(() => send("POST", `${tasks}/bulk`, { action: "complete", ids: created.slice(0, 5) })),
      200,
    ],
    [
      "GET /api/auth/token",
      ask(() => fetch(`${app.origin}/api/auth/token`, { headers: { cookie: user.cookie } })),
      200,
    ],
    [
      "sign-in",
      ask(() =>
        fetch(`${app.origin}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: app.origin },
          body: JSON.stringify({ email: user.email, password: BENCH_PASSWORD }),
        }),
      ),
      200,
    ],
  ];
  const rows: NeonOperationRow[] = [];
  try {
    // Warm: the route modules loaded, the signing keys and this session's check remembered.
    for (let i = 0; i < options.requests * 2 + 10; i++) await newTask();
    await send("GET", tasks, undefined, bearer);
    for (const [operation, prepare, expected] of operations) {
      // Once unmeasured: a route's first request loads its module, and the first auth request
      // builds Better Auth (which reads the signing keys).
      await (await (await prepare())()).arrayBuffer();
      const latencies: number[] = [];
      let failures = 0;
      let trips = 0;
      for (let i = 0; i < options.requests; i++) {
        const call = await prepare();
        const measured = await timed(call, () => neon.requestCount(options.databaseName));
        latencies.push(measured.ms);
        trips += measured.trips;
        if (measured.status !== expected) failures += 1;
      }
      const sorted = latencies.sort((a, b) => a - b);
      const row = {
        operation,
        requests: options.requests,
        roundTripsPerRequest: trips / options.requests,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        failures,
      };
      rows.push(row);
      options.log(
        `neon-http at ${options.rttMs} ms RTT: ${operation}: ${row.roundTripsPerRequest.toFixed(2)} round trips per request, p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms${failures ? `, ${failures} unexpected answers` : ""}`,
      );
    }
  } finally {
    await app.stop();
    await neon.close();
  }
  return { rttMs: options.rttMs, rows };
}

async function timed(call: Call, count: () => number) {
  const before = count();
  const started = performance.now();
  const response = await call();
  await response.arrayBuffer();
  return { ms: performance.now() - started, trips: count() - before, status: response.status };
}
