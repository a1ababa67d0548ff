"use client";

import { useEffect, useRef, useState } from "react";
import "swagger-ui-dist/swagger-ui.css";

/**
 * Swagger UI from the swagger-ui-dist package: served from our own origin (no CDN), loaded
 * only on /docs, and free of eval, so it runs under the pages' strict CSP.
 */
export function ApiReference({ specUrl }: { specUrl: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    import("swagger-ui-dist/swagger-ui-es-bundle.js")
      .then(({ default: SwaggerUI }) => {
        if (cancelled || !container.current) return;
        SwaggerUI({
          domNode: container.current,
          url: specUrl,
          // The default validator badge calls an outside service.
          validatorUrl: null,
          deepLinking: true,
          docExpansion: "list",
          defaultModelsExpandDepth: 1,
          displayRequestDuration: true,
          // "Try it out" as the signed-in user: their API token is added to task requests.
          requestInterceptor: async (request) => {
            const path = new URL(request.url, window.location.origin).pathname;
            if (request.headers.Authorization || !/^\/api\/(?!auth\/)[^/]+\/tasks/.test(path)) {
              return request;
            }
            const token = await signedInToken();
            if (token) request.headers.Authorization = `Bearer ${token}`;
            return request;
          },
        });
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [specUrl]);

  if (failed) {
    return (
      <p role="alert" className="p-6 text-red-700">
        The API reference could not be loaded. The raw document is at{" "}
        <a className="underline" href={specUrl}>
          {specUrl}
        </a>
        .
      </p>
    );
  }
  return (
    <div ref={container} aria-busy="true" className="min-h-96">
      <p className="p-6 text-zinc-600">Loading the API reference…</p>
    </div>
  );
}

/** The signed-in user's API token, or null for a visitor. */
async function signedInToken(): Promise<string | null> {
  try {
    const { authClient } = await import("@/lib/auth-client");
    const result = await authClient.token();
    return result.data?.token ?? null;
  } catch {
    return null;
  }
}
