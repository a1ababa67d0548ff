/**
 * Security headers and API shapes (issue 7), in process: the page CSP (lib/security/headers.ts
 * through proxy.ts), the static headers of next.config.ts in development and production, JSON
 * 404s for unknown /api paths, and 405 with Allow, in the error shape, for every unsupported
 * method of every route file under app/api.
 */
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db";
import { API_CSP, pageCsp } from "@/lib/security/headers";
import { HTTP_METHODS, type HttpMethod } from "@/lib/server/http/methods";
import { proxy, config as proxyConfig } from "@/proxy";
import { attachTestDatabase, setTestAuthEnv } from "../support/auth";
import { openTestDatabase } from "../support/databases";
import { readError } from "../support/tasks-api";

setTestAuthEnv({ baseURL: "http://localhost:3604", dataDir: "/tmp/doable-sec/headers" });

/** The CSP directives, by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = "", ...values]) => [name, values]),
  );
}

describe("the page Content-Security-Policy", () => {
  const nonce = "bm9uY2UtZm9yLXRlc3Rz";

  it("in production: scripts only by nonce, no eval, no inline scripts, never framed", () => {
    const csp = directives(pageCsp(nonce, false));
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(pageCsp(nonce, false)).not.toContain("unsafe-eval");
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
  });

  it("allows exactly this origin's service worker (public/sw.js), in production and development", () => {
    for (const isDev of [false, true]) {
      expect(directives(pageCsp(nonce, isDev)).get("worker-src")).toEqual(["'self'"]);
    }
  });

  it("allows eval in development only (React's refresh needs it)", () => {
    expect(directives(pageCsp(nonce, true)).get("script-src")).toContain("'unsafe-eval'");
  });

  it("proxy.ts gives every page request a fresh nonce, in the response and to the page", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const response = proxy(new NextRequest("http://localhost:3604/dashboard"));
      const csp = response.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      expect(csp).not.toContain("unsafe-eval");
      expect(directives(csp).get("frame-ancestors")).toEqual(["'none'"]);
      // Next hands the rewritten request headers to the page as x-middleware-request-*.
      expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
      seen.add(nonce ?? "");
    }
    expect(seen.size).toBe(3);
  });

  it("proxy.ts runs for pages, not for /api or static files", () => {
    const [matcher] = proxyConfig.matcher;
    const pattern = new RegExp(`^${matcher?.source}$`);
    for (const page of ["/", "/dashboard", "/login", "/apiary", "/reset-password"]) {
      expect(pattern.test(page), page).toBe(true);
    }
    for (const other of ["/api", "/api/health", "/api/u/tasks", "/_next/static/chunk.js"]) {
      expect(pattern.test(other), other).toBe(false);
    }
  });
});

describe("next.config.ts headers", () => {
  const savedEnv = process.env.NODE_ENV;
  afterAll(() => {
    (process.env as Record<string, string | undefined>).NODE_ENV = savedEnv;
    vi.resetModules();
  });

  async function configFor(nodeEnv: string) {
    (process.env as Record<string, string | undefined>).NODE_ENV = nodeEnv;
    vi.resetModules();
    const { default: config } = await import("@/next.config");
    const rules = (await config.headers?.()) ?? [];
    const forSource = (source: string) =>
      new Map(
        (rules.find((r) => r.source === source)?.headers ?? []).map((h) => [
          h.key.toLowerCase(),
          h.value,
        ]),
      );
    return {
      config,
      all: forSource("/:path*"),
      api: forSource("/api/:path*"),
      sw: forSource("/sw.js"),
    };
  }

  it.each(["production", "development"])(
    "in %s: nosniff, referrer, permissions, no X-Powered-By",
    async (env) => {
      const { config, all, api } = await configFor(env);
      expect(config.poweredByHeader).toBe(false);
      expect(all.get("x-content-type-options")).toBe("nosniff");
      expect(all.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(all.get("x-frame-options")).toBe("DENY");
      const permissions = all.get("permissions-policy") ?? "";
      for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
        expect(permissions).toContain(`${feature}=()`);
      }
      expect(api.get("content-security-policy")).toBe(API_CSP);
      expect(directives(API_CSP).get("default-src")).toEqual(["'none'"]);
      expect(directives(API_CSP).get("frame-ancestors")).toEqual(["'none'"]);
    },
  );

  it("the service worker is never served from a cache without asking", async () => {
    for (const env of ["production", "development"]) {
      const { sw } = await configFor(env);
      expect([...sw], env).toEqual([["cache-control", "no-cache"]]);
    }
  });

  it("HSTS in production only", async () => {
    const production = await configFor("production");
    expect(production.all.get("strict-transport-security")).toMatch(/^max-age=\d{8,}/);
    const development = await configFor("development");
    expect(development.all.has("strict-transport-security")).toBe(false);
  });
});

/* ----------------------------------------------------------- API shapes */

