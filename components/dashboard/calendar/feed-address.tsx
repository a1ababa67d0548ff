"use client";

import { type RefObject, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { fieldClass, hintClass, labelClass } from "../form-parts";

const noteClass =
  "mt-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-100";

/**
 * The calendar feed's address right after it was made: a read-only field with Copy, the note
 * that it is shown once and is a secret, and a webcal: link that opens the calendar app.
 */
export function FeedAddress({
  url,
  copyButton,
  onStatus,
}: {
  url: string;
  copyButton: RefObject<HTMLButtonElement | null>;
  /** Says what happened, for the dialog's live region. */
  onStatus: (status: string) => void;
}) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      onStatus("Address copied.");
    } catch {
      field.current?.select();
      onStatus("Couldn't copy. The address is selected: press Ctrl+C (⌘C on a Mac).");
    }
  };

  return (
    <div>
      <label htmlFor={`${id}-url`} className={labelClass}>
        Feed address
      </label>
      <div className="flex gap-2">
        <input
          id={`${id}-url`}
          ref={field}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={`${id}-once`}
          className={`${fieldClass} font-mono text-xs`}
        />
        <Button ref={copyButton} variant="primary" onClick={() => void copy()}>
          Copy
        </Button>
      </div>
      <p id={`${id}-once`} className={noteClass}>
        Shown only now: Doable keeps no copy it could show again. Keep it secret, like a password:
        anyone with it can read your dated tasks. Lost it? Regenerate.
      </p>
      <p className={hintClass}>
        <a
          href={url.replace(/^https?:/, "webcal:")}
          className="text-blue-700 underline hover:no-underline dark:text-blue-300"
        >
          Open in your calendar app
        </a>
      </p>
    </div>
  );
}
