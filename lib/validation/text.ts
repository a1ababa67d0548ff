/**
 * Rules for text in any API body or query string, and zod messages shared by the schemas.
 * Browser-safe: the forms load it with the schemas.
 */
import { z } from "zod";

/* Text that Postgres cannot store (NUL) or that is not Unicode (lone surrogates). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
export const CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
export const NUL = /\u0000/;

export const isUnicode = (value: string) => !LONE_SURROGATE.test(value);

/** Single-line text: no control characters, valid Unicode. */
export function line(what: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${what} is required` : `${what} must be text`,
    })
    .refine((v) => !CONTROL.test(v), `${what} must not contain control characters`)
    .refine(isUnicode, `${what} must be valid Unicode text`);
}

/** "a, b, c": an enum's values, for messages. */
export const listOf = (values: readonly string[]) => values.join(", ");

/** A strict object's error for unknown keys, naming them: "Unknown fields: a, b". */
export const unknownFields =
  (noun: string) =>
  (issue: { code?: string; keys?: string[] }): string | undefined =>
    issue.code === "unrecognized_keys" && issue.keys
      ? `Unknown ${noun}${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`
      : undefined;
