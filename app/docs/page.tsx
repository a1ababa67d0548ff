import type { Metadata } from "next";
import Link from "next/link";
import { ApiReference } from "./api-reference";

export const metadata: Metadata = {
  title: "API reference",
  description: "The Doable API: tasks, authentication and errors, from its OpenAPI document.",
};

/** The interactive API reference, rendered from GET /api/openapi.json. */
export default function DocsPage() {
  return (
    // Swagger UI is styled for a light background whatever the app's theme.
    <div className="min-h-dvh bg-white text-zinc-900">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 px-6 py-4">
        <div>
          <h1 className="text-xl font-semibold">Doable API reference</h1>
          <p className="text-sm text-zinc-600">
            Task routes take <code>Authorization: Bearer &lt;token&gt;</code>; signed in, “Try it
            out” sends yours.
          </p>
        </div>
        <nav className="flex gap-4 text-sm">
          <a className="underline" href="/api/openapi.json">
            openapi.json
          </a>
          <Link className="underline" href="/">
            Home
          </Link>
        </nav>
      </header>
      <main>
        <ApiReference specUrl="/api/openapi.json" />
      </main>
    </div>
  );
}
