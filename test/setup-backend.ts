// Runs before every test file: under BACKEND=postgres, DATABASE_URL must name PostgreSQL before
// lib/db is first imported, since a process keeps the dialect it loaded.
import { BACKEND, freshPostgresUrl } from "./helpers/database";

if (BACKEND === "postgres" && !/^postgres/.test(process.env.DATABASE_URL ?? "")) {
  process.env.DATABASE_URL = freshPostgresUrl();
}
