/**
 * The local Neon HTTP endpoint speaks the protocol @neondatabase/serverless expects (see
 * tests/support/neon-http-server.ts). Runs when TEST_DATABASE_URL is set, like neon-http itself.
 */
import { neon, neonConfig } from "@neondatabase/serverless";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../support/databases";
import { type NeonHttpServer, startNeonHttpServer } from "../support/neon-http-server";

async function failure(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error("expected a failure");
}

describe.runIf(testDrivers().includes("neon-http"))("the local Neon HTTP endpoint", () => {
  let server: NeonHttpServer;
  const savedEndpoint = neonConfig.fetchEndpoint;
  const url = process.env.TEST_DATABASE_URL ?? "";
  const sql = neon(url);

  beforeAll(async () => {
    server = await startNeonHttpServer();
    neonConfig.fetchEndpoint = server.endpoint;
  });
  afterAll(async () => {
    neonConfig.fetchEndpoint = savedEndpoint;
    await server?.close();
  });

  it("answers fields, rows, command and rowCount the client parses by type", async () => {
    const result = await sql.query(
      `select 1::int4 as n, 'x'::text as t, null::text as z, array[1, 2]::int4[] as a,
              '{"k": [1, "two"]}'::jsonb as j, 9007199254740993::int8 as big, $1::text as p`,
      ["param"],
      { fullResults: true },
    );
    expect(result.command).toBe("SELECT");
    expect(result.rowCount).toBe(1);
    expect(result.fields.map((f) => [f.name, f.dataTypeID])).toEqual([
      ["n", 23],
      ["t", 25],
      ["z", 25],
      ["a", 1007],
      ["j", 3802],
      ["big", 20],
      ["p", 25],
    ]);
    expect(result.rows).toEqual([
      {
        n: 1,
        t: "x",
        z: null,
        a: [1, 2],
        j: { k: [1, "two"] },
        big: "9007199254740993",
        p: "param",
      },
    ]);
  });

  it("gives rowCount from the command tag, null when it has none", async () => {
    const created = await sql.query("create temporary table if not exists probe (x int)", [], {
      fullResults: true,
    });
    expect(created).toMatchObject({ command: "CREATE", rowCount: null, rows: [] });
  });

  it("allows one statement per query, as Neon's extended protocol does", async () => {
    const error = await failure(sql.query("select 1; select 2"));
    expect(error.code).toBe("42601");
  });

  it("answers Postgres errors with their SQLSTATE and fields", async () => {
    const error = await failure(sql.query("select 1 / 0"));
    expect(error).toMatchObject({
      name: "NeonDbError",
      code: "22012",
      severity: "ERROR",
      message: "division by zero",
    });
  });

  it("runs a batch in one transaction with the requested settings", async () => {
    const [settings] = await sql.transaction(
      [
        sql`select current_setting('transaction_isolation') as iso,
                   current_setting('transaction_read_only') as ro`,
      ],
      { isolationLevel: "Serializable", readOnly: true },
    );
    expect(settings).toEqual([{ iso: "serializable", ro: "on" }]);

    const error = await failure(sql.transaction([sql`select 1`, sql`select 1 / 0`]));
    expect(error.code).toBe("22012");
  });

  it("converts values to JSON when raw text output is off", async () => {
    const response = await fetch(server.endpoint, {
      method: "POST",
      headers: { "Neon-Connection-String": url },
      body: JSON.stringify({
        query: "select true as b, 2::int2 as s, 1.5::float8 as f, '{1,2}'::int4[] as a, 'x' as t",
        params: [],
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      rowAsArray: false,
      rows: [{ b: true, s: 2, f: 1.5, a: [1, 2], t: "x" }],
    });
  });

  it("refuses a request without a connection string", async () => {
    const response = await fetch(server.endpoint, {
      method: "POST",
      body: JSON.stringify({ query: "select 1", params: [] }),
    });
    expect(response.status).toBe(400);
  });

  it("counts requests per database and holds answers back by its round-trip time", async () => {
    const slow = await startNeonHttpServer({ rttMs: 60 });
    try {
      const database = decodeURIComponent(new URL(url).pathname.slice(1));
      const ask = (query: string) =>
        fetch(slow.endpoint, {
          method: "POST",
          headers: { "Neon-Connection-String": url },
          body: JSON.stringify({ query, params: [] }),
        });
      const started = performance.now();
      expect((await ask("select 1")).status).toBe(200);
      // A lower bound only: the delay is a timer, never shorter than asked.
      expect(performance.now() - started).toBeGreaterThanOrEqual(59);
      // A failing statement is a round trip too.
      expect((await ask("select 1 / 0")).status).toBe(400);
      expect(slow.requestCount(database)).toBe(2);
      slow.resetRequestCount(database);
      expect(slow.requestCount(database)).toBe(0);
      expect(slow.requestCount("another_database")).toBe(0);
    } finally {
      await slow.close();
    }
  });
});
