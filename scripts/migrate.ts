// `npm run db:migrate`: applies drizzle/ migrations to DATABASE_URL (the server does this on start too).
import { databasePath } from "@/lib/config/paths";
import { openDatabase } from "@/lib/db/client";

const started = Date.now();
const file = databasePath();
try {
  openDatabase(file).sqlite.close();
  console.log(`Migrations applied to ${file} in ${Date.now() - started} ms`);
} catch (error) {
  console.error("Migration failed:", error instanceof Error ? error.message : error);
  process.exit(1);
}
