// The pixel editor with real pointer input: a generated walk batch opened in the editor, one pixel
// drawn on frame 2 and one fixed on frame 3, the cape recoloured in every frame, undo/redo, save;
// the saved document holds exactly those pixels, the gallery has the new entry, the source batch
// is untouched and still opens as it was, the exported sheet loads in Phaser, and the Godot
// SpriteFrames and the .aseprite file download from the editor's own menu (issue #16's "done when").
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import Aseprite from "ase-parser";
import sharp from "sharp";
import { dragPixels, expect, screenshot, signUp, test, uniqueEmail } from "./helpers";

type Rgba = [number, number, number, number];
interface Raster {
  w: number;
  h: number;
  px: Buffer;
}

async function raster(data: Buffer | string): Promise<Raster> {
  const buf = typeof data === "string" ? Buffer.from(data.split(",")[1]!, "base64") : data;
  const { data: px, info } = await sharp(buf)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { w: info.width, h: info.height, px };
}
const at = (r: Raster, x: number, y: number): Rgba => {
  const o = (y * r.w + x) * 4;
  return [r.px[o]!, r.px[o + 1]!, r.px[o + 2]!, r.px[o + 3]!];
};
const hex = (c: Rgba) =>
  `#${c
    .slice(0, 3)
    .map((v) => v.toString(16).padStart(2, "0"))
    .join("")}`;

async function sourceFrames(page: Page, batchId: number, count: number) {
  const out: Raster[] = [];
  for (let i = 1; i <= count; i++) {
    const res = await page.request.get(`/api/v1/batch/${batchId}/frames/${i}?scale=1`);
    expect(res.ok()).toBe(true);
    out.push(await raster(await res.body()));
  }
  return out;
}

/** The reddest opaque colour that every frame uses: the cape of "a knight with a red cape". */
function capeColour(frames: Raster[]): string {
  const sets = frames.map((f) => {
    const s = new Map<string, Rgba>();
    for (let i = 0; i < f.w * f.h; i++) {
      const c = at(f, i % f.w, Math.floor(i / f.w));
      if (c[3] === 255) s.set(hex(c), c);
    }
    return s;
  });
  const common = [...sets[0]!.values()].filter((c) => sets.every((s) => s.has(hex(c))));
  common.sort((a, b) => b[0] - (b[1] + b[2]) / 2 - (a[0] - (a[1] + a[2]) / 2));
  return hex(common[0]!);
}

/** A real pointer click on document pixel (x, y) of the editor canvas. */
async function clickPixel(page: Page, x: number, y: number) {
  const canvas = page.getByTestId("editor-canvas");
  const box = (await canvas.boundingBox())!;
  const d = await canvas.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  const z = Number(d.zoom);
  await page.mouse.click(
    box.x + Number(d.originX) + x * z + z / 2,
    box.y + Number(d.originY) + y * z + z / 2,
  );
}

/** A pixel of the live 1× preview (what the canvas shows for the frame in focus). */
const previewPixel = (page: Page, x: number, y: number) =>
  page
    .getByTestId("editor-preview")
    .evaluate(
      (el, [px, py]) =>
        Array.from((el as HTMLCanvasElement).getContext("2d")!.getImageData(px!, py!, 1, 1).data),
      [x, y],
    );

async function setColour(page: Page, testId: string, value: string) {
  await page.getByTestId(testId).fill(value);
}

