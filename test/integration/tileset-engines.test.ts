// A grass ↔ dirt tileset made over the API, loaded by real engines without edits: Phaser 3 reads
// sample.tmj with load.tilemapTiledJSON + the sheet under its download name, PixiJS 8 builds the
// same map from sheet sub-textures at rules.json's rects. Both run from node_modules in headless
// Chromium on a loopback page; each canvas is compared pixel by pixel with the server's own
// sample.png (so a wrong gid, an off-by-one rect or a seam the engine draws would show).
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUserWithKey } from "../helpers/accounts";
import { startServer, type TestServer, useFreshDataDir } from "../helpers/server";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SHOTS = path.join(ROOT, "test-results", "tileset-engines");
const ZOOM = 2;
// a seed whose sample map has many transitions (seed 9's blob map is nearly all grass: 3 tiles)
const SEED = 25;

let server: TestServer;
let alice: Awaited<ReturnType<typeof seedUserWithKey>>;
let browser: Awaited<ReturnType<typeof chromium.launch>>;
let files: http.Server;
let filesUrl: string;
const served = new Map<string, { type: string; data: Buffer }>();

interface MadeTileset {
  id: number;
  tmj: {
    width: number;
    height: number;
    tilewidth: number;
    layers: { data: number[] }[];
    tilesets: { image: string; columns: number; tilecount: number }[];
  };
}
const made: Record<string, MadeTileset> = {};

const api = (p: string, init: RequestInit = {}) =>
  fetch(`${server.baseUrl}${p}`, {
    ...init,
    headers: { "Content-Type": "application/json", ...alice.auth },
  });

async function download(p: string) {
  const res = await api(p);
  expect(res.status, p).toBe(200);
  const name = /filename=([^;]+)/.exec(res.headers.get("content-disposition") ?? "")?.[1];
  return { name: name!, data: Buffer.from(await res.arrayBuffer()) };
}

/** Makes a tileset and serves its files under their download names (the .tmj's image resolves). */
async function makeTileset(layout: string, tileSize: number): Promise<MadeTileset> {
  const res = await api("/api/v1/tilesets", {
    method: "POST",
    body: JSON.stringify({ terrains: ["grass", "dirt"], tile_size: tileSize, layout, seed: SEED }),
  });
  expect(res.status).toBe(201);
  const { tileset } = await res.json();
  const sheet = await download(tileset.files.png);
  const tmj = await download(tileset.files.tmj);
  const rules = await download(tileset.files.rules);
  const sample = await download(`${tileset.files.sample}?scale=${ZOOM}`);
  served.set(`/${sheet.name}`, { type: "image/png", data: sheet.data });
  served.set(`/${layout}/sample.tmj`, { type: "application/json", data: tmj.data });
  served.set(`/${layout}/rules.json`, { type: "application/json", data: rules.data });
  served.set(`/${layout}/expected.png`, { type: "image/png", data: sample.data });
  expect(tmj.name).toBe(`tileset_${tileset.id}_sample.tmj`);
  return { id: tileset.id, tmj: JSON.parse(tmj.data.toString()) };
}

beforeAll(async () => {
  useFreshDataDir();
  alice = await seedUserWithKey("tiles2-alice@example.com");
  server = await startServer();
  made.blob47 = await makeTileset("blob47", 32);
  made.corner16 = await makeTileset("corner16", 16);
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
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => files?.close(r));
  await server?.stop();
});

// In-page: compares a canvas with the server's sample.png at the same zoom, pixel by pixel.
const COMPARE = `
async function compare(canvas, url) {
  const img = new Image(); img.src = url; await img.decode();
  const w = img.width, h = img.height;
  const a = document.createElement("canvas"); a.width = w; a.height = h;
  const ac = a.getContext("2d"); ac.drawImage(canvas, 0, 0);
  const b = document.createElement("canvas"); b.width = w; b.height = h;
  const bc = b.getContext("2d"); bc.drawImage(img, 0, 0);
  const da = ac.getImageData(0, 0, w, h).data, db = bc.getImageData(0, 0, w, h).data;
  let differing = 0;
  for (let i = 0; i < da.length; i += 4)
    if (Math.abs(da[i] - db[i]) > 2 || Math.abs(da[i + 1] - db[i + 1]) > 2 || Math.abs(da[i + 2] - db[i + 2]) > 2) differing++;
  return { w, h, differing };
}`;

