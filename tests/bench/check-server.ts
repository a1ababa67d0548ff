import http from "node:http";

/**
 * A server with a known behaviour, to check the load generator against: every answer comes
 * after exactly SERVICE_MS, or ?ms=N (a timer, so any number overlap), and GET /stall?ms=N blocks the
 * event loop for N ms once, the way a stalled server would. Run as its own process.
 */

const port = Number(process.env.PORT);
const serviceMs = Number(process.env.SERVICE_MS ?? 10);
const body = JSON.stringify({ ok: true });

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://x");
  if (url.pathname === "/stall") {
    const until = performance.now() + Number(url.searchParams.get("ms") ?? 0);
    while (performance.now() < until) {
      // Busy: nothing else runs, exactly like a server stuck in a long computation.
    }
    response.end("stalled");
    return;
  }
  if (url.pathname === "/health") {
    response.end("ok");
    return;
  }
  setTimeout(
    () => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(body);
    },
    Number(url.searchParams.get("ms") ?? serviceMs),
  );
});
server.keepAliveTimeout = 600_000;
server.listen(port, "127.0.0.1");