const API_DIR = path.join(process.cwd(), "app", "api");

/** Every route file under app/api, as its URL pattern. */
function apiRouteFiles(): string[] {
  return (fs.readdirSync(API_DIR, { recursive: true }) as string[])
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => path.join(API_DIR, file))
    .sort();
}

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

/** Params for any route: every dynamic segment gets a placeholder. */
const PARAMS = {
  userId: "someone",
  id: "3f0e8a52-4c1b-4b8e-9a51-1f6f2d7c9b10",
  rest: ["x"],
  all: ["x"],
};

describe("API answers", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    // The health route reads the database.
    handle = await openTestDatabase("pglite");
    attachTestDatabase(handle);
  });
  afterAll(() => handle?.close());

  async function call(file: string, method: HttpMethod, url: string): Promise<Response> {
    const module = (await import(file)) as Partial<Record<HttpMethod, Handler>>;
    const handler = module[method];
    if (!handler) throw new Error(`${path.relative(process.cwd(), file)} exports no ${method}`);
    const body = method === "GET" || method === "DELETE" ? undefined : "{}";
    const request = new Request(`http://localhost:3604${url}`, {
      method,
      body,
      headers: body ? { "content-type": "application/json" } : {},
    });
    return handler(request, { params: Promise.resolve(PARAMS) });
  }

  it("finds the route files", () => {
    const files = apiRouteFiles().map((f) => path.relative(API_DIR, f));
    expect(files).toEqual(
      expect.arrayContaining([
        "route.ts",
        "health/route.ts",
        "auth/[...all]/route.ts",
        "[userId]/route.ts",
        "[userId]/[...rest]/route.ts",
        "[userId]/tasks/route.ts",
        "[userId]/tasks/[id]/route.ts",
        "[userId]/tasks/[id]/complete/route.ts",
        "[userId]/tasks/bulk/route.ts",
      ]),
    );
  });

  it.each([
    ["app/api/route.ts", "/api"],
    ["app/api/[userId]/route.ts", "/api/nothing-here"],
    ["app/api/[userId]/[...rest]/route.ts", "/api/someone/no/such/thing"],
    ["app/api/auth/[...all]/route.ts", "/api/auth/no-such-endpoint"],
  ])("unknown paths answer a JSON 404 in the error shape (%s)", async (file, url) => {
    for (const method of HTTP_METHODS) {
      const response = await call(path.join(process.cwd(), file), method, url);
      expect(response.status, `${method} ${url}`).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(response.headers.get("x-request-id")).toBeTruthy();
      expect((await readError(response)).code).toBe("not_found");
    }
  });

  it("every route file answers every method: its own, or 405 with Allow in the error shape", async () => {
    // Better Auth routes methods itself (unknown ones are the JSON 404 above).
    const files = apiRouteFiles().filter((f) => !f.includes(`${path.sep}auth${path.sep}`));
    let checked = 0;
    for (const file of files) {
      const name = path.relative(process.cwd(), file);
      const answers = new Map<HttpMethod, Response>();
      for (const method of HTTP_METHODS) answers.set(method, await call(file, method, "/api/x"));
      const refused = [...answers].filter(([, r]) => r.status === 405);
      const served = HTTP_METHODS.filter((m) => answers.get(m)?.status !== 405);
      expect(served.length, `${name} serves no method`).toBeGreaterThan(0);
      for (const [method, response] of refused) {
        checked += 1;
        const error = await readError(response);
        expect(error.code, `${method} ${name}`).toBe("method_not_allowed");
        const allow = (response.headers.get("allow") ?? "").split(", ").sort();
        expect(allow, `${method} ${name}: Allow`).toEqual([...served].sort());
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      }
      // Whatever else they answer (401 without a token, 404, 200 for health) is JSON too.
      for (const [method, response] of answers) {
        if (response.status === 405 || response.status === 204) continue;
        expect(response.headers.get("content-type"), `${method} ${name}`).toMatch(
          /^application\/json/,
        );
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
