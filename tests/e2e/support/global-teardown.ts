import { rm } from "node:fs/promises";
import { dropDatabase } from "./database";

/** Leaves nothing behind: the suite's PostgreSQL database or its PGlite folder. */
export default async function globalTeardown(): Promise<void> {
  await dropDatabase();
  const dataDir = process.env.E2E_DATA_DIR;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
