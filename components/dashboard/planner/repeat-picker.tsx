"use client";

import { useId, useState } from "react";
import {
  presetRule,
  REPEAT_PRESETS,
  type RepeatPreset,
  summarizeRepeat,
} from "@/lib/tasks/repeat-summary";
import { FieldError, fieldClass, hintClass, labelClass } from "../form-parts";
import { localDate, type TaskDraft } from "../task-draft";
import { RepeatBuilder } from "./repeat-builder";
import { defaultForm, formToRule, presetOf } from "./repeat-rule";

const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
const weekday = new Intl.DateTimeFormat("en-GB", { weekday: "long" });

function ordinal(n: number): string {
  const tens = n % 100;
  return `${n}${tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th")}`;
}

/** A preset's label for a task due on `due`: "Every week on Tuesday", "Every year on 14 Jan". */
function presetLabel(kind: RepeatPreset, due: Date): string {
  const label = REPEAT_PRESETS.find((p) => p.kind === kind)?.label ?? kind;
  if (kind === "weekly") return `${label} on ${weekday.format(due)}`;
  if (kind === "monthly") return `${label} on the ${ordinal(due.getDate())}`;
  if (kind === "yearly") return `${label} on ${due.getDate()} ${MONTHS[due.getMonth()]}`;
  if (kind === "weekdays") return `${label} (Mon–Fri)`;
  return label;
}

type Choice = "none" | "custom" | RepeatPreset;

/**
 * How the task repeats: "Does not repeat", the presets (named from the due date), or "Custom…",
 * which opens a small builder. A repeat needs a due date; without one the picker says so.
 */
export function RepeatPicker({
  draft,
  error,
  onChange,
}: {
  draft: TaskDraft;
  error?: string;
  onChange: (patch: Partial<TaskDraft>) => void;
}) {
  const id = useId();
  const due = localDate(draft.dueDate);
  const base = due ?? new Date();
  const ruleDue = localDate(draft.repeatDue) ?? base;
  const preset = draft.repeat ? presetOf(draft.repeat.rule, ruleDue) : null;
  const [custom, setCustom] = useState(() => draft.repeat !== null && preset === null);
  const choice: Choice = !draft.repeat ? "none" : custom || !preset ? "custom" : preset;

  const choose = (next: Choice) => {
    setCustom(next === "custom");
    if (next === "none") onChange({ repeat: null });
    else if (next === "custom") {
      if (!draft.repeat) {
        onChange({
          repeat: { rule: formToRule(defaultForm(base)), from: "due" },
          repeatDue: draft.dueDate,
        });
      }
    } else {
      onChange({
        repeat: { rule: presetRule(next, base), from: draft.repeat?.from ?? "due" },
        repeatDue: draft.dueDate,
      });
    }
  };

  const describedBy = [!due && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={`${id}-repeat`} className={labelClass}>
        Repeat
      </label>
      <select
        id={`${id}-repeat`}
        value={choice}
        disabled={!due && !draft.repeat}
        onChange={(e) => choose(e.target.value as Choice)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={`${fieldClass} h-9 py-0`}
      >
        <option value="none">Does not repeat</option>
        {REPEAT_PRESETS.map(({ kind }) => (
          <option key={kind} value={kind}>
            {presetLabel(kind, base)}
          </option>
        ))}
        <option value="custom">
          {choice === "custom" && draft.repeat
            ? `Custom: ${summarizeRepeat(draft.repeat)}`
            : "Custom…"}
        </option>
      </select>
      {!due && (
        <p id={`${id}-hint`} className={hintClass}>
          {draft.repeat
            ? "A repeating task needs a due date: set one, or choose “Does not repeat”."
            : "Set a due date to make this task repeat."}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
      {draft.repeat && choice === "custom" && (
        <RepeatBuilder
          repeat={draft.repeat}
          due={ruleDue}
          onChange={(repeat) => onChange({ repeat, repeatDue: draft.dueDate })}
        />
      )}
    </div>
  );
}
