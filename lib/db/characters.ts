// Queries of characters, their states and animations, written once for both dialects.
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "./client";
import {
  assets,
  type CharacterAnimationRow,
  type CharacterRow,
  type CharacterStateRow,
  characterAnimations,
  characterStates,
  characters,
  type NewTask,
  tasks,
} from "./schema";

export type NewCharacter = typeof characters.$inferInsert;
export type NewCharacterAnimation = typeof characterAnimations.$inferInsert;

export async function insertCharacter(values: NewCharacter): Promise<CharacterRow> {
  const [row] = await (await getDb()).insert(characters).values(values).returning();
  return row!;
}

export async function getCharacterForUser(
  id: number,
  userId: number,
): Promise<CharacterRow | undefined> {
  const [row] = await (await getDb())
    .select()
    .from(characters)
    .where(and(eq(characters.id, id), eq(characters.userId, userId)))
    .limit(1);
  return row;
}

export async function listCharacterRows(
  userId: number,
  page: { limit: number; offset: number },
): Promise<{ rows: CharacterRow[]; total: number }> {
  const db = await getDb();
  const where = eq(characters.userId, userId);
  const rows = await db
    .select()
    .from(characters)
    .where(where)
    .orderBy(desc(characters.id))
    .limit(page.limit)
    .offset(page.offset);
  const [{ n }] = (await db.select({ n: count() }).from(characters).where(where)) as [
    { n: number },
  ];
  return { rows, total: Number(n) };
}

export async function updateCharacter(
  id: number,
  values: Partial<NewCharacter>,
): Promise<CharacterRow> {
  const [row] = await (await getDb())
    .update(characters)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(characters.id, id))
    .returning();
  return row!;
}

/** States and animations go with it (cascade); the gallery tasks and batches stay. */
export async function deleteCharacterRow(id: number, userId: number): Promise<boolean> {
  const rows = await (await getDb())
    .delete(characters)
    .where(and(eq(characters.id, id), eq(characters.userId, userId)))
    .returning({ id: characters.id });
  return rows.length > 0;
}

export async function insertCharacterState(
  values: typeof characterStates.$inferInsert,
): Promise<CharacterStateRow> {
  const [row] = await (await getDb()).insert(characterStates).values(values).returning();
  return row!;
}

export async function statesOfCharacter(characterId: number): Promise<CharacterStateRow[]> {
  return (await getDb())
    .select()
    .from(characterStates)
    .where(eq(characterStates.characterId, characterId))
    .orderBy(characterStates.id);
}

export async function updateCharacterState(
  id: number,
  values: Partial<typeof characterStates.$inferInsert>,
): Promise<CharacterStateRow> {
  const [row] = await (await getDb())
    .update(characterStates)
    .set(values)
    .where(eq(characterStates.id, id))
    .returning();
  return row!;
}

export async function insertAnimation(
  values: NewCharacterAnimation,
): Promise<CharacterAnimationRow> {
  const [row] = await (await getDb()).insert(characterAnimations).values(values).returning();
  return row!;
}

export async function animationsOfCharacter(characterId: number): Promise<CharacterAnimationRow[]> {
  return (await getDb())
    .select()
    .from(characterAnimations)
    .where(eq(characterAnimations.characterId, characterId))
    .orderBy(characterAnimations.id);
}

export async function animationCounts(characterIds: number[]): Promise<Map<number, number>> {
  if (!characterIds.length) return new Map();
  const rows = await (await getDb())
    .select({ id: characterAnimations.characterId, n: count() })
    .from(characterAnimations)
    .where(inArray(characterAnimations.characterId, characterIds))
    .groupBy(characterAnimations.characterId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** The characters whose facings are these batches, by batch id (a character's gallery row). */
export async function charactersOfFacingBatches(
  batchIds: number[],
): Promise<Map<number, { id: number; name: string }>> {
  if (!batchIds.length) return new Map();
  const rows = await (await getDb())
    .select({ id: characters.id, name: characters.name, batchId: characters.facingBatchId })
    .from(characters)
    .where(inArray(characters.facingBatchId, batchIds));
  return new Map(rows.map((r) => [r.batchId!, { id: r.id, name: r.name }]));
}

export async function updateAnimation(
  id: number,
  values: Partial<NewCharacterAnimation>,
): Promise<CharacterAnimationRow> {
  const [row] = await (await getDb())
    .update(characterAnimations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(characterAnimations.id, id))
    .returning();
  return row!;
}

/** A re-rolled offline frame keeps its gallery task; its old files go (the keys are reused). */
export async function deleteAssetsOfTask(taskId: number): Promise<void> {
  await (await getDb()).delete(assets).where(eq(assets.taskId, taskId));
}

export async function updateTaskRow(id: number, values: Partial<NewTask>): Promise<void> {
  await (await getDb())
    .update(tasks)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(tasks.id, id));
}
