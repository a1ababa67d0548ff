/**
 * The project's import graph, read from the source text: which modules a module imports
 * (static imports, re-exports and dynamic import()), resolved like the bundler resolves
 * "@/..." and relative paths. Type-only imports are left out: they never reach a bundle.
 */
import fs from "node:fs";
import path from "node:path";

const SPECIFIERS = [
  // import x from "m"; import { a } from "m"; export { a } from "m"; export * from "m"
  /^\s*(import|export)\s+(?!type\s)[^;]*?\sfrom\s*["']([^"']+)["']/gm,
  // import "m";
  /^\s*import\s*["']([^"']+)["']/gm,
  // import("m")
  /\bimport\(\s*["']([^"']+)["']\s*\)/g,
];

const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const pattern of SPECIFIERS) {
    for (const match of source.matchAll(pattern)) {
      const specifier = match[match.length - 1];
      if (specifier) found.push(specifier);
    }
  }
  return found;
}

/** The file a specifier names inside the project, or the bare package name outside it. */
export function resolve(root: string, from: string, specifier: string): string {
  let base: string | undefined;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  if (base === undefined) return specifier;
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  for (const extension of EXTENSIONS) {
    if (fs.existsSync(base + extension)) return base + extension;
  }
  return base;
}

export function isClientModule(source: string): boolean {
  return /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use client["']/.test(source);
}

export function isServerOnly(source: string): boolean {
  return /^\s*import\s+["']server-only["'];?\s*$/m.test(source);
}

/**
 * Every way a client module reaches a server-only module: the chain of files from the client
 * module to the first module that imports "server-only" (or is "server-only" itself).
 */
export function serverModulesReachedFromClient(root: string, files: string[]): string[][] {
  const chains: string[][] = [];
  const sourceOf = (file: string) => fs.readFileSync(file, "utf8");
  for (const entry of files.filter((file) => isClientModule(sourceOf(file)))) {
    const seen = new Set<string>([entry]);
    const queue: string[][] = [[entry]];
    while (queue.length > 0) {
      const chain = queue.shift() as string[];
      const file = chain.at(-1) as string;
      for (const specifier of importsOf(sourceOf(file))) {
        const target = resolve(root, file, specifier);
        if (target === "server-only") {
          chains.push(chain.map((f) => path.relative(root, f)));
          continue;
        }
        if (seen.has(target) || !fs.existsSync(target)) continue;
        seen.add(target);
        queue.push([...chain, target]);
      }
    }
  }
  return chains;
}
