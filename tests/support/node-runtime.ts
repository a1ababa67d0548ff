/**
 * Another Node.js runtime than the one running us, from the npm registry: the registry publishes
 * each Node release as the package `node-<platform>-<arch>` (its `bin/node`), so the bench and CI
 * can run the production runtime (Node 24) on a machine whose own Node is 20, without downloading
 * anything from outside the registry. Installed once into a cache folder and reused.
 *
 *   npx tsx tests/support/node-runtime.ts 24     # prints the folder holding that runtime's `node`
 *
 * The cache is `DOABLE_NODE_CACHE`, else `$XDG_CACHE_HOME/doable/node`, else `~/.cache/doable/node`.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface NodeRuntime {
  /** Folder holding the `node` executable (to put first on PATH). */
  binDir: string;
  /** The `node` executable. */
  node: string;
  /** Its version without the "v", e.g. "24.22.3". */
  version: string;
}

function cacheRoot(): string {
  if (process.env.DOABLE_NODE_CACHE) return process.env.DOABLE_NODE_CACHE;
  const base = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache");
  return path.join(base, "doable", "node");
}

/** The runtime that runs this process, in the same shape. */
export function currentRuntime(): NodeRuntime {
  return {
    binDir: path.dirname(process.execPath),
    node: process.execPath,
    version: process.versions.node,
  };
}

/**
 * Node `major` (e.g. "24"): the running one when it already is that major, else the registry's
 * latest release of it, installed into the cache on first use.
 */
export function nodeRuntime(major: string): NodeRuntime {
  if (!/^\d+$/.test(major)) throw new Error(`Node major version expected, got "${major}"`);
  if (process.versions.node.split(".")[0] === major) return currentRuntime();
  const packageName = `node-${process.platform}-${process.arch}`;
  const prefix = path.join(cacheRoot(), `${packageName}-${major}`);
  const packageDir = path.join(prefix, "node_modules", packageName);
  const node = path.join(packageDir, "bin", "node");
  if (!fs.existsSync(node)) {
    fs.mkdirSync(prefix, { recursive: true });
    // The package has no install scripts; --ignore-scripts keeps it that way whatever npm's config.
    execFileSync(
      "npm",
      [
        "install",
        "--prefix",
        prefix,
        "--no-save",
        "--no-package-lock",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        `${packageName}@${major}`,
      ],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    if (!fs.existsSync(node))
      throw new Error(`npm installed ${packageName}@${major} without bin/node`);
  }
  const version = execFileSync(node, ["-p", "process.versions.node"], { encoding: "utf8" }).trim();
  return { binDir: path.dirname(node), node, version };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const major = process.argv[2];
  if (!major) {
    console.error("usage: tsx tests/support/node-runtime.ts <major>");
    process.exit(2);
  }
  process.stdout.write(`${nodeRuntime(major).binDir}\n`);
}
