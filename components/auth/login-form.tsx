"use client";

import Link from "next/link";
import { authErrorMessage } from "@/lib/auth/messages";
import { authClient } from "@/lib/auth-client";
import { signInSchema } from "@/lib/validation/auth";
import { authLinkClass } from "./auth-card";
import { type AlertTone, FormAlert } from "./form-alert";
import { SubmitButton } from "./submit-button";
import { EmailField, TextField } from "./text-field";
import { useAuthForm } from "./use-auth-form";

/** Email and password sign-in; on success the browser goes to `next` (a safe local path). */
export function LoginForm({
  next,
  notice,
}: {
  next: string;
  /** Why the person is here (a finished reset, an ended session), shown above the form. */
  notice?: { text: string; tone: AlertTone } | undefined;
}) {
  const form = useAuthForm(signInSchema, { email: "", password: "" });
  const submit = form.onSubmit(async ({ email, password }) => {
    const { error } = await authClient.signIn.email({ email, password });
    if (error) {
      form.setServerError(authErrorMessage(error));
      return false;
    }
    // A full page load, not a client-side transition: nothing cached in this tab for a
    // previous account (API token, task lists) can outlive the change of user.
    window.location.assign(next);
    return true;
  });

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="space-y-5">
      {form.serverError ? (
        <FormAlert>{form.serverError}</FormAlert>
      ) : notice ? (
        <FormAlert tone={notice.tone}>{notice.text}</FormAlert>
      ) : null}
      <EmailField
        autoComplete="username"
        value={form.values.email}
        onValueChange={(v) => form.setField("email", v)}
        error={form.errors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={form.values.password}
        onValueChange={(v) => form.setField("password", v)}
        error={form.errors.password}
        labelAside={
          <Link href="/forgot-password" className={`text-sm ${authLinkClass}`}>
            Forgot password?
          </Link>
        }
      />
      <SubmitButton busy={form.busy}>Log in</SubmitButton>
    </form>
  );
}
