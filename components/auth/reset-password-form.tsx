"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { authErrorMessage, INVALID_RESET_LINK } from "@/lib/auth/messages";
import { authClient } from "@/lib/auth-client";
import { PASSWORD_MIN, resetPasswordSchema } from "@/lib/validation/auth";
import { FormAlert } from "./form-alert";
import { SubmitButton } from "./submit-button";
import { TextField } from "./text-field";
import { useAuthForm } from "./use-auth-form";

/**
 * Sets a new password with the token from the mailed link. Better Auth then ends every session
 * of the account, so the user logs in again with the new password.
 */
export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const form = useAuthForm(resetPasswordSchema, { password: "", confirm: "" });
  const submit = form.onSubmit(async ({ password }) => {
    const { error } = await authClient.resetPassword({ newPassword: password, token });
    if (error) {
      form.setServerError(authErrorMessage(error));
      return false;
    }
    router.replace("/login?reset=1");
    return true;
  });

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="space-y-5">
      {form.serverError && (
        <FormAlert>
          {form.serverError}
          {form.serverError === INVALID_RESET_LINK && (
            <>
              {" "}
              <Link href="/forgot-password" className="font-medium underline underline-offset-2">
                Send a new link
              </Link>
            </>
          )}
        </FormAlert>
      )}
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
      <TextField
        label="Confirm password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        value={form.values.confirm}
        onValueChange={(v) => form.setField("confirm", v)}
        error={form.errors.confirm}
      />
      <SubmitButton busy={form.busy}>Set new password</SubmitButton>
    </form>
  );
}
