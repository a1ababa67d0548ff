import type { ProjectColor } from "@/lib/tasks/model";

/** Each palette colour's swatch, light and dark (Tailwind needs the class names written out). */
export const swatchClass: Record<ProjectColor, string> = {
  gray: "bg-zinc-500 dark:bg-zinc-400",
  red: "bg-red-600 dark:bg-red-400",
  orange: "bg-orange-500 dark:bg-orange-400",
  amber: "bg-amber-500 dark:bg-amber-300",
  green: "bg-green-600 dark:bg-green-400",
  teal: "bg-teal-600 dark:bg-teal-400",
  blue: "bg-blue-600 dark:bg-blue-400",
  indigo: "bg-indigo-600 dark:bg-indigo-400",
  purple: "bg-purple-600 dark:bg-purple-400",
  pink: "bg-pink-600 dark:bg-pink-400",
};

export const colorLabel: Record<ProjectColor, string> = {
  gray: "Grey",
  red: "Red",
  orange: "Orange",
  amber: "Amber",
  green: "Green",
  teal: "Teal",
  blue: "Blue",
  indigo: "Indigo",
  purple: "Purple",
  pink: "Pink",
};

/** A project's colour dot (decorative: the name says which project it is). */
export function ColorDot({ color, className = "" }: { color: ProjectColor; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-block size-2.5 shrink-0 rounded-full ${swatchClass[color]} ${className}`}
    />
  );
}
