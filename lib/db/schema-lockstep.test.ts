// The SQLite and PostgreSQL schemas must describe the same database: same tables, columns (type,
// nullability, default, key, uniqueness, enum values), indexes, primary keys and foreign keys,
// and the same row types for the query code written once against both.
import { type PgTable, getTableConfig as pgConfig } from "drizzle-orm/pg-core";
import { type SQLiteTable, getTableConfig as sqliteConfig } from "drizzle-orm/sqlite-core";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as postgres from "./postgres/schema";
import * as sqlite from "./sqlite/schema";

type Config = ReturnType<typeof pgConfig> | ReturnType<typeof sqliteConfig>;

// Each dialect's spelling of one logical type.
const LOGICAL_TYPE: Record<string, string> = {
  SQLiteInteger: "integer",
  PgInteger: "integer",
  // SQLite integers are 64-bit: a PostgreSQL bigint (as a JS number) is the same column
  PgBigInt53: "integer",
  SQLiteText: "text",
  PgText: "text",
  SQLiteTimestamp: "timestamp",
  PgTimestamp: "timestamp",
  SQLiteBoolean: "boolean",
  PgBoolean: "boolean",
  SQLiteTextJson: "json",
  PgJsonb: "json",
  SQLiteReal: "real",
  PgDoublePrecision: "real",
};

function describeTable(c: Config) {
  const columnName = (col: { name: string }) => col.name;
  return {
    name: c.name,
    columns: Object.fromEntries(
      c.columns.map((col) => {
        const type = LOGICAL_TYPE[col.columnType];
        if (!type) throw new Error(`${c.name}.${col.name}: no logical type for ${col.columnType}`);
        return [
          col.name,
          {
            type,
            dataType: col.dataType,
            notNull: col.notNull,
            hasDefault: col.hasDefault,
            primary: col.primary,
            unique: col.isUnique,
            enumValues: col.enumValues ?? null,
          },
        ];
      }),
    ),
    indexes: c.indexes
      .map((i) => ({
        name: i.config.name,
        unique: Boolean(i.config.unique),
        columns: i.config.columns.map((col) => columnName(col as { name: string })),
      }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    primaryKeys: c.primaryKeys.map((pk) => pk.columns.map(columnName)),
    uniqueConstraints: c.uniqueConstraints.map((u) => u.columns.map(columnName)),
    foreignKeys: c.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return {
          columns: ref.columns.map(columnName),
          foreignTable: (ref.foreignTable as unknown as { [k: symbol]: string })[
            Symbol.for("drizzle:Name")
          ],
          foreignColumns: ref.foreignColumns.map(columnName),
          onDelete: fk.onDelete ?? "no action",
          onUpdate: fk.onUpdate ?? "no action",
        };
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
    checks: c.checks.map((ch) => ch.name).sort(),
  };
}

const isTable = (v: unknown) =>
  typeof v === "object" && v !== null && Symbol.for("drizzle:IsDrizzleTable") in v;

const sqliteTables = Object.entries(sqlite).filter(([, v]) => isTable(v)) as [
  string,
  SQLiteTable,
][];
const pgTables = Object.entries(postgres).filter(([, v]) => isTable(v)) as [string, PgTable][];

describe("SQLite and PostgreSQL schemas", () => {
  it("export the same tables", () => {
    expect(sqliteTables.map(([k]) => k).sort()).toEqual(pgTables.map(([k]) => k).sort());
    expect(sqliteTables.length).toBeGreaterThanOrEqual(8);
  });

  for (const [key, liteTable] of sqliteTables) {
    it(`describe ${key} identically`, () => {
      const pgTable = pgTables.find(([k]) => k === key)?.[1];
      expect(pgTable, `postgres schema lacks ${key}`).toBeDefined();
      expect(describeTable(pgConfig(pgTable!))).toEqual(describeTable(sqliteConfig(liteTable)));
    });
  }

  it("give the query code the same row types", () => {
    expectTypeOf<typeof sqlite.users.$inferSelect>().toEqualTypeOf<
      typeof postgres.users.$inferSelect
    >();
    expectTypeOf<typeof sqlite.apiKeys.$inferSelect>().toEqualTypeOf<
      typeof postgres.apiKeys.$inferSelect
    >();
    expectTypeOf<typeof sqlite.batches.$inferSelect>().toEqualTypeOf<
      typeof postgres.batches.$inferSelect
    >();
    expectTypeOf<typeof sqlite.tasks.$inferSelect>().toEqualTypeOf<
      typeof postgres.tasks.$inferSelect
    >();
    expectTypeOf<typeof sqlite.tasks.$inferInsert>().toEqualTypeOf<
      typeof postgres.tasks.$inferInsert
    >();
    expectTypeOf<typeof sqlite.assets.$inferSelect>().toEqualTypeOf<
      typeof postgres.assets.$inferSelect
    >();
  });
});
