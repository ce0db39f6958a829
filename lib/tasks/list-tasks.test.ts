// The gallery's list query: word-prefix search over the normalized prompt, and one row per batch.
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDataDir } from "@/test/helpers/server";

let userId: number;
let single: number;
let batchId: number;
let frameIds: number[];
let characterId: number;
let facingIds: number[];

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

  // A character as lib/characters stores it: its facings, a state's facings and an animation are
  // each a batch of gallery tasks.
  const { insertCharacter, insertCharacterState, insertAnimation } = await import(
    "@/lib/db/characters"
  );
  const characterBatch = (prompt: string, mode: string, n: number) =>
    insertBatchWithTasks(
      { userId, prompt, mode, model: "local/pixel-sprite", requestedCount: n, seed: 2 },
      (id) =>
        Array.from({ length: n }, (_, i) => task(prompt, { batchId: id, batchIndex: i + 1, mode })),
    );
  const facings = await characterBatch("hooded ranger", "directions", 4);
  facingIds = facings.tasks.map((t) => t.id);
  const character = await insertCharacter({
    userId,
    name: "Ranger",
    prompt: "hooded ranger",
    model: "local/pixel-sprite",
    seed: 2,
    size: 32,
    view: "side",
    directionCount: 4,
    body: "humanoid",
    status: "completed",
    notes: [],
    facings: {},
    facingBatchId: facings.batch.id,
  });
  characterId = character.id;
  const stateFacings = await characterBatch("hooded ranger, wounded", "directions", 4);
  const state = await insertCharacterState({
    characterId,
    name: "wounded",
    prompt: "wounded",
    seed: 2,
    status: "completed",
    facings: {},
    facingBatchId: stateFacings.batch.id,
  });
  for (const [direction, stateId] of [
    ["down", null],
    ["left", null],
    ["down", state.id],
  ] as const) {
    const walk = await characterBatch("hooded ranger", "walk", 6);
    await insertAnimation({
      characterId,
      stateId,
      action: "walk",
      direction,
      status: "completed",
      batchId: walk.batch.id,
      frames: [],
    });
  }
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
    expect(r.total).toBe(7 + 4 + 4 + 3 * 6);
    expect(r.tasks.some((t) => t.batch_frames)).toBe(false);
  });

  it("shows a batch as its first frame carrying all frames in order", async () => {
    const r = await list({ group: "batch" });
    // three single tasks, the slime, and the character's facings, state facings and 3 walks
    expect(r.total).toBe(3 + 1 + 1 + 1 + 3);
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

describe("group=character", () => {
  it("shows a character as one row, its facings, and leaves out its animations and states", async () => {
    const r = await list({ group: "character" });
    expect(r.total).toBe(3 + 1 + 1);
    expect(r.tasks).toHaveLength(5);
    const card = r.tasks.find((t) => t.character)!;
    expect(card.id).toBe(facingIds[0]);
    expect(card.character).toEqual({ id: characterId, name: "Ranger" });
    expect(card.batch_frames?.map((f) => f.id)).toEqual(facingIds);
    // every other row is the person's own work, as group=batch shows it
    const batch = await list({ group: "batch" });
    const own = batch.tasks.filter((t) => !t.prompt.startsWith("hooded ranger"));
    expect(r.tasks.filter((t) => !t.character).map((t) => t.id)).toEqual(own.map((t) => t.id));
  });

  it("pages and counts the same rows", async () => {
    const first = await list({ group: "character", page_size: 3 });
    const rest = await list({ group: "character", page_size: 3, before: first.next_cursor! });
    expect(first.total).toBe(5);
    expect([...first.tasks, ...rest.tasks].map((t) => t.id)).toEqual(
      (await list({ group: "character" })).tasks.map((t) => t.id),
    );
  });

  it("lists a character's batches again once the character is deleted", async () => {
    const { deleteCharacterRow } = await import("@/lib/db/characters");
    const before = await list({ group: "character" });
    expect(before.total).toBe(5);
    expect(await deleteCharacterRow(characterId, userId)).toBe(true);
    const after = await list({ group: "character" });
    expect(after.total).toBe(3 + 1 + 1 + 1 + 3);
    expect(after.tasks.some((t) => t.character)).toBe(false);
  });
});

// Last: it adds tasks the counts above do not expect.
describe("search by drawn subject", () => {
  it("finds a sprite by the subject it was drawn as, in the other language too", async () => {
    const { createSingleTask, createBatch } = await import("@/lib/generation/create-tasks");
    const { getUserById } = await import("@/lib/db/users");
    const caller = { user: (await getUserById(userId))!, via: "session" as const };
    const settings = {
      background: "transparent" as const,
      scale: 8,
      force: true,
      send_email: false,
    };
    const made = await createSingleTask(caller, {
      ...settings,
      prompt: "一只喷火的红龙",
      model: "local/pixel-sprite",
    });
    if (made.kind !== "created") throw new Error("expected a task");
    const potions = await createBatch(caller, {
      ...settings,
      prompt: "a health potion",
      model: "local/pixel-sprite",
      mode: "variations",
      count: 2,
    });
    const ids = async (q: string) => (await list({ q })).tasks.map((t) => t.id);
    const blueDragon = (await ids("blue dragon"))[0];
    // drawn as a dragon, prompted in Chinese; "blue dragon" (no recorded subject) by its prompt
    expect(await ids("dragon")).toEqual([made.task.id, blueDragon]);
    expect(await ids("dragons")).toEqual([made.task.id, blueDragon]);
    expect(await ids("药水")).toEqual(potions.tasks.map((t) => t.id).reverse());
    // every word still has to match: the prompt or the subject, not something else
    expect(await ids("dragon sword")).toEqual([]);
    expect(await ids("龙")).toEqual([made.task.id]);
  });
});

describe("the list as JSON text (listUserTasksText)", () => {
  it("is JSON.stringify of listUserTasks for every kind of page, and follows changed rows", async () => {
    const { listUserTasks, listUserTasksText } = await import("./list-tasks");
    const inputs = [
      {},
      { page: 2, page_size: 5 },
      { page: 99 },
      { status: "pending" as const },
      { status: "completed" as const },
      { q: "knight" },
      { group: "batch" as const },
      { group: "character" as const },
      { include_base64: "true" as const },
      { before: frameIds[2] },
    ];
    const same = async () => {
      for (const input of inputs) {
        const text = (await listUserTasksText(userId, input)).text;
        expect(text, JSON.stringify(input)).toBe(
          JSON.stringify(await listUserTasks(userId, input)),
        );
      }
    };
    await same();
    await same(); // the second time from the rows and texts kept by the first
    // a change the list shows, made without updated_at (the worker's e-mail status)
    const { getDb } = await import("@/lib/db/client");
    const { tasks } = await import("@/lib/db/schema");
    const { eq } = await import("drizzle-orm");
    await (await getDb()).update(tasks).set({ emailStatus: "sent" }).where(eq(tasks.id, single));
    const text = (await listUserTasksText(userId, { page_size: 50 })).text;
    const answered = JSON.parse(text).tasks.find((t: { id: number }) => t.id === single);
    expect(answered.email_status).toBe("sent");
    await same();
  });
});
