/** GET /api/health: a real `select 1` on every driver, and 503 when the database is unreachable. */
import net from "node:net";
import { neonConfig } from "@neondatabase/serverless";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { type DbHandle, openDatabase, useDatabase } from "@/db";
import { openTestDatabase, testDrivers } from "../support/databases";
import { type NeonHttpServer, startNeonHttpServer } from "../support/neon-http-server";

const context = { params: Promise.resolve({}) };

function health(): Promise<Response> {
  return GET(new Request("http://localhost/api/health"), context);
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.each(testDrivers())("GET /api/health on %s", (driver) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    useDatabase(handle);
  });
  afterAll(() => handle?.close());

  it("answers ok with the driver's name", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(await response.json()).toEqual({ status: "ok", database: "ok", driver, mail: "log" });
  });
});

describe("GET /api/health with the database unreachable", () => {
  let handle: DbHandle | undefined;
  const savedEndpoint = neonConfig.fetchEndpoint;
  afterEach(async () => {
    neonConfig.fetchEndpoint = savedEndpoint;
    await handle?.close();
    handle = undefined;
  });

  async function expectUnavailable(): Promise<void> {
    const response = await health();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({
      code: "unavailable",
      message: expect.any(String),
      requestId: response.headers.get("x-request-id"),
    });
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
  }

  it("answers 503 on node-postgres when nothing listens on the port", async () => {
    const port = await closedPort();
    handle = await openDatabase({
      driver: "node-postgres",
      url: `postgres://postgres@127.0.0.1:${port}/doable`,
      connectTimeoutMs: 1_000,
      statementTimeoutMs: 1_000,
    });
    useDatabase(handle);
    await expectUnavailable();
  });

  it("answers 503 on neon-http when the HTTP endpoint cannot be reached", async () => {
    const port = await closedPort();
    neonConfig.fetchEndpoint = `http://127.0.0.1:${port}/sql`;
    handle = await openDatabase({
      driver: "neon-http",
      url: "postgres://postgres@db.example.neon.tech/doable",
      connectTimeoutMs: 1_000,
      statementTimeoutMs: 1_000,
    });
    useDatabase(handle);
    await expectUnavailable();
  });

  describe("behind the Neon HTTP endpoint", () => {
    let server: NeonHttpServer;
    beforeAll(async () => {
      server = await startNeonHttpServer();
    });
    afterAll(() => server?.close());

    it("answers 503 on neon-http when the endpoint cannot reach Postgres", async () => {
      const port = await closedPort();
      neonConfig.fetchEndpoint = server.endpoint;
      handle = await openDatabase({
        driver: "neon-http",
        url: `postgres://postgres@127.0.0.1:${port}/doable`,
        connectTimeoutMs: 1_000,
        statementTimeoutMs: 1_000,
      });
      useDatabase(handle);
      await expectUnavailable();
    });
  });
});
