/**
 * The property-based suites' generators (fast-check): text with every awkward character, task-
 * shaped bodies valid and not, raw bodies, If-Match values; and the check every answer must
 * pass (below 500, an expected status, the error shape on refusals).
 *
 * FUZZ_SCALE (default 1) multiplies the number of runs, e.g. FUZZ_SCALE=5 for a longer hunt.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { isErrorBody } from "./tasks-api";

export const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
export const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

/* ------------------------------------------------------------ generators */

/** Any UTF-16 code unit, lone surrogates and NUL included. */
export const anyChar = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
export const nastyChar = fc.constantFrom(
  "\u0000",
  "\ud800",
  "\udfff",
  "%",
  "_",
  "\\",
  "'",
  '"',
  "<",
  ">",
  "&",
  ";",
  "--",
  "\n",
  "\t",
  " ",
  "é",
  "𝄞",
  "\u202e",
  "\ufeff",
);
export const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: fc.oneof(anyChar, nastyChar), maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 250 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "",
      " ",
      "x".repeat(200),
      "x".repeat(201),
      ` ${"y".repeat(200)} `,
      "d".repeat(2000),
      "d".repeat(2001),
      "Robert'); DROP TABLE tasks;--",
      "<script>alert(1)</script>",
    ),
  },
);

export const isoDate = fc
  .date({
    min: new Date(-62_000_000_000_000),
    max: new Date(300_000_000_000_000),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());
export const dueAt = fc.oneof(
  isoDate,
  fc.constantFrom(
    null,
    "2030-01-31T17:00:00Z",
    "2030-01-31T17:00:00+14:00",
    "2030-02-30T00:00:00Z",
    "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59-01:00",
    "1000-01-01T00:00:00+01:00",
    "2030-01-31",
    "2030-01-31T17:00:00",
    "infinity",
    "now",
  ),
  text,
  fc.integer(),
);

export const anyJson = fc.jsonValue({ maxDepth: 3 });

/** Bodies shaped like a task, with each field sometimes valid, sometimes not. */
export const taskLikeBody = fc.record(
  {
    title: fc.oneof(text, anyJson),
    description: fc.oneof(text, fc.constant(null), anyJson),
    priority: fc.oneof(
      fc.constantFrom("none", "low", "medium", "high", "HIGH", "urgent", ""),
      anyJson,
    ),
    dueAt,
    tags: fc.oneof(
      fc.array(text, { maxLength: 12 }),
      fc.array(fc.constantFrom("Home", " home ", "HOME", "work"), { maxLength: 12 }),
      anyJson,
    ),
    id: fc.uuid(),
    userId: fc.string(),
    completed: fc.boolean(),
    createdAt: isoDate,
    extra: anyJson,
  },
  { requiredKeys: [] },
);

/** Mostly plausible task bodies (so many succeed), some with one unknown field. */
export const plausibleBody = fc.record(
  {
    title: fc.oneof(fc.string({ minLength: 1, maxLength: 60 }), text),
    description: fc.oneof(fc.constant(null), fc.string({ maxLength: 100 })),
    priority: fc.constantFrom("none", "low", "medium", "high"),
    dueAt: fc.oneof(fc.constant(null), fc.constant("2031-06-01T09:30:00+02:00"), isoDate),
    tags: fc.array(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 5 }),
  },
  { requiredKeys: ["title"] },
);

export type Body = { kind: "json"; value: unknown } | { kind: "raw"; text: string; type?: string };

export const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 5, arbitrary: plausibleBody.map((value) => ({ kind: "json" as const, value })) },
  { weight: 5, arbitrary: taskLikeBody.map((value) => ({ kind: "json" as const, value })) },
  { weight: 2, arbitrary: anyJson.map((value) => ({ kind: "json" as const, value })) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("raw" as const),
      text: fc.oneof(
        fc.string({ unit: fc.oneof(anyChar, nastyChar), maxLength: 60 }),
        fc.constantFrom("", "{", '{"title":', "[", "null", "{}", '{"title":"x"}'),
      ),
      type: fc.constantFrom(
        undefined,
        "application/json",
        "text/plain",
        "application/merge-patch+json",
        "multipart/form-data; boundary=x",
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Body>(
      { kind: "json", value: { title: "big", description: "x".repeat(17_000) } },
      { kind: "raw", text: " ".repeat(20_000), type: "application/json" },
    ),
  },
);

export function send(body: Body) {
  return body.kind === "json"
    ? { json: body.value }
    : { body: body.text, headers: body.type ? { "content-type": body.type } : undefined };
}

export const headerChar = fc
  .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }))
  .map((c) => String.fromCharCode(c));
export const ifMatch = fc.option(
  fc.oneof(
    fc.constantFrom("*", '"1"', 'W/"0"', '"99999999999999999"', '"abc"', "", '"1", "2"'),
    fc.string({ unit: headerChar, maxLength: 40 }),
  ),
  { nil: undefined },
);

export async function expectSafe(response: Response, allowed: number[]): Promise<unknown> {
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBeLessThan(500);
  expect(allowed, `${response.status} ${text.slice(0, 300)}`).toContain(response.status);
  if (response.status === 204) return undefined;
  const json = JSON.parse(text) as unknown;
  if (response.status >= 400) expect(isErrorBody(json), text.slice(0, 300)).toBe(true);
  return json;
}
