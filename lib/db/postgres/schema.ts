// The PostgreSQL schema: the same tables, columns, indexes and constraints as
// lib/db/sqlite/schema.ts (lib/db/schema-lockstep.test.ts keeps them in step). Change both together
// and run `npm run db:generate` for both dialects.
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { BilingualText } from "../../i18n/bilingual";
import { ASSET_KINDS, MODEL_TYPES, TASK_STATUSES } from "../enums";

const ts = (name: string) => timestamp(name, { mode: "date", withTimezone: true });
const createdAt = () => ts("created_at").notNull().defaultNow();
const updatedAt = () => ts("updated_at").notNull().defaultNow();
const id = () => integer("id").primaryKey().generatedByDefaultAsIdentity();

export const users = pgTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name"),
  passwordHash: text("password_hash"),
  role: text("role", { enum: ["admin", "user"] })
    .notNull()
    .default("user"),
  emailVerified: ts("email_verified"),
  image: text("image"),
  createdAt: createdAt(),
});

// next-auth's account/session/verification tables. Credentials sign-in uses JWT sessions and
// leaves them empty, but OAuth providers (and a database adapter) need exactly these shapes.
export const accounts = pgTable(
  "accounts",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refreshToken: text("refresh_token"),
    accessToken: text("access_token"),
    expiresAt: integer("expires_at"),
    tokenType: text("token_type"),
    scope: text("scope"),
    idToken: text("id_token"),
    sessionState: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: ts("expires").notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: ts("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** short public id embedded in the key, for lookup and display */
    publicId: text("public_id").notNull().unique(),
    /** SHA-256 hex of the whole key; the key itself is never stored */
    keyHash: text("key_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    last4: text("last4").notNull(),
    createdAt: createdAt(),
    lastUsedAt: ts("last_used_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [index("api_keys_user_idx").on(t.userId)],
);

export const batches = pgTable(
  "batches",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    prompt: text("prompt").notNull(),
    mode: text("mode").notNull(),
    model: text("model").notNull(),
    requestedCount: integer("requested_count").notNull(),
    background: text("background").notNull().default("transparent"),
    scale: integer("scale").notNull().default(20),
    seed: integer("seed").notNull(),
    palette: text("palette"),
    /** colours of frame 1 once known; later frames of remote models are quantised to it */
    lockedPalette: jsonb("locked_palette").$type<string[]>(),
    sendEmail: boolean("send_email").notNull().default(false),
    email: text("email"),
    /** one e-mail per batch, claimed atomically by whichever frame finishes last */
    emailStatus: text("email_status"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("batches_user_idx").on(t.userId, t.id)],
);

export const tasks = pgTable(
  "tasks",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    batchId: integer("batch_id").references(() => batches.id, { onDelete: "cascade" }),
    /** 1-based position in its batch (QT Pixel API (docs/qt-pixel-api.md) `batch_index`) */
    batchIndex: integer("batch_index"),
    /** the task an operation (upscale, vectorize, …) was applied to */
    sourceTaskId: integer("source_task_id"),
    type: text("type", { enum: MODEL_TYPES }).notNull(),
    model: text("model").notNull(),
    provider: text("provider").notNull(),
    prompt: text("prompt").notNull(),
    /** lower-cased, punctuation-free prompt used by duplicate detection and search */
    promptNorm: text("prompt_norm").notNull().default(""),
    /** the offline engine's subject in English and Chinese, normalized like prompt_norm, so a
     * gallery search in either language finds what was drawn (lib/generation/subject-words.ts) */
    subjectWords: text("subject_words").notNull().default(""),
    negativePrompt: text("negative_prompt"),
    mode: text("mode"),
    background: text("background").notNull().default("transparent"),
    scale: integer("scale").notNull().default(20),
    seed: integer("seed"),
    palette: text("palette"),
    /** request parameters as the caller gave them (generations API (docs/generations-api.md) `params`) */
    params: jsonb("params").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: TASK_STATUSES }).notNull().default("pending"),
    errorMsg: text("error_msg").notNull().default(""),
    width: integer("width"),
    height: integer("height"),
    starred: boolean("starred").notNull().default(false),
    sendEmail: boolean("send_email").notNull().default(false),
    email: text("email"),
    emailStatus: text("email_status"),
    // queue bookkeeping
    attempts: integer("attempts").notNull().default(0),
    runAfter: ts("run_after").notNull().defaultNow(),
    leaseExpiresAt: ts("lease_expires_at"),
    leaseOwner: text("lease_owner"),
    upstreamId: text("upstream_id"),
    progress: integer("progress"),
    startedAt: ts("started_at"),
    completedAt: ts("completed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("tasks_user_idx").on(t.userId, t.id),
    index("tasks_user_status_idx").on(t.userId, t.status, t.id),
    index("tasks_queue_idx").on(t.status, t.runAfter),
    index("tasks_batch_idx").on(t.batchId, t.batchIndex),
    uniqueIndex("tasks_batch_index_uq").on(t.batchId, t.batchIndex),
  ],
);

/** Files a task produced; the bytes live in lib/storage under `storageKey`. */
export const assets = pgTable(
  "assets",
  {
    id: id(),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ASSET_KINDS }).notNull(),
    /** order among assets of the same kind (n > 1 images) */
    position: integer("position").notNull().default(0),
    storageKey: text("storage_key").notNull(),
    contentType: text("content_type").notNull(),
    width: integer("width"),
    height: integer("height"),
    bytes: integer("bytes").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("assets_task_idx").on(t.taskId, t.kind, t.position)],
);

