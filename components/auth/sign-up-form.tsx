"use client";

import Link from "next/link";
import { authErrorMessage, EMAIL_TAKEN } from "@/lib/auth/messages";
import { authClient } from "@/lib/auth-client";
import { PASSWORD_MIN, signUpSchema } from "@/lib/validation/auth";
import { FormAlert } from "./form-alert";
import { SubmitButton } from "./submit-button";
import { EmailField, TextField } from "./text-field";
import { useAuthForm } from "./use-auth-form";

/** This browser's IANA zone, e.g. "Europe/Berlin" (the server falls back to UTC). */
function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

type SignUpBody = Parameters<typeof authClient.signUp.email>[0] & { timeZone: string };
/** signUp.email, typed with the timeZone field the server declares (its client types do not). */
const signUpEmail = (body: SignUpBody) => authClient.signUp.email(body);

/** Creates an account (which signs in) and sends the browser to `next`. */
export function SignUpForm({ next, loginHref }: { next: string; loginHref: string }) {
  const form = useAuthForm(signUpSchema, { name: "", email: "", password: "" });
  const submit = form.onSubmit(async ({ name, email, password }) => {
    // The browser's zone becomes the account's: Today and repeats follow it from the start.
    const { error } = await signUpEmail({ name, email, password, timeZone: browserTimeZone() });
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
      {form.serverError && (
        <FormAlert>
          {form.serverError}
          {form.serverError === EMAIL_TAKEN && (
            <>
              {". "}
              <Link href={loginHref} className="font-medium underline underline-offset-2">
                Log in instead
              </Link>
            </>
          )}
        </FormAlert>
      )}
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        placeholder="Ada Lovelace"
        value={form.values.name}
        onValueChange={(v) => form.setField("name", v)}
        error={form.errors.name}
      />
      <EmailField
        autoComplete="email"
        value={form.values.email}
        onValueChange={(v) => form.setField("email", v)}
        error={form.errors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        value={form.values.password}
        onValueChange={(v) => form.setField("password", v)}
        error={form.errors.password}
        hint={`At least ${PASSWORD_MIN} characters.`}
      />
      <SubmitButton busy={form.busy}>Create account</SubmitButton>
    </form>
  );
}
