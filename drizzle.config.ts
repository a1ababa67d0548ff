import { defineConfig } from "drizzle-kit";

// `npm run db:generate` reads only the schema; `db:migrate` uses db/migrate-cli.ts, which honours DATABASE_URL.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./drizzle",
  strict: true,
  verbose: true,
});
