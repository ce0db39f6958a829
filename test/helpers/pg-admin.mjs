#!/usr/bin/env node
// Creates and drops the throwaway databases of a test run on the test PostgreSQL server.
// A CLI (not only a module) so synchronous test helpers can call it with spawnSync.
//   node test/helpers/pg-admin.mjs create <server-url> <database>
//   node test/helpers/pg-admin.mjs drop-prefix <server-url> <prefix>
import pg from "pg";

/** The server URL with another database name (the admin connection uses `postgres`). */
export function withDatabase(serverUrl, database) {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(serverUrl, fn) {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(serverUrl, name) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return withDatabase(serverUrl, name);
}

export async function dropDatabasesWithPrefix(serverUrl, prefix) {
  if (!/^[a-z0-9_]+$/.test(prefix) || prefix.length < 8) throw new Error(`unsafe prefix ${prefix}`);
  return admin(serverUrl, async (c) => {
    const { rows } = await c.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${prefix}%`,
    ]);
    for (const { datname } of rows) {
      await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    return rows.length;
  });
}

export async function canConnect(serverUrl) {
  try {
    await admin(serverUrl, (c) => c.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  const [cmd, url, arg] = process.argv.slice(2);
  const run =
    cmd === "create"
      ? createDatabase(url, arg).then((u) => console.log(u))
      : cmd === "drop-prefix"
        ? dropDatabasesWithPrefix(url, arg).then((n) => console.log(n))
        : Promise.reject(new Error(`unknown command ${cmd}`));
  run.catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
