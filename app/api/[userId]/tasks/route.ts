import { readTaskList } from "@/db/queries/task-list";
import { createTask } from "@/db/queries/tasks";
import { readJson } from "@/lib/server/http/body";
import { ApiError } from "@/lib/server/http/errors";
import { unsupportedMethods } from "@/lib/server/http/methods";
import { readQuery } from "@/lib/server/http/query";
import { userRoute } from "@/lib/server/http/user-route";
import { projectNotFound } from "@/lib/server/projects/responses";
import { decodeCursor, encodeCursor, type ListPosition } from "@/lib/server/tasks/cursor";
import { taskFields } from "@/lib/server/tasks/planning";
import { taskNotFound, taskResponse } from "@/lib/server/tasks/responses";
import { toTask } from "@/lib/server/tasks/serialize";
import { DEFAULT_ORDER } from "@/lib/tasks/model";
import { listQuerySchema, taskInputSchema } from "@/lib/validation/tasks";

type Params = { userId: string };

/** The caller's tasks, one page at a time, with per-status counts. */
export const GET = userRoute<Params>(
  "GET /api/{userId}/tasks",
  async ({ request, userId, db, driver, readAll, confirmAccount, timeZone }) => {
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
        throw new ApiError("validation_failed", `cursor: ${message}`, [
          { path: "cursor", message },
        ]);
      }
      after = position;
    }
    const now = new Date();
    // "agenda" and "upcoming" are reckoned in the user's zone.
    const zoned = filters.due === "agenda" || filters.due === "upcoming";
    const timeZoneName = zoned ? await timeZone() : undefined;
    // One round trip on neon-http: the page and the counts, which also say whether the account
    // exists and whether a project or parent named in the filter is the caller's.
    const { page, ...answer } = await readTaskList({ db, driver, readAll }, userId, {
      ...filters,
      timeZone: timeZoneName,
      status,
      sort,
      order,
      limit,
      after,
      now,
    });
    if (!answer.projectFound) throw projectNotFound();
    if (!answer.parentFound) throw taskNotFound();
    if (answer.counts.all === 0) await confirmAccount(answer.accountExists);
    return Response.json(
      {
        tasks: page.tasks.map(toTask),
        nextCursor: page.next ? encodeCursor(page.next) : null,
        counts: answer.counts,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
);

/** Creates a task: 201 with the task and its Location. */
export const POST = userRoute<Params>(
  "POST /api/{userId}/tasks",
  async ({ request, userId, db, timeZone }) => {
    const input = await readJson(request, taskInputSchema);
    const row = await createTask(db, userId, await taskFields(input, timeZone));
    return taskResponse(row, {
      status: 201,
      headers: { Location: `/api/${encodeURIComponent(userId)}/tasks/${row.id}` },
    });
  },
);

export const { PUT, PATCH, DELETE } = unsupportedMethods("/api/{userId}/tasks", ["GET", "POST"]);
