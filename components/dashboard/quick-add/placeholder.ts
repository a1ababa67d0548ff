import { useSyncExternalStore } from "react";

/** Phones: under Tailwind's `sm`, where the box has room for some 25 characters. */
const NARROW = "(max-width: 639.98px)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** The project in the example: the user's first, so it works when copied ("" without one). */
function projectExample(projects: readonly { name: string }[]): string {
  const name = projects[0]?.name;
  if (!name) return "";
  return /\s/.test(name) ? ` @"${name}"` : ` @${name}`;
}

/**
 * The title's placeholder: what quick add understands, by example, and the due date a view
 * proposes. Shorter on phones. Server renders and the first render use the wide text.
 */
export function usePlaceholder(
  due: { label: string } | null | undefined,
  projects: readonly { name: string }[],
): string {
  const narrow = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
  const project = projectExample(projects);
  if (narrow) return due ? `Add a task due ${due.label}…` : `e.g. "Call mum 5pm #family"`;
  return due
    ? `Add a task due ${due.label}… e.g. "Call mum 5pm #family p1${project}"`
    : `Add a task… e.g. "Call mum tomorrow 5pm #family p1${project}"`;
}
