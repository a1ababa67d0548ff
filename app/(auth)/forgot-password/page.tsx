import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, authLinkClass } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { FormAlert } from "@/components/auth/form-alert";
import { getEnv } from "@/lib/server/env";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  const mailEnabled = getEnv().mail !== "disabled";
  return (
    <AuthCard
      title="Reset your password"
      description={
        mailEnabled
          ? "Enter the email you signed up with and we'll send you a link to choose a new password."
          : "Reset links are sent by e-mail, and this server has no e-mail set up."
      }
      footer={
        <>
          Remembered it?{" "}
          <Link href="/login" className={authLinkClass}>
            Back to log in
          </Link>
        </>
      }
    >
      {getEnv().mail === "disabled" ? (
        // Says nothing about accounts: the same for every address.
        <FormAlert>
          Password reset by e-mail is not set up on this server. Ask the person who runs this Doable
          to set it up (SMTP_URL), or to reset your password for you.
        </FormAlert>
      ) : (
        <ForgotPasswordForm />
      )}
    </AuthCard>
  );
}
