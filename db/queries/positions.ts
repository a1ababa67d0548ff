/**
 * Positions in a manual order (tasks in a list, projects in the sidebar): exact numbers
 * (numeric). A new row takes the clock (positionNow in the schema), so it goes last; a move
 * takes the midpoint between its new neighbours: one row written, never a renumbering.
 */
import "server-only";
import { type SQL, sql } from "drizzle-orm";

/**
 * Places after the point at most this many digits (cursor.ts accepts no more). Only a thousand
 * moves into the same gap get there; beyond it a midpoint rounds, and may tie with a neighbour
 * (ties are ordered by id, so nothing is lost).
 */
export const POSITION_SCALE_MAX = 1000;

const epochNow = sql`extract(epoch from clock_timestamp())`;

/** The exact midpoint of two positions, rounded only past POSITION_SCALE_MAX places. */
function midpoint(a: SQL, b: SQL): SQL {
  const sum = sql`(${a} + ${b})`;
  return sql`(case when scale(${sum}) < ${POSITION_SCALE_MAX} then ${sum} * 0.5 else round(${sum} * 0.5, ${POSITION_SCALE_MAX}) end)`;
}

/**
 * The position right after (or before) `anchor`, whose neighbour on that side is `neighbour`
 * (null: the anchor is last, or first). After the last row a position never falls behind the
 * clock, so rows created later still go below it.
 */
export function positionBeside(side: "after" | "before", anchor: SQL, neighbour: SQL): SQL {
  const beyond =
    side === "after" ? sql`greatest(${anchor} + 0.001, ${epochNow})` : sql`${anchor} - 1`;
  return sql`(case when ${neighbour} is null then ${beyond} else ${midpoint(anchor, neighbour)} end)`;
}

/** The position after `last` (null: an empty list), for a row sent to the end of a list. */
export function positionAtEnd(last: SQL): SQL {
  return sql`greatest(coalesce(${last} + 0.001, ${epochNow}), ${epochNow})`;
}

/** The neighbour of `anchor` on `side` among `positions`: min above it, or max below it. */
export function neighbourOf(side: "after" | "before", position: SQL, anchor: SQL) {
  return {
    value: side === "after" ? sql`min(${position})` : sql`max(${position})`,
    beyond: side === "after" ? sql`${position} > ${anchor}` : sql`${position} < ${anchor}`,
  };
}
