// Boots the real production server (`next start`, built by `npm test` beforehand) against a fresh
// database: a SQLite file in a temp directory, or (BACKEND=postgres) a fresh PostgreSQL database. Tests talk to it over HTTP and seed users/keys through the
// same lib/ code, on the same database file.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { resetEnvCache } from "@/lib/config/env";
import { closeDatabase } from "@/lib/db/client";
import { watchServer } from "./conformance";
import { BACKEND, freshDatabaseUrl } from "./database";

const ROOT = path.resolve(__dirname, "..", "..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export interface TestServer {
  baseUrl: string;
  port: number;
  dataDir: string;
  env: Record<string, string>;
  logs: () => string;
  stop(): Promise<void>;
  /** SIGKILL: no graceful shutdown, leases stay as they were. */
  kill9(): Promise<void>;
  start(): Promise<void>;
}

/** Points this test process's lib/db at a fresh data dir; call before importing lib code paths. */
export function useFreshDataDir(prefix = "pixel-it-"): string {
  // A process that already opened another data dir's database must not keep writing there.
  void closeDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.env.DATA_DIR = dataDir;
  process.env.DATABASE_URL = freshDatabaseUrl(dataDir);
  process.env.AUTH_SECRET = "integration-test-secret-0123456789abcdef";
  process.env.PASSWORD_HASH_COST = "10";
  resetEnvCache();
  return dataDir;
}

export async function startServer(extraEnv: Record<string, string> = {}): Promise<TestServer> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error(
      "No production build: run `npm run build` (npm test does) before integration tests",
    );
  }
  const dataDir = process.env.DATA_DIR ?? useFreshDataDir();
  const port = await freePort();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: "production",
    PORT: String(port),
    DATA_DIR: dataDir,
    // The same database this test process seeds through lib/ (SQLite: the file in dataDir).
    DATABASE_URL:
      BACKEND === "postgres"
        ? process.env.DATABASE_URL!
        : `file:${path.join(dataDir, "studio.db")}`,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "integration-test-secret-0123456789abcdef",
    PASSWORD_HASH_COST: "10",
    NEXT_TELEMETRY_DISABLED: "1",
    ...extraEnv,
  };
  let child: ChildProcess | undefined;
  let output = "";
  const baseUrl = `http://127.0.0.1:${port}`;
  watchServer(baseUrl);

  const server: TestServer = {
    baseUrl,
    port,
    dataDir,
    env,
    logs: () => output,
    async start() {
      const proc = spawn(
        process.execPath,
        [
          path.join(ROOT, "node_modules/next/dist/bin/next"),
          "start",
          "-p",
          String(port),
          "-H",
          "127.0.0.1",
        ],
        {
          cwd: ROOT,
          env: env as NodeJS.ProcessEnv,
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      child = proc;
      proc.stdout?.on("data", (d) => {
        output += d;
      });
      proc.stderr?.on("data", (d) => {
        output += d;
      });
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        if (proc.exitCode !== null) throw new Error(`server exited early:\n${output}`);
        try {
          // up, and past start-up (queue, warm-up): /api/health no longer says "starting"
          const res = await fetch(`${baseUrl}/api/v1/models`);
          if (res.ok && !(await isStarting(baseUrl))) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`server did not start in 60 s:\n${output}`);
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((r) => child!.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
    async kill9() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((r) => child!.once("exit", r));
      child.kill("SIGKILL");
      await exited;
    },
  };
  await server.start();
  return server;
}

/** True while the server's /api/health answers 503 "this process is starting". */
export async function isStarting(baseUrl: string): Promise<boolean> {
  const res = await fetch(`${baseUrl}/api/health`);
  if (res.status !== 503) return false;
  const body = (await res.json().catch(() => ({}))) as { message?: string };
  return /starting/.test(body.message ?? "");
}

export async function waitFor<T>(
  fn: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  stepMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("waitFor: timed out");
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
