// The gallery's list query: word-prefix search over the normalized prompt, and one row per batch.
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDataDir } from "@/test/helpers/server";

let userId: number;
let single: number;
let batchId: number;
let frameIds: number[];

beforeAll(async () => {
  useFreshDataDir("pixel-list-");
  const { createUser } = await import("@/lib/db/users");
  const { insertTask, insertBatchWithTasks } = await import("@/lib/db/tasks");
  const { normalizePrompt } = await import("@/lib/prompts/similarity");
  const user = await createUser({ email: "list@example.com", passwordHash: "x" });
  userId = user.id;
  const task = (prompt: string, extra: Record<string, unknown> = {}) => ({
    userId,
    type: "image" as const,
    model: "local/pixel-sprite",
    provider: "local",
    prompt,
    promptNorm: normalizePrompt(prompt),
    params: { prompt },
    ...extra,
  });
  single = (await insertTask(task("A red knight with a sword"))).id;
  await insertTask(task("一只可爱的小猫"));
  await insertTask(task("blue dragon"));
  const made = await insertBatchWithTasks(
    {
      userId,
      prompt: "green slime walking",
      mode: "walk",
      model: "local/pixel-sprite",
      requestedCount: 4,
      seed: 1,
    },
    (id) =>
      [1, 2, 3, 4].map((i) =>
        task("green slime walking", { batchId: id, batchIndex: i, mode: "walk" }),
      ),
  );
  batchId = made.batch.id;
  frameIds = made.tasks.map((t) => t.id);
});

async function list(input: Record<string, unknown>) {
  const { listUserTasks } = await import("./list-tasks");
  return listUserTasks(userId, { page_size: 50, ...input });
}

describe("search", () => {
  it("finds plural and partial words (knights, kni, Swords)", async () => {
    for (const q of ["knights", "kni", "Swords", "red knight", "KNIGHT sword"]) {
      const r = await list({ q });
      expect(
        r.tasks.map((t) => t.id),
        q,
      ).toEqual([single]);
    }
  });

  it("needs every word, each at the start of a word", async () => {
    expect((await list({ q: "knight dragon" })).tasks).toEqual([]);
    expect((await list({ q: "night" })).tasks.map((t) => t.id)).toEqual([single]); // raw substring still works
    expect((await list({ q: "ragon blue" })).tasks).toEqual([]);
  });

  it("matches Chinese inside a run of characters", async () => {
    const r = await list({ q: "小猫" });
    expect(r.tasks).toHaveLength(1);
    expect(r.tasks[0].prompt).toBe("一只可爱的小猫");
  });

  it("treats % and _ literally", async () => {
    expect((await list({ q: "%" })).tasks).toEqual([]);
    expect((await list({ q: "_" })).tasks).toEqual([]);
  });
});

describe("group=batch", () => {
  it("lists every frame without grouping", async () => {
    const r = await list({});
    expect(r.total).toBe(7);
    expect(r.tasks.some((t) => t.batch_frames)).toBe(false);
  });

  it("shows a batch as its first frame carrying all frames in order", async () => {
    const r = await list({ group: "batch" });
    expect(r.total).toBe(4);
    const card = r.tasks.find((t) => t.batch_id === batchId)!;
    expect(card.id).toBe(frameIds[0]);
    expect(card.batch_frames?.map((f) => f.id)).toEqual(frameIds);
    expect(card.batch_frames?.map((f) => f.batch_index)).toEqual([1, 2, 3, 4]);
    expect(r.tasks.filter((t) => !t.batch_id)).toHaveLength(3);
  });

  it("still narrows by the other filters", async () => {
    const r = await list({ group: "batch", q: "slime" });
    expect(r.tasks.map((t) => t.id)).toEqual([frameIds[0]]);
  });
});
