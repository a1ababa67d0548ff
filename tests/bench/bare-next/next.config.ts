import type { NextConfig } from "next";

/**
 * The bare-Next yardstick's own app (see app/api/[userId]/tasks/route.ts). The bench builds and
 * serves it from a copy with the repository's node_modules hard-linked in
 * (tests/bench/bare-next-server.ts), so that copy is the bundler's root.
 */
const config: NextConfig = {
  turbopack: { root: __dirname },
  // The repository's `tsc` checks these files; the bench need not check them again.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // As Doable's next.config.ts: each route loads on its first request.
  experimental: { preloadEntriesOnStart: false },
};

export default config;
