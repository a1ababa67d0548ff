import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { Dashboard } from "@/components/dashboard/dashboard";
import { DashboardSkeleton } from "@/components/dashboard/dashboard-skeleton";
import { getSession } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Tasks" };

export default async function DashboardPage() {
  const session = await getSession();
  if (!session) redirect("/login?next=/dashboard");
  const { id, email, name } = session.user;
  return (
    // The view is read from the URL on the client; the skeleton holds its place meanwhile.
    <Suspense fallback={<DashboardSkeleton />}>
      <Dashboard user={{ id, email, name }} />
    </Suspense>
  );
}
