#!/usr/bin/env node
// `npm test`: every check, in order — lint, types, production build, unit + integration tests
// (real server, fake upstreams, real SMTP) once on SQLite and once on PostgreSQL, a short chaos
// run of the scale-out deployment (test/chaos), then Playwright in Debian's Chromium. The
// PostgreSQL runs use TEST_DATABASE_URL, else the server on
// 127.0.0.1:5432, else a throwaway cluster (scripts/test-postgres.mjs); each run creates its own
// databases and drops them afterwards.
// Installs what the tests need from Debian when run as root; never skips the browser suite.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function step(title, cmd, args, opts = {}) {
  console.log(`\n━━ ${title} ━━`);
  const started = Date.now();
  const res = spawnSync(cmd, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...opts.env },
  });
  if (res.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${res.status ?? res.signal})`);
    process.exit(res.status || 1);
  }
  console.log(`✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function have(cmd, args) {
  return spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
}

/**
 * Debian packages the suites need: Chromium (e2e), python3-requests (the QT Pixel API's example)
 * and a CJK font, without which the Chinese screenshots show empty boxes.
 */
function ensureSystemPackages() {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push("chromium");
  if (!have("python3", ["-c", "import requests"])) missing.push("python3-requests");
  if (!fs.existsSync("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")) {
    missing.push("fonts-wqy-microhei");
  }
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !have("apt-get", ["--version"])) {
    console.error(
      `Missing system packages: ${missing.join(", ")}. Install them (Debian: sudo apt-get install -y ${missing.join(" ")}) or set CHROMIUM_PATH; the browser suite is never skipped.`,
    );
    process.exit(1);
  }
  console.log(`Installing ${missing.join(", ")} from Debian…`);
  step("apt-get update", "apt-get", ["update", "-qq"]);
  step(`apt-get install ${missing.join(" ")}`, "apt-get", ["install", "-y", "-qq", ...missing], {
    env: { DEBIAN_FRONTEND: "noninteractive" },
  });
}

ensureSystemPackages();
step("lint (biome)", bin("biome"), ["check", "."]);
step("types (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "."]);
step("production build", bin("next"), ["build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
step("unit + integration tests on SQLite (vitest)", bin("vitest"), ["run"], {
  env: { BACKEND: "sqlite" },
});
step("unit + integration tests on PostgreSQL (vitest)", bin("vitest"), ["run"], {
  env: { BACKEND: "postgres" },
});
// A short chaos run of the scale-out deployment (test/chaos; `npm run test:chaos` runs longer).
step(
  "chaos run, short (2 web + 2 workers on PostgreSQL, S3, fake upstreams)",
  bin("vitest"),
  ["run", "--config", "vitest.chaos.config.mts"],
  {
    env: {
      BACKEND: "postgres",
      CHAOS_SECONDS: process.env.CHAOS_SECONDS ?? "40",
      CHAOS_QUIET_SECONDS: process.env.CHAOS_QUIET_SECONDS ?? "16",
    },
  },
);
step("end-to-end tests (playwright, Chromium)", bin("playwright"), ["test"], {
  env: { CI: process.env.CI ?? "1" },
});
console.log("\nAll tests passed.");
