// A throwaway PostgreSQL cluster of our own in a temp directory, for tests that stop and start
// the server (the shared one on 5432 is never touched). initdb refuses to run as root, so as
// root the cluster runs as the `postgres` system user. The postmaster is our direct child: it
// is stopped by its pid, nothing else.
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const BIN = process.env.PG_BIN_DIR ?? "/usr/lib/postgresql/15/bin";

export interface PgCluster {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/<db> */
  url(db?: string): string;
  start(): Promise<void>;
  /** fast shutdown (SIGINT to the postmaster): clients are disconnected at once */
  stop(): Promise<void>;
  destroy(): Promise<void>;
  logs(): string;
}

function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  return { uid, gid };
}

export async function createPgCluster(port: number): Promise<PgCluster> {
  if (!fs.existsSync(path.join(BIN, "initdb"))) {
    throw new Error(
      `No PostgreSQL binaries in ${BIN} (Debian: apt-get install postgresql; or set PG_BIN_DIR)`,
    );
  }
  const user = runAs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pixel-pg-"));
  if (user.uid !== undefined) fs.chownSync(dir, user.uid, user.gid!);
  const data = path.join(dir, "data");
  const init = spawnSync(
    path.join(BIN, "initdb"),
    ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"],
    { ...user, encoding: "utf8" },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);

  let child: ChildProcess | undefined;
  let out = "";
  const cluster: PgCluster = {
    port,
    url: (db = "postgres") => `postgres://postgres@127.0.0.1:${port}/${db}`,
    logs: () => out,
    async start() {
      child = spawn(
        path.join(BIN, "postgres"),
        [
          "-D",
          data,
          "-p",
          String(port),
          "-k",
          dir,
          "-c",
          "listen_addresses=127.0.0.1",
          // a test cluster: durability off, small footprint
          "-c",
          "fsync=off",
          "-c",
          "synchronous_commit=off",
          "-c",
          "full_page_writes=off",
          "-c",
          "shared_buffers=32MB",
          "-c",
          "max_connections=100",
        ],
        { ...user, stdio: ["ignore", "pipe", "pipe"] },
      );
      child.stdout?.on("data", (d) => {
        out += d;
      });
      child.stderr?.on("data", (d) => {
        out += d;
      });
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`postgres exited:\n${out}`);
        const ready = spawnSync(path.join(BIN, "pg_isready"), [
          "-h",
          "127.0.0.1",
          "-p",
          String(port),
        ]);
        if (ready.status === 0) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`postgres did not start in 30 s:\n${out}`);
    },
    async stop() {
      const c = child;
      if (!c || c.exitCode !== null) return;
      const exited = new Promise((r) => c.once("exit", r));
      c.kill("SIGINT");
      await exited;
    },
    async destroy() {
      await cluster.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
