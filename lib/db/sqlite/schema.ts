// The SQLite schema (the default backend). lib/db/postgres/schema.ts holds the same tables for
// PostgreSQL; lib/db/schema-lockstep.test.ts keeps the two in step, so change both together and
// run `npm run db:generate` (it generates both dialects' migrations).
import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type { BilingualText } from "../../i18n/bilingual";
import { ASSET_KINDS, MODEL_TYPES, TASK_STATUSES } from "../enums";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(now);
const updatedAt = () => integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now);

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name"),
  passwordHash: text("password_hash"),
  role: text("role", { enum: ["admin", "user"] })
    .notNull()
    .default("user"),
  emailVerified: integer("email_verified", { mode: "timestamp_ms" }),
  image: text("image"),
  createdAt: createdAt(),
});

// next-auth's account/session/verification tables. Credentials sign-in uses JWT sessions and
// leaves them empty, but OAuth providers (and a database adapter) need exactly these shapes.
export const accounts = sqliteTable(
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

export const sessions = sqliteTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: integer("expires", { mode: "timestamp_ms" }).notNull(),
});

export const verificationTokens = sqliteTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: integer("expires", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
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
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("api_keys_user_idx").on(t.userId)],
);

export const batches = sqliteTable(
  "batches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
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
    lockedPalette: text("locked_palette", { mode: "json" }).$type<string[]>(),
    sendEmail: integer("send_email", { mode: "boolean" }).notNull().default(false),
    email: text("email"),
    /** one e-mail per batch, claimed atomically by whichever frame finishes last */
    emailStatus: text("email_status"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("batches_user_idx").on(t.userId, t.id)],
);

