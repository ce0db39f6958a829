// The PostgreSQL server the tests run against: TEST_DATABASE_URL when set, else the local server
// on 127.0.0.1:5432; on a machine with neither, Debian's `postgresql` is installed (as root) and
// a throwaway cluster is started in a temp dir, stopped afterwards by its pid. Otherwise the run
// stops with a message saying what to set: the PostgreSQL suites are never skipped silently.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { canConnect } from "../test/helpers/pg-admin.mjs";

export const LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: "pipe", encoding: "utf8", ...opts });
  if (res.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${res.stderr || res.stdout || res.error}`);
  }
  return res.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Debian installs the server binaries under /usr/lib/postgresql/<major>/bin. */
function findPgBin() {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return undefined;
  const majors = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return majors.length ? path.join(root, majors[0], "bin") : undefined;
}

async function startThrowawayCluster(log) {
  const isRoot = process.getuid?.() === 0;
  let bin = findPgBin();
  if (!bin) {
    if (!isRoot || spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status !== 0) {
      throw new Error(
        "No PostgreSQL for the tests: set TEST_DATABASE_URL=postgres://user@host:port/postgres, run one on 127.0.0.1:5432 (trust auth), or run the tests as root on Debian so Debian's postgresql can be installed",
      );
    }
    log("Installing Debian's postgresql for the PostgreSQL test suite…");
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "postgresql"], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    bin = findPgBin();
    if (!bin) throw new Error("postgresql installed but initdb was not found");
  }
  // initdb refuses to run as root: the cluster belongs to the `postgres` user Debian created.
  const asUser = isRoot ? ["runuser", "-u", "postgres", "--"] : [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pixel-pg-"));
  if (isRoot) run("chown", ["postgres:postgres", dir]);
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  const exec = (cmd, args) =>
    asUser.length ? run(asUser[0], [...asUser.slice(1), cmd, ...args]) : run(cmd, args);
  exec(path.join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
  exec(path.join(bin, "pg_ctl"), [
    "-D",
    dataDir,
    "-l",
    path.join(dir, "server.log"),
    "-w",
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    "start",
  ]);
  const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  log(`Started a throwaway PostgreSQL cluster (pid ${pid}) at ${url}`);
  return {
    url,
    pid,
    dataDir,
    stop() {
      // SIGINT = fast shutdown of exactly the postmaster we started.
      try {
        process.kill(pid, "SIGINT");
      } catch {
        // already gone
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves the server (see the header) and returns its admin URL and how to stop it. */
export async function ensureTestPostgres(log = console.log) {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    if (!(await canConnect(given))) {
      throw new Error(`TEST_DATABASE_URL=${given} does not accept connections`);
    }
    return { url: given, stop() {} };
  }
  if (await canConnect(LOCAL_POSTGRES)) return { url: LOCAL_POSTGRES, stop() {} };
  return startThrowawayCluster(log);
}
