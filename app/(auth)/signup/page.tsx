import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard, authLinkClass } from "@/components/auth/auth-card";
import { firstParam, type SearchParams } from "@/components/auth/search-params";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { afterLoginPath, safeNextPath } from "@/lib/auth/safe-redirect";
import { getSession } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const params = await searchParams;
  const next = afterLoginPath(firstParam(params, "next"));
  // Already signed in: nothing to do here.
  if (await getSession()) redirect(next);

  const explicitNext = safeNextPath(firstParam(params, "next"));
  const loginHref = explicitNext ? `/login?next=${encodeURIComponent(explicitNext)}` : "/login";

  return (
    <AuthCard
      title="Create your account"
      description="Start organising your tasks in under a minute."
      footer={
        <>
          Already have an account?{" "}
          <Link href={loginHref} className={authLinkClass}>
            Log in
          </Link>
        </>
      }
    >
      <SignUpForm next={next} loginHref={loginHref} />
    </AuthCard>
  );
}
