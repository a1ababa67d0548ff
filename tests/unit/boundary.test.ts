/**
 * The browser/server boundary: every server module is marked with `import "server-only"`, and
 * no client component reaches one through its imports (Next's build would fail on it too, but
 * only in the build; this fails in `npm test`, naming the chain of imports).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isServerOnly, serverModulesReachedFromClient } from "../support/import-graph";

const root = path.resolve(import.meta.dirname, "../..");

function projectFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
  });
  return listed
    .split("\n")
    .filter((file) => /^(app|components|lib|db)\/.*\.tsx?$/.test(file))
    .filter((file) => fs.existsSync(path.join(root, file)))
    .map((file) => path.join(root, file));
}

/*
 * Server modules: lib/server/** and db/**, but for db/schema.ts and the parts it gathers
 * (drizzle-kit loads them in plain Node, where the marker throws; they hold table definitions
 * only) and db/migrate-cli.ts (a command, never imported).
 */
const UNMARKED = new Set([
  "db/schema.ts",
  "db/auth-schema.ts",
  "db/calendar-schema.ts",
  "db/task-schema.ts",
  "db/trash-schema.ts",
  "db/schema-columns.ts",
  "db/migrate-cli.ts",
]);
const isServerPath = (file: string) => /^(lib\/server|db)\//.test(file) && !UNMARKED.has(file);

describe("the browser/server boundary", () => {
  it('marks every server module with import "server-only"', () => {
    const server = projectFiles()
      .map((file) => path.relative(root, file))
      .filter(isServerPath);
    expect(server.length).toBeGreaterThan(20);
    const unmarked = server.filter(
      (file) => !isServerOnly(fs.readFileSync(path.join(root, file), "utf8")),
    );
    expect(unmarked).toEqual([]);
  });

  it("keeps browser-safe modules out of the server folders", () => {
    const misplaced = projectFiles()
      .map((file) => path.relative(root, file))
      .filter((file) => !isServerPath(file) && /^lib\//.test(file))
      .filter((file) => isServerOnly(fs.readFileSync(path.join(root, file), "utf8")));
    expect(misplaced).toEqual([]);
  });

  it("no client component imports a server module, directly or through others", () => {
    expect(serverModulesReachedFromClient(root, projectFiles())).toEqual([]);
  });

  it("the check finds a client component that reaches a server module two imports away", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "doable-boundary-"));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write("components/widget.tsx", '"use client";\nimport { helper } from "@/lib/helper";\n');
    write("lib/helper.ts", 'export { secret } from "./server/secret";\nexport const helper = 1;\n');
    write("lib/server/secret.ts", 'import "server-only";\nexport const secret = 2;\n');
    write(
      "components/lazy.tsx",
      '"use client";\nconst load = () => import("../lib/server/secret");\n',
    );
    write(
      "components/typed.tsx",
      '"use client";\nimport type { secret } from "@/lib/server/secret";\n',
    );
    const files = ["components/widget.tsx", "components/lazy.tsx", "components/typed.tsx"].map(
      (file) => path.join(dir, file),
    );
    try {
      expect(serverModulesReachedFromClient(dir, files)).toEqual([
        ["components/widget.tsx", "lib/helper.ts", "lib/server/secret.ts"],
        ["components/lazy.tsx", "lib/server/secret.ts"],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
