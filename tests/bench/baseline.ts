import http from "node:http";
import { createListWork } from "./bare-next/list-work";

/**
 * The floor: a bare node:http server doing the list route's work (bare-next/list-work.ts) and
 * nothing else. No framework: how fast this work can go here.
 *
 * Run as its own process by tests/bench/run.ts:
 *   PORT=… DATABASE_URL=… JWKS_URL=… JWT_ISSUER=… node --import tsx tests/bench/baseline.ts
 */

const PATH = /^\/api\/([^/]+)\/tasks$/;

function send(response: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(json),
  });
  response.end(json);
}

async function main() {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  const list = await createListWork({
    databaseUrl: env("DATABASE_URL"),
    poolMax: Number(process.env.DB_POOL_MAX ?? 10),
    jwksUrl: env("JWKS_URL"),
    issuer: env("JWT_ISSUER"),
  });
  const server = http.createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (path === "/health") return send(response, 200, { status: "ok" });
    const match = PATH.exec(path);
    if (request.method !== "GET" || !match?.[1]) {
      return send(response, 404, { error: { code: "not_found", message: "No route" } });
    }
    list(request.headers.authorization, decodeURIComponent(match[1])).then(
      ({ status, body }) => send(response, status, body),
      () => {
        const body = { error: { code: "internal", message: "Something went wrong" } };
        if (!response.headersSent) send(response, 500, body);
      },
    );
  });
  // Like the app's `next start --keepAliveTimeout`: idle connections stay open all run long.
  server.keepAliveTimeout = 600_000;
  server.listen(Number(env("PORT")), "127.0.0.1");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
