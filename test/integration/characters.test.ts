// Characters (#19) through the real server, on both backends: create "a knight with a red cape"
// once in 8 directions (offline engine), animate walk in all 8 and attack in two, check every
// frame stays inside the locked palette and carries an identity score, re-roll one frame (another
// take, same palette), add a state and animate it, export one ZIP (Godot SpriteFrames with an
// animation per action_direction, Aseprite JSON tags, the facings), every bad input as a 4xx in the
// QT shape, another user's character as 404, and deletion keeping the gallery images. A remote
// model (the A1111 fake) draws the facings first and receives the canonical facing's bytes as the
// img2img init image of every later frame, loaded from our storage.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, startA1111Fake, startModelscopeFake } from "../fakes";
import { seedUserWithKey } from "../helpers/accounts";
import { checkSpriteFrames } from "../helpers/godot-sprite-frames";
import { startServer, type TestServer, useFreshDataDir, waitFor } from "../helpers/server";
import { readZip } from "../helpers/zip";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions
type Json = Record<string, any>;

let server: TestServer;
let a1111: FakeServer;
let modelscope: FakeServer;
let alice: Awaited<ReturnType<typeof seedUserWithKey>>;
let bob: Awaited<ReturnType<typeof seedUserWithKey>>;

const api = (p: string, init: RequestInit & { auth?: Record<string, string> } = {}) =>
  fetch(`${server.baseUrl}${p}`, {
    ...init,
    headers: {
      "Content-Type": "application/json",
      ...(init.auth ?? alice.auth),
      ...(init.headers as object),
    },
  });
const post = (p: string, body: unknown, auth = alice.auth) =>
  api(p, { method: "POST", body: JSON.stringify(body), auth });

async function rgbaOfPng(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

async function logicalOf(taskId: number) {
  const res = await api(`/api/v1/task/${taskId}/files/logical/0`);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

function coloursOf(img: { data: Uint8Array }): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < img.data.length; i += 4)
    if (img.data[i + 3]! >= 128)
      out.add(
        `#${[img.data[i]!, img.data[i + 1]!, img.data[i + 2]!].map((v) => v.toString(16).padStart(2, "0")).join("")}`,
      );
  return out;
}

beforeAll(async () => {
  useFreshDataDir();
  alice = await seedUserWithKey("char-alice@example.com");
  bob = await seedUserWithKey("char-bob@example.com");
  a1111 = await startA1111Fake();
  modelscope = await startModelscopeFake();
  server = await startServer({
    GENERATION_RATE_LIMIT_PER_MIN: "1000",
    A1111_BASE_URL: a1111.baseUrl,
    A1111_POLL_INTERVAL_MS: "100",
    MODELSCOPE_BASE_URL: modelscope.baseUrl,
    MODELSCOPE_API_KEY: "test-modelscope-key",
    // one attempt: an upstream error fails the frame at once (the failed-frame test below)
    TASK_MAX_ATTEMPTS: "1",
  });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await a1111?.close();
  await modelscope?.close();
});

