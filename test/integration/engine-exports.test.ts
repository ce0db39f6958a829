// Batch exports loaded by the real consumers: Phaser 3 and PixiJS 8 (from node_modules) in
// headless Chromium on a loopback page, the Godot .tres by a parser written from Godot's
// text-resource grammar (Godot itself cannot run here), plus native scale, 1× storage and the
// 400/404 answers of the export routes; and a character's whole-character ZIP (#19) the same way.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium } from "playwright";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUserWithKey } from "../helpers/accounts";
import { checkSpriteFrames } from "../helpers/godot-sprite-frames";
import { startServer, type TestServer, useFreshDataDir, waitFor } from "../helpers/server";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SHOTS = path.join(ROOT, "test-results", "engine-exports");

let server: TestServer;
let alice: Awaited<ReturnType<typeof seedUserWithKey>>;
let bob: Awaited<ReturnType<typeof seedUserWithKey>>;
const batches: Record<string, { id: number; logical: { w: number; h: number } }> = {};
/** a character (#19): 8 directions, a walk in all of them and an attack to the left */
let characterId: number;
const CHARACTER_SIZE = 48;

const api = (p: string, auth: Record<string, string> = alice.auth, init: RequestInit = {}) =>
  fetch(`${server.baseUrl}${p}`, {
    ...init,
    headers: { "Content-Type": "application/json", ...auth, ...(init.headers as object) },
  });

async function makeBatch(mode: string, prompt: string, scale: number) {
  const res = await api("/api/v1/batch-generate", alice.auth, {
    method: "POST",
    body: JSON.stringify({ prompt, mode, scale, seed: 11, force: true }),
  });
  expect(res.status).toBe(200);
  const { batch_id } = await res.json();
  const done = await waitFor(async () => {
    const b = await (await api(`/api/v1/batch/${batch_id}`)).json();
    return b.completed_count + b.failed_count === b.total_count ? b : undefined;
  }, 120_000);
  expect(done.failed_count).toBe(0);
  const first = done.tasks.find((t: { batch_index: number }) => t.batch_index === 1);
  const logical = await sharp(
    Buffer.from(await (await api(`/api/v1/task/${first.id}/files/logical/0`)).arrayBuffer()),
  ).metadata();
  return { id: batch_id as number, logical: { w: logical.width!, h: logical.height! } };
}

beforeAll(async () => {
  useFreshDataDir();
  alice = await seedUserWithKey("anim-alice@example.com");
  bob = await seedUserWithKey("anim-bob@example.com");
  server = await startServer({ GENERATION_RATE_LIMIT_PER_MIN: "200" });
  batches.walk = await makeBatch("walk", "a red knight", 4);
  batches.directions8 = await makeBatch("directions8", "a blue mage", 3);
  batches.walk4 = await makeBatch("walk4", "a green ranger", 2);
  batches.directions = await makeBatch("directions", "a grey wolf", 2);
  const c = await api("/api/v1/characters", alice.auth, {
    method: "POST",
    body: JSON.stringify({
      prompt: "a knight with a red cape",
      directions: 8,
      size: CHARACTER_SIZE,
      seed: 4,
    }),
  });
  expect(c.status).toBe(201);
  characterId = (await c.json()).id;
  for (const body of [{ action: "walk" }, { action: "attack", directions: ["left"] }]) {
    const a = await api(`/api/v1/characters/${characterId}/animations`, alice.auth, {
      method: "POST",
      body: JSON.stringify(body),
    });
    expect(a.status).toBe(202);
  }
}, 400_000);
afterAll(async () => {
  await server?.stop();
});

/** Downloads an export and returns it with the file name from Content-Disposition. */
async function download(p: string) {
  const res = await api(p);
  expect(res.status, `${p}: ${res.status}`).toBe(200);
  const name = /filename=([^;]+)/.exec(res.headers.get("content-disposition") ?? "")?.[1];
  return { name: name!, data: Buffer.from(await res.arrayBuffer()) };
}

