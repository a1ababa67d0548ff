import http from "node:http";
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from "jose";
import pg from "pg";

/**
 * The yardstick: a bare node:http server doing the same work as Doable's
 * `GET /api/{userId}/tasks` (default query: all tasks, newest first, 50 per page) and nothing
 * else. Same JWT checks with jose against the same public keys (fetched once from the app's
 * /api/auth/jwks), each token string verified once and then remembered until its exp as
 * lib/server/auth/jwt.ts does, the same SQL statements with pg (text copied from what
 * db/queries/task-list.ts and db/queries/users.ts send, as PostgreSQL logged them with
 * log_statement = 'all'; the account check only when the counts are zero), the same JSON.
 * No framework, no validation library, no ORM, no logging: how fast this work can go here.
 *
 * Run as its own process by tests/bench/run.ts:
 *   PORT=… DATABASE_URL=… JWKS_URL=… JWT_ISSUER=… node --import tsx tests/bench/baseline.ts
 */

/** userExists (db/queries/users.ts): asked only when no task proves the account. */
const USER_EXISTS_SQL = `select "id" from "user" where "user"."id" = $1 limit $2`;
/** sessionIsLive (db/queries/sessions.ts): once per session per 30 s (session-check.ts). */
const SESSION_SQL = `select "id" from "session" where ("session"."id" = $1 and "session"."user_id" = $2 and "session"."expires_at" > $3) limit $4`;
const SESSION_RECHECK_MS = 30_000;
/** Tasks outside archived projects (db/queries/task-list.ts's filter without a project). */
const NOT_ARCHIVED = `("tasks"."project_id" is null or not exists (select 1 from "projects" where "projects"."id" = "tasks"."project_id" and "projects"."archived"))`;
/** listTasks with sort=created, order=desc, no filters: one row more than the page. */
const LIST_SQL = `select "id", "user_id", "title", "description", "completed", "completed_at", "priority", "due_at", "tags", "repeat_rule", "repeat_from", "reminders", "next_reminder_at", "reminded_through", "snoozed_until", "reminder_lease_until", "next_occurrence_id", "project_id", "parent_id", "position", "created_at", "updated_at", (select count(*)::int from "tasks" "subtask" where "subtask"."parent_id" = "tasks"."id") as subtasks_total, (select count(*)::int from "tasks" "subtask" where "subtask"."parent_id" = "tasks"."id" and "subtask"."completed") as subtasks_done, to_char("created_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') from "tasks" where ("tasks"."user_id" = $1 and ${NOT_ARCHIVED}) order by "tasks"."created_at" desc, "tasks"."id" desc limit $2`;
/** countTasks without filters. */
const COUNTS_SQL = `select count(*)::int, (count(*) filter (where not "completed"))::int, (count(*) filter (where "completed"))::int from "tasks" where ("tasks"."user_id" = $1 and ${NOT_ARCHIVED})`;

const PAGE = 50;
const PATH = /^\/api\/([^/]+)\/tasks$/;

interface Row {
  id: string;
  title: string;
  description: string | null;
  completed: boolean;
  completed_at: Date | null;
  priority: string;
  due_at: Date | null;
  tags: string[];
  repeat_rule: string | null;
  repeat_from: string | null;
  reminders: unknown[];
  next_reminder_at: Date | null;
  next_occurrence_id: string | null;
  project_id: string | null;
  parent_id: string | null;
  position: string;
  subtasks_total: number;
  subtasks_done: number;
  created_at: Date;
  updated_at: Date;
  to_char: string;
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(json),
  });
  response.end(json);
}

function fail(response: http.ServerResponse, status: number, code: string, message: string) {
  send(response, status, { error: { code, message } });
}

