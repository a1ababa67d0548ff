import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard, authLinkClass } from "@/components/auth/auth-card";
import type { AlertTone } from "@/components/auth/form-alert";
import { LoginForm } from "@/components/auth/login-form";
import { firstParam, type SearchParams } from "@/components/auth/search-params";
import { afterLoginPath, safeNextPath } from "@/lib/auth/safe-redirect";
import { getSession } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Log in" };

/** Why the app sent someone here (lib/api-client.ts, sendToLogin). */
const REASONS: Record<string, { text: string; tone: AlertTone }> = {
  "session-ended": { text: "Your session has ended. Please log in again.", tone: "info" },
  "signed-out": { text: "You signed out in another tab. Log in again to continue.", tone: "info" },
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const next = afterLoginPath(firstParam(params, "next"));
  // Already signed in: nothing to do here.
  if (await getSession()) redirect(next);

  const explicitNext = safeNextPath(firstParam(params, "next"));
  const signupHref = explicitNext ? `/signup?next=${encodeURIComponent(explicitNext)}` : "/signup";
  const notice =
    firstParam(params, "reset") === "1"
      ? {
          text: "Your password has been changed. Log in with your new password.",
          tone: "success" as const,
        }
      : REASONS[firstParam(params, "reason") ?? ""];

  return (
    <AuthCard
      title="Log in to Doable"
      description="Welcome back. Your tasks are waiting."
      footer={
        <>
          New to Doable?{" "}
          <Link href={signupHref} className={authLinkClass}>
            Create an account
          </Link>
        </>
      }
    >
      <LoginForm next={next} notice={notice} />
    </AuthCard>
  );
}
