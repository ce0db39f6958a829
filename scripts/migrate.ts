// `npm run db:migrate`: applies drizzle/sqlite or drizzle/postgres migrations to DATABASE_URL
// (the server and the worker do this on start too).
import { databaseTarget } from "@/lib/config/paths";
import { closeDatabase, getDb } from "@/lib/db/client";

async function main() {
  const started = Date.now();
  const target = databaseTarget();
  await getDb();
  await closeDatabase();
  const where =
    target.dialect === "sqlite" ? target.file : target.url.replace(/\/\/[^@/]*@/, "//…@");
  console.log(`Migrations applied to ${where} (${target.dialect}) in ${Date.now() - started} ms`);
}

main().catch((error) => {
  console.error("Migration failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