async function main() {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  const issuer = env("JWT_ISSUER");
  const keys = (await (await fetch(env("JWKS_URL"))).json()) as JSONWebKeySet;
  const keySet = createLocalJWKSet(keys);
  const pool = new pg.Pool({
    connectionString: env("DATABASE_URL"),
    max: Number(process.env.DB_POOL_MAX ?? 10),
  });
  pool.on("error", () => {});
  const verified = new Map<string, { sub: string; sid: string | undefined; expiresAt: number }>();
  const sessions = new Map<string, { live: boolean; checkedAt: number }>();

  async function sessionIsLive(sid: string, sub: string): Promise<boolean> {
    const known = sessions.get(sid);
    if (known && (!known.live || Date.now() - known.checkedAt < SESSION_RECHECK_MS)) {
      return known.live;
    }
    const rows = await pool.query(SESSION_SQL, [sid, sub, new Date(), 1]);
    const live = (rows.rowCount ?? 0) > 0;
    sessions.set(sid, { live, checkedAt: Date.now() });
    return live;
  }

  async function list(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    urlUserId: string,
  ) {
    const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? "");
    if (!match?.[1]) return fail(response, 401, "unauthorized", "Missing token");
    const token = match[1];
    let known = verified.get(token);
    if (!known || Date.now() >= known.expiresAt) {
      try {
        const { payload } = await jwtVerify(token, keySet, {
          algorithms: ["EdDSA"],
          issuer,
          audience: issuer,
          requiredClaims: ["sub", "exp"],
        });
        if (!payload.sub) throw new Error("no sub");
        const sid = typeof payload.sid === "string" ? payload.sid : undefined;
        known = { sub: payload.sub, sid, expiresAt: Number(payload.exp) * 1000 };
        verified.set(token, known);
      } catch {
        return fail(response, 401, "unauthorized", "Invalid token");
      }
    }
    const { sub, sid } = known;
    if (sub !== urlUserId) return fail(response, 403, "forbidden", "Not your tasks");
    if (!sid || !(await sessionIsLive(sid, sub))) {
      return fail(response, 401, "unauthorized", "Session ended");
    }
    const [rows, counts] = await Promise.all([
      pool.query<Row>(LIST_SQL, [sub, PAGE + 1]),
      pool.query<[number, number, number]>({ text: COUNTS_SQL, values: [sub], rowMode: "array" }),
    ]);
    const [all, active, completed] = counts.rows[0] ?? [0, 0, 0];
    if (all === 0) {
      const exists = await pool.query(USER_EXISTS_SQL, [sub, 1]);
      if (exists.rowCount === 0) return fail(response, 401, "unauthorized", "No such account");
    }
    const page = rows.rows.slice(0, PAGE);
    const last = page.at(-1);
    send(response, 200, {
      tasks: page.map((row) => ({
        id: row.id,
        title: row.title,
        description: row.description,
        completed: row.completed,
        completedAt: row.completed_at ? row.completed_at.toISOString() : null,
        priority: row.priority,
        dueAt: row.due_at ? row.due_at.toISOString() : null,
        tags: row.tags,
        repeat:
          row.repeat_rule && row.repeat_from
            ? { rule: row.repeat_rule, from: row.repeat_from }
            : null,
        reminders: row.reminders,
        nextReminderAt: row.next_reminder_at ? row.next_reminder_at.toISOString() : null,
        nextOccurrenceId: row.next_occurrence_id,
        projectId: row.project_id,
        parentId: row.parent_id,
        position: row.position,
        subtasks: { total: row.subtasks_total, done: row.subtasks_done },
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
      })),
      // lib/server/tasks/cursor.ts's encoding: base64url JSON [version, sort, order, value, id].
      nextCursor:
        rows.rows.length > PAGE && last
          ? Buffer.from(JSON.stringify([1, "created", "desc", last.to_char, last.id])).toString(
              "base64url",
            )
          : null,
      counts: { all, active, completed },
    });
  }

  const server = http.createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (path === "/health") return send(response, 200, { status: "ok" });
    const match = PATH.exec(path);
    if (request.method !== "GET" || !match?.[1])
      return fail(response, 404, "not_found", "No route");
    list(request, response, decodeURIComponent(match[1])).catch(() => {
      if (!response.headersSent) fail(response, 500, "internal", "Something went wrong");
    });
  });
  // Like the app's `next start --keepAliveTimeout`: idle connections stay open all run long.
  server.keepAliveTimeout = 600_000;
  server.listen(Number(env("PORT")), "127.0.0.1");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
