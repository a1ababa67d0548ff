import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, authLinkClass } from "@/components/auth/auth-card";
import { FormAlert } from "@/components/auth/form-alert";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { firstParam, type SearchParams } from "@/components/auth/search-params";
import { buttonClass } from "@/components/ui/button";
import { INVALID_RESET_LINK } from "@/lib/auth/messages";

export const metadata: Metadata = {
  title: "Choose a new password",
  // The URL carries the reset token: never send it on in a Referer header.
  referrer: "no-referrer",
};

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const params = await searchParams;
  const token = firstParam(params, "token");
  // Better Auth sends an expired or unknown link here with ?error=INVALID_TOKEN.
  const usable = token && !firstParam(params, "error");

  return (
    <AuthCard
      title={usable ? "Choose a new password" : "This link can't be used"}
      description={
        usable
          ? "Pick a password you don't use anywhere else. You'll log in with it next."
          : undefined
      }
      footer={
        <Link href="/login" className={authLinkClass}>
          Back to log in
        </Link>
      }
    >
      {usable ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="space-y-5">
          <FormAlert>{INVALID_RESET_LINK} Reset links work once, for one hour.</FormAlert>
          <Link
            href="/forgot-password"
            className={buttonClass("primary", "md", "h-11 w-full sm:h-10")}
          >
            Send a new link
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
