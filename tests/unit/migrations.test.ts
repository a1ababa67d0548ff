/**
 * db/schema.ts and the committed migrations in drizzle/ agree:
 * - `drizzle-kit generate` against a copy of drizzle/ finds nothing to generate (what
 *   `npm run db:generate` does on a clean checkout, without touching the working tree);
 * - the committed SQL builds the same database as SQL generated afresh from the schema
 *   (so a hand-edited migration or snapshot cannot drift unnoticed).
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = process.cwd();
const drizzleKit = path.join(root, "node_modules", ".bin", "drizzle-kit");

let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "doable-migrations-"));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Runs `drizzle-kit generate` from the repository root into `out` and returns its output. */
async function generate(out: string): Promise<string> {
  // drizzle-kit prefixes "./" to --out, so it has to be relative to the working directory.
  const { stdout, stderr } = await run(
    drizzleKit,
    [
      "generate",
      "--dialect",
      "postgresql",
      "--schema",
      "./db/schema.ts",
      "--out",
      path.relative(root, out),
    ],
    { cwd: root, timeout: 120_000, env: { ...process.env, NO_COLOR: "1" } },
  );
  // drizzle-kit exits 0 even when it fails, so its output is the only signal.
  const output = `${stdout}\n${stderr}`;
  if (/\bError\b/.test(output)) throw new Error(`drizzle-kit generate failed:\n${output}`);
  return output;
}

function sqlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort();
}

/** Every statement of a folder's migrations, in order. */
function statements(dir: string): string[] {
  return sqlFiles(dir).flatMap((file) =>
    fs
      .readFileSync(path.join(dir, file), "utf8")
      .split("--> statement-breakpoint")
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** The public schema as the catalog sees it: columns, constraints, indexes, enums. */
async function describeDatabase(sqlStatements: string[]): Promise<Record<string, unknown[]>> {
  const db = await PGlite.create();
  try {
    for (const statement of sqlStatements) await db.exec(statement);
    const query = async (text: string) => (await db.query(text)).rows;
    return {
      columns: await query(`
        select table_name, column_name, data_type, udt_name, is_nullable, column_default
        from information_schema.columns where table_schema = 'public'
        order by table_name, column_name`),
      constraints: await query(`
        select c.conrelid::regclass::text as table_name, c.conname, c.contype,
               pg_get_constraintdef(c.oid) as definition
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where n.nspname = 'public' order by 1, 2`),
      indexes: await query(`
        select tablename, indexname, indexdef from pg_indexes
        where schemaname = 'public' order by tablename, indexname`),
      enums: await query(`
        select t.typname, array_agg(e.enumlabel order by e.enumsortorder) as labels
        from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname order by 1`),
    };
  } finally {
    await db.close();
  }
}

// drizzle-kit and two PGlite databases take seconds each, many more on a busy machine.
const SLOW = 180_000;

describe("migrations", () => {
  it(
    "drizzle-kit generate finds nothing new against the committed drizzle/ folder",
    async () => {
      const copy = path.join(tmp, "committed");
      fs.cpSync(path.join(root, "drizzle"), copy, { recursive: true });
      const before = sqlFiles(copy);
      expect(before.length).toBeGreaterThan(0);

      const output = await generate(copy);

      expect(output).toMatch(/No schema changes, nothing to migrate/);
      expect(sqlFiles(copy)).toEqual(before);
    },
    SLOW,
  );

  it(
    "the committed SQL builds the same database as the schema does",
    async () => {
      const fresh = path.join(tmp, "fresh");
      fs.mkdirSync(fresh);
      await generate(fresh);
      expect(sqlFiles(fresh)).toHaveLength(1);

      const fromMigrations = await describeDatabase(statements(path.join(root, "drizzle")));
      const fromSchema = await describeDatabase(statements(fresh));
      expect(fromSchema.columns?.length).toBeGreaterThan(50);
      expect(fromSchema.indexes?.length).toBeGreaterThan(10);
      expect(fromMigrations).toEqual(fromSchema);
    },
    SLOW,
  );
});
