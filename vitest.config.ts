import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests run server modules in plain Node, as Next's server layers do: there the marker is
      // the package's empty module (tests/unit/boundary.test.ts checks the browser side).
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    environment: "node",
    include: ["tests/{unit,api,security}/**/*.test.ts"],
    pool: "forks",
    // Most test time is spent waiting on PostgreSQL and the in-process servers, so three
    // files at once keep two cores busy (vitest's default would run one file at a time here).
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: "test" },
  },
});
