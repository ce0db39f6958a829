import { charactersOfFacingBatches } from "@/lib/db/characters";
import { framesOfBatches, listTasks } from "@/lib/db/tasks";
import { searchWords } from "@/lib/prompts/similarity";
import type { ModelType, TaskStatus } from "@/lib/vocabulary";
import { withBase64 } from "./images";
import { toQtBatchFrame, toQtTask } from "./serialize";

export const DEFAULT_PAGE_SIZE = 20;

export interface ListTasksInput {
  status?: TaskStatus;
  page?: number;
  page_size?: number;
  include_base64?: "true" | "false";
  q?: string;
  type?: ModelType;
  model?: string;
  mode?: string;
  starred?: "true" | "false";
  batch_id?: number;
  before?: number;
  /** "batch": a batch is one row (its first frame) carrying `batch_frames`; "character": that,
   * and a character is one row (its facings batch, carrying `character`), its animations left out. */
  group?: "batch" | "character";
}

export async function listUserTasks(userId: number, input: ListTasksInput) {
  const page = input.page ?? 1;
  const pageSize = input.page_size ?? DEFAULT_PAGE_SIZE;
  const q = input.q?.trim() || undefined;
  const { rows, total } = await listTasks(
    {
      userId,
      status: input.status,
      q,
      qWords: q ? searchWords(q) : undefined,
      type: input.type,
      model: input.model,
      mode: input.mode,
      starred: input.starred === undefined ? undefined : input.starred === "true",
      batchId: input.batch_id,
      before: input.before,
      collapseBatches: input.group !== undefined,
      collapseCharacters: input.group === "character",
    },
    { limit: pageSize, offset: input.before ? 0 : (page - 1) * pageSize },
  );
  const wantBase64 = input.include_base64 === "true";
  const { encoded, limited } = wantBase64
    ? await withBase64(rows)
    : { encoded: new Map<number, string>(), limited: false };
  const batchIds = [...new Set(rows.flatMap((t) => (t.batchId ? [t.batchId] : [])))];
  const [frames, characters] = await Promise.all([
    input.group ? framesOfBatches(batchIds) : undefined,
    input.group === "character" ? charactersOfFacingBatches(batchIds) : undefined,
  ]);
  return {
    tasks: rows.map((t) => {
      const out = toQtTask(t, wantBase64 ? encoded.get(t.id) : undefined);
      const batchFrames = t.batchId ? frames?.get(t.batchId) : undefined;
      if (batchFrames) out.batch_frames = batchFrames.map(toQtBatchFrame);
      const character = t.batchId ? characters?.get(t.batchId) : undefined;
      if (character) out.character = character;
      return out;
    }),
    total,
    page,
    page_size: pageSize,
    base64_limited: limited,
    next_cursor: rows.length === pageSize ? rows[rows.length - 1].id : null,
  };
}
