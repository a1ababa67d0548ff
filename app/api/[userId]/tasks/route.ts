import { getDb } from "@/db";
import { pgErrorCode } from "@/db/errors";
import { countTasks, createTask, listTasks } from "@/db/queries/tasks";
import { accountGone, assertAccountExists, requireUser } from "@/lib/server/auth/require-user";
import { readJson } from "@/lib/server/http/body";
import { ApiError } from "@/lib/server/http/errors";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { readQuery } from "@/lib/server/http/query";
import { route } from "@/lib/server/http/route";
import { decodeCursor, encodeCursor, type ListPosition } from "@/lib/server/tasks/cursor";
import { taskResponse } from "@/lib/server/tasks/responses";
import { toTask } from "@/lib/server/tasks/serialize";
import { DEFAULT_ORDER } from "@/lib/tasks/model";
import { listQuerySchema, taskInputSchema } from "@/lib/validation/tasks";

export const dynamic = "force-dynamic";

type Params = { userId: string };

/** The caller's tasks, one page at a time, with per-status counts. */
export const GET = route<Params>("GET /api/{userId}/tasks", async (request, ctx) => {
  const userId = await requireUser(request, ctx.params.userId);
  ctx.setUserId(userId);
  const {
    cursor,
    status,
    sort,
    order: askedOrder,
    limit,
    ...filters
  } = readQuery(request, listQuerySchema);
  const order = askedOrder ?? DEFAULT_ORDER[sort];
  let after: ListPosition | undefined;
  if (cursor !== undefined) {
    const position = decodeCursor(cursor, sort, order);
    if (position === "malformed" || position === "mismatch") {
      const message =
        position === "malformed"
          ? "Not a cursor from this list: pass nextCursor as it was returned"
          : "This cursor belongs to another sort or order: keep sort and order while paging";
      throw new ApiError("validation_failed", `cursor: ${message}`, [{ path: "cursor", message }]);
    }
    after = position;
  }
  const db = await getDb();
  const now = new Date();
  const [page, counts] = await Promise.all([
    listTasks(db, userId, { ...filters, status, sort, order, limit, after, now }),
    countTasks(db, userId, filters, now),
  ]);
  // No rows to prove the account: a deleted account's token must not read an empty list.
  if (counts.all === 0) await assertAccountExists(userId);
  return Response.json(
    {
      tasks: page.tasks.map(toTask),
      nextCursor: page.next ? encodeCursor(page.next) : null,
      counts,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});

/** Creates a task: 201 with the task and its Location. */
export const POST = route<Params>("POST /api/{userId}/tasks", async (request, ctx) => {
  const userId = await requireUser(request, ctx.params.userId);
  ctx.setUserId(userId);
  const input = await readJson(request, taskInputSchema);
  let row: Awaited<ReturnType<typeof createTask>>;
  try {
    row = await createTask(await getDb(), userId, input);
  } catch (error) {
    // The account is gone: the foreign key refuses the insert.
    if (pgErrorCode(error) === "23503") throw accountGone();
    throw error;
  }
  return taskResponse(row, {
    status: 201,
    headers: { Location: `/api/${encodeURIComponent(userId)}/tasks/${row.id}` },
  });
});

const notAllowed = methodNotAllowed("/api/{userId}/tasks", ["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
