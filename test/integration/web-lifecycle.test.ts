// A web-only process (RUN_WORKER=false, the scale-out role) across its life: on a fresh database
// it is healthy without any worker having run (migrations create the queue's schema too), it
// reports "starting" rather than broken until it has warmed up, and on SIGTERM it stops accepting
// connections but finishes the requests in flight (bounded by SHUTDOWN_GRACE_MS) before exiting.
// Both backends (BACKEND=sqlite / postgres).
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUserWithKey } from "../helpers/accounts";
import { BACKEND } from "../helpers/database";
import { startServer, type TestServer, useFreshDataDir } from "../helpers/server";

let server: TestServer;
let auth: Record<string, string>;

beforeAll(async () => {
  useFreshDataDir("pixel-lifecycle-");
  // Nothing has touched this database: the web process is the first and only process on it.
  server = await startServer({
    RUN_WORKER: "false",
    NEXT_MANUAL_SIG_HANDLE: "true",
    SHUTDOWN_GRACE_MS: "10000",
  });
  auth = (await seedUserWithKey("lifecycle@example.com")).auth;
});
afterAll(async () => {
  await server?.stop();
});

describe("a web-only process", () => {
  it("is healthy on a fresh database with no worker, its queue schema made by the migrations", async () => {
    const res = await fetch(`${server.baseUrl}/api/health`);
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.checks.queue.status).toBe("ok");
    expect(server.logs()).toMatch(/warmed up \d+ routes/);
    if (BACKEND === "postgres") {
      // this test process migrated the same database through lib/: the queue's tables are there
      const { getPool } = await import("@/lib/db/client");
      const { rows } = await (await getPool()).query("SELECT to_regclass('pgboss.version') AS t");
      expect(rows[0].t).toBe("pgboss.version");
    }
  });

  it("on SIGTERM refuses new connections but finishes a request in flight, then exits", async () => {
    const body = JSON.stringify({ prompt: "a knight finished during the drain", force: true });
    const half = Math.floor(body.length / 2);
    // A request whose body is still arriving when SIGTERM lands (longer than the old 1 s drain).
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        `${server.baseUrl}/api/v1/generate`,
        {
          method: "POST",
          headers: {
            ...auth,
            "Content-Type": "application/json",
            "Content-Length": Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = "";
          res.on("data", (d) => {
            text += d;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      req.write(body.slice(0, half));
      setTimeout(() => req.end(body.slice(half)), 2_000);
    });
    await new Promise((r) => setTimeout(r, 300));
    const stopped = server.stop();
    await new Promise((r) => setTimeout(r, 500));
    // no longer accepting: a new connection is refused (a balancer retries another process)
    await expect(fetch(`${server.baseUrl}/api/health/live`)).rejects.toThrow();
    const res = await answer;
    expect(res.status, res.text).toBe(200);
    expect(JSON.parse(res.text).task_id).toEqual(expect.any(Number));
    await stopped;
    expect(server.logs()).toMatch(/\[web\] SIGTERM: draining, 1 request\(s\) in flight/);
    expect(server.logs()).toMatch(/\[web\] stopped after \d+ ms/);
    expect(server.logs()).not.toMatch(/cut off/);
  });
});
