// Editor documents through the real server: open a generated walk batch at 1×, change one pixel
// of frame 2, save with If-Match (new version + gallery entry, source untouched), a stale save
// (409, nothing written), earlier versions, every bad input as a 400/404 in the QT shape with
// nothing half-saved, opening from a task, tileset, blank canvas and uploads (PNG, GIF, sheet +
// Aseprite JSON), and the exports — the .aseprite read back by ase-parser (an independent reader).
import fs from "node:fs";
import path from "node:path";
import Aseprite from "ase-parser";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGifFromGrids } from "@/lib/pixel/exports";
import { seedUserWithKey } from "../helpers/accounts";
import { checkSpriteFrames } from "../helpers/godot-sprite-frames";
import { startServer, type TestServer, useFreshDataDir, waitFor } from "../helpers/server";

/** The document JSON as the routes answer it (what the test reads and sends back). */
type DocumentJson = {
  id: number;
  width: number;
  height: number;
  frames: { duration_ms: number }[];
  cels: { frame: number; layer: number; png: string }[];
  [field: string]: unknown;
};

let server: TestServer;
let alice: Awaited<ReturnType<typeof seedUserWithKey>>;
let bob: Awaited<ReturnType<typeof seedUserWithKey>>;
let batchId: number;
let firstTaskId: number;

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
const put = (p: string, body: unknown, ifMatch?: string, auth = alice.auth) =>
  api(p, {
    method: "PUT",
    body: JSON.stringify(body),
    auth,
    headers: ifMatch === undefined ? {} : { "If-Match": ifMatch },
  });

