import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

/**
 * The benchmark's own PostgreSQL database: created fresh, migrated with the app's migrations,
 * seeded in bulk SQL, dropped at the end.
 */

export const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  name: string;
  url: string;
}

export function adminUrl(): { url: string; from: string } {
  if (process.env.BENCH_DATABASE_URL) {
    return { url: process.env.BENCH_DATABASE_URL, from: "BENCH_DATABASE_URL" };
  }
  if (process.env.TEST_DATABASE_URL) {
    return { url: process.env.TEST_DATABASE_URL, from: "TEST_DATABASE_URL" };
  }
  return { url: DEFAULT_ADMIN_URL, from: "default (set BENCH_DATABASE_URL to change)" };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A new empty database, migrated with the measured app's own migrations (its `drizzle/`
 * folder: the working tree's, or the exported commit's), as db/index.ts's
 * openDatabase({ migrate: true }) does.
 */
export async function createBenchDatabase(admin: string, appDir: string): Promise<BenchDatabase> {
  const name = `doable_bench_${Date.now().toString(36)}_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const url = withDatabase(admin, name);
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await migrate(drizzle({ client: pool }), { migrationsFolder: path.join(appDir, "drizzle") });
  } finally {
    await pool.end();
  }
  return { name, url };
}

export async function dropBenchDatabase(admin: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    // FORCE (PostgreSQL 13+) ends connections a killed server may have left behind.
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}

/**
 * `perUser` tasks for every given user in one statement: varied titles, half with a
 * description, a third completed, some due dates and tags, distinct creation times.
 */
export async function insertTasks(url: string, userIds: string[], perUser: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `insert into tasks (user_id, title, description, completed, completed_at, priority, due_at,
                          tags, created_at, updated_at)
       select u.id,
              'Task ' || g || ': ' || (array['Buy milk', 'Write the quarterly report',
                'Call the plumber about the kitchen sink', 'Book flights', 'Review pull request'])[1 + g % 5],
              case when g % 2 = 0 then 'Details for task ' || g || '. Remember to check the notes from last week and update the shared document.' end,
              g % 3 = 0,
              case when g % 3 = 0 then now() - g * interval '1 hour' end,
              (array['none', 'low', 'medium', 'high'])[1 + g % 4]::task_priority,
              case when g % 4 = 0 then date_trunc('day', now()) + g * interval '1 day' end,
              case when g % 5 = 0 then array['home', 'errands'] when g % 7 = 0 then array['work'] else '{}' end,
              now() - g * interval '1 hour',
              now() - g * interval '1 hour'
       from unnest($1::text[]) as u(id) cross join generate_series(1, $2::int) as g`,
      [userIds, perUser],
    );
    await spreadOverProjects(client);
    await client.query("analyze");
  } finally {
    await client.end();
  }
}

/**
 * Where the schema has projects (issue 13 on), three per user, and three tasks in four spread
 * over them (the rest stay in the Inbox), so the list reads at production shape. A commit
 * before projects is measured without.
 */
async function spreadOverProjects(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ found: string | null }>(
    "select to_regclass('public.projects')::text as found",
  );
  if (!rows[0]?.found) return;
  await client.query(
    `insert into projects (user_id, name, color)
     select u.id, (array['Work', 'Home', 'Errands'])[n], (array['blue', 'green', 'orange'])[n]
     from "user" u cross join generate_series(1, 3) as n`,
  );
  await client.query(
    `update tasks t set project_id = p.id
     from (select id, user_id, row_number() over (partition by user_id order by position) as n
           from projects) p
     where p.user_id = t.user_id and p.n = 1 + abs(hashtext(t.id::text)) % 4`,
  );
}

/** Every task id, per user, in creation order. */
export async function taskIdsByUser(url: string): Promise<Map<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ user_id: string; id: string }>(
      "select user_id, id from tasks order by user_id, created_at",
    );
    const byUser = new Map<string, string[]>();
    for (const row of rows) {
      const list = byUser.get(row.user_id) ?? [];
      list.push(row.id);
      byUser.set(row.user_id, list);
    }
    return byUser;
  } finally {
    await client.end();
  }
}

/**
 * VACUUM ANALYZE of the tasks table: after the mixed rows' thousands of writes, so that
 * autovacuum does not run in the middle of the rows that follow.
 */
export async function vacuumTasks(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("VACUUM (ANALYZE) tasks");
  } finally {
    await client.end();
  }
}
