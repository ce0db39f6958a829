// Terrain tilesets and offline sound effects through the real server: a tileset made over the
// API with its engine files (parsed), bad input as 400s naming the field, another user's
// tileset as 404; an SFX from local/sfx with no provider configured, played back as a WAV.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeWav } from "@/lib/audio/wav";
import { seedUserWithKey } from "../helpers/accounts";
import { parseGodotResource } from "../helpers/godot-text-resource";
import { startServer, type TestServer, useFreshDataDir, waitFor } from "../helpers/server";

let server: TestServer;
let alice: Awaited<ReturnType<typeof seedUserWithKey>>;
let bob: Awaited<ReturnType<typeof seedUserWithKey>>;

beforeAll(async () => {
  useFreshDataDir();
  alice = await seedUserWithKey("tiles-alice@example.com");
  bob = await seedUserWithKey("tiles-bob@example.com");
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const call = (p: string, body?: unknown, auth = alice.auth) =>
  fetch(`${server.baseUrl}${p}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json", ...auth },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** entry names, read by Python's zipfile (an independent ZIP reader) */
function zipNames(buf: Buffer): string[] {
  const file = path.join(server.dataDir, "tileset.zip");
  fs.writeFileSync(file, buf);
  return execFileSync("python3", [
    "-c",
    "import sys,zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))",
    file,
  ])
    .toString()
    .trim()
    .split("\n");
}

describe("POST /api/v1/tilesets", () => {
  let id: number;

  it("draws a grass ↔ dirt blob set with its files", async () => {
    const res = await call("/api/v1/tilesets", {
      terrains: ["grass", "dirt"],
      tile_size: 32,
      layout: "blob47",
      seed: 9,
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    const t = body.tileset;
    expect(t).toMatchObject({
      terrains: ["grass", "dirt"],
      tile_size: 32,
      layout: "blob47",
      seed: 9,
      columns: 8,
      rows: 6,
      tile_count: 48,
      status: "completed",
    });
    id = t.id;

    const png = await call(t.files.png);
    expect(png.headers.get("content-type")).toBe("image/png");
    const meta = await sharp(Buffer.from(await png.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([256, 192]);
    const big = await sharp(
      Buffer.from(await (await call(`${t.files.png}?scale=3`)).arrayBuffer()),
    ).metadata();
    expect([big.width, big.height]).toEqual([768, 576]);
    const sample = await sharp(
      Buffer.from(await (await call(t.files.sample)).arrayBuffer()),
    ).metadata();
    expect(sample.width).toBeGreaterThan(256);

    const tsx = await (await call(t.files.tsx)).text();
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(tsx);
    expect(doc.tileset.image.source).toBe(`tileset_${id}.png`);
    expect(doc.tileset.wangsets.wangset.type).toBe("mixed");
    expect(doc.tileset.wangsets.wangset.wangtile).toHaveLength(47);

    const tres = parseGodotResource(await (await call(t.files.tres)).text());
    expect(tres.resource.props.get("terrain_set_0/mode")).toBe(0);
    expect(tres.extResources[0]!.attrs.path).toBe(`res://tileset_${id}.png`);

    const rules = await (await call(t.files.rules)).json();
    expect(Object.keys(rules.by_mask)).toHaveLength(47);

    const zip = Buffer.from(await (await call(t.files.zip)).arrayBuffer());
    expect(zipNames(zip).sort()).toEqual(
      [
        `tileset_${id}.png`,
        `tileset_${id}.tsx`,
        `tileset_${id}.tres`,
        `tileset_${id}.rules.json`,
        `tileset_${id}_sample.png`,
        `tileset_${id}_sample.tmj`,
      ].sort(),
    );
  });

  it("keeps it in the gallery and lists it", async () => {
    const got = await (await call(`/api/v1/tilesets/${id}`)).json();
    expect(got.tileset.id).toBe(id);
    const list = await (await call("/api/v1/tilesets")).json();
    expect(list.tilesets.map((x: { id: number }) => x.id)).toContain(id);
    const task = await (await call(`/api/v1/task/${id}`)).json();
    expect(task).toMatchObject({
      id,
      status: "completed",
      mode: "tileset",
      image_path: `/static/gallery/${id}.png`,
    });
    const img = await call(task.image_path);
    expect(img.status).toBe(200);
  });

  it("answers 404 for another user's tileset and for a task that is not a tileset", async () => {
    for (const p of [
      `/api/v1/tilesets/${id}`,
      `/api/v1/tilesets/${id}/tileset.png`,
      `/api/v1/tilesets/${id}/tileset.tsx`,
    ]) {
      const res = await call(p, undefined, bob.auth);
      expect(res.status, p).toBe(404);
      expect(await res.json()).toMatchObject({ error: expect.stringContaining("not found") });
    }
    const gen = await call("/api/v1/generate", { prompt: "a red potion", force: true });
    const { task_id } = await gen.json();
    expect((await call(`/api/v1/tilesets/${task_id}`)).status).toBe(404);
  });

  it.each([
    [
      { terrains: ["grass", "marshmallow"], tile_size: 16, layout: "corner16" },
      /terrains\.1: .*marshmallow/,
    ],
    [{ terrains: ["grass"], tile_size: 16, layout: "corner16" }, /terrains/],
    [{ terrains: ["grass", "grass"], tile_size: 16, layout: "corner16" }, /terrains.*different/],
    [{ terrains: ["grass", "dirt"], tile_size: 24, layout: "corner16" }, /tile_size.*16 or 32/],
    [{ terrains: ["grass", "dirt"], tile_size: 16, layout: "hexagon" }, /layout must be/],
  ])("400 naming the field for %j", async (body, message) => {
    const res = await call("/api/v1/tilesets", body);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error).toMatch(message);
    const scale = await call(`/api/v1/tilesets/${id}/tileset.png?scale=99`);
    expect(scale.status).toBe(400);
    expect((await scale.json()).error).toMatch(/scale/);
  });

  it("needs a caller, before it reads the body", async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/tilesets`, { method: "POST", body: "{" });
    expect(res.status).toBe(401);
  });
});

describe("local/sfx", () => {
  it("is listed as an enabled audio model, the default with no provider configured", async () => {
    const body = await (await fetch(`${server.baseUrl}/api/v1/models`)).json();
    expect(body.data.audio["local/sfx"]).toMatchObject({
      enabled: true,
      is_default: true,
      type: "audio",
    });
    expect(body.data.audio["local/sfx"].voices.map((v: { id: string }) => v.id)).toContain("coin");
  });

  it("makes a coin sound through POST /api/v1/generations/audio and serves the WAV", async () => {
    const res = await call("/api/v1/generations/audio", {
      prompt: "收集金币 coin pickup",
      model: "local/sfx",
      seed: 5,
    });
    const json = await res.json();
    expect(res.status, JSON.stringify(json)).toBe(200);
    const done = await waitFor(async () => {
      const { data } = await (await call(`/api/v1/tasks/${json.data.task_id}`)).json();
      return data.status === "completed" || data.status === "failed" ? data : undefined;
    }, 30_000);
    expect(done.status).toBe("completed");
    expect(done.result.audios[0].content_type).toBe("audio/wav");
    const wav = Buffer.from(
      await (await call(new URL(done.result.audios[0].url).pathname)).arrayBuffer(),
    );
    const pcm = decodeWav(wav);
    expect(pcm.sampleRate).toBe(44_100);
    expect(pcm.samples.length).toBeGreaterThan(2000);
    const note = await (await call(new URL(done.result.texts[0].url).pathname)).text();
    expect(note).toMatch(/coin/);
  });
});
