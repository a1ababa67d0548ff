/**
 * Every table: Better Auth's (auth-schema.ts) and Doable's own (task-schema.ts,
 * calendar-schema.ts, trash-schema.ts). drizzle-kit reads this file (drizzle.config.ts); the app imports tables
 * from here.
 */
export * from "./auth-schema";
export * from "./calendar-schema";
export * from "./task-schema";
export * from "./trash-schema";
