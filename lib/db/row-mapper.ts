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
  return (row) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
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
      if ((out[name] as Record<string, unknown>)[key] === null) out[name] = null;
    }
    return out;
  };
}

/** What both drivers' prepared queries keep and read when they run (drizzle-orm 0.45). */
interface DrizzlePrepared {
  fields?: SelectedField[];
  joinsNotNullableMap?: Record<string, boolean>;
  customResultMapper?: (rows: unknown[][]) => unknown;
}

/**
 * Makes a prepared query map its rows with compileRowMapper. Both drivers hand a prepared query's
 * `customResultMapper` the raw array rows (better-sqlite3's raw(), node-postgres's rowMode
 * "array") instead of calling mapResultRow per row; lib/db/row-mapper.test.ts checks that the
 * objects are drizzle's own, on either database.
 */
export function installCompiledRowMapper(query: unknown): void {
  const q = query as DrizzlePrepared;
  if (!q.fields || q.customResultMapper) return;
  const map = compileRowMapper(q.fields, q.joinsNotNullableMap);
  if (map) q.customResultMapper = (rows) => rows.map(map);
}
