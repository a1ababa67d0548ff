"use client";

import { useId, useState } from "react";
import type { Repeat } from "@/lib/tasks/model";
import { summarizeRepeat } from "@/lib/tasks/repeat-summary";
import { chipButtonClass, fieldBase } from "../form-parts";
import {
  defaultForm,
  type Freq,
  formToRule,
  type RepeatForm,
  ruleToForm,
  WEEKDAY_CODES,
  type Weekday,
} from "./repeat-rule";

const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const UNITS: Record<Freq, [one: string, many: string]> = {
  DAILY: ["day", "days"],
  WEEKLY: ["week", "weeks"],
  MONTHLY: ["month", "months"],
  YEARLY: ["year", "years"],
};
const POSITIONS: [number, string][] = [
  [1, "first"],
  [2, "second"],
  [3, "third"],
  [4, "fourth"],
  [-1, "last"],
];

const MONTH_DAYS = Array.from({ length: 31 }, (_, i) => i + 1);

const small = `${fieldBase} h-8 py-0`;
const legend = "mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-300";
const radioRow = "flex min-h-8 flex-wrap items-center gap-2 text-sm";

/**
 * The custom repeat: every N days/weeks/months/years; weekly on chosen weekdays; monthly on a
 * day, on the Nth or last weekday, or on the last day; ends never, after N times or on a date;
 * counted from the due date or from completion. Every change writes the rule at once.
 */
