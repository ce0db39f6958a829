// SQLite migrations (drizzle/sqlite). PostgreSQL has its own config: drizzle.postgres.config.ts;
// `npm run db:generate` runs both, so the two dialects' migrations stay in step.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./lib/db/sqlite/schema.ts",
  out: "./drizzle/sqlite",
  dbCredentials: { url: (process.env.DATABASE_URL ?? "file:data/studio.db").replace(/^file:/, "") },
});
