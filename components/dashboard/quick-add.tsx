"use client";

import { type Ref, useEffect, useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { ChevronDownIcon, PlusIcon } from "@/components/ui/icons";
import type { TaskInput } from "@/lib/tasks/model";
import { FieldError } from "./form-parts";
import { LazyTaskDetailFields } from "./lazy-forms";
import { type OnDemand, useOnDemand } from "./quick-add/load";
import { usePlaceholder } from "./quick-add/placeholder";
import { TitleField } from "./quick-add/title-field";
import type { Chip, DetailsField, QuickAddProject, Span } from "./quick-add/understand";
import { useAnnouncement } from "./quick-add/use-announcement";
import { type DraftErrors, emptyDraft, parseDraft, type TaskDraft } from "./task-draft";
import { displayZone } from "./zone";

/** The due date quick add proposes: today in Today, a day of Upcoming added from. */
export interface ProposedDue {
  /** YYYY-MM-DD */
  date: string;
  /** "today", "Wed 15 Jan": for the placeholder. */
  label: string;
  /** Changes each time it is proposed again, so it applies again. */
  nonce?: number;
}

const NO_PROJECTS: readonly QuickAddProject[] = [];
const NOTHING_SET: ReadonlySet<DetailsField> = new Set();

/** The fields a change from Details sets, whose values then win over typed ones. */
function detailsFields(patch: Partial<TaskDraft>): DetailsField[] {
  const fields: DetailsField[] = [];
  if ("priority" in patch) fields.push("priority");
  if ("dueDate" in patch || "dueTime" in patch) fields.push("due");
  if ("repeat" in patch) fields.push("repeat");
  return fields;
}

/**
 * The box at the top: type a title and press Enter. It reads dates, repeats, priorities, tags
 * and projects as they are typed ("Call mum tomorrow 5pm #family p1 @Home": quick-add/
 * understand.ts has the rules and how they meet Details), tints those words and shows them as
 * chips; removing a chip keeps its words in the title. "Details" opens description, priority,
 * due date, tags, repeat and reminders. The form is cleared as soon as the task is shown
 * (optimistically) and refilled if the server refuses it, so nothing typed is lost.
 */
export function QuickAdd({
  onAdd,
  due,
  ref: titleRef,
  projects = NO_PROJECTS,
  defaultProjectId = null,
}: {
  onAdd: (input: TaskInput) => Promise<unknown>;
  due?: ProposedDue | null;
  ref?: Ref<HTMLInputElement>;
  /** Projects `@name` may name (case-insensitive). */
  projects?: readonly QuickAddProject[];
  /** The project the user is in: new tasks go there unless `@name` says otherwise. */
  defaultProjectId?: string | null;
}) {
  const id = useId();
  const [draft, setDraft] = useState<TaskDraft>(emptyDraft);
  /** Words whose chips were removed: not parsed again, kept in the title. */
  const [ignored, setIgnored] = useState<Span[]>([]);
  const [fromDetails, setFromDetails] = useState(NOTHING_SET);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [open, setOpen] = useState(false);
  const onDemand = useOnDemand();
  const placeholder = usePlaceholder(due, projects);
  const dueDate = due?.date ?? "";

  // A new proposal (the view changed, or Add from a day of Upcoming) becomes the due date.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the nonce re-applies the same date.
  useEffect(() => {
    setDraft((d) => ({ ...d, dueDate, repeatDue: dueDate }));
    setFromDetails((set) => new Set([...set].filter((field) => field !== "due")));
  }, [dueDate, due?.nonce]);

  const read = (module: OnDemand, title: string) =>
    module.understand(title, {
      ignore: ignored,
      projects,
      fromDetails,
      timeZone: displayZone(),
      dateOrder: module.localeDateOrder(),
    });
  const { module } = onDemand;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `read` is new each render.
  const understood = useMemo(
    () => (module && draft.title.trim() ? read(module, draft.title) : null),
    [module, draft.title, ignored, projects, fromDetails],
  );
  const { message, say } = useAnnouncement(understood?.summary ?? "");

  const changeTitle = (title: string) => {
    if (module) setIgnored((spans) => module.shiftSpans(spans, draft.title, title));
    else void onDemand.ensure();
    setDraft((d) => ({ ...d, title }));
    setErrors({});
  };
  const changeDetails = (patch: Partial<TaskDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    const fields = detailsFields(patch);
    if (fields.length > 0) setFromDetails((set) => new Set([...set, ...fields]));
    setErrors({});
  };
  const removeChip = (chip: Chip) => {
    setIgnored((spans) => [...spans, ...chip.spans]);
    say(`Removed ${chip.description}: the words stay in the title.`);
  };
  const clear = () => {
    setDraft({ ...emptyDraft, dueDate, repeatDue: dueDate });
    setIgnored([]);
    setFromDetails(NOTHING_SET);
  };

  const submit = async () => {
    if (!draft.title.trim()) {
      setErrors({ title: "Give the task a title" });
      return;
    }
    // Typed faster than the parser loaded: wait for it, so what is sent is what it reads.
    const parser = module ?? (await onDemand.ensure());
    const reading = parser ? read(parser, draft.title) : null;
    const merged = parser && reading ? parser.mergeDraft(draft, reading, fromDetails) : draft;
    const parsed = await parseDraft(merged);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      if (!parsed.errors.title) setOpen(true);
      return;
    }
    const projectId = reading?.project?.id ?? defaultProjectId;
    const input = projectId ? { ...parsed.input, projectId } : parsed.input;
    const submitted = { draft, ignored, fromDetails };
    // Everything resets, priority too: the next plain title must not inherit this one's.
    clear();
    try {
      await onAdd(input);
    } catch {
      // The dashboard has told the user why; give them their text back.
      setDraft(submitted.draft);
      setIgnored(submitted.ignored);
      setFromDetails(submitted.fromDetails);
    }
  };

  const hintId = `${id}-project-hint`;
  const describedBy = [
    errors.title && `${id}-title-error`,
    understood?.unknownProject && hintId,
  ].filter(Boolean);

  return (
    <form
      aria-label="Add a task"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-focus-frame
      // The title field has no ring of its own: the whole box shows that it has focus.
      className="rounded-xl border border-zinc-200 bg-white shadow-sm transition-shadow outline-blue-600 focus-within:border-zinc-300 focus-within:shadow-md has-[[data-quick-title]:focus-visible]:outline-2 has-[[data-quick-title]:focus-visible]:outline-offset-2 dark:border-zinc-800 dark:bg-zinc-900 dark:outline-blue-400 dark:focus-within:border-zinc-700"
    >
      <div className="flex items-center gap-2 p-2">
        <PlusIcon
          className="ml-1.5 shrink-0 text-zinc-500 dark:text-zinc-400"
          width={20}
          height={20}
        />
        <label htmlFor={`${id}-title`} className="sr-only">
          New task
        </label>
        <TitleField
          ref={titleRef}
          data-quick-title
          id={`${id}-title`}
          value={draft.title}
          highlights={understood?.highlights ?? []}
          onFocus={() => void onDemand.ensure()}
          onChange={(e) => changeTitle(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              if (draft.title) clear();
              else e.currentTarget.blur();
            }
          }}
          placeholder={placeholder}
          autoComplete="off"
          enterKeyHint="done"
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={describedBy.length > 0 ? describedBy.join(" ") : undefined}
          className="text-zinc-900 placeholder:text-zinc-500 focus-visible:outline-none dark:text-zinc-100 dark:placeholder:text-zinc-400"
        />
        <Button
          variant="ghost"
          size="sm"
          aria-expanded={open}
          aria-controls={`${id}-details`}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="hidden sm:inline">Details</span>
          <span className="sr-only sm:hidden">Details</span>
          <ChevronDownIcon className={`transition-transform ${open ? "rotate-180" : ""}`} />
        </Button>
        <Button type="submit" variant="primary" size="sm" className="px-3">
          Add
        </Button>
      </div>
      {module && understood && (
        <module.UnderstoodChips
          understood={understood}
          hintId={hintId}
          onRemove={removeChip}
          focusTitle={() => document.getElementById(`${id}-title`)?.focus()}
        />
      )}
      <p className="sr-only" aria-live="polite">
        {message}
      </p>
      <div className="px-3">
        <FieldError id={`${id}-title-error`} message={errors.title} />
      </div>
      <div
        id={`${id}-details`}
        hidden={!open}
        className="border-t border-zinc-200 p-3 dark:border-zinc-800"
      >
        {open && <LazyTaskDetailFields draft={draft} errors={errors} onChange={changeDetails} />}
      </div>
    </form>
  );
}
