"use client";

import { type FormEvent, useRef, useState } from "react";
import type { z } from "zod";
import { NETWORK_ERROR } from "@/lib/auth/messages";

type Values = Record<string, string>;
type FieldErrors<V extends Values> = Partial<Record<keyof V & string, string>>;

/** The first message per field from a zod error. */
function collectErrors<V extends Values>(error: z.ZodError): FieldErrors<V> {
  const errors: FieldErrors<V> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && !(field in errors)) {
      errors[field as keyof V & string] = issue.message;
    }
  }
  return errors;
}

/**
 * State for an auth form validated with a shared zod schema: values (kept on failure), field
 * errors (live after the first submit), a busy flag, and the server's message.
 * `submit` runs only with valid data; it returns true when the page is navigating away, so
 * the button stays busy until it does.
 */
export function useAuthForm<S extends z.ZodType<unknown, V>, V extends Values>(
  schema: S,
  initial: V,
) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors<V>>({});
  const [validated, setValidated] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  function validate(next: V) {
    const result = schema.safeParse(next);
    return result.success
      ? { data: result.data as z.output<S>, errors: {} }
      : { data: undefined, errors: collectErrors<V>(result.error) };
  }

  function setField(name: keyof V & string, value: string) {
    const next = { ...values, [name]: value };
    setValues(next);
    if (validated) setErrors(validate(next).errors);
  }

  function onSubmit(action: (data: z.output<S>) => Promise<boolean>) {
    return async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (busy) return;
      setValidated(true);
      const { data, errors: found } = validate(values);
      setErrors(found);
      if (data === undefined) {
        // Focus the first field that needs attention, in the form's order.
        const first = Object.keys(initial).find((name) => name in found);
        const element = first ? formRef.current?.elements.namedItem(first) : null;
        if (element instanceof HTMLElement) element.focus();
        return;
      }
      setServerError(null);
      setBusy(true);
      let leaving = false;
      try {
        leaving = await action(data);
      } catch {
        setServerError(NETWORK_ERROR);
      } finally {
        if (!leaving) setBusy(false);
      }
    };
  }

  return { values, errors, busy, serverError, setServerError, setField, onSubmit, formRef };
}
