import type { Task } from "@/lib/tasks/model";

/**
 * Positions in a manual order as the client handles them: exact decimal strings (the server's
 * numeric column, e.g. "1733091234.5678125"), compared and halved without floating point, so
 * a midpoint many moves deep still sorts exactly where the server will put it.
 */

interface Decimal {
  /** The value times 10^scale. */
  units: bigint;
  scale: number;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

function parse(text: string): Decimal {
  const match = DECIMAL.exec(text.trim());
  if (!match) return { units: 0n, scale: 0 };
  const [, sign = "", whole = "", fraction = ""] = match;
  const units = BigInt(`${whole || "0"}${fraction}`);
  return { units: sign === "-" ? -units : units, scale: fraction.length };
}

function rescale(value: Decimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

function format(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** Negative, zero or positive as a is below, equal to or above b. */
export function comparePositions(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  const d = rescale(x, scale) - rescale(y, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/**
 * A position strictly between two neighbours (null: no neighbour on that side), as the server
 * computes a move: the exact midpoint, or one step beyond the only neighbour.
 */
export function positionBetween(before: string | null, after: string | null): string {
  if (before === null && after === null) return "0";
  if (before === null || after === null) {
    const only = parse((before ?? after) as string);
    const step = 10n ** BigInt(only.scale);
    return format(only.units + (before === null ? -step : step), only.scale);
  }
  const x = parse(before);
  const y = parse(after);
  const scale = Math.max(x.scale, y.scale);
  // (x + y) / 2, exactly: one more decimal place holds the half.
  return format((rescale(x, scale) + rescale(y, scale)) * 5n, scale + 1);
}

/** The manual order: by position, ties by id (as the server breaks them). */
export function byPosition(a: Task, b: Task): number {
  return comparePositions(a.position, b.position) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
