/* `npm run db:migrate`: applies drizzle/ migrations to DATABASE_URL (or the embedded database). */
import { configFromEnv, openDatabase } from "./index";

const config = configFromEnv();
const where = config.url ? new URL(config.url).host : config.dataDir;
const handle = await openDatabase({ ...config, migrate: true });
await handle.close();
console.info(`Migrations applied (${handle.driver}, ${where}).`);