async function run(html: string, shot: string) {
  served.set("/index.html", { type: "text/html", data: Buffer.from(html) });
  const page = await browser.newPage({ viewport: { width: 800, height: 540 } });
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

const phaserPage = (layout: string, t: MadeTileset) => {
  const w = t.tmj.width * t.tmj.tilewidth * ZOOM;
  const h = t.tmj.height * t.tmj.tilewidth * ZOOM;
  return `<!doctype html><body style="margin:0">
<script src="/phaser.js"></script><script>${COMPARE}
window.result = new Promise((resolve, reject) => {
  const game = new Phaser.Game({ type: Phaser.CANVAS, width: ${w}, height: ${h}, backgroundColor: "#ff00ff", pixelArt: true,
    scene: {
      preload() {
        this.load.tilemapTiledJSON("map", "/${layout}/sample.tmj");
        this.load.image("tiles", "/${t.tmj.tilesets[0]!.image}");
      },
      create() {
        try {
          const map = this.make.tilemap({ key: "map" });
          // the tileset name Phaser matches is the one embedded in the .tmj
          const tiles = map.addTilesetImage(map.tilesets[0].name, "tiles");
          const layer = map.createLayer("terrain", tiles, 0, 0);
          this.cameras.main.setZoom(${ZOOM}).centerOn(map.widthInPixels / 2, map.heightInPixels / 2);
          const indices = [];
          for (let y = 0; y < map.height; y++)
            for (let x = 0; x < map.width; x++) indices.push(layer.getTileAt(x, y, true).index);
          setTimeout(async () => {
            try {
              resolve({
                map: [map.width, map.height, map.tileWidth, map.tileHeight],
                layer: [layer.layer.width, layer.layer.height, layer.displayWidth, layer.displayHeight],
                tileset: [tiles.columns, tiles.total, tiles.firstgid, tiles.tileWidth],
                indices,
                compare: await compare(game.canvas, "/${layout}/expected.png"),
              });
            } catch (e) { reject(String(e && e.stack || e)); }
          }, 400);
        } catch (e) { reject(String(e && e.stack || e)); }
      },
    },
  });
});
</script></body>`;
};

const pixiPage = (layout: string, t: MadeTileset) => {
  const w = t.tmj.width * t.tmj.tilewidth * ZOOM;
  const h = t.tmj.height * t.tmj.tilewidth * ZOOM;
  return `<!doctype html><body style="margin:0;background:#000">
<script src="/pixi.js"></script><script>${COMPARE}
window.result = (async () => {
  const app = new PIXI.Application();
  await app.init({ width: ${w}, height: ${h}, background: "#ff00ff", preference: "webgl", preserveDrawingBuffer: true });
  document.body.appendChild(app.canvas);
  const rules = await (await fetch("/${layout}/rules.json")).json();
  const map = await (await fetch("/${layout}/sample.tmj")).json();
  const sheet = await PIXI.Assets.load("/" + rules.image);
  sheet.source.scaleMode = "nearest";
  // one Texture per tile: a Rectangle frame at the tile's rect from rules.json
  const textures = new Map(rules.tiles.map((tile) => [tile.id, new PIXI.Texture({
    source: sheet.source,
    frame: new PIXI.Rectangle(tile.x, tile.y, rules.tile_size, rules.tile_size),
  })]));
  const layer = map.layers[0];
  const root = new PIXI.Container();
  root.scale.set(${ZOOM});
  layer.data.forEach((gid, i) => {
    const s = new PIXI.Sprite(textures.get(gid - map.tilesets[0].firstgid));
    s.x = (i % layer.width) * map.tilewidth;
    s.y = Math.floor(i / layer.width) * map.tileheight;
    root.addChild(s);
  });
  app.stage.addChild(root);
  app.render();
  const frames = [...textures.values()];
  return {
    frames: frames.length,
    frameSizes: [...new Set(frames.map((f) => f.frame.width + "x" + f.frame.height))],
    sprites: root.children.length,
    renderer: app.renderer.name,
    compare: await compare(app.canvas, "/${layout}/expected.png"),
  };
})();
</script></body>`;
};

describe("a grass ↔ dirt tileset in real engines", () => {
  for (const layout of ["blob47", "corner16"] as const) {
    it(`Phaser 3 loads the ${layout} sample.tmj and draws what sample.png shows`, async () => {
      const t = made[layout]!;
      const size = t.tmj.tilewidth;
      const tiles = layout === "blob47" ? 48 : 16;
      const r = (await run(phaserPage(layout, t), `phaser-${layout}.png`)) as {
        map: number[];
        layer: number[];
        tileset: number[];
        indices: number[];
        compare: { w: number; h: number; differing: number };
      };
      expect(r.map).toEqual([12, 8, size, size]);
      expect(r.layer).toEqual([12, 8, 12 * size, 8 * size]);
      expect(r.tileset).toEqual([layout === "blob47" ? 8 : 4, tiles, 1, size]);
      // Phaser tile index = gid (firstgid 1); the map's gids, cell by cell
      expect(r.indices).toEqual(t.tmj.layers[0]!.data);
      expect(new Set(r.indices).size).toBeGreaterThanOrEqual(layout === "blob47" ? 12 : 10);
      expect(r.compare).toEqual({ w: 12 * size * ZOOM, h: 8 * size * ZOOM, differing: 0 });
    });

    it(`PixiJS 8 builds the ${layout} sample map from sheet sub-textures at rules.json's rects`, async () => {
      const t = made[layout]!;
      const size = t.tmj.tilewidth;
      const r = (await run(pixiPage(layout, t), `pixi-${layout}.png`)) as {
        frames: number;
        frameSizes: string[];
        sprites: number;
        compare: { w: number; h: number; differing: number };
      };
      expect(r.frames).toBe(layout === "blob47" ? 48 : 16);
      expect(r.frameSizes).toEqual([`${size}x${size}`]);
      expect(r.sprites).toBe(96);
      expect(r.compare).toEqual({ w: 12 * size * ZOOM, h: 8 * size * ZOOM, differing: 0 });
    });
  }
});
