// Turns the driver's rows (arrays, in the statement's column order) into drizzle's row objects for
// a prepared statement, with what drizzle's mapResultRow works out per value on every row (which
// decoder a field has, where its value goes, which joined object becomes null) worked out once,
// when the statement is prepared. A CPU profile of the task list (20 rows of 38 columns) had
// mapResultRow at 12 % of the server's CPU, most of it in those per-value checks.
import { Column, getTableName, is, SQL, Subquery } from "drizzle-orm";

interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}

/** A field of a select (or of `.returning()`) as drizzle orders it: where it goes, what it is. */
export interface SelectedField {
  path: string[];
  field: unknown;
}

export type RowMapper = (row: unknown[]) => Record<string, unknown>;

function decoderOf(field: unknown): Decoder {
  if (is(field, Column)) return field;
  if (is(field, SQL)) return (field as unknown as { decoder: Decoder }).decoder;
  if (is(field, Subquery)) return (field._.sql as unknown as { decoder: Decoder }).decoder;
  return (field as { sql: { decoder: Decoder } }).sql.decoder;
}

/**
 * The same objects as drizzle's mapResultRow(fields, row, joinsNotNullableMap) for every row;
 * undefined for a selection nested deeper than one object (left to drizzle).
 */
export function compileRowMapper(
  fields: SelectedField[],
  joinsNotNullableMap?: Record<string, boolean>,
  reuse: string[] = [],
): RowMapper | undefined {
  if (fields.some((f) => f.path.length < 1 || f.path.length > 2)) return undefined;
  const n = fields.length;
  const decoders = fields.map((f) => decoderOf(f.field));
  const keys = fields.map((f) => f.path[f.path.length - 1]!);
  const parents = fields.map((f) => (f.path.length === 2 ? f.path[0] : undefined));
  // A joined object is null when the first of its columns is (a left join that found nothing),
  // if all its columns come from one table that the join may leave out: drizzle's rule.
  const nullable: { name: string; key: string }[] = [];
  if (joinsNotNullableMap) {
    const firsts = new Map<string, { key: string; table: string | false }>();
    for (const f of fields) {
      if (f.path.length !== 2 || !is(f.field, Column)) continue;
      const name = f.path[0]!;
      const table = getTableName(f.field.table);
      const first = firsts.get(name);
      if (!first) firsts.set(name, { key: f.path[1]!, table });
      else if (first.table !== table) first.table = false;
    }
    for (const [name, { key, table }] of firsts) {
      if (table !== false && !joinsNotNullableMap[table]) nullable.push({ name, key });
    }
  }
  const kept = reuse.map((name) => keptObject(name, fields, parents, keys));
  const skip = new Uint8Array(n);
  return (row) => {
    const out: Record<string, unknown> = {};
    const made: (Record<string, unknown> | undefined)[] = [];
    for (let k = 0; k < kept.length; k++) {
      const found = kept[k]!.find(row);
      if (found) out[kept[k]!.name] = found;
      made.push(found);
      for (const i of kept[k]!.columns) skip[i] = found ? 1 : 0;
    }
    for (let i = 0; i < n; i++) {
      if (skip[i]) continue;
      const raw = row[i];
      const value = raw === null ? null : decoders[i]!.mapFromDriverValue(raw);
      const parent = parents[i];
      if (parent === undefined) out[keys[i]!] = value;
      else {
        let node = out[parent] as Record<string, unknown> | undefined;
        if (node === undefined) out[parent] = node = {};
        node[keys[i]!] = value;
      }
    }
    for (const { name, key } of nullable) {
      const node = out[name] as Record<string, unknown> | null;
      if (node !== null && node[key] === null) out[name] = null;
    }
    for (let k = 0; k < kept.length; k++) {
      if (!made[k]) kept[k]!.keep(row, out);
    }
    return out;
  };
}

// Rows kept per reused object (a task row with its raw values, object and answer text is a few
// kB); past this the memory is dropped and rebuilt from the next reads.
const KEPT_ROWS_MAX = 1024;

/**
 * One object of a selection (`select({ task: tasks, … })`'s "task") kept from one execution to
 * the next: found by its id column, handed back as long as every raw value of its columns is the
 * one it was made from (===, so text by content). The hot list reads the same 20 rows again and
 * again, and decoding them (the params JSON, six dates) was most of its mapping; a caller can also
 * keep what it derives from such an object by identity (lib/tasks/serialize.ts). A kept object is
 * shared by every caller: frozen, its JSON values too.
 */
function keptObject(
  name: string,
  fields: SelectedField[],
  parents: (string | undefined)[],
  keys: string[],
) {
  const columns = fields.flatMap((_, i) => (parents[i] === name ? [i] : []));
  const idColumn = columns.find((i) => keys[i] === "id");
  if (idColumn === undefined) throw new Error(`a kept object needs its id column: ${name}`);
  const rows = new Map<unknown, { raw: unknown[]; value: Record<string, unknown> }>();
  return {
    name,
    columns,
    find(row: unknown[]): Record<string, unknown> | undefined {
      const id = row[idColumn];
      if (id === null || id === undefined) return undefined;
      const hit = rows.get(id);
      if (!hit) return undefined;
      for (let j = 0; j < columns.length; j++) {
        if (hit.raw[j] !== row[columns[j]!]) return undefined;
      }
      return hit.value;
    },
    keep(row: unknown[], out: Record<string, unknown>): void {
      const value = out[name] as Record<string, unknown> | null | undefined;
      if (!value) return;
      if (rows.size >= KEPT_ROWS_MAX) rows.clear();
      rows.set(row[idColumn], { raw: columns.map((i) => row[i]), value: deepFreeze(value) });
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  if (value instanceof Date) return value;
  for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}

/** What both drivers' prepared queries keep and read when they run (drizzle-orm 0.45). */
interface DrizzlePrepared {
  fields?: SelectedField[];
  joinsNotNullableMap?: Record<string, boolean>;
  customResultMapper?: (rows: unknown[][]) => unknown;
  /** node-postgres's prepared query: the config it runs with, rows as arrays */
  queryConfig?: { types?: { getTypeParser(typeId: number, format?: string): unknown } };
}

// PostgreSQL's json and jsonb type ids: node-postgres parses them into objects before drizzle's
// decoder sees them (which parses text itself when it gets text).
const JSON_TYPE_IDS = new Set([114, 3802]);

/**
 * Makes a prepared query map its rows with compileRowMapper. Both drivers hand a prepared query's
 * `customResultMapper` the raw array rows (better-sqlite3's raw(), node-postgres's rowMode
 * "array") instead of calling mapResultRow per row; lib/db/row-mapper.test.ts checks that the
 * objects are drizzle's own, on either database. `reuse` names the objects of the selection kept
 * from one execution to the next (keptObject); on PostgreSQL their JSON then arrives as text, so
 * an unchanged value compares equal and is not parsed again.
 */
export function installCompiledRowMapper(query: unknown, reuse: string[] = []): void {
  const q = query as DrizzlePrepared;
  if (!q.fields || q.customResultMapper) return;
  const map = compileRowMapper(q.fields, q.joinsNotNullableMap, reuse);
  if (!map) return;
  q.customResultMapper = (rows) => rows.map(map);
  const types = q.queryConfig?.types;
  if (reuse.length > 0 && types) {
    const parserOf = types.getTypeParser.bind(types);
    types.getTypeParser = (typeId, format) =>
      JSON_TYPE_IDS.has(typeId) ? (text: string) => text : parserOf(typeId, format);
  }
}
