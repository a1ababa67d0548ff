import type { ButtonHTMLAttributes, Ref } from "react";
import { Icon, type IconProps } from "@/components/ui/icons";

/** Six dots: the handle a row is dragged by (drawn like components/ui/icons.tsx). */
export const GripIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="9" cy="6" r="1" />
    <circle cx="15" cy="6" r="1" />
    <circle cx="9" cy="12" r="1" />
    <circle cx="15" cy="12" r="1" />
    <circle cx="9" cy="18" r="1" />
    <circle cx="15" cy="18" r="1" />
  </Icon>
);

// Narrow, and tucked against the checkbox so that on a phone the title keeps its width. On a
// desktop it shows on hover and keyboard focus; on a touch screen always.
const handleClass =
  "relative z-10 -mr-2 -ml-1 flex h-6 w-5 shrink-0 items-center justify-center rounded text-zinc-500 transition-opacity touch-none sm:opacity-0 sm:group-hover:opacity-100 sm:group-focus-within:opacity-100 pointer-coarse:opacity-100 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-400 dark:focus-visible:outline-blue-400";

/** The grip of a row in the manual order; dnd-kit's attributes and listeners are spread on it. */
export function DragHandle({
  title,
  ref,
  ...props
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "title"> & {
  title: string;
  ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <button
      ref={ref}
      type="button"
      data-drag-handle
      aria-label={`Reorder “${title}”`}
      className={`${handleClass} cursor-grab active:cursor-grabbing`}
      {...props}
    >
      <GripIcon width={16} height={16} />
    </button>
  );
}

/** Where the handle will be while the drag and drop code loads, so the row does not shift. */
export function HandleSpace() {
  return <span aria-hidden="true" className="-mr-2 -ml-1 h-6 w-5 shrink-0" />;
}
