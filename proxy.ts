import { type NextRequest, NextResponse } from "next/server";
import { pageCsp } from "@/lib/security/headers";

/**
 * Gives every page request a fresh CSP nonce. Next reads the nonce from the request's CSP
 * header and puts it on its own scripts; server components read it from `x-nonce`.
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = pageCsp(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: API answers get their static policy from next.config.ts, without proxy cost.
  matcher: [
    {
      source: "/((?!api(?:/|$)|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
