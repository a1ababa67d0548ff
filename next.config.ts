import type { NextConfig } from "next";
import { API_CSP, staticSecurityHeaders } from "./lib/security/headers";

const isProduction = process.env.NODE_ENV === "production";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Lets parallel builds (tests, benchmarks) keep separate output folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pino"],
  experimental: {
    // `next start` would load every route's code at start (the dashboard's React tree, Better
    // Auth, the OpenAPI document) while the first requests wait behind it; each route loads on
    // its first request instead, as on Vercel, whose minimal mode never preloads.
    preloadEntriesOnStart: false,
  },
  async headers() {
    return [
      { source: "/:path*", headers: staticSecurityHeaders(isProduction) },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
      // The service worker: browsers must see a new version at once, never a cached one.
      { source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache" }] },
    ];
  },
};

export default nextConfig;