describe("native scale and 1× storage", () => {
  it("stores the 1× grid and serves every export at scale 1 and at the batch's scale", async () => {
    const { id, logical } = batches.walk!;
    expect(logical.w).toBeLessThanOrEqual(64); // the true pixel grid, not the ×4 image
    const frame = await download(`/api/v1/batch/${id}/frames/1?scale=1`);
    expect(frame.name).toBe("walk_1_1x.png");
    expect(await sharp(frame.data).metadata()).toMatchObject({
      width: logical.w,
      height: logical.h,
    });
    const shown = await download(`/api/v1/batch/${id}/frames/2`);
    expect((await sharp(shown.data).metadata()).width).toBe(logical.w * 4);
    const sheet1 = await download(`/api/v1/batch/${id}/sheet.png?scale=1`);
    expect(await sharp(sheet1.data).metadata()).toMatchObject({
      width: logical.w * 4,
      height: logical.h,
    });
    const sheet7 = await download(`/api/v1/batch/${id}/sheet.png?scale=7`);
    expect((await sharp(sheet7.data).metadata()).width).toBe(logical.w * 4 * 7);
    const atlas = JSON.parse(
      (await download(`/api/v1/batch/${id}/sheet.json?scale=1&fps=5`)).data.toString(),
    );
    expect(atlas.frames["3"]).toMatchObject({
      frame: { x: 3 * logical.w, y: 0, w: logical.w, h: logical.h },
      duration: 200,
    });
    expect(atlas.meta.pixelScale).toBe(1);
    const gif = await download(`/api/v1/batch/${id}/animation.gif?scale=1&fps=10`);
    const gm = await sharp(gif.data, { animated: true }).metadata();
    expect([gm.width, gm.pages, gm.delay?.[0]]).toEqual([logical.w, 4, 100]);
    // 1× frame pixels equal the ×4 frame folded back: one grid, two scales
    const big = await sharp(shown.data).ensureAlpha().raw().toBuffer();
    const small = await sharp((await download(`/api/v1/batch/${id}/frames/2?scale=1`)).data)
      .ensureAlpha()
      .raw()
      .toBuffer();
    for (let y = 0; y < logical.h; y++)
      for (let x = 0; x < logical.w; x++)
        expect(big.readUInt32LE((y * 4 * logical.w * 4 + x * 4) * 4)).toBe(
          small.readUInt32LE((y * logical.w + x) * 4),
        );
  });

  it("ZIP at scale 1 holds every engine file, dated now", async () => {
    const { id, logical } = batches.walk4!;
    const zip = await download(`/api/v1/batch/${id}/download?scale=1`);
    expect(zip.name).toBe(`batch_${id}_walk4.zip`);
    const file = path.join(server.dataDir, "walk4.zip");
    fs.writeFileSync(file, zip.data);
    const info = JSON.parse(
      execFileSync("python3", [
        "-c",
        "import sys,json,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps([[i.filename, list(i.date_time)] for i in z.infolist()]))",
        file,
      ]).toString(),
    ) as [string, number[]][];
    const names = info.map((e) => e[0]);
    expect(names.slice(0, 16)).toEqual(Array.from({ length: 16 }, (_, i) => `walk4_${i + 1}.png`));
    expect(names.slice(16)).toEqual([
      "sheet.png",
      "sheet.json",
      "atlas.json",
      "sprite_frames.tres",
      "slices.json",
      "animation.gif",
    ]);
    const year = new Date().getFullYear();
    for (const [, dt] of info) expect(dt[0]).toBe(year);
    const read = (n: string) =>
      execFileSync("python3", [
        "-c",
        "import sys,zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))",
        file,
        n,
      ]);
    expect(await sharp(read("sheet.png")).metadata()).toMatchObject({
      width: 4 * logical.w,
      height: 4 * logical.h,
    });
    const tres = checkSpriteFrames(read("sprite_frames.tres").toString());
    expect(tres.texturePath).toBe("sheet.png");
    expect(tres.animations.map((a) => [a.name, a.regions.length, a.loop])).toEqual([
      ["walk_down", 4, true],
      ["walk_left", 4, true],
      ["walk_right", 4, true],
      ["walk_up", 4, true],
    ]);
    const slices = JSON.parse(read("slices.json").toString());
    expect([slices.columns, slices.rows, slices.cell.w]).toEqual([4, 4, logical.w]);
  });

  it("local upscale works on the 1× grid: Scale2x of the sprite, shown at the source's scale", async () => {
    const { id, logical } = batches.directions!;
    const b = await (await api(`/api/v1/batch/${id}`)).json();
    const res = await api(`/api/v1/task/${b.tasks[0].id}/operations`, alice.auth, {
      method: "POST",
      body: JSON.stringify({ model: "local/upscale", params: { method: "scale2x", factor: 2 } }),
    });
    expect(res.status).toBeLessThan(300);
    const { task_id } = await res.json();
    await waitFor(async () => {
      const t = await (await api(`/api/v1/task/${task_id}`)).json();
      return t.status === "completed" ? t : undefined;
    });
    const one = await sharp(
      Buffer.from(await (await api(`/api/v1/task/${task_id}/files/logical/0`)).arrayBuffer()),
    ).metadata();
    expect([one.width, one.height]).toEqual([logical.w * 2, logical.h * 2]);
    const shown = await sharp(
      Buffer.from(await (await api(`/static/gallery/${task_id}.png`)).arrayBuffer()),
    ).metadata();
    expect(shown.width).toBe(logical.w * 2 * 2);
  });
});

