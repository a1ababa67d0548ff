import "server-only";
import { z } from "zod";
import {
  SORT_KEYS,
  SORT_ORDERS,
  type SortKey,
  type SortOrder,
  TASK_PRIORITIES,
} from "@/lib/tasks/model";

/**
 * Where a list page ended: the sort, its direction, the last task's sort value (as the database
 * renders it, so no precision is lost) and its id. Sent to clients as opaque base64url JSON.
 */
export interface ListPosition {
  sort: SortKey;
  order: SortOrder;
  value: string | null;
  id: string;
}

const VERSION = 1;

// Timestamps exactly as db/queries/tasks.ts renders them: UTC, microseconds.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;

/** A timestamp PostgreSQL will accept: real calendar date, years 1..9999. */
function isTimestamp(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function validValue(sort: SortKey, value: string | null): boolean {
  switch (sort) {
    case "created":
    case "updated":
      return value !== null && isTimestamp(value);
    case "due":
      return value === null || isTimestamp(value);
    case "priority":
      return (TASK_PRIORITIES as readonly (string | null)[]).includes(value);
    case "manual":
      // position::text: a plain decimal, at most POSITION_SCALE_MAX places (db/queries/positions.ts).
      return value !== null && /^-?\d{1,20}(\.\d{1,1000})?$/.test(value);
    case "title":
      // lower(title): at most 200 characters, a little longer after case folding; no NUL.
      return value !== null && value.length <= 1000 && !value.includes("\u0000");
  }
}

const cursorTuple = z.tuple([
  z.literal(VERSION),
  z.enum(SORT_KEYS),
  z.enum(SORT_ORDERS),
  z.string().nullable(),
  z.uuid(),
]);

export function encodeCursor(position: ListPosition): string {
  const tuple = [VERSION, position.sort, position.order, position.value, position.id];
  return Buffer.from(JSON.stringify(tuple)).toString("base64url");
}

type CursorProblem = "malformed" | "mismatch";

/**
 * The position a cursor stands for, or why it cannot be used: "malformed" (not one of ours) or
 * "mismatch" (made for another sort or order than the request's).
 */
export function decodeCursor(
  cursor: string,
  sort: SortKey,
  order: SortOrder,
): ListPosition | CursorProblem {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return "malformed";
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return "malformed";
  }
  const parsed = cursorTuple.safeParse(data);
  if (!parsed.success) return "malformed";
  const [, cursorSort, cursorOrder, value, id] = parsed.data;
  if (!validValue(cursorSort, value)) return "malformed";
  if (cursorSort !== sort || cursorOrder !== order) return "mismatch";
  return { sort: cursorSort, order: cursorOrder, value, id };
}
