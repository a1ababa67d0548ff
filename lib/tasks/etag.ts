/**
 * A task's version for optimistic concurrency: its updatedAt in milliseconds. Every write moves
 * updatedAt forward by at least a millisecond (see db/queries/tasks.ts), so the version changes
 * on every write. Safe for the browser: no server imports.
 */

/** The ETag header value for a task with this updatedAt. */
export function taskEtag(updatedAt: string | Date): string {
  const ms = typeof updatedAt === "string" ? Date.parse(updatedAt) : updatedAt.getTime();
  return `"${ms}"`;
}

/**
 * What an If-Match header asks for: undefined when absent or "*" (any current version), else
 * the versions it names. Tags that are not ours match nothing, so they lead to 412.
 */
export function parseIfMatch(header: string | null): Date[] | undefined {
  if (header === null || header.trim() === "*") return undefined;
  const versions: Date[] = [];
  for (const match of header.matchAll(/(?:W\/)?"(\d{1,16})"/g)) {
    const ms = Number(match[1]);
    const date = new Date(ms);
    if (!Number.isNaN(date.getTime())) versions.push(date);
  }
  return versions;
}
