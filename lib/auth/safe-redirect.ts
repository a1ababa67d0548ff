/** Where a signed-in user lands when no (acceptable) `next` was given. */
const DEFAULT_AFTER_LOGIN = "/dashboard";

const BASE = "http://doable.invalid";

/**
 * `next` from the query string as a same-origin path, or null. Only relative paths that start
 * with a single "/" are kept; "//evil.example", "/\\evil.example", absolute URLs and anything
 * the URL parser resolves to another origin are refused (no open redirect). The result is the
 * parser's normalised form, never the raw input.
 */
export function safeNextPath(next: string | string[] | null | undefined): string | null {
  const raw = Array.isArray(next) ? next[0] : next;
  if (!raw?.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return null;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can normalise "/.//evil.example" into the protocol-relative "//evil.example".
  return path.startsWith("//") ? null : path;
}

/** `next` if it is safe, else the dashboard. */
export function afterLoginPath(next: string | string[] | null | undefined): string {
  return safeNextPath(next) ?? DEFAULT_AFTER_LOGIN;
}