describe("bad input and other users", () => {
  it("400 naming the field for an unknown mode, a scale or fps out of range", async () => {
    const bad = await api("/api/v1/batch-generate", alice.auth, {
      method: "POST",
      body: JSON.stringify({ prompt: "x", mode: "moonwalk" }),
    });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(Object.keys(body).sort()).toEqual(["details", "error"]);
    expect(body.error).toContain("mode");
    expect(body.error).toContain("directions8");
    const { id } = batches.walk!;
    for (const q of ["scale=0", "scale=21", "scale=abc", "scale=2.5"]) {
      for (const route of [
        "sheet.png",
        "sheet.json",
        "atlas.json",
        "sprite-frames.tres",
        "slices.json",
        "animation.gif",
        "download",
        "frames/1",
      ]) {
        const r = await api(`/api/v1/batch/${id}/${route}?${q}`);
        expect(r.status, `${route}?${q}`).toBe(400);
        expect((await r.json()).error).toContain("scale");
      }
    }
    expect((await (await api(`/api/v1/batch/${id}/sheet.json?fps=99`)).json()).error).toContain(
      "fps",
    );
    expect((await api(`/api/v1/batch/${id}/frames/17`)).status).toBe(400);
    expect((await api(`/api/v1/batch/${id}/frames/5`)).status).toBe(404);
  });

  it("another user's batch answers 404 on every export route", async () => {
    const { id } = batches.walk!;
    for (const route of [
      "sheet.png",
      "sheet.json",
      "atlas.json",
      "sprite-frames.tres",
      "slices.json",
      "animation.gif",
      "download",
      "frames/1",
    ]) {
      const r = await api(`/api/v1/batch/${id}/${route}?scale=1`, bob.auth);
      expect(r.status, route).toBe(404);
      expect(await r.json()).toHaveProperty("error");
    }
  });
});

