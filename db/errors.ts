import "server-only";

/**
 * Classifies driver errors. Drizzle wraps driver errors, so the Postgres details sit on
 * `error.cause`; the drivers differ in how "cannot reach the database" looks.
 */

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  sourceError?: unknown;
  name?: unknown;
}

function* chain(error: unknown): Generator<ErrorLike> {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    const e = current as ErrorLike;
    yield e;
    current = e.cause ?? e.sourceError;
  }
}

/** The SQLSTATE of a Postgres error anywhere in the cause chain, e.g. "23503". */
export function pgErrorCode(error: unknown): string | undefined {
  for (const e of chain(error)) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/**
 * The constraint a Postgres error names (a foreign key, a unique index, a check, or one our
 * triggers raise), anywhere in the cause chain. pg, PGlite and neon-http all carry it as
 * `constraint`.
 */
export function pgConstraint(error: unknown): string | undefined {
  for (const e of chain(error)) {
    const name = (e as { constraint?: unknown }).constraint;
    if (typeof name === "string" && name !== "") return name;
  }
  return undefined;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /connection timeout/i,
  /query read timeout/i,
  /fetch failed/i,
  /Error connecting to database/i,
  /Client has encountered a connection error/i,
  /the database system is (starting up|shutting down)/i,
  // @neondatabase/serverless over HTTP: Neon's proxy answers 5xx when it cannot reach the compute.
  /^Server error \(HTTP status 5\d\d\)/,
];

/**
 * True when every pooled connection stayed busy for the whole connection timeout, so the
 * request never got one: overload (or queries stuck behind a hung database), not proof that
 * the database is down. pg-pool says so with this message; a failed connect says otherwise.
 */
export function isPoolExhausted(error: unknown): boolean {
  for (const e of chain(error)) {
    if (e.message === "timeout exceeded when trying to connect") return true;
  }
  return false;
}

/** True when the database could not be reached or dropped us: answer 503, not 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of chain(error)) {
    const code = typeof e.code === "string" ? e.code : "";
    if (NETWORK_CODES.has(code)) return true;
    // 08xxx connection exceptions, 57P0x shutdown/crash, 53300 too many connections,
    // 57014 statement timeout (the database is too slow to answer in time).
    if (/^08...$/.test(code) || /^57P0.$/.test(code) || code === "53300" || code === "57014") {
      return true;
    }
    if (e.name === "TimeoutError" || e.name === "AbortError") return true;
    const message = typeof e.message === "string" ? e.message : "";
    if (UNAVAILABLE_MESSAGES.some((re) => re.test(message))) return true;
  }
  return false;
}
