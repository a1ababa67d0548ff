"use client";

import { type InputHTMLAttributes, type ReactNode, useId, useState } from "react";
import { CircleAlertIcon, EyeIcon, EyeOffIcon } from "./icons";

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "name" | "value" | "onChange" | "aria-invalid" | "aria-describedby"
>;

interface TextFieldProps extends InputProps {
  label: string;
  name: string;
  value: string;
  onValueChange: (value: string) => void;
  /** The field's error; shown under it and announced with it. */
  error?: string | undefined;
  /** Help shown under the field while there is no error. */
  hint?: ReactNode;
  /** Something to the right of the label, e.g. a "Forgot password?" link. */
  labelAside?: ReactNode;
}

const inputBase =
  "block h-11 w-full rounded-lg border bg-white px-3 text-base text-zinc-900 shadow-xs transition-[border-color,box-shadow] outline-none placeholder:text-zinc-400 focus-visible:outline-none disabled:opacity-60 sm:h-10 sm:text-sm dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500";
const inputOk =
  "border-zinc-300 focus:border-blue-600 focus:ring-3 focus:ring-blue-600/20 dark:border-zinc-700 dark:focus:border-blue-400 dark:focus:ring-blue-400/25";
const inputError =
  "border-red-500 focus:border-red-500 focus:ring-3 focus:ring-red-500/20 dark:border-red-400 dark:focus:border-red-400 dark:focus:ring-red-400/25";

/**
 * A labelled input with its error wired for assistive technology (aria-invalid,
 * aria-describedby). Password fields get a show/hide toggle.
 */
export function TextField({
  label,
  name,
  value,
  onValueChange,
  error,
  hint,
  labelAside,
  type = "text",
  className = "",
  ...inputProps
}: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const isPassword = type === "password";
  const [revealed, setRevealed] = useState(false);
  const describedBy = error ? errorId : hint ? hintId : undefined;

  return (
    <div className={className}>
      <div className="mb-1.5 flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {label}
        </label>
        {labelAside}
      </div>
      <div className="relative">
        <input
          id={id}
          name={name}
          type={isPassword && revealed ? "text" : type}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`${inputBase} ${error ? inputError : inputOk} ${isPassword ? "pr-11" : ""}`}
          {...inputProps}
        />
        {isPassword && (
          <button
            type="button"
            onClick={() => setRevealed((r) => !r)}
            aria-pressed={revealed}
            aria-controls={id}
            className="absolute inset-y-0 right-0 flex w-11 items-center justify-center rounded-r-lg text-zinc-500 hover:text-zinc-800 focus-visible:outline-offset-[-2px] dark:text-zinc-400 dark:hover:text-zinc-100"
          >
            {revealed ? <EyeOffIcon width={18} height={18} /> : <EyeIcon width={18} height={18} />}
            <span className="sr-only">Show password</span>
          </button>
        )}
      </div>
      {error ? (
        <p
          id={errorId}
          className="mt-1.5 flex items-start gap-1.5 text-sm text-red-600 dark:text-red-400"
        >
          <CircleAlertIcon className="mt-0.5 shrink-0" width={14} height={14} />
          <span>{error}</span>
        </p>
      ) : hint ? (
        <p id={hintId} className="mt-1.5 text-sm text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The e-mail field of every auth form: the keyboard, capitalisation and hints it needs. */
export function EmailField(props: Omit<TextFieldProps, "label" | "name" | "type">) {
  return (
    <TextField
      label="Email"
      name="email"
      type="email"
      inputMode="email"
      autoCapitalize="none"
      spellCheck={false}
      placeholder="you@example.com"
      {...props}
    />
  );
}