export function RepeatBuilder({
  repeat,
  due,
  onChange,
}: {
  repeat: Repeat;
  due: Date;
  onChange: (repeat: Repeat) => void;
}) {
  const id = useId();
  const [unknown] = useState(() => ruleToForm(repeat.rule, repeat.from, due) === null);
  const [form, setForm] = useState<RepeatForm>(
    () => ruleToForm(repeat.rule, repeat.from, due) ?? defaultForm(due, repeat.from),
  );
  const update = (patch: Partial<RepeatForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    onChange({ rule: formToRule(next), from: next.from });
  };
  const toggleDay = (day: Weekday) => {
    const on = form.weekdays.includes(day);
    // At least one day stays chosen.
    if (on && form.weekdays.length === 1) return;
    update({ weekdays: on ? form.weekdays.filter((d) => d !== day) : [...form.weekdays, day] });
  };
  const radio = (name: string, checked: boolean, onPick: () => void, label: string) => (
    <label className="inline-flex items-center gap-1.5">
      <input
        type="radio"
        name={`${id}-${name}`}
        checked={checked}
        onChange={onPick}
        className="size-4 accent-blue-600"
      />
      {label}
    </label>
  );

  return (
    <fieldset className="mt-2 space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
      <legend className="px-1 text-xs font-medium text-zinc-600 dark:text-zinc-300">
        Custom repeat
      </legend>
      {unknown && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          This task repeats “{summarizeRepeat(repeat)}”, which the builder cannot show. It stays as
          it is unless you change something here.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={`${id}-interval`}>Every</label>
        <input
          id={`${id}-interval`}
          type="number"
          min={1}
          max={999}
          value={form.interval}
          onChange={(e) => update({ interval: Math.min(999, Math.max(1, Number(e.target.value))) })}
          className={`${small} w-16`}
        />
        <label htmlFor={`${id}-freq`} className="sr-only">
          Unit
        </label>
        <select
          id={`${id}-freq`}
          value={form.freq}
          onChange={(e) => update({ freq: e.target.value as Freq })}
          className={small}
        >
          {(Object.keys(UNITS) as Freq[]).map((freq) => (
            <option key={freq} value={freq}>
              {form.interval === 1 ? UNITS[freq][0] : UNITS[freq][1]}
            </option>
          ))}
        </select>
      </div>

      {form.freq === "WEEKLY" && (
        <fieldset>
          <legend className={legend}>On</legend>
          <div className="flex flex-wrap gap-1">
            {WEEKDAY_CODES.map((day, i) => (
              <button
                key={day}
                type="button"
                aria-pressed={form.weekdays.includes(day)}
                aria-label={DAY_NAMES[i]}
                onClick={() => toggleDay(day)}
                className={`${chipButtonClass} min-w-10 py-1.5`}
              >
                {DAY_NAMES[i]?.slice(0, 3)}
              </button>
            ))}
          </div>
        </fieldset>
      )}

      {form.freq === "MONTHLY" && (
        <fieldset className="space-y-1">
          <legend className={legend}>On</legend>
          <div className={radioRow}>
            {radio("monthly", form.monthly === "day", () => update({ monthly: "day" }), "Day")}
            <label htmlFor={`${id}-day`} className="sr-only">
              Day of the month
            </label>
            <select
              id={`${id}-day`}
              value={form.monthDay}
              onChange={(e) => update({ monthly: "day", monthDay: Number(e.target.value) })}
              className={small}
            >
              {MONTH_DAYS.map((day) => (
                <option key={day} value={day}>
                  {day}
                </option>
              ))}
            </select>
          </div>
          <div className={radioRow}>
            {radio(
              "monthly",
              form.monthly === "weekday",
              () => update({ monthly: "weekday" }),
              "The",
            )}
            <label htmlFor={`${id}-pos`} className="sr-only">
              Which week
            </label>
            <select
              id={`${id}-pos`}
              value={form.setPos}
              onChange={(e) => update({ monthly: "weekday", setPos: Number(e.target.value) })}
              className={small}
            >
              {POSITIONS.map(([n, word]) => (
                <option key={n} value={n}>
                  {word}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-posday`} className="sr-only">
              Weekday
            </label>
            <select
              id={`${id}-posday`}
              value={form.posDay}
              onChange={(e) => update({ monthly: "weekday", posDay: e.target.value as Weekday })}
              className={small}
            >
              {WEEKDAY_CODES.map((day, i) => (
                <option key={day} value={day}>
                  {DAY_NAMES[i]}
                </option>
              ))}
            </select>
          </div>
          <div className={radioRow}>
            {radio(
              "monthly",
              form.monthly === "last-day",
              () => update({ monthly: "last-day" }),
              "The last day of the month",
            )}
          </div>
        </fieldset>
      )}

      <fieldset className="space-y-1">
        <legend className={legend}>Ends</legend>
        <div className={radioRow}>
          {radio("ends", form.ends === "never", () => update({ ends: "never" }), "Never")}
        </div>
        <div className={radioRow}>
          {radio("ends", form.ends === "count", () => update({ ends: "count" }), "After")}
          <input
            type="number"
            min={1}
            max={1000}
            aria-label="Number of times"
            value={form.count}
            onChange={(e) =>
              update({ ends: "count", count: Math.min(1000, Math.max(1, Number(e.target.value))) })
            }
            className={`${small} w-20`}
          />
          <span>{form.count === 1 ? "time" : "times"}</span>
        </div>
        <div className={radioRow}>
          {radio("ends", form.ends === "until", () => update({ ends: "until" }), "On")}
          <input
            type="date"
            aria-label="Last date"
            value={form.until}
            onChange={(e) => update({ ends: "until", until: e.target.value })}
            className={`${small} min-w-36`}
          />
        </div>
      </fieldset>

      <fieldset className="space-y-1">
        <legend className={legend}>The next date counts from</legend>
        <div className={`${radioRow} gap-x-4`}>
          {radio("from", form.from === "due", () => update({ from: "due" }), "The due date")}
          {radio(
            "from",
            form.from === "completion",
            () => update({ from: "completion" }),
            "When I complete it",
          )}
        </div>
      </fieldset>

      <p className="text-sm font-medium" aria-live="polite">
        {summarizeRepeat(repeat)}
      </p>
    </fieldset>
  );
}
