import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
  dbCredentials: { url: (process.env.DATABASE_URL ?? "file:data/studio.db").replace(/^file:/, "") },
});