async function rgbaOf(dataUrl: string) {
  const buf = Buffer.from(dataUrl.split(",")[1]!, "base64");
  const { data, info } = await sharp(buf).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

async function dataUrlOf(rgba: Uint8Array, width: number, height: number) {
  const png = await sharp(Buffer.from(rgba), { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString("base64")}`;
}

beforeAll(async () => {
  useFreshDataDir();
  alice = await seedUserWithKey("doc-alice@example.com");
  bob = await seedUserWithKey("doc-bob@example.com");
  server = await startServer({ GENERATION_RATE_LIMIT_PER_MIN: "200" });
  const res = await post("/api/v1/batch-generate", {
    prompt: "a red knight",
    mode: "walk",
    scale: 4,
    seed: 5,
    force: true,
  });
  expect(res.status).toBe(200);
  batchId = (await res.json()).batch_id;
  const done = await waitFor(async () => {
    const b = await (await api(`/api/v1/batch/${batchId}`)).json();
    return b.completed_count + b.failed_count === b.total_count ? b : undefined;
  }, 120_000);
  expect(done.failed_count).toBe(0);
  firstTaskId = done.tasks.find((t: { batch_index: number }) => t.batch_index === 1).id;
}, 200_000);
afterAll(async () => {
  await server?.stop();
});

describe("a walk batch in the editor", () => {
  let doc: DocumentJson;
  let original: Buffer;

  it("opens every frame at 1× with durations and the walk tag", async () => {
    original = Buffer.from(
      await (await api(`/api/v1/task/${firstTaskId}/files/logical/0`)).arrayBuffer(),
    );
    const logical = await sharp(original).metadata();
    const res = await post("/api/v1/documents", { source_batch_id: batchId });
    doc = await res.json();
    expect(res.status, JSON.stringify(doc).slice(0, 300)).toBe(201);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(doc).toMatchObject({
      version: 1,
      latest_version: 1,
      width: logical.width,
      height: logical.height,
      color_mode: "rgba",
      source_batch_id: batchId,
      source_task_id: null,
      task_id: null,
    });
    expect(doc.frames).toHaveLength(4);
    expect(doc.frames.every((f: { duration_ms: number }) => f.duration_ms === 150)).toBe(true);
    expect(doc.layers).toEqual([{ name: "Layer 1", visible: true, opacity: 1, locked: false }]);
    expect(doc.tags).toEqual([{ name: "walk", from: 0, to: 3, direction: null }]);
    expect(doc.cels).toHaveLength(4);
    // frame 1's cel is exactly the stored 1× grid of batch frame 1
    const cel = await rgbaOf(doc.cels[0].png);
    const grid = await sharp(original).ensureAlpha().raw().toBuffer();
    expect([cel.width, cel.height]).toEqual([logical.width, logical.height]);
    expect(Buffer.from(cel.data).equals(grid)).toBe(true);
  });

  it("saves one changed pixel on frame 2 as version 2 with a gallery entry; the source is untouched", async () => {
    const cel = doc.cels.find((c: { frame: number }) => c.frame === 1)!;
    const px = await rgbaOf(cel.png);
    px.data.set([12, 34, 56, 255], 0);
    const edited = {
      ...doc,
      cels: await Promise.all(
        doc.cels.map(async (c: { frame: number; layer: number; png: string }) =>
          c.frame === 1 ? { ...c, png: await dataUrlOf(px.data, px.width, px.height) } : c,
        ),
      ),
    };
    const res = await put(`/api/v1/documents/${doc.id}`, edited, '"1"');
    const saved = await res.json();
    expect(res.status, JSON.stringify(saved).slice(0, 300)).toBe(200);
    expect(res.headers.get("etag")).toBe('"2"');
    expect(saved).toMatchObject({ version: 2, latest_version: 2, source_batch_id: batchId });
    expect(typeof saved.task_id).toBe("number");
    const reread = await (await api(`/api/v1/documents/${doc.id}`)).json();
    const frame2 = await rgbaOf(reread.cels.find((c: { frame: number }) => c.frame === 1).png);
    expect(Array.from(frame2.data.subarray(0, 4))).toEqual([12, 34, 56, 255]);
    expect(Buffer.from(frame2.data.subarray(4)).equals(Buffer.from(px.data.subarray(4)))).toBe(
      true,
    );
    // the gallery entry: a completed image task with the strip of the 4 frames, linked back
    const task = await (await api(`/api/v1/task/${saved.task_id}`)).json();
    expect(task).toMatchObject({ status: "completed", mode: "edited", model: "local/editor" });
    expect(task.editor).toEqual({
      document_id: doc.id,
      version: 2,
      source_task_id: null,
      source_batch_id: batchId,
      source_tileset_id: null,
    });
    const logical = await sharp(
      Buffer.from(await (await api(`/api/v1/task/${saved.task_id}/files/logical/0`)).arrayBuffer()),
    ).metadata();
    expect([logical.width, logical.height]).toEqual([doc.width * 4, doc.height]);
    const image = await api(`/static/gallery/${saved.task_id}.png`);
    expect(image.status).toBe(200);
    // the source batch frame is byte for byte what it was
    const after = Buffer.from(
      await (await api(`/api/v1/task/${firstTaskId}/files/logical/0`)).arrayBuffer(),
    );
    expect(after.equals(original)).toBe(true);
    doc = reread;
  });

  it("answers a stale save with 409 and the current version, and writes nothing", async () => {
    const before = await (await api("/api/v1/tasks?page=1")).json();
    const res = await put(`/api/v1/documents/${doc.id}`, doc, '"1"');
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error).toMatch(/current version is 2/);
    expect(body.details).toBe("current_version=2");
    const versions = await (await api(`/api/v1/documents/${doc.id}/versions`)).json();
    expect(versions.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const after = await (await api("/api/v1/tasks?page=1")).json();
    expect(after.total).toBe(before.total);
  });

  it("reopens an earlier version", async () => {
    const v1 = await (await api(`/api/v1/documents/${doc.id}?version=1`)).json();
    expect(v1).toMatchObject({ version: 1, latest_version: 2, task_id: null });
    const px = await rgbaOf(v1.cels.find((c: { frame: number }) => c.frame === 1).png);
    expect(Array.from(px.data.subarray(0, 4))).not.toEqual([12, 34, 56, 255]);
    expect((await api(`/api/v1/documents/${doc.id}?version=9`)).status).toBe(404);
  });

  it("refuses bad input with a 400 naming the problem, and saves nothing", async () => {
    const id = doc.id;
    const cases: [unknown, RegExp][] = [
      [{ ...doc, width: 300 }, /width must be an integer from 1 to 256/],
      [
        { ...doc, frames: Array.from({ length: 257 }, () => ({ duration_ms: 100 })) },
        /at most 256 frames/,
      ],
      [
        { ...doc, layers: Array.from({ length: 65 }, (_, i) => ({ name: `L${i}` })) },
        /at most 64 layers/,
      ],
      [{ ...doc, palette: Array.from({ length: 257 }, () => "#000000") }, /at most 256 colours/],
      [
        {
          ...doc,
          cels: [{ frame: 0, layer: 0, png: await dataUrlOf(new Uint8Array(4 * 4 * 4), 4, 4) }],
        },
        /the PNG is 4×4, the document/,
      ],
      [
        { ...doc, cels: [{ frame: 0, layer: 0, png: "data:image/png;base64,AAAA" }] },
        /does not hold a PNG/,
      ],
      [
        { ...doc, cels: [{ frame: 0, layer: 0, png: "data:image/jpeg;base64,AAAA" }] },
        /png must be a data:image\/png/,
      ],
      [{ ...doc, cels: [{ frame: 9, layer: 0, png: doc.cels[0].png }] }, /no such frame or layer/],
      [{ ...doc, tags: [{ name: "x", from: 0, to: 9 }] }, /tag "x"/],
    ];
    for (const [body, message] of cases) {
      const res = await put(`/api/v1/documents/${id}`, body, '"2"');
      const answer = await res.json();
      expect(res.status, JSON.stringify(answer)).toBe(400);
      expect(`${answer.error} ${answer.details ?? ""}`).toMatch(message);
    }
    const noIfMatch = await put(`/api/v1/documents/${id}`, doc);
    expect(noIfMatch.status).toBe(400);
    expect((await noIfMatch.json()).error).toMatch(/If-Match is required/);
    const versions = await (await api(`/api/v1/documents/${id}/versions`)).json();
    expect(versions.latest_version).toBe(2);
    expect(versions.versions).toHaveLength(2);
  });

  it("asks for a key on every documents route: 401 in the QT shape, nothing created", async () => {
    const none = { "Content-Type": "application/json" };
    const calls: [string, string, unknown?][] = [
      ["GET", "/api/v1/documents"],
      ["POST", "/api/v1/documents", { width: 8, height: 8 }],
      ["GET", `/api/v1/documents/${doc.id}`],
      ["PUT", `/api/v1/documents/${doc.id}`, doc],
      ["GET", `/api/v1/documents/${doc.id}/versions`],
      ["GET", `/api/v1/documents/${doc.id}/export?format=png`],
    ];
    for (const [method, p, body] of calls) {
      const res = await fetch(`${server.baseUrl}${p}`, {
        method,
        headers: method === "PUT" ? { ...none, "If-Match": '"2"' } : none,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(res.status, `${method} ${p}`).toBe(401);
      const answer = await res.json();
      expect(typeof answer.error, `${method} ${p}`).toBe("string");
      expect(answer.code, "the QT family has no code field").toBeUndefined();
    }
    const list = await (await api("/api/v1/documents")).json();
    expect(list.total).toBe(1);
    expect((await (await api(`/api/v1/documents/${doc.id}/versions`)).json()).latest_version).toBe(
      2,
    );
  });

  it("keeps documents private and sources checked", async () => {
    expect((await api(`/api/v1/documents/${doc.id}`, { auth: bob.auth })).status).toBe(404);
    expect((await put(`/api/v1/documents/${doc.id}`, doc, '"2"', bob.auth)).status).toBe(404);
    expect((await post("/api/v1/documents", { source_batch_id: batchId }, bob.auth)).status).toBe(
      404,
    );
    expect(
      (await post("/api/v1/documents", { source_task_id: firstTaskId }, bob.auth)).status,
    ).toBe(404);
    expect((await post("/api/v1/documents", { source_task_id: 999999 })).status).toBe(404);
    const two = await post("/api/v1/documents", {
      source_task_id: firstTaskId,
      width: 8,
      height: 8,
    });
    expect(two.status).toBe(400);
    expect((await two.json()).error).toMatch(/exactly one of/);
    expect((await api("/api/v1/documents")).status).toBe(200);
    const list = await (await api(`/api/v1/documents?source_batch_id=${batchId}`)).json();
    expect(list.documents.map((d: { id: number }) => d.id)).toEqual([doc.id]);
    const bobs = await (await api("/api/v1/documents", { auth: bob.auth })).json();
    expect(bobs.total).toBe(0);
  });

  it("exports through the studio's exporters and as a real .aseprite file", async () => {
    const get = async (q: string) => {
      const res = await api(`/api/v1/documents/${doc.id}/export?${q}`);
      expect(res.status, q).toBe(200);
      return { res, data: Buffer.from(await res.arrayBuffer()) };
    };
    const ase = new Aseprite((await get("format=aseprite")).data, "doc.aseprite");
    ase.parse();
    expect([ase.width, ase.height, ase.numFrames, ase.colorDepth]).toEqual([
      doc.width,
      doc.height,
      4,
      32,
    ]);
    expect(ase.frames.map((f) => f.frameDuration)).toEqual([150, 150, 150, 150]);
    expect(ase.layers.map((l) => l.name)).toEqual(["Layer 1"]);
    expect(ase.tags.map((t) => [t.name, t.from, t.to])).toEqual([["walk", 0, 3]]);
    const cel = ase.frames[1]!.cels[0]!;
    expect(Array.from(cel.rawCelData.subarray(0, 4))).toEqual([12, 34, 56, 255]);
    const sheet = await sharp((await get("format=sheet&scale=2")).data).metadata();
    expect([sheet.width, sheet.height]).toEqual([doc.width * 4 * 2, doc.height * 2]);
    const json = JSON.parse((await get("format=sheet.json")).data.toString());
    expect(Object.keys(json.frames)).toEqual(["0", "1", "2", "3"]);
    expect(json.meta.frameTags).toEqual([{ name: "walk", from: 0, to: 3, direction: "forward" }]);
    const atlas = JSON.parse((await get("format=atlas.json")).data.toString());
    expect(Object.keys(atlas.frames)).toEqual(["walk_1", "walk_2", "walk_3", "walk_4"]);
    const tres = checkSpriteFrames(
      (await get("format=sprite-frames.tres&scale=3")).data.toString(),
    );
    expect(tres.animations.map((a) => [a.name, a.regions.length])).toEqual([["walk", 4]]);
    const gif = await sharp((await get("format=gif")).data, { animated: true }).metadata();
    expect(gif.pages).toBe(4);
    const png = await get("format=png&frame=1");
    const frame = await sharp(png.data).ensureAlpha().raw().toBuffer();
    expect(Array.from(frame.subarray(0, 4))).toEqual([12, 34, 56, 255]);
    const zip = await get("format=zip");
    expect(zip.res.headers.get("content-type")).toBe("application/zip");
    const bad = await api(`/api/v1/documents/${doc.id}/export?format=psd`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/format must be one of/);
  });

  it("deleting an edited gallery entry removes its save files (and only those)", async () => {
    const saves = path.join(server.dataDir, "files", "documents", String(doc.id), "saves");
    const res = await put(`/api/v1/documents/${doc.id}`, doc, '"2"');
    expect(res.status).toBe(200);
    const v3 = await res.json();
    const before = fs.readdirSync(saves);
    expect(before).toHaveLength(2); // the saves of versions 2 and 3
    expect((await api(`/api/v1/task/${v3.task_id}`, { method: "DELETE" })).status).toBe(200);
    const after = fs.readdirSync(saves);
    expect(after).toHaveLength(1);
    // version 2's entry still has its files; the document still opens at version 3
    expect(typeof doc.task_id).toBe("number");
    expect((await api(`/static/gallery/${doc.task_id}.png`)).status).toBe(200);
    expect((await (await api(`/api/v1/documents/${doc.id}`)).json()).version).toBe(3);
  });

  it("two saves of the same version at once: one lands, the other gets 409 and leaves nothing", async () => {
    const saves = path.join(server.dataDir, "files", "documents", String(doc.id), "saves");
    const dirsBefore = fs.readdirSync(saves).length;
    const tasksBefore = (await (await api("/api/v1/tasks?page=1")).json()).total;
    const answers = await Promise.all([
      put(`/api/v1/documents/${doc.id}`, doc, '"3"'),
      put(`/api/v1/documents/${doc.id}`, doc, '"3"'),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = await answers.find((r) => r.status === 409)!.json();
    expect(refused.details).toBe("current_version=4");
    const versions = await (await api(`/api/v1/documents/${doc.id}/versions`)).json();
    expect(versions.versions.map((v: { version: number }) => v.version)).toEqual([4, 3, 2, 1]);
    expect((await (await api("/api/v1/tasks?page=1")).json()).total).toBe(tasksBefore + 1);
    // the loser's gallery files, written before its transaction, are gone too
    expect(fs.readdirSync(saves)).toHaveLength(dirsBefore + 1);
  });
});

describe("other sources", () => {
  it("opens a single task, a blank canvas and a tileset sheet at 1×", async () => {
    const fromTask = await (
      await post("/api/v1/documents", { source_task_id: firstTaskId })
    ).json();
    expect(fromTask).toMatchObject({ source_task_id: firstTaskId, version: 1 });
    expect(fromTask.frames).toHaveLength(1);
    const blank = await (
      await post("/api/v1/documents", { width: 24, height: 16, frames: 3 })
    ).json();
    expect([blank.width, blank.height, blank.frames.length, blank.cels.length]).toEqual([
      24, 16, 3, 3,
    ]);
    const tooBig = await post("/api/v1/documents", { width: 257, height: 16 });
    expect(tooBig.status).toBe(400);
    const tileset = await (
      await post("/api/v1/tilesets", {
        terrains: ["grass", "dirt"],
        layout: "corner16",
        tile_size: 16,
      })
    ).json();
    const fromTileset = await post("/api/v1/documents", { source_tileset_id: tileset.tileset.id });
    const t = await fromTileset.json();
    expect(fromTileset.status, JSON.stringify(t).slice(0, 200)).toBe(201);
    expect([t.width, t.height, t.source_tileset_id]).toEqual([64, 64, tileset.tileset.id]);
    // a task that is not a tileset is not a tileset source
    expect((await post("/api/v1/documents", { source_tileset_id: firstTaskId })).status).toBe(404);
  });

  it("opens a four-way walk batch with one tag per facing, each with its direction", async () => {
    const res = await post("/api/v1/batch-generate", {
      prompt: "a green ranger",
      mode: "walk4",
      scale: 2,
      seed: 3,
      force: true,
    });
    expect(res.status).toBe(200);
    const id = (await res.json()).batch_id;
    await waitFor(async () => {
      const b = await (await api(`/api/v1/batch/${id}`)).json();
      return b.completed_count + b.failed_count === b.total_count ? b : undefined;
    }, 120_000);
    const opened = await post("/api/v1/documents", { source_batch_id: id });
    const d = await opened.json();
    expect(opened.status, JSON.stringify(d).slice(0, 200)).toBe(201);
    expect(d.frames).toHaveLength(16);
    expect(d.tags).toEqual([
      { name: "walk_down", from: 0, to: 3, direction: "down" },
      { name: "walk_left", from: 4, to: 7, direction: "left" },
      { name: "walk_right", from: 8, to: 11, direction: "right" },
      { name: "walk_up", from: 12, to: 15, direction: "up" },
    ]);
  });

  it("opens uploads: an upscaled PNG at 1×, every GIF frame, and a sheet with its Aseprite JSON", async () => {
    // 2×2 art drawn at ×3
    const art = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 0, 0, 0, 0]);
    const png = await sharp(Buffer.from(art), { raw: { width: 2, height: 2, channels: 4 } })
      .resize(6, 6, { kernel: "nearest" })
      .png()
      .toBuffer();
    const res = await post("/api/v1/documents", {
      upload: { image: `data:image/png;base64,${png.toString("base64")}` },
    });
    const doc = await res.json();
    expect(res.status, JSON.stringify(doc).slice(0, 200)).toBe(201);
    expect([doc.width, doc.height]).toEqual([2, 2]);
    expect(Array.from((await rgbaOf(doc.cels[0].png)).data)).toEqual(Array.from(art));

    const grids = [0, 1, 2].map((k) => ({
      width: 4,
      height: 4,
      // the frame's own colour in the top-left pixel, grey elsewhere (so the ×2 fold is visible)
      data: new Uint8ClampedArray(64).map((_, i) =>
        i % 4 === 3 ? 255 : i < 4 ? (i % 4 === k ? 200 : 0) : 90,
      ),
    }));
    const gif = encodeGifFromGrids(grids, { scale: 2, durations: [100, 200, 300] });
    const g = await (
      await post("/api/v1/documents", {
        upload: { image: `data:image/gif;base64,${gif.toString("base64")}` },
      })
    ).json();
    expect([g.width, g.height, g.frames.length]).toEqual([4, 4, 3]);
    expect(g.frames.map((f: { duration_ms: number }) => f.duration_ms)).toEqual([100, 200, 300]);
    expect(Array.from((await rgbaOf(g.cels[2].png)).data.subarray(0, 4))).toEqual([0, 0, 200, 255]);

    // our own sheet export (×2) + its Aseprite JSON comes back as the same frames and tags
    const list = await (await api(`/api/v1/documents?source_batch_id=${batchId}`)).json();
    const id = list.documents[0].id;
    const sheet = Buffer.from(
      await (await api(`/api/v1/documents/${id}/export?format=sheet&scale=2`)).arrayBuffer(),
    );
    const json = await (
      await api(`/api/v1/documents/${id}/export?format=sheet.json&scale=2`)
    ).json();
    const s = await post("/api/v1/documents", {
      upload: { image: `data:image/png;base64,${sheet.toString("base64")}`, aseprite_json: json },
    });
    const sd = await s.json();
    expect(s.status, JSON.stringify(sd).slice(0, 200)).toBe(201);
    const src = await (await api(`/api/v1/documents/${id}`)).json();
    expect([sd.width, sd.height, sd.frames.length]).toEqual([src.width, src.height, 4]);
    expect(sd.tags).toEqual([{ name: "walk", from: 0, to: 3, direction: null }]);
    for (let f = 0; f < 4; f++) {
      const a = await rgbaOf(sd.cels[f].png);
      const b = await rgbaOf(src.cels[f].png);
      expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(true);
    }

    const corrupt = await post("/api/v1/documents", {
      upload: { image: "data:image/png;base64,iVBORw0KGgo=" },
    });
    expect(corrupt.status).toBe(400);
    const badJson = await post("/api/v1/documents", {
      upload: {
        image: `data:image/png;base64,${sheet.toString("base64")}`,
        aseprite_json: { frames: {} },
      },
    });
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error).toMatch(/Aseprite JSON: no frames/);
  });
});
