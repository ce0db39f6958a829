import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:chaos` (test/chaos): the scale-out deployment under chaos, on PostgreSQL. Kept out
// of vitest.config.mts's file list: it runs on its own, with its own duration (CHAOS_SECONDS).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["test/chaos/**/*.chaos.ts"],
    environment: "node",
    hookTimeout: 300_000,
    pool: "forks",
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup-backend.ts"],
  },
});
