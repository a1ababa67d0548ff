/**
 * Security headers. Pages get a per-request nonce CSP from proxy.ts; every answer, pages and
 * API alike, gets the static headers below from next.config.ts.
 */

export function pageCsp(nonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    // Scripts only with this request's nonce; 'strict-dynamic' lets Next's nonce'd loader
    // pull its chunks. React's dev refresh needs eval, so development alone allows it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // Style attributes and the <style> tags that sonner and Radix inject carry no nonce;
    // inline styles cannot run code, so this is the narrowest policy that renders the UI.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker (public/sw.js, Web Push reminders): 'strict-dynamic' above ignores
    // 'self', so without this directive registration would be refused.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isDev ? [] : ["upgrade-insecure-requests"]),
  ].join("; ");
}

/** API answers are JSON and never framed or scripted. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export function staticSecurityHeaders(isProduction: boolean): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    {
      key: "Permissions-Policy",
      value:
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
    },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ...(isProduction
      ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
      : []),
  ];
}
