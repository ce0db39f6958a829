// Queries of users' saved palettes, written once for both dialects.
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "./client";
import { type PaletteRow, palettes } from "./schema";

export async function insertPalette(values: typeof palettes.$inferInsert): Promise<PaletteRow> {
  const [row] = await (await getDb()).insert(palettes).values(values).returning();
  return row!;
}

export async function listPalettesOfUser(userId: number): Promise<PaletteRow[]> {
  return (await getDb())
    .select()
    .from(palettes)
    .where(eq(palettes.userId, userId))
    .orderBy(desc(palettes.id))
    .limit(500);
}

export async function getPaletteForUser(
  id: number,
  userId: number,
): Promise<PaletteRow | undefined> {
  const [row] = await (await getDb())
    .select()
    .from(palettes)
    .where(and(eq(palettes.id, id), eq(palettes.userId, userId)))
    .limit(1);
  return row;
}

export async function deletePaletteRow(id: number, userId: number): Promise<boolean> {
  const rows = await (await getDb())
    .delete(palettes)
    .where(and(eq(palettes.id, id), eq(palettes.userId, userId)))
    .returning({ id: palettes.id });
  return rows.length > 0;
}
