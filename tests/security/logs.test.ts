/**
 * Safe logs (issue 7): a full journey (sign-up, sign-in, token, CRUD, password reset, sign-out,
 * a database failure) runs in its own process with NODE_ENV=production and LOG_LEVEL=info, and
 * everything it writes to stdout and stderr is searched for the secrets it handled: passwords,
 * JWTs, session cookies and the tokens inside them, the reset token and link. The same logs
 * must hold the per-request JSON lines, so that the search is known to cover real logging.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JourneySecrets } from "./support/log-journey";

const JOURNEY = path.join(import.meta.dirname, "support", "log-journey.ts");

interface Journey {
  output: string;
  lines: Record<string, unknown>[];
  secrets: JourneySecrets;
}

/** Runs the journey in a child process and captures all of its output. */
async function runJourney(dataDir: string): Promise<Journey> {
  const secretsFile = path.join(dataDir, "secrets.json");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    LOG_LEVEL: "info",
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    BETTER_AUTH_URL: "http://localhost:3602",
    AUTH_RATE_LIMIT: "off",
    BCRYPT_COST: "4",
    DATA_DIR: dataDir,
    JOURNEY_SECRETS_FILE: secretsFile,
  };
  // react-server: the condition under which "server-only" is empty, as in Next's server layers.
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", JOURNEY], {
    cwd: process.cwd(),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`the journey failed (exit ${code}):\n${output.slice(-3000)}`);
  const secrets = JSON.parse(fs.readFileSync(secretsFile, "utf8")) as JourneySecrets;
  const lines = output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { output, lines, secrets };
}

/** Every form in which a secret could show up in a log line. */
function needles(secrets: JourneySecrets): [string, string][] {
  const found: [string, string][] = [];
  for (const password of secrets.passwords) found.push(["password", password]);
  for (const jwt of secrets.jwts) {
    const [, payload = "", signature = ""] = jwt.split(".");
    found.push(["JWT", jwt], ["JWT payload", payload], ["JWT signature", signature]);
  }
  for (const header of secrets.cookies) {
    for (const pair of header.split("; ")) {
      const value = pair.slice(pair.indexOf("=") + 1);
      const decoded = decodeURIComponent(value);
      // The session token is the part before the signature; the database stores it as is.
      found.push(
        ["cookie", value],
        ["cookie", decoded],
        ["session token", decoded.split(".")[0] ?? ""],
      );
    }
  }
  found.push(["reset token", secrets.resetToken], ["reset link", secrets.resetLink]);
  return found.filter(([, value]) => value.length >= 16);
}

describe("logs of a full journey in production mode", () => {
  let dataDir: string;
  let journey: Journey;

  beforeAll(async () => {
    fs.mkdirSync("/tmp/doable-sec", { recursive: true });
    dataDir = fs.mkdtempSync(path.join("/tmp/doable-sec", "logs-"));
    journey = await runJourney(dataDir);
  }, 240_000);
  afterAll(() => {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("contain no password, JWT, session cookie, reset token or reset link", () => {
    const list = needles(journey.secrets);
    expect(list.length).toBeGreaterThan(20);
    const leaks = list.filter(([, value]) => journey.output.includes(value)).map(([kind]) => kind);
    console.info(
      `[security] log lines: ${journey.lines.length}, secrets searched for: ${list.length}, found: ${leaks.length}`,
    );
    expect(leaks).toEqual([]);
  });

  it("are JSON lines only, one per request with requestId, method, route, status, durationMs", () => {
    const nonJson = journey.output.split("\n").filter((line) => line && !line.startsWith("{"));
    expect(nonJson).toEqual([]);
    const requests = journey.lines.filter((line) => "status" in line && "route" in line);
    for (const line of requests) {
      expect(line).toMatchObject({
        requestId: expect.stringMatching(/^[\w-]{8,}$/),
        method: expect.stringMatching(/^(GET|POST|PUT|PATCH|DELETE)$/),
        route: expect.any(String),
        status: expect.any(Number),
        durationMs: expect.any(Number),
      });
    }
    const ids = requests.map((line) => line.requestId);
    expect(new Set(ids).size).toBe(ids.length);
    // Every task route, each with the verified user id; the auth endpoints too.
    const seen = (route: string, status: number) =>
      requests.find((line) => line.route === route && line.status === status);
    for (const [route, status] of [
      ["POST /api/{userId}/tasks", 201],
      ["GET /api/{userId}/tasks", 200],
      ["GET /api/{userId}/tasks/{id}", 200],
      ["PUT /api/{userId}/tasks/{id}", 200],
      ["PATCH /api/{userId}/tasks/{id}/complete", 200],
      ["POST /api/{userId}/tasks/bulk", 200],
      ["DELETE /api/{userId}/tasks/{id}", 204],
    ] as const) {
      expect(seen(route, status), route).toMatchObject({ userId: journey.secrets.userId });
    }
    // The forged token: logged as a 401 without a user id.
    expect(seen("GET /api/{userId}/tasks", 401)).not.toHaveProperty("userId");
    const auth = requests.filter((line) => line.route === "/api/auth/*");
    expect(auth.map((line) => line.status)).toEqual(expect.arrayContaining([200, 302, 401, 500]));
  });

  it("record the reset mail as dropped (no SMTP) without its link, and the failures with a request id", () => {
    const mail = journey.lines.find((line) => line.msg === "SMTP_URL is not set: mail not sent");
    expect(mail).toBeDefined();
    expect(JSON.stringify(mail)).not.toMatch(/reset-password\/|token/i);
    const failures = journey.lines.filter((line) => line.level === 50);
    expect(failures.length).toBeGreaterThanOrEqual(2);
    const unexpected = failures.filter((line) => line.msg === "unexpected error");
    for (const line of unexpected) expect(line.requestId).toEqual(expect.any(String));
  });
});
