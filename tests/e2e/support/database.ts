/**
 * The end-to-end suite's own PostgreSQL database, on the server of TEST_DATABASE_URL:
 * `create` before the app starts (run by playwright.config.ts), `drop` after the suite.
 */
import pg from "pg";

function target(): { admin: string; name: string } | null {
  const admin = process.env.TEST_DATABASE_URL;
  const name = process.env.E2E_DATABASE_NAME;
  if (!admin || !name) return null;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  return { admin, name };
}

async function run(sql: string): Promise<void> {
  const t = target();
  if (!t) return;
  const client = new pg.Client({ connectionString: t.admin });
  await client.connect();
  try {
    await client.query(sql.replace("$name", `"${t.name}"`));
  } finally {
    await client.end();
  }
}

export const createDatabase = () => run("CREATE DATABASE $name");
// FORCE ends the app server's connections, which may still be open at teardown.
export const dropDatabase = () => run("DROP DATABASE IF EXISTS $name WITH (FORCE)");

if (process.argv[1]?.endsWith("database.ts")) {
  const action = process.argv[2];
  await (action === "create" ? createDatabase() : dropDatabase());
}