/**
 * Token buckets of the per-key rate limits, shared by every web process when the database is
 * PostgreSQL and REDIS_URL is unset (lib/security/rate-limit-postgres.ts). Times are the
 * database server's clock in epoch ms; `taken` is whether the last request got its tokens.
 */
export const rateLimitBuckets = pgTable("rate_limit_buckets", {
  key: text("key").primaryKey(),
  tokens: doublePrecision("tokens").notNull(),
  updatedMs: doublePrecision("updated_ms").notNull(),
  taken: boolean("taken").notNull(),
});

/**
 * How many tasks each user has in each status, kept by triggers on tasks (see the migrations), so
 * the task list's total is a sum of a few rows instead of a count over the whole history. On
 * PostgreSQL a user's count is spread over up to 16 stripes (`stripe`, the writing connection's
 * backend pid mod 16; migration 0010): a counter row stays locked until its transaction's commit
 * has been flushed, so with one row every insert and status change of one user waited for the
 * previous one's flush. A stripe may go negative; only the sum over stripes is a count. SQLite
 * (one writer at a time) keeps stripe 0.
 */
export const taskCounts = pgTable(
  "task_counts",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: TASK_STATUSES }).notNull(),
    stripe: integer("stripe").notNull().default(0),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.status, t.stripe] })],
);

/** Changes that can end an API key's access; see lib/db/sqlite/schema.ts. */
export const apiKeyChanges = pgTable("api_key_changes", {
  id: integer("id").primaryKey().default(0),
  n: integer("n").notNull(),
});

/**
 * A user's change counter over their tasks and files; see lib/db/sqlite/schema.ts. Striped like
 * task_counts (the writing connection's backend pid mod 16), so concurrent writers of one user do
 * not wait for each other's commit; the version is the sum over the stripes, which grows with
 * every committed change.
 */
export const taskChanges = pgTable(
  "task_changes",
  {
    userId: integer("user_id").notNull(),
    stripe: integer("stripe").notNull().default(0),
    n: bigint("n", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.stripe] })],
);

/** Editor documents; see lib/db/sqlite/schema.ts. */
export const documents = pgTable(
  "documents",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    frameCount: integer("frame_count").notNull(),
    version: integer("version").notNull(),
    sourceTaskId: integer("source_task_id"),
    sourceBatchId: integer("source_batch_id"),
    sourceTilesetId: integer("source_tileset_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("documents_user_idx").on(t.userId, t.id)],
);

export const documentVersions = pgTable(
  "document_versions",
  {
    id: id(),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    taskId: integer("task_id"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("document_versions_uq").on(t.documentId, t.version)],
);

/** Characters (issue #19); see lib/db/sqlite/schema.ts. */
export const characters = pgTable(
  "characters",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prompt: text("prompt").notNull(),
    model: text("model").notNull(),
    seed: integer("seed").notNull(),
    size: integer("size").notNull(),
    view: text("view").notNull(),
    directionCount: integer("direction_count").notNull(),
    body: text("body").notNull(),
    paletteName: text("palette_name"),
    palette: jsonb("palette").$type<string[]>(),
    outline: text("outline"),
    shading: text("shading"),
    pivotX: integer("pivot_x"),
    pivotY: integer("pivot_y"),
    padding: integer("padding").notNull().default(0),
    status: text("status", { enum: TASK_STATUSES }).notNull().default("pending"),
    supportsReference: boolean("supports_reference").notNull().default(false),
    notes: jsonb("notes").$type<(string | BilingualText)[]>().notNull(),
    facings: jsonb("facings").$type<Record<string, unknown>>().notNull(),
    facingBatchId: integer("facing_batch_id"),
    sourceTaskId: integer("source_task_id"),
    sourceDocumentId: integer("source_document_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("characters_user_idx").on(t.userId, t.id)],
);

export const characterStates = pgTable(
  "character_states",
  {
    id: id(),
    characterId: integer("character_id")
      .notNull()
      .references(() => characters.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prompt: text("prompt").notNull(),
    seed: integer("seed").notNull(),
    status: text("status", { enum: TASK_STATUSES }).notNull().default("pending"),
    facings: jsonb("facings").$type<Record<string, unknown>>().notNull(),
    facingBatchId: integer("facing_batch_id"),
    createdAt: createdAt(),
  },
  (t) => [index("character_states_character_idx").on(t.characterId, t.id)],
);

export const characterAnimations = pgTable(
  "character_animations",
  {
    id: id(),
    characterId: integer("character_id")
      .notNull()
      .references(() => characters.id, { onDelete: "cascade" }),
    stateId: integer("state_id").references(() => characterStates.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    direction: text("direction").notNull(),
    status: text("status", { enum: TASK_STATUSES }).notNull().default("pending"),
    batchId: integer("batch_id"),
    frames: jsonb("frames").$type<Record<string, unknown>[]>().notNull(),
    durationsMs: jsonb("durations_ms").$type<number[]>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("character_animations_character_idx").on(t.characterId, t.id)],
);

/** A palette a user saved (imported from .hex/.gpl/.pal/Lospec JSON, or taken from an image). */
export const palettes = pgTable(
  "palettes",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    colors: jsonb("colors").$type<string[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("palettes_user_idx").on(t.userId, t.id)],
);
