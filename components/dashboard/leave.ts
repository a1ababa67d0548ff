import { forgetToken } from "@/lib/api-client";

/** The auth client, loaded when an account action runs, not with the page. */
export const loadAuthClient = () => import("@/lib/auth-client").then((m) => m.authClient);

/** Leaves the signed-in page for `to`, forgetting the in-memory API token first. */
export function leave(to: string): void {
  forgetToken();
  window.location.assign(to);
}