export const tasks = sqliteTable(
  "tasks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
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
    params: text("params", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: TASK_STATUSES }).notNull().default("pending"),
    errorMsg: text("error_msg").notNull().default(""),
    width: integer("width"),
    height: integer("height"),
    starred: integer("starred", { mode: "boolean" }).notNull().default(false),
    sendEmail: integer("send_email", { mode: "boolean" }).notNull().default(false),
    email: text("email"),
    emailStatus: text("email_status"),
    // queue bookkeeping
    attempts: integer("attempts").notNull().default(0),
    runAfter: integer("run_after", { mode: "timestamp_ms" }).notNull().default(now),
    leaseExpiresAt: integer("lease_expires_at", { mode: "timestamp_ms" }),
    leaseOwner: text("lease_owner"),
    upstreamId: text("upstream_id"),
    progress: integer("progress"),
    startedAt: integer("started_at", { mode: "timestamp_ms" }),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }),
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
export const assets = sqliteTable(
  "assets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
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
 * Token buckets of the per-key rate limits (see lib/db/postgres/schema.ts). Unused on SQLite,
 * where one web process keeps its buckets in memory; present so both schemas stay in lockstep.
 */
export const rateLimitBuckets = sqliteTable("rate_limit_buckets", {
  key: text("key").primaryKey(),
  tokens: real("tokens").notNull(),
  updatedMs: real("updated_ms").notNull(),
  taken: integer("taken", { mode: "boolean" }).notNull(),
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
export const taskCounts = sqliteTable(
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

/**
 * One row (id 0) counting changes that can end an API key's access: a key revoked, deleted or
 * re-pointed, a user changed or deleted. Triggers on api_keys and users bump it in the writing
 * transaction (see the migrations), whoever writes (a web process, the CLI, a shell), and each
 * process's in-memory key cache (lib/auth/api-key-cache.ts) trusts an entry only while it is
 * unchanged. SQLite's own commit counter (`PRAGMA data_version`) did this job before, but every
 * commit of the worker thread moved it, so while the worker drew, every request read its key again.
 * PostgreSQL processes are told by the triggers' NOTIFY instead of reading the row.
 */
export const apiKeyChanges = sqliteTable("api_key_changes", {
  id: integer("id").primaryKey().default(0),
  n: integer("n").notNull(),
});

/**
 * A change counter per user over their tasks and the tasks' files, bumped by triggers on tasks and
 * assets in the writing transaction (migration 0012), whoever writes: a web process, the worker
 * (thread or process), the CLI. The API keeps a user's answers (a list page, a task) in memory
 * and answers them again only while this count is the one they were made under
 * (lib/tasks/kept-answers.ts). It only grows; a user without a row has made no change since.
 * PostgreSQL spreads it over stripes like task_counts (SQLite keeps stripe 0); the sum is the count.
 */
export const taskChanges = sqliteTable(
  "task_changes",
  {
    userId: integer("user_id").notNull(),
    stripe: integer("stripe").notNull().default(0),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.stripe] })],
);

/**
 * Editor documents (lib/document): one row per document, its versions in document_versions.
 * `source_*` name what it was opened from (lineage; the source is never changed). No foreign keys
 * on the sources: deleting a source keeps the documents made from it.
 */
export const documents = sqliteTable(
  "documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    frameCount: integer("frame_count").notNull(),
    /** the newest version (If-Match compares with it) */
    version: integer("version").notNull(),
    sourceTaskId: integer("source_task_id"),
    sourceBatchId: integer("source_batch_id"),
    sourceTilesetId: integer("source_tileset_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("documents_user_idx").on(t.userId, t.id)],
);

/** Every saved state of a document: the wire JSON (cels as PNG data URLs) and its gallery entry. */
export const documentVersions = sqliteTable(
  "document_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    content: text("content", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** the gallery entry this save made (none for version 1, the opened source) */
    taskId: integer("task_id"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("document_versions_uq").on(t.documentId, t.version)],
);

/**
 * Characters (issue #19): one stored design animated in any action and direction. The images
 * themselves are gallery tasks (a batch per set of facings and per animation); these rows only
 * point at them, with no foreign keys to tasks or batches, so deleting a character keeps every
 * gallery item it produced. `facings` maps a direction name to its canonical still.
 */
export const characters = sqliteTable(
  "characters",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
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
    /** the named palette asked for at creation (none: the design's own colours) */
    paletteName: text("palette_name"),
    /** the locked palette (hex): every frame is kept inside it; known once the facings exist */
    palette: text("palette", { mode: "json" }).$type<string[]>(),
    outline: text("outline"),
    shading: text("shading"),
    pivotX: integer("pivot_x"),
    pivotY: integer("pivot_y"),
    padding: integer("padding").notNull().default(0),
    status: text("status", { enum: TASK_STATUSES }).notNull().default("pending"),
    /** whether the model takes the facing as a reference image (always true offline) */
    supportsReference: integer("supports_reference", { mode: "boolean" }).notNull().default(false),
    notes: text("notes", { mode: "json" }).$type<(string | BilingualText)[]>().notNull(),
    facings: text("facings", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    facingBatchId: integer("facing_batch_id"),
    sourceTaskId: integer("source_task_id"),
    sourceDocumentId: integer("source_document_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("characters_user_idx").on(t.userId, t.id)],
);

/** A variant of a character ("with a blue cape"): a full set of facings of its own. */
export const characterStates = sqliteTable(
  "character_states",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    characterId: integer("character_id")
      .notNull()
      .references(() => characters.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prompt: text("prompt").notNull(),
    seed: integer("seed").notNull(),
    status: text("status", { enum: TASK_STATUSES }).notNull().default("pending"),
    facings: text("facings", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    facingBatchId: integer("facing_batch_id"),
    createdAt: createdAt(),
  },
  (t) => [index("character_states_character_idx").on(t.characterId, t.id)],
);

/** One action in one direction (of the character or one of its states); frames as JSON. */
export const characterAnimations = sqliteTable(
  "character_animations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    characterId: integer("character_id")
      .notNull()
      .references(() => characters.id, { onDelete: "cascade" }),
    stateId: integer("state_id").references(() => characterStates.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    direction: text("direction").notNull(),
    status: text("status", { enum: TASK_STATUSES }).notNull().default("pending"),
    /** the gallery batch holding the frames (one task per frame) */
    batchId: integer("batch_id"),
    frames: text("frames", { mode: "json" }).$type<Record<string, unknown>[]>().notNull(),
    durationsMs: text("durations_ms", { mode: "json" }).$type<number[]>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("character_animations_character_idx").on(t.characterId, t.id)],
);

/** A palette a user saved (imported from .hex/.gpl/.pal/Lospec JSON, or taken from an image). */
export const palettes = sqliteTable(
  "palettes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** "#rrggbb" strings, in the file's order */
    colors: text("colors", { mode: "json" }).$type<string[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("palettes_user_idx").on(t.userId, t.id)],
);
