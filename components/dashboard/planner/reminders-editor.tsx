"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { BellIcon, CloseIcon } from "@/components/ui/icons";
import { REMINDERS_MAX, type Reminder } from "@/lib/tasks/model";
import { FieldError, fieldBase, hintClass, labelClass } from "../form-parts";
import type { TaskDraft } from "../task-draft";
import {
  dateTimeField,
  fromDateTimeField,
  REMINDER_PRESETS,
  reminderLabel,
  sameReminder,
} from "./reminder-text";

const CUSTOM = "custom";

/**
 * Up to five reminders as removable chips, added from presets (counted back from the due time,
 * or from 09:00 on the due day for a task without a time) or as a custom date and time.
 */
export function RemindersEditor({
  draft,
  error,
  onChange,
}: {
  draft: TaskDraft;
  error?: string;
  onChange: (patch: Partial<TaskDraft>) => void;
}) {
  const id = useId();
  const [custom, setCustom] = useState(false);
  const [at, setAt] = useState("");
  const { reminders } = draft;
  const full = reminders.length >= REMINDERS_MAX;
  const has = (r: Reminder) => reminders.some((known) => sameReminder(known, r));

  const add = (reminder: Reminder) => {
    if (full || has(reminder)) return;
    onChange({ reminders: [...reminders, reminder] });
  };
  const addCustom = () => {
    const date = fromDateTimeField(at);
    if (!date) return;
    add({ at: date.toISOString() });
    setCustom(false);
    setAt("");
  };

  const hint = !draft.dueDate
    ? "Without a due date, pick a date and time for the reminder."
    : !draft.dueTime
      ? "No due time: reminders count back from 09:00 on the due day."
      : null;

  return (
    <div>
      <label htmlFor={`${id}-add`} className={labelClass}>
        Reminders
      </label>
      {reminders.length > 0 && (
        <ul aria-label="Chosen reminders" className="mb-2 flex flex-wrap gap-1.5">
          {reminders.map((reminder) => {
            const label = reminderLabel(reminder);
            return (
              <li
                key={"at" in reminder ? reminder.at : `m${reminder.minutesBefore}`}
                className="inline-flex h-7 items-center gap-1 rounded-full bg-amber-50 pr-1 pl-2.5 text-xs text-amber-900 dark:bg-amber-500/15 dark:text-amber-100"
              >
                <BellIcon width={12} height={12} />
                {label}
                <button
                  type="button"
                  aria-label={`Remove reminder ${label}`}
                  onClick={() =>
                    onChange({ reminders: reminders.filter((r) => !sameReminder(r, reminder)) })
                  }
                  className="flex size-5 items-center justify-center rounded-full hover:bg-amber-200/70 dark:hover:bg-amber-500/30"
                >
                  <CloseIcon width={12} height={12} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <select
          id={`${id}-add`}
          value=""
          disabled={full}
          aria-describedby={hint || full ? `${id}-hint` : undefined}
          onChange={(e) => {
            const value = e.target.value;
            if (value === CUSTOM) {
              setCustom(true);
              setAt((current) => current || dateTimeField(new Date(Date.now() + 3_600_000)));
            } else if (value) add({ minutesBefore: Number(value) });
          }}
          className={`${fieldBase} h-9 min-w-0 flex-1 py-0 sm:max-w-64`}
        >
          <option value="">
            {full ? `At most ${REMINDERS_MAX} reminders` : "Add a reminder…"}
          </option>
          {REMINDER_PRESETS.map(({ minutes, label }) => (
            <option
              key={minutes}
              value={minutes}
              disabled={!draft.dueDate || has({ minutesBefore: minutes })}
            >
              {label}
            </option>
          ))}
          <option value={CUSTOM}>Date and time…</option>
        </select>
        {custom && !full && (
          <>
            <label htmlFor={`${id}-at`} className="sr-only">
              Reminder date and time
            </label>
            <input
              id={`${id}-at`}
              type="datetime-local"
              value={at}
              onChange={(e) => setAt(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  addCustom();
                }
              }}
              className={`${fieldBase} h-9 py-0`}
            />
            <Button size="sm" variant="secondary" onClick={addCustom} disabled={!at}>
              Add
            </Button>
          </>
        )}
      </div>
      {(hint || full) && (
        <p id={`${id}-hint`} className={hintClass}>
          {full ? `That's the most one task can have (${REMINDERS_MAX}).` : hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
