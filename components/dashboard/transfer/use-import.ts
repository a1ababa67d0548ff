"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiClientError } from "@/lib/api-client";
import { IMPORT_MAX_BYTES, type ImportProblem, type ImportResult } from "@/lib/transfer/model";
import { type ImportProgress, sendImport } from "@/lib/transfer-client";
import { errorMessage } from "../report-error";

/**
 * The import dialog's steps: choose a file; its dry run (checking); the preview; the real
 * import (uploading, then the server's work); the summary; or what went wrong, in plain words.
 * A newer file or project name makes an answer still on its way irrelevant: it is dropped.
 */

/** How far the file has gone up: a fraction, or null while the server works (no measure). */
export type Progress = number | null;

export type ImportStep =
  | { kind: "choose"; error?: string }
  | { kind: "checking"; file: File; progress: Progress }
  | { kind: "preview"; file: File; result: ImportResult; rechecking: boolean }
  | { kind: "importing"; file: File; result: ImportResult; progress: Progress }
  | { kind: "done"; file: File; result: ImportResult }
  | {
      kind: "failed";
      file: File;
      message: string;
      problems: ImportProblem[];
      problemCount: number;
    };

const PROJECT_RECHECK_MS = 600;

const megabytes = (bytes: number) => `${Math.max(0.1, bytes / 1024 / 1024).toFixed(1)} MB`;

const tooLarge = (file: File) =>
  `This file is ${megabytes(file.size)}; Doable imports at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB at once. Split it into smaller files and import each one.`;

/** What went wrong, for a person: the server's own words where it has them. */
function failure(error: unknown, file: File): Extract<ImportStep, { kind: "failed" }> {
  let message = errorMessage(error);
  let problems: ImportProblem[] = [];
  if (error instanceof ApiClientError) {
    if (error.status === 413 && /request body is larger/i.test(error.message)) {
      message = tooLarge(file);
    } else if (error.status >= 500) {
      message = "Doable could not import this file right now. Nothing was imported; try again.";
    }
    problems = (error.details ?? []).map((d, i) => {
      const row = /^row (\d+)$/.exec(d.path)?.[1];
      return { row: row ? Number(row) : i + 1, path: row ? undefined : d.path, reason: d.message };
    });
  }
  return { kind: "failed", file, message, problems, problemCount: problems.length };
}

const fraction = (p: ImportProgress): Progress =>
  p.phase === "uploading" && p.total ? Math.min(1, p.loaded / p.total) : null;

export function useImport(userId: string, onImported: () => Promise<void> | void) {
  const [step, setStep] = useState<ImportStep>({ kind: "choose" });
  const [project, setProjectState] = useState("");
  const turn = useRef(0);
  const controller = useRef<AbortController | null>(null);
  const recheckTimer = useRef<number | undefined>(undefined);

  const cancel = useCallback(() => {
    turn.current += 1;
    controller.current?.abort();
    controller.current = null;
    window.clearTimeout(recheckTimer.current);
  }, []);
  useEffect(() => cancel, [cancel]);

  /** One request: only the latest one's answer is used. */
  const start = useCallback(() => {
    cancel();
    const mine = ++turn.current;
    const abort = new AbortController();
    controller.current = abort;
    return { current: () => turn.current === mine, signal: abort.signal };
  }, [cancel]);

  const check = useCallback(
    async (file: File, projectName: string, again = false) => {
      if (file.size > IMPORT_MAX_BYTES) {
        cancel();
        setStep({ kind: "failed", file, message: tooLarge(file), problems: [], problemCount: 0 });
        return;
      }
      const request = start();
      setStep((s) =>
        again && s.kind === "preview"
          ? { ...s, rechecking: true }
          : { kind: "checking", file, progress: 0 },
      );
      try {
        const result = await sendImport(userId, file, {
          dryRun: true,
          project: projectName,
          signal: request.signal,
          onProgress: (p) => {
            if (!request.current()) return;
            setStep((s) => (s.kind === "checking" ? { ...s, progress: fraction(p) } : s));
          },
        });
        if (request.current()) setStep({ kind: "preview", file, result, rechecking: false });
      } catch (error) {
        if (!request.current() || (error instanceof DOMException && error.name === "AbortError"))
          return;
        setStep(failure(error, file));
      }
    },
    [userId, cancel, start],
  );

  const choose = useCallback((file: File) => void check(file, project), [check, project]);

  /** The Todoist project name: the preview is asked for again once typing pauses. */
  const setProject = useCallback(
    (name: string) => {
      setProjectState(name);
      window.clearTimeout(recheckTimer.current);
      if (step.kind !== "preview" && step.kind !== "failed") return;
      const { file } = step;
      recheckTimer.current = window.setTimeout(
        () => void check(file, name, true),
        PROJECT_RECHECK_MS,
      );
    },
    [step, check],
  );

  const confirm = useCallback(async () => {
    if (step.kind !== "preview") return;
    const { file, result: preview } = step;
    const request = start();
    setStep({ kind: "importing", file, result: preview, progress: 0 });
    try {
      const result = await sendImport(userId, file, {
        dryRun: false,
        project,
        onProgress: (p) => {
          if (!request.current()) return;
          setStep((s) => (s.kind === "importing" ? { ...s, progress: fraction(p) } : s));
        },
      });
      if (!request.current()) return;
      setStep({ kind: "done", file, result });
      await onImported();
    } catch (error) {
      if (request.current()) setStep(failure(error, file));
    }
  }, [step, project, userId, onImported, start]);

  const reset = useCallback(() => {
    cancel();
    setStep({ kind: "choose" });
  }, [cancel]);

  return { step, project, setProject, choose, confirm, reset, cancel };
}
