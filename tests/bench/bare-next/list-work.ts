/**
 * The list route's work without Doable's code, shared by the two yardsticks of `npm run bench`:
 * the floor (tests/bench/baseline.ts, bare node:http) and bare Next (a route handler in this
 * folder's tiny app). Same JWT checks with jose against the app's published keys, each token
 * string verified once and then remembered until its exp as lib/server/auth/jwt.ts does; the
 * same SQL statements with pg (text copied from what db/queries/task-list.ts sends, as
 * PostgreSQL logged them with log_statement = 'all': the page and the counts, whose statement
 * also says whether the account exists); the same JSON, byte for byte (the bench checks).
 * No validation library, no ORM, no logging.
 */
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from "jose";
import pg from "pg";

/** sessionIsLive (db/queries/sessions.ts): once per session per 30 s (session-check.ts). */
const SESSION_SQL = `select "id" from "session" where ("session"."id" = $1 and "session"."user_id" = $2 and "session"."expires_at" > $3) limit $4`;
const SESSION_RECHECK_MS = 30_000;
/** Tasks outside archived projects (db/queries/task-list.ts's filter without a project). */
const NOT_ARCHIVED = `("tasks"."project_id" is null or not exists (select 1 from "projects" where "projects"."id" = "tasks"."project_id" and "projects"."archived"))`;
/** listTasks with sort=created, order=desc, no filters: one row more than the page. */
const LIST_SQL = `select "id", "user_id", "title", "description", "completed", "completed_at", "priority", "due_at", "tags", "repeat_rule", "repeat_from", "reminders", "next_reminder_at", "reminded_through", "snoozed_until", "reminder_lease_until", "next_occurrence_id", "project_id", "parent_id", "position", "created_at", "updated_at", "import_key", (select count(*)::int from "tasks" "subtask" where "subtask"."parent_id" = "tasks"."id") as "subtasks_total", (select count(*)::int from "tasks" "subtask" where "subtask"."parent_id" = "tasks"."id" and "subtask"."completed") as "subtasks_done", to_char("created_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "sort_value" from "tasks" where ("tasks"."user_id" = $1 and ${NOT_ARCHIVED}) order by "tasks"."created_at" desc, "tasks"."id" desc limit $2`;
/** taskCountsQuery without filters: the counts, and whether the account exists (its 4th column). */
const COUNTS_SQL = `select count(*)::int as "all", (count(*) filter (where not "completed"))::int as "active", (count(*) filter (where "completed"))::int as "completed", (exists (select 1 from "user" where "user"."id" = $1))::int as "account" from "tasks" where ("tasks"."user_id" = $2 and ${NOT_ARCHIVED})`;

const PAGE = 50;

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
  sort_value: string;
}

export interface ListAnswer {
  status: number;
  body: unknown;
}

export interface ListWorkOptions {
  databaseUrl: string;
  poolMax: number;
  jwksUrl: string;
  issuer: string;
}

const answer = (status: number, body: unknown): ListAnswer => ({ status, body });
const fail = (status: number, code: string, message: string) =>
  answer(status, { error: { code, message } });

/** `GET /api/{userId}/tasks` (default query: all tasks, newest first, 50 per page). */
export async function createListWork(options: ListWorkOptions) {
  const keys = (await (await fetch(options.jwksUrl)).json()) as JSONWebKeySet;
  const keySet = createLocalJWKSet(keys);
  const issuer = options.issuer;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolMax });
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

  return async function list(
    authorization: string | null | undefined,
    urlUserId: string,
  ): Promise<ListAnswer> {
    const match = /^Bearer (.+)$/.exec(authorization ?? "");
    if (!match?.[1]) return fail(401, "unauthorized", "Missing token");
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
        return fail(401, "unauthorized", "Invalid token");
      }
    }
    const { sub, sid } = known;
    if (sub !== urlUserId) return fail(403, "forbidden", "Not your tasks");
    if (!sid || !(await sessionIsLive(sid, sub))) {
      return fail(401, "unauthorized", "Session ended");
    }
    const [rows, counts] = await Promise.all([
      pool.query<Row>(LIST_SQL, [sub, PAGE + 1]),
      pool.query<[number, number, number, number]>({
        text: COUNTS_SQL,
        values: [sub, sub],
        rowMode: "array",
      }),
    ]);
    const [all, active, completed, account] = counts.rows[0] ?? [0, 0, 0, 0];
    if (all === 0 && account !== 1) {
      return fail(401, "unauthorized", "No such account");
    }
    const page = rows.rows.slice(0, PAGE);
    const last = page.at(-1);
    return answer(200, {
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
          ? Buffer.from(JSON.stringify([1, "created", "desc", last.sort_value, last.id])).toString(
              "base64url",
            )
          : null,
      counts: { all, active, completed },
    });
  };
}
