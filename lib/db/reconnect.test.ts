// A process that starts while PostgreSQL is unreachable (a worker restarted during an outage)
// must recover once the server is back, not keep the failed first connection for its lifetime.
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { BACKEND } from "@/test/helpers/database";
import { freePort, useFreshDataDir } from "@/test/helpers/server";

describe.runIf(BACKEND === "postgres")("PostgreSQL down at start", () => {
  let proxy: net.Server | undefined;
  afterAll(async () => {
    const { closeDatabase } = await import("./client");
    await closeDatabase();
    proxy?.close();
  });

  it("fails the first queries, then connects and migrates once the server answers", async () => {
    useFreshDataDir("pixel-reconnect-");
    const real = new URL(process.env.DATABASE_URL!);
    const port = await freePort();
    const viaProxy = new URL(real);
    viaProxy.port = String(port);
    process.env.DATABASE_URL = viaProxy.toString();
    resetEnvCache();
    const { closeDatabase, getDb } = await import("./client");
    await closeDatabase();
    const { createUser, getUserByEmail } = await import("./users");

    // nothing listens on the port yet: the query fails, twice (each call tries again)
    await expect(getDb()).rejects.toThrow();
    await expect(createUser({ email: "a@example.com", passwordHash: "x" })).rejects.toThrow();

    // the "server comes back": a TCP relay to the real PostgreSQL on that port
    proxy = net.createServer((client) => {
      const upstream = net.connect(Number(real.port || 5432), real.hostname);
      client.pipe(upstream).pipe(client);
      client.on("error", () => upstream.destroy());
      upstream.on("error", () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy!.listen(port, "127.0.0.1", resolve));

    const user = await createUser({ email: "b@example.com", passwordHash: "x" });
    expect((await getUserByEmail("b@example.com"))?.id).toBe(user.id);
  });
});
