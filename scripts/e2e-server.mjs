#!/usr/bin/env node
// Playwright's webServer: a production server on a fixed port with a fresh, throw-away data dir.
// Builds only when .next/BUILD_ID is missing (`npm test` builds first).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.E2E_PORT ?? "3210";
const dataDir = path.join(root, "data-e2e");
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

const env = {
  ...process.env,
  NODE_ENV: "production",
  DATA_DIR: "data-e2e",
  DATABASE_URL: "file:data-e2e/studio.db",
  PASSWORD_HASH_COST: "10",
  PORT: port,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
};

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("[e2e-server] no production build, running next build…");
  const res = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

const server = spawn(process.execPath, [nextBin, "start", "-p", port, "-H", "127.0.0.1"], {
  cwd: root,
  stdio: "inherit",
  env,
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
