"use client";

import {
  type ComponentProps,
  type ReactNode,
  type Ref,
  useCallback,
  useLayoutEffect,
  useRef,
} from "react";
import type { Highlight } from "./understand";

/**
 * Quick add's title with what was understood tinted behind the words. The input stays a plain
 * input with its own visible text, caret, selection and IME composition; behind it a copy of the
 * text in transparent ink paints the tints. Both have the same font, size, padding and
 * direction, and the copy follows the input's horizontal scroll, so long titles stay aligned.
 */
export function TitleField({
  ref,
  value,
  highlights,
  className,
  ...input
}: Omit<ComponentProps<"input">, "value" | "ref"> & {
  ref?: Ref<HTMLInputElement>;
  value: string;
  highlights: readonly Highlight[];
}) {
  const inputRef = useRef<HTMLInputElement | null>(null);
  const backdropRef = useRef<HTMLDivElement>(null);

  const follow = useCallback(() => {
    const field = inputRef.current;
    const backdrop = backdropRef.current;
    if (field && backdrop) backdrop.scrollLeft = field.scrollLeft;
  }, []);
  // After every change of text or tints: the input may have scrolled to keep the caret in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each new value.
  useLayoutEffect(follow, [follow, value, highlights]);

  const setRef = useCallback(
    (element: HTMLInputElement | null) => {
      inputRef.current = element;
      if (typeof ref === "function") ref(element);
      else if (ref) ref.current = element;
    },
    [ref],
  );

  return (
    <div className="relative min-w-0 flex-1">
      <div
        ref={backdropRef}
        aria-hidden="true"
        dir="auto"
        data-quick-backdrop
        className={`${metrics} pointer-events-none absolute inset-0 flex items-center overflow-hidden whitespace-pre text-transparent select-none`}
      >
        {/* Room past the end, so the copy can scroll as far as the input does. */}
        <span className="pe-8">{segments(value, highlights)}</span>
      </div>
      <input
        {...input}
        ref={setRef}
        value={value}
        dir="auto"
        onScroll={follow}
        onSelect={(e) => {
          follow();
          input.onSelect?.(e);
        }}
        className={`${metrics} relative w-full bg-transparent ${className ?? ""}`}
      />
    </div>
  );
}

/** What the input and the copy behind it must share for the words to line up. */
const metrics = "h-10 text-base";

/** The text cut at the highlights: plain runs and tinted ones. */
function segments(text: string, highlights: readonly Highlight[]) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const h of highlights) {
    if (h.start < at || h.end > text.length) continue;
    if (h.start > at) parts.push(text.slice(at, h.start));
    parts.push(
      <mark
        key={h.start}
        data-kind={h.kind}
        className={`rounded-sm text-transparent ring-2 ${h.className}`}
      >
        {text.slice(h.start, h.end)}
      </mark>,
    );
    at = h.end;
  }
  parts.push(text.slice(at));
  return parts;
}