describe("engines load the exports without edits", () => {
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  let files: http.Server;
  let filesUrl: string;
  const served = new Map<string, { type: string; data: Buffer }>();

  beforeAll(async () => {
    served.set("/phaser.js", {
      type: "text/javascript",
      data: fs.readFileSync(path.join(ROOT, "node_modules/phaser/dist/phaser.min.js")),
    });
    served.set("/pixi.js", {
      type: "text/javascript",
      data: fs.readFileSync(path.join(ROOT, "node_modules/pixi.js/dist/pixi.min.js")),
    });
    files = http.createServer((req, res) => {
      const f = served.get(new URL(req.url!, "http://x").pathname);
      if (!f) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "Content-Type": f.type, "Content-Length": f.data.length }).end(f.data);
    });
    await new Promise<void>((r) => files.listen(0, "127.0.0.1", r));
    filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        // PixiJS 8 needs WebGL: software rendering (SwiftShader) stands in for the GPU
        "--use-angle=swiftshader",
        "--enable-unsafe-swiftshader",
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => files?.close(r));
  });

  /** Serves the batch's exports under their download names (meta.image resolves as is). */
  async function serveBatch(key: string, scale: number) {
    const { id } = batches[key]!;
    const out: Record<string, string> = {};
    for (const route of ["sheet.png", "sheet.json", "atlas.json"]) {
      const f = await download(`/api/v1/batch/${id}/${route}?scale=${scale}`);
      served.set(`/${f.name}`, {
        type: route.endsWith(".png") ? "image/png" : "application/json",
        data: f.data,
      });
      out[route] = `/${f.name}`;
    }
    return out;
  }

  async function run(html: string, shot: string) {
    served.set("/index.html", { type: "text/html", data: Buffer.from(html) });
    const page = await browser.newPage({ viewport: { width: 800, height: 480 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${filesUrl}/index.html`);
    const result = await page.evaluate(
      () => (window as unknown as { result: Promise<unknown> }).result,
    );
    await page.screenshot({ path: path.join(SHOTS, shot) });
    await page.close();
    expect(errors).toEqual([]);
    return result as Record<string, unknown>;
  }

  const phaserPage = (
    f: Record<string, string>,
    named: string[],
  ) => `<!doctype html><body style="margin:0">
<script src="/phaser.js"></script><script>
window.result = new Promise((resolve, reject) => {
  new Phaser.Game({ type: Phaser.CANVAS, width: 800, height: 480, backgroundColor: "#28304a", pixelArt: true,
    scene: {
      preload() {
        this.load.aseprite("hero", "${f["sheet.png"]}", "${f["sheet.json"]}");
        this.load.atlas("named", "${f["sheet.png"]}", "${f["atlas.json"]}");
      },
      create() {
        try {
          const anims = this.anims.createFromAseprite("hero");
          const out = {};
          const sprites = [];
          const cols = Math.min(anims.length, 4);
          anims.forEach((a, i) => {
            const f0 = a.frames[0].frame;
            out[a.key] = { frames: a.frames.length, w: f0.width, h: f0.height, duration: a.duration };
            const s = this.add.sprite(100 + (i % cols) * 190, 110 + Math.floor(i / cols) * 130, "hero");
            s.setScale(Math.max(1, Math.floor(110 / f0.height)));
            s.play({ key: a.key, repeat: -1 });
            sprites.push(s);
            this.add.text(s.x - 60, s.y + 58, a.key, { fontSize: "14px", color: "#ffffff" });
          });
          // the name-keyed atlas through load.atlas + frame names
          const names = ${JSON.stringify(named)};
          this.anims.create({ key: "by-name", frames: names.map((n) => ({ key: "named", frame: n })), frameRate: 8, repeat: -1 });
          const byName = this.anims.get("by-name");
          const s2 = this.add.sprite(690, 390, "named", names[0]).play("by-name");
          s2.setScale(Math.max(1, Math.floor(140 / byName.frames[0].frame.height)));
          this.add.text(620, 462, "load.atlas + names", { fontSize: "12px", color: "#ffffff" });
          const t0 = Date.now();
          const cycles = anims.some((a) => a.frames.length > 1);
          const finish = () => resolve({
            anims: out,
            byName: { frames: byName.frames.length, w: byName.frames[0].frame.width },
            advanced: sprites.map((s) => s.anims.currentFrame ? s.anims.currentFrame.index : 0),
            playing: sprites.every((s) => s.anims.isPlaying),
          });
          // poll until a sprite has moved past its first frame (the game loop runs on rAF)
          const check = () => {
            const moved = sprites.some((s) => s.anims.currentFrame && s.anims.currentFrame.index > 1);
            if (!cycles || moved || Date.now() - t0 > 8000) finish();
            else setTimeout(check, 100);
          };
          setTimeout(check, 300);
        } catch (e) { reject(String(e && e.stack || e)); }
      },
    },
  });
});
</script></body>`;

  const pixiPage = (
    f: Record<string, string>,
  ) => `<!doctype html><body style="margin:0;background:#000">
<script src="/pixi.js"></script><script>
window.result = (async () => {
  const app = new PIXI.Application();
  await app.init({ width: 800, height: 480, background: "#1e3a2f", preference: "webgl" });
  document.body.appendChild(app.canvas);
  // the JSON as is: PIXI.Assets resolves meta.image next to it and builds the Spritesheet
  const sheet = await PIXI.Assets.load("${f["sheet.json"]}");
  sheet.textureSource.scaleMode = "nearest";
  const out = {};
  const names = Object.keys(sheet.animations);
  const cols = Math.min(names.length, 4);
  const sprites = names.map((name, i) => {
    const textures = sheet.animations[name];
    out[name] = { frames: textures.length, w: textures[0].frame.width, h: textures[0].frame.height };
    const s = new PIXI.AnimatedSprite(textures);
    s.scale.set(Math.max(1, Math.floor(110 / textures[0].frame.height)));
    s.x = 40 + (i % cols) * 190; s.y = 40 + Math.floor(i / cols) * 130;
    s.animationSpeed = 0.15; s.play();
    app.stage.addChild(s);
    const label = new PIXI.Text({ text: name, style: { fill: "#ffffff", fontSize: 14 } });
    label.x = s.x; label.y = s.y + 112; app.stage.addChild(label);
    return s;
  });
  // wait until the sprites have advanced (the ticker runs on requestAnimationFrame)
  const cycles = names.some((n) => sheet.animations[n].length > 1);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, 300));
  while (cycles && performance.now() - t0 < 8000 && !sprites.some((s) => s.currentFrame > 0))
    await new Promise((r) => setTimeout(r, 100));
  return { anims: out, renderer: app.renderer.name ?? app.renderer.type, advanced: sprites.map((s) => s.currentFrame) };
})();
</script></body>`;

  for (const [key, scale, expected] of [
    ["walk", 4, { walk: 4 }],
    [
      "directions8",
      3,
      { down: 1, down_left: 1, left: 1, up_left: 1, up: 1, up_right: 1, right: 1, down_right: 1 },
    ],
    ["walk4", 2, { walk_down: 4, walk_left: 4, walk_right: 4, walk_up: 4 }],
  ] as const) {
    it(`Phaser 3 plays the ${key} batch via load.aseprite and load.atlas`, async () => {
      const f = await serveBatch(key, scale);
      const { logical } = batches[key]!;
      const named =
        key === "walk"
          ? ["walk_1", "walk_2", "walk_3", "walk_4"]
          : key === "walk4"
            ? ["walk_up_1", "walk_up_2", "walk_up_3", "walk_up_4"]
            : ["down", "down_left", "left", "up_left", "up", "up_right", "right", "down_right"];
      const r = (await run(phaserPage(f, named), `phaser-${key}.png`)) as {
        anims: Record<string, { frames: number; w: number; h: number }>;
        byName: { frames: number; w: number };
        advanced: number[];
        playing: boolean;
      };
      expect(Object.fromEntries(Object.entries(r.anims).map(([k, v]) => [k, v.frames]))).toEqual(
        expected,
      );
      for (const a of Object.values(r.anims))
        expect([a.w, a.h]).toEqual([logical.w * scale, logical.h * scale]);
      expect(r.byName).toEqual({ frames: named.length, w: logical.w * scale });
      expect(r.playing).toBe(true);
      if (key !== "directions8") expect(Math.max(...r.advanced)).toBeGreaterThan(1);
    });

    it(`PixiJS 8 builds AnimatedSprites for the ${key} batch from the same JSON`, async () => {
      const f = await serveBatch(key, scale);
      const { logical } = batches[key]!;
      const r = (await run(pixiPage(f), `pixi-${key}.png`)) as {
        anims: Record<string, { frames: number; w: number; h: number }>;
        advanced: number[];
      };
      expect(Object.fromEntries(Object.entries(r.anims).map(([k, v]) => [k, v.frames]))).toEqual(
        expected,
      );
      for (const a of Object.values(r.anims))
        expect([a.w, a.h]).toEqual([logical.w * scale, logical.h * scale]);
      if (key !== "directions8") expect(Math.max(...r.advanced)).toBeGreaterThan(0);
    });
  }

  const CHARACTER_ANIMS = {
    ...Object.fromEntries(
      ["down", "down_left", "left", "up_left", "up", "up_right", "right", "down_right"].map((d) => [
        `walk_${d}`,
        4,
      ]),
    ),
    attack_left: 3,
  };

  /** Serves a character ZIP's atlas files under their names (meta.image is character.png). */
  async function serveCharacter(scale: number) {
    const zip = await download(
      `/api/v1/characters/${characterId}/export?format=zip&scale=${scale}`,
    );
    expect(zip.name).toBe(`character_${characterId}.zip`);
    const file = path.join(server.dataDir, `character-${scale}.zip`);
    fs.writeFileSync(file, zip.data);
    const read = (n: string) =>
      execFileSync("python3", [
        "-c",
        "import sys,zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))",
        file,
        n,
      ]);
    for (const n of ["character.png", "character.json", "character_named.json"])
      served.set(`/${n}`, {
        type: n.endsWith(".png") ? "image/png" : "application/json",
        data: read(n),
      });
    return {
      files: {
        "sheet.png": "/character.png",
        "sheet.json": "/character.json",
        "atlas.json": "/character_named.json",
      },
      tres: read("character.tres").toString(),
    };
  }

  it("Godot reads the character's SpriteFrames: one animation per action_direction", async () => {
    const { tres } = await serveCharacter(1);
    const godot = checkSpriteFrames(tres);
    expect(godot.texturePath).toBe("character.png");
    expect(Object.fromEntries(godot.animations.map((a) => [a.name, a.regions.length]))).toEqual(
      CHARACTER_ANIMS,
    );
    for (const a of godot.animations)
      for (const r of a.regions) expect([r[2], r[3]]).toEqual([CHARACTER_SIZE, CHARACTER_SIZE]);
    expect(godot.animations.find((a) => a.name === "attack_left")!.loop).toBe(false);
  });

  it("Phaser 3 plays every action_direction of the character export", async () => {
    const { files: f } = await serveCharacter(2);
    const r = (await run(
      phaserPage(f, ["walk_left_1", "walk_left_2", "walk_left_3", "walk_left_4"]),
      "phaser-character.png",
    )) as {
      anims: Record<string, { frames: number; w: number; h: number }>;
      byName: { frames: number; w: number };
      advanced: number[];
      playing: boolean;
    };
    expect(Object.fromEntries(Object.entries(r.anims).map(([k, v]) => [k, v.frames]))).toEqual(
      CHARACTER_ANIMS,
    );
    for (const a of Object.values(r.anims))
      expect([a.w, a.h]).toEqual([CHARACTER_SIZE * 2, CHARACTER_SIZE * 2]);
    expect(r.byName).toEqual({ frames: 4, w: CHARACTER_SIZE * 2 });
    expect(r.playing).toBe(true);
    expect(Math.max(...r.advanced)).toBeGreaterThan(1);
  });

  it("PixiJS 8 builds an AnimatedSprite per action_direction from the character JSON", async () => {
    const { files: f } = await serveCharacter(2);
    const r = (await run(pixiPage(f), "pixi-character.png")) as {
      anims: Record<string, { frames: number; w: number; h: number }>;
      advanced: number[];
    };
    expect(Object.fromEntries(Object.entries(r.anims).map(([k, v]) => [k, v.frames]))).toEqual(
      CHARACTER_ANIMS,
    );
    expect(Math.max(...r.advanced)).toBeGreaterThan(0);
  });
});