describe("an offline character", () => {
  let knight: Json;
  let walk: Json[];

  it("is created once in 8 directions with its facings, palette and pivot", async () => {
    const res = await post("/api/v1/characters", {
      prompt: "a knight with a red cape",
      directions: 8,
      seed: 7,
      size: 48,
    });
    knight = await res.json();
    expect(res.status, JSON.stringify(knight).slice(0, 400)).toBe(201);
    expect(knight).toMatchObject({
      name: "a knight with a red cape",
      model: "local/pixel-sprite",
      size: 48,
      seed: 7,
      status: "completed",
      supports_reference: true,
      directions: ["down", "down_left", "left", "up_left", "up", "up_right", "right", "down_right"],
      body: "humanoid",
      animations: [],
      states: [],
    });
    expect(knight.palette.length).toBeGreaterThan(2);
    expect(knight.pivot.y).toBeGreaterThan(24);
    for (const d of knight.directions) {
      expect(knight.facings[d]).toMatchObject({ status: "completed", edited: false });
      const png = await api(knight.facings[d].url);
      expect(png.status).toBe(200);
    }
    // the facings are gallery items of one batch
    const batch = await (await api(`/api/v1/batch/${(await facingTask(knight)).batch_id}`)).json();
    expect(batch.total_count).toBe(8);
  });

  async function facingTask(c: Json) {
    return (await api(`/api/v1/task/${c.facings.down.task_id}`)).json();
  }

  it("walks in all 8 directions, every frame inside the locked palette with an identity score", async () => {
    const res = await post(`/api/v1/characters/${knight.id}/animations`, { action: "walk" });
    const body = await res.json();
    expect(res.status, JSON.stringify(body).slice(0, 400)).toBe(202);
    walk = body.animations;
    expect(walk.map((a) => a.direction)).toEqual(knight.directions);
    const palette = new Set<string>(knight.palette);
    for (const a of walk) {
      expect(a).toMatchObject({ action: "walk", status: "completed", failed_frames: [] });
      expect(a.frames).toHaveLength(4);
      expect(a.durations_ms).toHaveLength(4);
      for (const f of a.frames) {
        expect(f.identity.palette_ok).toBe(true);
        expect(f.identity.score).toBeGreaterThan(0.5);
        const colours = coloursOf(await rgbaOfPng(await logicalOf(f.task_id)));
        for (const c of colours) expect(palette.has(c), `${c} outside the palette`).toBe(true);
      }
    }
    // most frames keep the silhouette of their facing
    const flagged = walk.flatMap((a) => a.frames).filter((f: Json) => f.identity.flagged);
    expect(flagged.length).toBeLessThan(4);
  });

  it("attacks in a subset of directions and lists every animation", async () => {
    const res = await post(`/api/v1/characters/${knight.id}/animations`, {
      action: "attack",
      directions: ["left", "up_right"],
    });
    expect(res.status).toBe(202);
    const { animations } = await res.json();
    expect(animations.map((a: Json) => [a.action, a.direction, a.frames.length])).toEqual([
      ["attack", "left", 3],
      ["attack", "up_right", 3],
    ]);
    const list = await (await api(`/api/v1/characters/${knight.id}/animations`)).json();
    expect(list.animations).toHaveLength(10);
  });

  it("re-rolls one frame: another take of the same pose, inside the same palette", async () => {
    const anim = walk[0]!;
    const frame = anim.frames[1];
    const before = await logicalOf(frame.task_id);
    const res = await post(
      `/api/v1/characters/${knight.id}/animations/${anim.id}/frames/1/reroll`,
      {},
    );
    const body = await res.json();
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(202);
    expect(body.frames[1]).toMatchObject({ status: "completed", task_id: frame.task_id });
    const after = await logicalOf(frame.task_id);
    expect(after.equals(before)).toBe(false);
    const palette = new Set<string>(knight.palette);
    for (const c of coloursOf(await rgbaOfPng(after))) expect(palette.has(c)).toBe(true);
    // the other frames are untouched
    expect((await logicalOf(anim.frames[0].task_id)).length).toBeGreaterThan(0);
  });

  it("adds a state with its own facings and animates it", async () => {
    const res = await post(`/api/v1/characters/${knight.id}/states`, {
      name: "blue cape",
      prompt: "with a blue cape",
    });
    const state = await res.json();
    expect(res.status, JSON.stringify(state).slice(0, 300)).toBe(201);
    expect(Object.keys(state.facings)).toHaveLength(8);
    const anim = await post(`/api/v1/characters/${knight.id}/animations`, {
      action: "idle",
      directions: ["down"],
      state_id: state.id,
    });
    expect(anim.status).toBe(202);
    const { animations } = await anim.json();
    expect(animations[0]).toMatchObject({ state_id: state.id, status: "completed" });
    const states = await (await api(`/api/v1/characters/${knight.id}/states`)).json();
    expect(states.states.map((s: Json) => s.name)).toEqual(["blue cape"]);
  });

  it("exports one ZIP the engines read: Godot SpriteFrames per action_direction, Aseprite tags, facings", async () => {
    const res = await api(`/api/v1/characters/${knight.id}/export?format=zip`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const zip = readZip(Buffer.from(await res.arrayBuffer()));
    for (const name of [
      "character.png",
      "character.json",
      "character.tres",
      "character_info.json",
      "animations/walk_down.png",
      "animations/walk_down.json",
      "animations/attack_left.json",
      "animations/blue_cape_idle_down.json",
      "facings/down.png",
      "facings/up_left.png",
      "facings/blue_cape_down.png",
    ])
      expect(zip.has(name), name).toBe(true);
    const godot = checkSpriteFrames(zip.get("character.tres")!.toString());
    expect(godot.texturePath).toBe("character.png");
    const names = godot.animations.map((a) => a.name);
    for (const d of knight.directions) expect(names).toContain(`walk_${d}`);
    expect(names).toContain("attack_left");
    expect(godot.animations.find((a) => a.name === "walk_down")!.regions).toHaveLength(4);
    expect(godot.animations.find((a) => a.name === "attack_left")!.loop).toBe(false);
    const atlas = JSON.parse(zip.get("character.json")!.toString());
    expect(atlas.meta.frameTags.map((t: Json) => t.name)).toEqual(names);
    expect(Object.keys(atlas.frames)).toHaveLength(8 * 4 + 2 * 3 + 2);
    const sheet = await sharp(zip.get("character.png")!).metadata();
    expect([sheet.width, sheet.height]).toEqual([4 * 48, names.length * 48]);
    const one = JSON.parse(zip.get("animations/walk_down.json")!.toString());
    expect(one.meta.frameTags).toEqual([
      { name: "walk_down", from: 0, to: 3, direction: "forward" },
    ]);
    const facing = await sharp(zip.get("facings/down.png")!).metadata();
    expect([facing.width, facing.height]).toEqual([48, 48]);
  });

  it("lists the caller's characters with their animation counts", async () => {
    const wolf = await post("/api/v1/characters", { prompt: "a grey wolf", seed: 3 });
    expect(wolf.status).toBe(201);
    expect((await wolf.json()).body).toBe("quadruped");
    const list = await (await api("/api/v1/characters?page=1&page_size=10")).json();
    expect(list).toMatchObject({ total: 2, page: 1, page_size: 10 });
    expect(list.items.map((c: Json) => c.prompt)).toEqual([
      "a grey wolf",
      "a knight with a red cape",
    ]);
    expect(list.items[1].animation_count).toBe(11);
    expect((await (await api("/api/v1/characters", { auth: bob.auth })).json()).total).toBe(0);
  });

  it("renames and locks a palette with PATCH", async () => {
    const res = await api(`/api/v1/characters/${knight.id}`, {
      method: "PATCH",
      body: JSON.stringify({ name: "Sir Red" }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).name).toBe("Sir Red");
  });

  it("answers bad input with a 4xx in the QT shape", async () => {
    const cases: [string, string, unknown, number, RegExp][] = [
      [
        "POST",
        "/api/v1/characters",
        { prompt: "a knight", size: 8 },
        400,
        /size must be an integer from 16 to 128/,
      ],
      ["POST", "/api/v1/characters", { prompt: "a knight", size: 200 }, 400, /size/],
      [
        "POST",
        "/api/v1/characters",
        { prompt: "a knight", directions: 6 },
        400,
        /directions must be 4 or 8/,
      ],
      ["POST", "/api/v1/characters", { prompt: "" }, 400, /prompt/],
      ["POST", "/api/v1/characters", { prompt: "a knight", model: "nope/none" }, 404, /./],
      [
        "POST",
        "/api/v1/characters",
        { prompt: "a knight", source_task_id: 999999 },
        404,
        /Task 999999 not found/,
      ],
      [
        "POST",
        `/api/v1/characters/${knight.id}/animations`,
        { action: "dance" },
        400,
        /action must be one of/,
      ],
      [
        "POST",
        `/api/v1/characters/${knight.id}/animations`,
        { action: "walk", directions: ["north"] },
        400,
        /direction/,
      ],
      [
        "POST",
        `/api/v1/characters/${knight.id}/animations`,
        { action: "walk", state_id: 999 },
        404,
        /State 999/,
      ],
      [
        "POST",
        `/api/v1/characters/${knight.id}/animations/${walk[0]!.id}/frames/9/reroll`,
        {},
        404,
        /Frame 9/,
      ],
      [
        "POST",
        `/api/v1/characters/${knight.id}/animations/999999/frames/0/reroll`,
        {},
        404,
        /Animation 999999/,
      ],
      ["GET", "/api/v1/characters/abc", undefined, 400, /positive integer/],
      ["GET", "/api/v1/characters?page_size=500", undefined, 400, /page_size/],
      ["PATCH", `/api/v1/characters/${knight.id}`, { palette: ["red"] }, 400, /#rrggbb/],
    ];
    for (const [method, path, body, status, message] of cases) {
      const res = await api(path, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await res.json();
      expect(res.status, `${method} ${path} ${JSON.stringify(json)}`).toBe(status);
      expect(typeof json.error).toBe("string");
      expect(`${json.error} ${json.details ?? ""}`).toMatch(message);
    }
    // a 4-direction character has no diagonals
    const four = await (
      await post("/api/v1/characters", { prompt: "a small mage", seed: 1 })
    ).json();
    const diag = await post(`/api/v1/characters/${four.id}/animations`, {
      action: "walk",
      directions: ["down_left"],
    });
    expect(diag.status).toBe(400);
    expect((await diag.json()).error).toMatch(/not one of this character's/);
  });

  it("hides another user's character (404 on every route)", async () => {
    for (const [method, path, body] of [
      ["GET", `/api/v1/characters/${knight.id}`, undefined],
      ["PATCH", `/api/v1/characters/${knight.id}`, { name: "mine" }],
      ["DELETE", `/api/v1/characters/${knight.id}`, undefined],
      ["POST", `/api/v1/characters/${knight.id}/animations`, { action: "walk" }],
      ["GET", `/api/v1/characters/${knight.id}/animations`, undefined],
      ["POST", `/api/v1/characters/${knight.id}/states`, { name: "x", prompt: "y" }],
      ["GET", `/api/v1/characters/${knight.id}/export`, undefined],
      ["POST", `/api/v1/characters/${knight.id}/animations/${walk[0]!.id}/frames/0/reroll`, {}],
    ] as const) {
      const res = await api(path, {
        method,
        auth: bob.auth,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect((await res.json()).error).toMatch(/Character \d+ not found/);
    }
    // bob cannot start from alice's gallery image either
    const res = await post(
      "/api/v1/characters",
      { prompt: "stolen", source_task_id: knight.facings.down.task_id },
      bob.auth,
    );
    expect(res.status).toBe(404);
  });

  it("starts from a gallery image: its pixels are the front facing, with a note", async () => {
    const res = await post("/api/v1/characters", {
      prompt: "a knight with a red cape",
      source_task_id: walk[0]!.frames[0].task_id,
      seed: 7,
    });
    const c = await res.json();
    expect(res.status, JSON.stringify(c).slice(0, 300)).toBe(201);
    expect(c.facings.down.edited).toBe(true);
    expect(c.notes.join(" ")).toMatch(/drawn from the engine's design/);
    // a plain gallery image, not an edit: nothing to say about "your edit"
    expect(c.notes.join(" ")).toMatch(/compare them with the front facing/);
    expect(c.notes.join(" ")).not.toMatch(/your edit/);
    // the page in Chinese shows the same note in Chinese
    expect(c.notes_zh.join(" ")).toMatch(/正面朝向是你的图片/);
    expect(c.notes_zh.join(" ")).not.toMatch(/engine's design/);
    const front = await rgbaOfPng(await logicalOf(c.facings.down.task_id));
    const source = await rgbaOfPng(await logicalOf(walk[0]!.frames[0].task_id));
    expect(Buffer.from(front.data).equals(Buffer.from(source.data))).toBe(true);
  });

  it("starts from a gallery image without repeating its prompt (the image's own is used)", async () => {
    const source = walk[0]!.frames[1].task_id;
    const sourcePrompt = (await (await api(`/api/v1/task/${source}`)).json()).prompt;
    const res = await post("/api/v1/characters", { source_task_id: source, seed: 7 });
    const c = await res.json();
    expect(res.status, JSON.stringify(c).slice(0, 300)).toBe(201);
    expect(c.prompt).toBe(sourcePrompt);
    expect(c.facings.down.edited).toBe(true);
    // without a source the prompt is still required, and says when it may be left out
    const none = await post("/api/v1/characters", { seed: 7 });
    expect(none.status).toBe(400);
    expect((await none.json()).error).toMatch(/prompt is required.*source_task_id/);
    // another user's image is not found, prompt or no prompt
    const stolen = await post("/api/v1/characters", { source_task_id: source }, bob.auth);
    expect(stolen.status).toBe(404);
  });

  it("starts from an image saved from the editor with the original prompt, not the edit's title", async () => {
    const frame = await (await api(`/api/v1/task/${walk[0]!.frames[0].task_id}`)).json();
    const { batch } = await (await api(`/api/v1/batch/${frame.batch_id}`)).json();
    const opened = await (
      await post("/api/v1/documents", { source_batch_id: frame.batch_id })
    ).json();
    const saved = await (
      await api(`/api/v1/documents/${opened.id}`, {
        method: "PUT",
        body: JSON.stringify(opened),
        headers: { "If-Match": '"1"' },
      })
    ).json();
    const edit = await (await api(`/api/v1/task/${saved.task_id}`)).json();
    expect(edit.prompt).toBe(`${batch.prompt} (${batch.mode})`); // the edit's title
    const res = await post("/api/v1/characters", { source_task_id: saved.task_id, seed: 7 });
    const c = await res.json();
    expect(res.status, JSON.stringify(c).slice(0, 300)).toBe(201);
    expect(c.prompt).toBe(batch.prompt);
    expect(c.notes.join(" ")).toMatch(/compare them with your edit/);
    expect(c.notes_zh.join(" ")).toMatch(/请与你的编辑对比/);
  });

  it("starts from an editor document of yours (its first frame is the front facing)", async () => {
    const opened = await post("/api/v1/documents", { source_task_id: walk[0]!.frames[2].task_id });
    expect(opened.status).toBe(201);
    const doc = await opened.json();
    const res = await post("/api/v1/characters", {
      prompt: "a knight with a red cape",
      source_document_id: doc.id,
      directions: 4,
    });
    const c = await res.json();
    expect(res.status, JSON.stringify(c).slice(0, 300)).toBe(201);
    expect(c).toMatchObject({ source_document_id: doc.id, size: 48 });
    expect(c.facings.down.edited).toBe(true);
    const front = await rgbaOfPng(await logicalOf(c.facings.down.task_id));
    const source = await rgbaOfPng(await logicalOf(walk[0]!.frames[2].task_id));
    expect(Buffer.from(front.data).equals(Buffer.from(source.data))).toBe(true);
    // another user's document is not found
    const stolen = await post(
      "/api/v1/characters",
      { prompt: "x", source_document_id: doc.id },
      bob.auth,
    );
    expect(stolen.status).toBe(404);
  });

  it("deletes the character and keeps its gallery images", async () => {
    const taskId = walk[0]!.frames[0].task_id;
    const res = await api(`/api/v1/characters/${knight.id}`, { method: "DELETE" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: knight.id, deleted: true });
    expect((await api(`/api/v1/characters/${knight.id}`)).status).toBe(404);
    expect((await api(`/api/v1/task/${taskId}`)).status).toBe(200);
    expect((await api(`/static/gallery/${taskId}.png`)).status).toBe(200);
  });
});

describe("a remote character (A1111)", () => {
  it("draws the facings first, then hands each frame its direction's facing as the init image", async () => {
    const models = await (await api("/api/v1/models")).json();
    const a1111Model = Object.values(models.data.image as Record<string, Json>).find((m) =>
      String(m.id).startsWith("a1111/"),
    );
    expect(a1111Model, JSON.stringify(models).slice(0, 300)).toBeTruthy();
    const res = await post("/api/v1/characters", {
      prompt: "a knight with a red cape",
      model: a1111Model!.id,
      seed: 11,
    });
    const created = await res.json();
    expect(res.status, JSON.stringify(created).slice(0, 300)).toBe(201);
    expect(created.supports_reference).toBe(true);
    expect(["pending", "processing"]).toContain(created.status);
    const ready = await waitFor(async () => {
      const c = await (await api(`/api/v1/characters/${created.id}`)).json();
      return c.status === "completed" || c.status === "failed" ? c : undefined;
    }, 60_000);
    expect(ready.status, JSON.stringify(ready.facings)).toBe("completed");
    expect(ready.palette.length).toBeGreaterThan(1);
    a1111.reset();
    const anim = await post(`/api/v1/characters/${created.id}/animations`, {
      action: "walk",
      directions: ["left"],
    });
    expect(anim.status).toBe(202);
    const { animations } = await anim.json();
    const done = await waitFor(async () => {
      const list = await (await api(`/api/v1/characters/${created.id}/animations`)).json();
      const a = list.animations.find((x: Json) => x.id === animations[0].id);
      return a.status === "completed" || a.status === "failed" ? a : undefined;
    }, 60_000);
    expect(done.status).toBe("completed");
    // every frame went to img2img with the left facing's stored image, byte for byte
    const facing = Buffer.from(
      await (await api(`/static/gallery/${ready.facings.left.task_id}.png`)).arrayBuffer(),
    );
    const calls = a1111.calls.filter((c) => c.path === "/sdapi/v1/img2img");
    expect(calls).toHaveLength(4);
    for (const c of calls) {
      const init = String((c.json as Json).init_images[0]);
      expect(
        Buffer.from(init.replace(/^data:image\/\w+;base64,/, ""), "base64").equals(facing),
      ).toBe(true);
    }
    // the frames are kept inside the character's locked palette and scored
    const palette = new Set<string>(ready.palette);
    for (const f of done.frames) {
      expect(f.identity).not.toBeNull();
      for (const c of coloursOf(await rgbaOfPng(await logicalOf(f.task_id))))
        expect(palette.has(c), c).toBe(true);
    }
  });

  it("lists a frame that failed upstream as failed, and a re-roll fills it", async () => {
    const list = await (await api("/api/v1/characters?page_size=100")).json();
    const remote = list.items.find((c: Json) => String(c.model).startsWith("a1111/"));
    a1111.reset();
    a1111.failNext("500", "submit");
    const res = await post(`/api/v1/characters/${remote.id}/animations`, {
      action: "idle",
      directions: ["down"],
    });
    expect(res.status).toBe(202);
    const id = (await res.json()).animations[0].id;
    const settled = async () =>
      waitFor(async () => {
        const all = await (await api(`/api/v1/characters/${remote.id}/animations`)).json();
        const a = all.animations.find((x: Json) => x.id === id);
        return a.status === "completed" || a.status === "failed" ? a : undefined;
      }, 60_000);
    const failed = await settled();
    expect(failed.status).toBe("failed");
    expect(failed.failed_frames).toHaveLength(1);
    const index = failed.failed_frames[0];
    expect(failed.frames[index]).toMatchObject({ status: "failed", url: null });
    expect(failed.frames[index].error).toBeTruthy();
    const reroll = await post(
      `/api/v1/characters/${remote.id}/animations/${id}/frames/${index}/reroll`,
      {},
    );
    expect(reroll.status).toBe(202);
    expect((await reroll.json()).frames[index].status).toBe("pending");
    const filled = await settled();
    expect(filled.status).toBe("completed");
    expect(filled.failed_frames).toEqual([]);
    expect(filled.frames[index].identity).not.toBeNull();
  });

  it("says at creation when a model cannot take a reference image", async () => {
    const models = await (await api("/api/v1/models")).json();
    const plain = Object.values(models.data.image as Record<string, Json>).find((m) =>
      String(m.id).startsWith("modelscope/"),
    );
    expect(plain).toBeTruthy();
    const res = await post("/api/v1/characters", { prompt: "a knight", model: plain!.id });
    const c = await res.json();
    expect(res.status, JSON.stringify(c).slice(0, 300)).toBe(201);
    expect(c.supports_reference).toBe(false);
    expect(c.notes.join(" ")).toMatch(/cannot take a reference image/);
  });
});
