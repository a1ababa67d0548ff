"use client";

import { useRef, useState } from "react";
import { authErrorMessage } from "@/lib/auth/messages";
import { authClient } from "@/lib/auth-client";
import { forgotPasswordSchema } from "@/lib/validation/auth";
import { authLinkClass } from "./auth-card";
import { FormAlert } from "./form-alert";
import { MailIcon } from "./icons";
import { SubmitButton } from "./submit-button";
import { EmailField } from "./text-field";
import { useAuthForm } from "./use-auth-form";

/**
 * Asks for a reset link. The answer is the same whether or not the address has an account,
 * so the page cannot be used to find out who uses Doable.
 */
export function ForgotPasswordForm() {
  const form = useAuthForm(forgotPasswordSchema, { email: "" });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const submit = form.onSubmit(async ({ email }) => {
    const { error } = await authClient.requestPasswordReset({
      email,
      redirectTo: "/reset-password",
    });
    if (error) {
      form.setServerError(authErrorMessage(error));
      return false;
    }
    setSentTo(email);
    requestAnimationFrame(() => headingRef.current?.focus());
    return false;
  });

  if (sentTo) {
    return (
      <div className="space-y-5">
        <div className="flex items-start gap-3 rounded-lg border border-zinc-200 bg-zinc-50 p-4 dark:border-zinc-800 dark:bg-zinc-900">
          <MailIcon
            className="mt-0.5 shrink-0 text-blue-600 dark:text-blue-400"
            width={20}
            height={20}
          />
          <div className="text-sm text-zinc-700 dark:text-zinc-300">
            <h2
              ref={headingRef}
              tabIndex={-1}
              className="font-medium text-zinc-900 outline-none dark:text-zinc-100"
            >
              Check your email
            </h2>
            <p className="mt-1">
              If an account exists for <span className="font-medium break-words">{sentTo}</span>,
              we've sent a link to choose a new password. It works for one hour.
            </p>
          </div>
        </div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No email after a few minutes? Check your spam folder or{" "}
          <button type="button" onClick={() => setSentTo(null)} className={authLinkClass}>
            try another address
          </button>
          .
        </p>
      </div>
    );
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="space-y-5">
      {form.serverError && <FormAlert>{form.serverError}</FormAlert>}
      <EmailField
        autoComplete="email"
        value={form.values.email}
        onValueChange={(v) => form.setField("email", v)}
        error={form.errors.email}
      />
      <SubmitButton busy={form.busy}>Send reset link</SubmitButton>
    </form>
  );
}
