#!/usr/bin/env node
// `npm start`: build when the production build is missing or older than the sources, apply
// migrations, then serve the studio (PORT, default 3000). No configuration needed.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const SOURCE_DIRS = ["app", "components", "lib", "drizzle", "public", "hooks"];
const SOURCE_FILES = [
  "next.config.ts",
  "package-lock.json",
  "proxy.ts",
  "instrumentation.ts",
  "postcss.config.mjs",
  "tsconfig.json",
];

function newestMtime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry))
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

function buildIsStale() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = [...SOURCE_DIRS, ...SOURCE_FILES].map((p) => newestMtime(path.join(root, p)));
  return Math.max(...sources) > built;
}

function run(cmd, args) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
if (buildIsStale() || process.argv.includes("--rebuild")) {
  console.log("Building the studio (first start or sources changed)…");
  run(process.execPath, [nextBin, "build"]);
}
run(process.execPath, [
  path.join(root, "node_modules", "tsx", "dist", "cli.mjs"),
  "scripts/migrate.ts",
]);

const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "0.0.0.0";
const server = spawn(process.execPath, [nextBin, "start", "-p", port, "-H", host], {
  cwd: root,
  stdio: "inherit",
  // The studio owns SIGTERM (lib/ops/lifecycle.ts): requests in flight and running tasks are
  // finished (or tasks released) before exit, which Next.js's own handler would not wait for.
  // PORT/HOST: the server warms its routes up over its own address (lib/ops/warm-up.ts).
  env: { ...process.env, PORT: port, HOST: host, NEXT_MANUAL_SIG_HANDLE: "true" },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
