import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "test/**/*.test.ts", "mcp/**/*.test.ts", "cli/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: "forks",
    globalSetup: ["test/global-setup.ts"],
    // Every answer of a test server is checked against the OpenAPI document (test/helpers/conformance.ts).
    setupFiles: ["test/setup-backend.ts", "test/helpers/conformance-setup.ts"],
  },
});
