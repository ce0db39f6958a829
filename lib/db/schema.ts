// The tables every query function uses, for whichever dialect DATABASE_URL selects. Query code is
// written once against these (typed as the PostgreSQL tables; the SQLite tables have the same
// columns and row types, which lib/db/schema-lockstep.test.ts checks), so it must stay within
// what both dialects share: `await` a builder, `.returning()` for affected rows, no `.get()`/`.run()`.
import { getEnv } from "@/lib/config/env";
import * as postgres from "./postgres/schema";
import * as sqlite from "./sqlite/schema";

export * from "./enums";

/** Fixed per process at load: a process never switches between SQLite and PostgreSQL. */
export const DIALECT: "sqlite" | "postgres" = /^postgres(ql)?:/.test(getEnv().DATABASE_URL ?? "")
  ? "postgres"
  : "sqlite";

const active = (DIALECT === "postgres" ? postgres : sqlite) as unknown as typeof postgres;

export const users = active.users;
export const accounts = active.accounts;
export const sessions = active.sessions;
export const verificationTokens = active.verificationTokens;
export const apiKeys = active.apiKeys;
export const apiKeyChanges = active.apiKeyChanges;
export const batches = active.batches;
export const tasks = active.tasks;
export const assets = active.assets;
export const taskCounts = active.taskCounts;
export const taskChanges = active.taskChanges;
export const documents = active.documents;
export const documentVersions = active.documentVersions;
export const palettes = active.palettes;
export const characters = active.characters;
export const characterStates = active.characterStates;
export const characterAnimations = active.characterAnimations;

export type User = typeof postgres.users.$inferSelect;
export type ApiKey = typeof postgres.apiKeys.$inferSelect;
export type Batch = typeof postgres.batches.$inferSelect;
export type Task = typeof postgres.tasks.$inferSelect;
export type NewTask = typeof postgres.tasks.$inferInsert;
export type Asset = typeof postgres.assets.$inferSelect;
export type DocumentRow = typeof postgres.documents.$inferSelect;
export type DocumentVersionRow = typeof postgres.documentVersions.$inferSelect;
export type PaletteRow = typeof postgres.palettes.$inferSelect;
export type CharacterRow = typeof postgres.characters.$inferSelect;
export type CharacterStateRow = typeof postgres.characterStates.$inferSelect;
export type CharacterAnimationRow = typeof postgres.characterAnimations.$inferSelect;
