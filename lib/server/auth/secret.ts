import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/server/env";

/**
 * BETTER_AUTH_SECRET, or outside production a secret generated once into the data folder so
 * `npm run dev` needs no setup. It must stay stable: it encrypts the stored JWT signing keys.
 */
export function getAuthSecret(): string {
  const env = getEnv();
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  // lib/server/env.ts already refuses production without a secret; this is the development path.
  const file = path.resolve(env.DATA_DIR, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      // "wx": if another process created it first, fall through and read theirs.
      fs.writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    return fs.readFileSync(file, "utf8").trim();
  }
}
