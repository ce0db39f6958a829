// Prepared statements for the hot reads. A statement is built once per database handle (the
// handle changes when PostgreSQL reconnects or a test opens another file) with placeholders for
// its values: no query building per request, and PostgreSQL parses and plans it once per
// connection (a named statement), better-sqlite3 compiles it once; its rows are mapped to objects
// by a mapper compiled with it (lib/db/row-mapper.ts).
import { type Db, getDb } from "./client";
import { installCompiledRowMapper } from "./row-mapper";

/** What both drivers' prepared queries share: execute with the placeholders' values. */
export interface PreparedQuery<R> {
  execute(values: Record<string, unknown>): PromiseLike<R> | R;
}

export interface PreparedRunner<R, V> {
  (values: V): Promise<R>;
  /** The statement of this database handle (to run a SQLite write synchronously, inside
   * sqliteWriteYielding in lib/db/client.ts). */
  on(db: Db): PreparedQuery<R>;
}

/**
 * `build` makes the statement with `sql.placeholder(...)` for its values and calls
 * `.prepare(name)` (the name is PostgreSQL's; SQLite ignores it). Returns a runner. `reuse`
 * names objects of the selection that are kept while their row is unchanged, the same (frozen)
 * object from one execution to the next (lib/db/row-mapper.ts).
 */
export function preparedQuery<R, V extends Record<string, unknown>>(
  build: (db: Db) => PreparedQuery<R>,
  opts: { reuse?: string[] } = {},
): PreparedRunner<R, V> {
  const byDb = new WeakMap<Db, PreparedQuery<R>>();
  const on = (db: Db) => {
    let query = byDb.get(db);
    if (!query) {
      query = build(db);
      installCompiledRowMapper(query, opts.reuse);
      byDb.set(db, query);
    }
    return query;
  };
  const run = async (values: V) => on(await getDb()).execute(values);
  return Object.assign(run, { on });
}
