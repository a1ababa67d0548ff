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
    const secret = "x".repeat(32);
    expect(parseEnv({ NODE_ENV: "production", BETTER_AUTH_SECRET: secret }).authRateLimit).toBe(
      true,
    );
    expect(
      parseEnv({ NODE_ENV: "production", BETTER_AUTH_SECRET: secret, AUTH_RATE_LIMIT: "off" })
        .authRateLimit,
    ).toBe(false);
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
