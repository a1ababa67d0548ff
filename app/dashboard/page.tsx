import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { Dashboard } from "@/components/dashboard/dashboard";
import { DashboardSkeleton } from "@/components/dashboard/dashboard-skeleton";
import { LIST_COOKIE, LISTS, type ListView } from "@/components/dashboard/view";
import { getSession } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Tasks" };

function isList(value: unknown): value is ListView {
  return typeof value === "string" && (LISTS as readonly string[]).includes(value);
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await getSession();
  if (!session) redirect("/login?next=/dashboard");
  const { id, email, name, timeZone, emailReminders } = session.user;
  // The view used last (a cookie the dashboard sets), unless the address names one.
  const remembered = (await cookies()).get(LIST_COOKIE)?.value;
  const defaultList: ListView = isList(remembered) ? remembered : "all";
  const asked = (await searchParams).view;
  return (
    // The view is read from the URL on the client; the skeleton holds its place meanwhile.
    <Suspense fallback={<DashboardSkeleton list={isList(asked) ? asked : defaultList} />}>
      <Dashboard
        user={{ id, email, name }}
        initialSettings={{
          timeZone: typeof timeZone === "string" && timeZone ? timeZone : "UTC",
          emailReminders: emailReminders === true,
        }}
        defaultList={defaultList}
      />
    </Suspense>
  );
}
