import { assembleJson, type JsonText, jsonTextOf } from "@/lib/api/respond";
import { charactersOfFacingBatches } from "@/lib/db/characters";
import { framesOfBatches, listTasks } from "@/lib/db/tasks";
import { searchWords } from "@/lib/prompts/similarity";
import type { ModelType, TaskStatus } from "@/lib/vocabulary";
import { withBase64 } from "./images";
import { keptAnswer } from "./kept-answers";
import { qtTaskText, toQtBatchFrame, toQtTask } from "./serialize";

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

async function readPage(userId: number, input: ListTasksInput) {
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
  return { rows, total, page, pageSize };
}

/** What follows the tasks in a list answer, in its order. */
function pageFields(
  { rows, total, page, pageSize }: Awaited<ReturnType<typeof readPage>>,
  limited: boolean,
) {
  return {
    total,
    page,
    page_size: pageSize,
    base64_limited: limited,
    next_cursor: rows.length === pageSize ? rows[rows.length - 1]!.id : null,
  };
}

export async function listUserTasks(userId: number, input: ListTasksInput) {
  const read = await readPage(userId, input);
  const { rows } = read;
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
    ...pageFields(read, limited),
  };
}

export type TaskListAnswer = Awaited<ReturnType<typeof listUserTasks>>;

/**
 * listUserTasks as JSON text, the same bytes as JSON.stringify of it. A plain page (no images, no
 * grouping: what scripts, the MCP server and the bench poll) is kept whole while the user's tasks
 * are unchanged (keptAnswer), and put together from each task's kept text (qtTaskText) when it is
 * made again, so an unchanged row is neither decoded nor serialised again.
 */
export async function listUserTasksText(
  userId: number,
  input: ListTasksInput,
): Promise<JsonText<TaskListAnswer>> {
  if (input.include_base64 === "true" || input.group !== undefined) {
    return jsonTextOf(await listUserTasks(userId, input));
  }
  return keptAnswer(userId, plainPageKey(input), async () => {
    const read = await readPage(userId, input);
    return assembleJson<TaskListAnswer>({
      tasks: read.rows.map(qtTaskText),
      ...pageFields(read, false),
    });
  });
}

/**
 * What a plain page's answer depends on besides the user's tasks: the page and its filters (every
 * field of the input: a field added to ListTasksInput must be named here).
 */
function plainPageKey(input: ListTasksInput): string {
  const key: Record<Exclude<keyof ListTasksInput, "include_base64" | "group">, unknown> = {
    page: input.page ?? 1,
    page_size: input.page_size ?? DEFAULT_PAGE_SIZE,
    status: input.status,
    q: input.q?.trim() || undefined,
    type: input.type,
    model: input.model,
    mode: input.mode,
    starred: input.starred,
    batch_id: input.batch_id,
    before: input.before,
  };
  return JSON.stringify(key);
}
