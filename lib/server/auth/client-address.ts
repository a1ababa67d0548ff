import "server-only";

/**
 * The client's address, from a place the client cannot forge, or null when there is none.
 *
 * - On Vercel the platform overwrites X-Real-IP (and X-Forwarded-For) with the address it saw.
 * - Behind your own reverse proxies, TRUSTED_PROXY_HOPS says how many of them append to
 *   X-Forwarded-For: the address the outermost one saw is that many entries from the end.
 *   Entries before it are whatever the client sent, and are never read.
 * - Otherwise (`npm start` facing the internet, or a proxy nobody declared) the header is the
 *   client's own word, so the address is unknown: per-address limits do not apply, the
 *   per-account and global ones still do.
 */
export function clientAddress(
  headers: Headers,
  settings: { onVercel: boolean; trustedProxyHops: number | undefined },
): string | null {
  if (settings.onVercel) return valid(headers.get("x-real-ip"));
  const hops = settings.trustedProxyHops;
  if (!hops) return null;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return valid(chain[chain.length - hops]);
}

/** An IPv4 or IPv6 address as a proxy writes it; anything else counts as no address. */
function valid(value: string | null | undefined): string | null {
  const address = value?.trim().toLowerCase();
  if (!address || address.length > 45) return null;
  return /^[0-9a-f.:]+$/.test(address) && /[.:]/.test(address) ? address : null;
}
