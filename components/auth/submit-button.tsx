import { buttonClass } from "@/components/ui/button";
import { Spinner } from "./icons";

/**
 * The form's one submit button. While busy it is disabled and shows a spinner; its label stays
 * the same so it keeps its accessible name.
 */
export function SubmitButton({ busy, children }: { busy: boolean; children: string }) {
  return (
    <button
      type="submit"
      disabled={busy}
      aria-busy={busy || undefined}
      className={buttonClass("primary", "md", "h-11 w-full text-[15px] sm:h-10 sm:text-sm")}
    >
      {busy && <Spinner />}
      {children}
    </button>
  );
}
