import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/server/env";

describe("parseEnv", () => {
  it("needs nothing in development", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.baseURL).toBe("http://localhost:3000");
    expect(env.authRateLimit).toBe(false);
  });

  it("refuses production without a secret, in one sentence", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(ConfigError);
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/^BETTER_AUTH_SECRET is not set/);
  });

  it("refuses Vercel without a database", () => {
    expect(() =>
      parseEnv({ NODE_ENV: "production", VERCEL: "1", BETTER_AUTH_SECRET: "x".repeat(32) }),
    ).toThrow(/DATABASE_URL is not set/);
  });

  it("rates limits by default in production and honours the switch", () => {
    const production = {
      NODE_ENV: "production",
      BETTER_AUTH_SECRET: "x".repeat(32),
      BETTER_AUTH_URL: "https://doable.example",
    };
    expect(parseEnv(production).authRateLimit).toBe(true);
    expect(parseEnv({ ...production, AUTH_RATE_LIMIT: "off" }).authRateLimit).toBe(false);
  });

  it("refuses production outside Vercel without BETTER_AUTH_URL, in one sentence", () => {
    const source = { NODE_ENV: "production", BETTER_AUTH_SECRET: "x".repeat(32) };
    expect(() => parseEnv(source)).toThrow(ConfigError);
    expect(() => parseEnv(source)).toThrow(/^BETTER_AUTH_URL is not set/);
  });

  it("serves a Vercel preview at its own deployment URL, production at the production URL", () => {
    const vercel = {
      NODE_ENV: "production",
      VERCEL: "1",
      DATABASE_URL: "postgres://u@ep-x.neon.tech/db",
      BETTER_AUTH_SECRET: "x".repeat(32),
      VERCEL_URL: "doable-git-feature-team.vercel.app",
      VERCEL_PROJECT_PRODUCTION_URL: "doable.example",
    };
    expect(parseEnv({ ...vercel, VERCEL_ENV: "preview" }).baseURL).toBe(
      "https://doable-git-feature-team.vercel.app",
    );
    expect(parseEnv({ ...vercel, VERCEL_ENV: "production" }).baseURL).toBe(
      "https://doable.example",
    );
  });

  it("says how reset mail leaves: SMTP, the development log, or not at all in production", () => {
    const production = {
      NODE_ENV: "production",
      BETTER_AUTH_SECRET: "x".repeat(32),
      BETTER_AUTH_URL: "https://doable.example",
    };
    expect(parseEnv(production).mail).toBe("disabled");
    expect(parseEnv({ ...production, SMTP_URL: "smtp://mail.example:587" }).mail).toBe("smtp");
    expect(parseEnv({ NODE_ENV: "development" }).mail).toBe("log");
  });

  it("takes TRUSTED_PROXY_HOPS as a small whole number", () => {
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBeUndefined();
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "0" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "one" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ BCRYPT_COST: "99" })).toThrow(/BCRYPT_COST/);
  });

  it("treats empty values as unset and trims the base URL", () => {
    const env = parseEnv({ DATABASE_URL: "", BETTER_AUTH_URL: "https://doable.example/" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.baseURL).toBe("https://doable.example");
  });
});