test("walk batch → editor: a pixel on frame 2, the cape recoloured everywhere, undo/redo, save, export to Phaser", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signUp(page, uniqueEmail("editor"));
  const gen = await page.request.post("/api/v1/batch-generate", {
    data: {
      prompt: `a knight with a red cape ${Date.now()}`,
      mode: "walk",
      scale: 4,
      seed: 7,
      force: true,
    },
  });
  expect(gen.ok()).toBe(true);
  const batchId = (await gen.json()).batch_id as number;
  await expect
    .poll(
      async () => (await (await page.request.get(`/api/v1/batch/${batchId}`)).json()).batch.status,
      {
        timeout: 120_000,
      },
    )
    .toBe("completed");
  const batchBefore = await (await page.request.get(`/api/v1/batch/${batchId}`)).json();
  const n = batchBefore.tasks.length as number;
  const before = await sourceFrames(page, batchId, n);
  const cape = capeColour(before);

  // Open from the batch previewer
  await page.goto(`/batches/${batchId}`);
  await page.getByTestId("open-in-editor").click();
  await expect(page).toHaveURL(/\/editor\/\d+$/);
  const docId = Number(page.url().split("/").pop());
  const editor = page.getByTestId("editor");
  await expect(editor).toHaveAttribute("data-version", /\d+/);
  await expect(page.getByTestId("frames").locator("li")).toHaveCount(n);

  // One pixel on frame 2 where the sprite is transparent (the top-left corner)
  const { w, h } = before[1]!;
  const spot = { x: 1, y: 1 };
  expect(at(before[1]!, spot.x, spot.y)[3]).toBe(0);
  await page.getByTestId("frames").locator('li[data-frame="1"] button').click();
  await expect(page.getByTestId("editor-frame-label")).toHaveText(`Frame 2 of ${n}`);
  await page.keyboard.press("b");
  await setColour(page, "primary-color", "#00ff00");
  await clickPixel(page, spot.x, spot.y);
  await expect.poll(() => previewPixel(page, spot.x, spot.y)).toEqual([0, 255, 0, 255]);
  await expect(editor).toHaveAttribute("data-dirty", "true");

  // "Fixes a pixel on frame 3": an opaque pixel of the sprite, erased (a stray pixel gone)
  const stray = (() => {
    const f = before[2]!;
    for (let i = 0; i < w * h; i++)
      if (at(f, i % w, Math.floor(i / w))[3] === 255) return { x: i % w, y: Math.floor(i / w) };
    throw new Error("frame 3 is empty");
  })();
  await page.getByTestId("frames").locator('li[data-frame="2"] button').click();
  await expect(page.getByTestId("editor-frame-label")).toHaveText(`Frame 3 of ${n}`);
  expect(await previewPixel(page, stray.x, stray.y)).toEqual(at(before[2]!, stray.x, stray.y));
  await page.keyboard.press("e");
  await clickPixel(page, stray.x, stray.y);
  await expect.poll(() => previewPixel(page, stray.x, stray.y)).toEqual([0, 0, 0, 0]);
  await page.keyboard.press("b");
  await page.getByTestId("frames").locator('li[data-frame="1"] button').click();

  // The cape colour → blue in every frame, one action
  await setColour(page, "primary-color", "#2050ff");
  await page.getByTestId("replace-from").fill(cape);
  await page.getByTestId("replace-apply").click();
  const capeAt = (() => {
    const f = before[1]!;
    for (let i = 0; i < w * h; i++)
      if (
        hex(at(f, i % w, Math.floor(i / w))) === cape &&
        at(f, i % w, Math.floor(i / w))[3] === 255
      )
        return { x: i % w, y: Math.floor(i / w) };
    throw new Error("no cape pixel");
  })();
  await expect.poll(() => previewPixel(page, capeAt.x, capeAt.y)).toEqual([0x20, 0x50, 0xff, 255]);
  await screenshot(page, "editor-1366-recoloured");

  // Undo brings the cape back, redo recolours it again (keyboard, as artists do)
  await page.keyboard.press("Control+z");
  await expect
    .poll(() => previewPixel(page, capeAt.x, capeAt.y))
    .not.toEqual([0x20, 0x50, 0xff, 255]);
  await expect.poll(() => previewPixel(page, spot.x, spot.y)).toEqual([0, 255, 0, 255]);
  await page.keyboard.press("Control+y");
  await expect.poll(() => previewPixel(page, capeAt.x, capeAt.y)).toEqual([0x20, 0x50, 0xff, 255]);

  // Save
  await page.getByTestId("editor-save").click();
  await expect(page.getByTestId("save-done")).toBeVisible();
  await expect(editor).toHaveAttribute("data-dirty", "false");
  const galleryHref = await page.getByTestId("saved-gallery-link").getAttribute("href");
  expect(galleryHref).toMatch(/^\/gallery\/\d+$/);

  // Reload: the document shows exactly those pixels
  await page.reload();
  await expect(page.getByTestId("frames").locator("li")).toHaveCount(n);
  await expect(page.getByTestId("draft-offer")).toHaveCount(0);
  const saved = await (await page.request.get(`/api/v1/documents/${docId}`)).json();
  expect(saved.frames).toHaveLength(n);
  for (let f = 0; f < n; f++) {
    const cel = saved.cels.find(
      (c: { frame: number; layer: number }) => c.frame === f && c.layer === 0,
    );
    const got = await raster(cel.png);
    expect([got.w, got.h]).toEqual([w, h]);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const src = at(before[f]!, x, y);
        let want: Rgba = src[3] === 0 ? [0, 0, 0, 0] : src;
        if (src[3] === 255 && hex(src) === cape) want = [0x20, 0x50, 0xff, 255];
        if (f === 1 && x === spot.x && y === spot.y) want = [0, 255, 0, 255];
        if (f === 2 && x === stray.x && y === stray.y) want = [0, 0, 0, 0];
        const px = at(got, x, y);
        expect(px[3] === 0 ? [0, 0, 0, 0] : px, `frame ${f + 1} (${x},${y})`).toEqual(want);
      }
  }
  await page.getByTestId("frames").locator('li[data-frame="1"] button').click();
  await expect.poll(() => previewPixel(page, spot.x, spot.y)).toEqual([0, 255, 0, 255]);

  // The new gallery entry exists; the source batch is unchanged
  await page.goto(galleryHref!);
  await expect(page.getByTestId("task-detail")).toHaveAttribute("data-status", "completed");
  await screenshot(page, "editor-gallery-entry");
  const after = await sourceFrames(page, batchId, n);
  for (let f = 0; f < n; f++) expect(after[f]!.px.equals(before[f]!.px)).toBe(true);

  // ...and the original still opens: Edit on the batch again gives the untouched frames, and the
  // edited document's version 1 is the original too
  await page.goto(`/batches/${batchId}`);
  await page.getByTestId("open-in-editor").click();
  await expect(page).toHaveURL(/\/editor\/\d+$/);
  expect(Number(page.url().split("/").pop())).not.toBe(docId);
  await expect(page.getByTestId("frames").locator("li")).toHaveCount(n);
  await page.getByTestId("frames").locator('li[data-frame="1"] button').click();
  await expect
    .poll(() => previewPixel(page, capeAt.x, capeAt.y))
    .toEqual(at(before[1]!, capeAt.x, capeAt.y));
  expect(await previewPixel(page, spot.x, spot.y)).toEqual([0, 0, 0, 0]);
  await page.goto(`/editor/${docId}?version=1`);
  await expect(page.getByTestId("editor")).toHaveAttribute("data-version", "1");
  await page.getByTestId("frames").locator('li[data-frame="2"] button').click();
  await expect
    .poll(() => previewPixel(page, stray.x, stray.y))
    .toEqual(at(before[2]!, stray.x, stray.y));

  // Export: the sheet and its JSON load in Phaser
  await page.goto(`/editor/${docId}`);
  await page.getByTestId("export-menu").locator("summary").click();
  const [sheet] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("doc-export-sheet").click(),
  ]);
  const [json] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("doc-export-sheet-json").click(),
  ]);
  // Godot and Aseprite, from the same menu, without leaving the studio
  const [godot] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("doc-export-sprite-frames-tres").click(),
  ]);
  const tres = fs.readFileSync((await godot.path())!, "utf8");
  expect(tres).toMatch(/^\[gd_resource type="SpriteFrames"/);
  expect(tres.match(/type="AtlasTexture"/g)).toHaveLength(n);
  const [aseDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("doc-export-aseprite").click(),
  ]);
  expect(aseDownload.suggestedFilename()).toMatch(/\.aseprite$/);
  const ase = new Aseprite(fs.readFileSync((await aseDownload.path())!), "walk.aseprite");
  ase.parse();
  expect(ase.frames).toHaveLength(n);
  expect([ase.width, ase.height]).toEqual([w, h]);
  // frame 3's cel no longer has the stray pixel; frame 2's has the new one (RGBA, 32 bpp)
  const celPixel = (frame: number, x: number, y: number) => {
    const cel = ase.frames[frame]!.cels[0]!;
    const cx = x - cel.xpos;
    const cy = y - cel.ypos;
    if (cx < 0 || cy < 0 || cx >= cel.w || cy >= cel.h) return [0, 0, 0, 0];
    const o = (cy * cel.w + cx) * 4;
    return [...cel.rawCelData.subarray(o, o + 4)];
  };
  expect(celPixel(1, spot.x, spot.y)).toEqual([0, 255, 0, 255]);
  expect(celPixel(2, stray.x, stray.y)[3]).toBe(0);
  expect(celPixel(1, capeAt.x, capeAt.y)).toEqual([0x20, 0x50, 0xff, 255]);
  const sheetPng = fs.readFileSync((await sheet.path())!);
  const sheetJson = JSON.parse(fs.readFileSync((await json.path())!, "utf8"));
  const phaser = fs.readFileSync(path.join("node_modules/phaser/dist/phaser.min.js"));
  const origin = "http://phaser.test";
  await page.context().route(`${origin}/**`, (route) => {
    const p = new URL(route.request().url()).pathname;
    if (p === "/phaser.js") return route.fulfill({ contentType: "text/javascript", body: phaser });
    if (p === "/sheet.png") return route.fulfill({ contentType: "image/png", body: sheetPng });
    if (p === "/sheet.json")
      return route.fulfill({
        contentType: "application/json",
        body: JSON.stringify({ ...sheetJson, meta: { ...sheetJson.meta, image: "sheet.png" } }),
      });
    return route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><body style="margin:0"><script src="/phaser.js"></script><script>
window.result = new Promise((resolve, reject) => {
  new Phaser.Game({ type: Phaser.CANVAS, width: 320, height: 200, backgroundColor: "#28304a", pixelArt: true,
    scene: {
      preload() { this.load.aseprite("hero", "/sheet.png", "/sheet.json"); },
      create() {
        try {
          const tex = this.textures.get("hero");
          const names = tex.getFrameNames();
          const f0 = tex.get(names[0]);
          const anims = this.anims.createFromAseprite("hero");
          const s = this.add.sprite(160, 100, "hero", names[0]).setScale(4);
          if (anims.length) s.play({ key: anims[0].key, repeat: -1 });
          resolve({ frames: names.length, w: f0.width, h: f0.height, anims: anims.map((a) => a.key) });
        } catch (e) { reject(String(e)); }
      },
    },
  });
});
</script></body>`,
    });
  });
  const phaserPage = await page.context().newPage();
  await phaserPage.goto(`${origin}/`);
  const result = await phaserPage.evaluate(
    () =>
      (window as unknown as { result: Promise<{ frames: number; w: number; h: number }> }).result,
  );
  expect(result).toMatchObject({ frames: n, w, h });
  await phaserPage.waitForTimeout(300);
  await screenshot(phaserPage, "editor-export-phaser");
});

test("1024×768 with touch, and a phone says it needs a wider screen", async ({ browser }) => {
  test.setTimeout(120_000);
  const ctx = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
    isMobile: false,
  });
  const page = await ctx.newPage();
  await signUp(page, uniqueEmail("editor-touch"));
  await page.goto("/editor");
  await page.getByLabel("Width").fill("16");
  await page.getByLabel("Height").fill("16");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/editor\/\d+$/);
  await expect(page.getByTestId("editor-canvas")).toBeVisible();
  // a finger tap draws a pixel
  const canvas = page.getByTestId("editor-canvas");
  const box = (await canvas.boundingBox())!;
  const d = await canvas.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  const z = Number(d.zoom);
  await page.touchscreen.tap(
    box.x + Number(d.originX) + 3 * z + z / 2,
    box.y + Number(d.originY) + 4 * z + z / 2,
  );
  await expect.poll(() => previewPixel(page, 3, 4)).toEqual([0, 0, 0, 255]);
  await screenshot(page, "editor-1024-touch");
  await page.getByTestId("editor-save").click();
  await expect(page.getByTestId("save-done")).toBeVisible();

  // every word in Chinese too
  await ctx.addCookies([{ name: "ps_lang", value: "zh", url: page.url() }]);
  await page.reload();
  await expect(page.getByTestId("editor-save")).toHaveText("保存");
  await expect(page.getByRole("button", { name: "铅笔 (B)" })).toBeVisible();
  await expect.poll(() => previewPixel(page, 3, 4)).toEqual([0, 0, 0, 255]);
  await screenshot(page, "editor-1024-zh");

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("editor-narrow")).toBeVisible();
  await expect(page.getByTestId("editor-canvas")).toBeHidden();
  await screenshot(page, "editor-phone");
  await ctx.close();
});

/** Pixels of the pivot's cross-hair colour on the screen canvas around document pixel (x, y). */
const pivotMarks = (page: Page, x: number, y: number) =>
  page.getByTestId("editor-canvas").evaluate(
    (el, [px, py]) => {
      const c = el as HTMLCanvasElement;
      const z = Number(c.dataset.zoom);
      const dpr = window.devicePixelRatio || 1;
      const cx = (Number(c.dataset.originX) + (px! + 0.5) * z) * dpr;
      const cy = (Number(c.dataset.originY) + (py! + 0.5) * z) * dpr;
      const r = Math.ceil(Math.max(8, z * 1.5) * dpr) + 2;
      const img = c.getContext("2d")!.getImageData(cx - r, cy - r, 2 * r, 2 * r).data;
      let n = 0;
      for (let o = 0; o < img.length; o += 4)
        if (img[o]! > 170 && img[o + 1]! < 110 && img[o + 2]! > 80 && img[o + 2]! < 190) n++;
      return n;
    },
    [x, y],
  );

test("magic wand, lasso, a floating selection, layer rename and lock, a tag with a direction", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signUp(page, uniqueEmail("editor-select"));
  await page.goto("/editor");
  await page.getByLabel("Width").fill("16");
  await page.getByLabel("Height").fill("16");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/editor\/\d+$/);
  const docId = Number(page.url().split("/").pop());
  const BLACK = [0, 0, 0, 255];
  const CLEAR = [0, 0, 0, 0];

  // an "L" of three black pixels and one red pixel away from it
  await page.keyboard.press("b");
  await setColour(page, "primary-color", "#000000");
  for (const [x, y] of [
    [2, 2],
    [3, 2],
    [2, 3],
  ] as const)
    await clickPixel(page, x, y);
  await setColour(page, "primary-color", "#ff0000");
  await clickPixel(page, 10, 10);
  await expect.poll(() => previewPixel(page, 10, 10)).toEqual([255, 0, 0, 255]);

  // magic wand on the L, drag it by (4,4), nudge right: it floats until Enter drops it
  await page.keyboard.press("w");
  await expect(page.locator('[data-tool="wand"]')).toHaveAttribute("aria-pressed", "true");
  await clickPixel(page, 2, 2);
  await dragPixels(page, [
    [2, 2],
    [4, 4],
    [6, 6],
  ]);
  await expect(page.getByTestId("floating-selection")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => previewPixel(page, 7, 6)).toEqual(BLACK);
  expect(await previewPixel(page, 8, 6)).toEqual(BLACK);
  expect(await previewPixel(page, 7, 7)).toEqual(BLACK);
  expect(await previewPixel(page, 8, 7)).toEqual(CLEAR); // the L's missing corner moved as clear
  expect(await previewPixel(page, 2, 2)).toEqual(CLEAR);
  expect(await previewPixel(page, 10, 10)).toEqual([255, 0, 0, 255]); // not selected, not moved
  await screenshot(page, "editor-wand-floating");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("floating-selection")).toHaveCount(0);
  // the drag and the nudge are one undo step
  await page.keyboard.press("Control+z");
  await expect.poll(() => previewPixel(page, 2, 2)).toEqual(BLACK);
  expect(await previewPixel(page, 7, 6)).toEqual(CLEAR);
  await page.keyboard.press("Control+y");
  await expect.poll(() => previewPixel(page, 7, 6)).toEqual(BLACK);

  // lasso around the red pixel, Delete clears only what it encloses
  await page.keyboard.press("q");
  await dragPixels(page, [
    [9, 9],
    [12, 9],
    [12, 12],
    [9, 12],
  ]);
  await screenshot(page, "editor-lasso");
  await page.keyboard.press("Delete");
  await expect.poll(() => previewPixel(page, 10, 10)).toEqual(CLEAR);
  expect(await previewPixel(page, 7, 6)).toEqual(BLACK);
  await page.keyboard.press("Escape");

  // rename the layer (double-click), lock it: the pencil no longer draws on it
  const layers = page.getByTestId("layers-panel");
  await layers.locator("li button", { hasText: "Layer 1" }).dblclick();
  await page.getByTestId("layer-name-input").fill("Outline");
  await page.getByTestId("layer-name-input").press("Enter");
  await expect(layers.locator("li")).toContainText("Outline");
  await layers.getByTestId("layer-lock").click();
  await expect(layers.getByTestId("layer-lock")).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("b");
  await clickPixel(page, 0, 0);
  await page.waitForTimeout(100);
  expect(await previewPixel(page, 0, 0)).toEqual(CLEAR);

  // a tag with its direction
  await page.getByLabel("Tag name").fill("walk_down");
  await page.getByTestId("tag-direction").selectOption("down");
  await page.getByTestId("tag-submit").click();
  await expect(page.locator('[data-tag="walk_down"]')).toContainText("Down (S)");

  // the pivot, at the feet
  await page.getByTestId("pivot-open").click();
  await page.getByTestId("pivot-x").fill("7");
  await page.getByTestId("pivot-y").fill("15");
  await page.getByTestId("pivot-apply").click();
  await expect(page.getByTestId("pivot-open")).toContainText("7,15");
  // drawn on the canvas as a cross-hair, hidden with its toggle; the pivot tool (O) moves it
  await expect.poll(() => pivotMarks(page, 7, 15)).toBeGreaterThan(10);
  await page.getByRole("button", { name: "Show the pivot" }).click();
  await expect.poll(() => pivotMarks(page, 7, 15)).toBe(0);
  await page.getByRole("button", { name: "Show the pivot" }).click();
  await page.keyboard.press("o");
  await expect(page.locator('[data-tool="pivot"]')).toHaveAttribute("aria-pressed", "true");
  await dragPixels(page, [
    [4, 4],
    [5, 12],
  ]);
  await expect(page.getByTestId("pivot-open")).toContainText("5,12");
  await expect.poll(() => pivotMarks(page, 5, 12)).toBeGreaterThan(10);
  expect(await pivotMarks(page, 7, 15)).toBe(0);
  await screenshot(page, "editor-pivot");
  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("pivot-open")).toContainText("7,15");

  // the palette: the sprite's colours saved as a palette of one's own, a built-in loaded, and the
  // saved one loaded back (GET /api/v1/palettes offers both)
  const swatches = page.getByTestId("swatches").locator("button");
  await page.getByRole("button", { name: "Colours of the sprite" }).click();
  await expect(swatches).toHaveCount(1); // black (the red pixel was cleared by the lasso)
  await page.getByTestId("palette-save-name").fill("Outline ink");
  await page.getByTestId("palette-save").click();
  await expect(page.getByTestId("palette-saved")).toContainText(/Outline ink.*pal_\d+/);
  const mine = (await (await page.request.get("/api/v1/palettes")).json()).palettes.find(
    (p: { name: string }) => p.name === "Outline ink",
  );
  expect(mine).toMatchObject({ built_in: false, colors: ["#000000"] });
  const builtIn = (await (await page.request.get("/api/v1/palettes")).json()).palettes.find(
    (p: { built_in: boolean }) => p.built_in,
  );
  await page.getByTestId("palette-choice").selectOption(builtIn.id);
  await page.getByTestId("palette-load").click();
  await expect(swatches).toHaveCount(builtIn.colors.length);
  expect(await previewPixel(page, 7, 6)).toEqual(BLACK); // an RGBA sprite keeps its pixels
  await page.getByTestId("palette-choice").selectOption(mine.id);
  await page.getByTestId("palette-load").click();
  await expect(swatches).toHaveCount(1);
  await expect(swatches.first()).toHaveAttribute("data-color", "#000000");
  await page.getByTestId("palette-choice").selectOption(builtIn.id); // shown, not loaded
  await page
    .getByTestId("palette-panel")
    .screenshot({ path: "test-results/screens/editor-saved-palettes.png" });
  await page.getByTestId("palette-choice").selectOption("");

  await page.getByTestId("editor-save").click();
  await expect(page.getByTestId("save-done")).toBeVisible();
  const saved = await (await page.request.get(`/api/v1/documents/${docId}`)).json();
  expect(saved.layers).toEqual([{ name: "Outline", visible: true, opacity: 1, locked: true }]);
  expect(saved.tags).toEqual([{ name: "walk_down", from: 0, to: 0, direction: "down" }]);
  const cel = await raster(saved.cels[0].png);
  expect(at(cel, 7, 6)).toEqual([0, 0, 0, 255]);
  expect(at(cel, 2, 2)[3]).toBe(0);
  expect(at(cel, 10, 10)[3]).toBe(0);
  expect(saved.pivot).toEqual({ x: 7, y: 15 });
  expect(saved.palette).toEqual(["#000000"]);
  // the .aseprite export carries the pivot and the tag (read by an independent reader)
  const res = await page.request.get(`/api/v1/documents/${docId}/export?format=aseprite`);
  expect(res.ok()).toBe(true);
  const ase = new Aseprite(await res.body(), "doc.aseprite");
  ase.parse();
  expect(ase.tags.map((tg) => [tg.name, tg.from, tg.to])).toEqual([["walk_down", 0, 0]]);
  expect(ase.slices[0]).toMatchObject({ name: "pivot", keys: [{ pivot: { x: 7, y: 15 } }] });
  expect(ase.layers.map((l) => l.name)).toEqual(["Outline"]);
});
