import { toast } from "@/components/ui/toast";
import { ApiClientError, SESSION_ENDED } from "@/lib/api-client";

/** What to tell the user about a failure: the API's own message, else a generic one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiClientError) return error.message;
  return "Something went wrong. Please try again.";
}

/** A failed action as a toast: `what` failed, and why. */
export function reportError(error: unknown, what?: string): void {
  // A lost session is already on its way to the login page.
  if (error instanceof ApiClientError && error.code === SESSION_ENDED) return;
  toast.error(what ?? "That didn't work", { description: errorMessage(error) });
}
