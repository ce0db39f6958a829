// The editor clauses of issue #16 that j-editor.spec.ts does not walk, with real pointer and
// keyboard input in Chromium: the tool keys (B E I G L U Shift+U M, X, 1–9), Alt-click picking,
// a Shift-snapped line, rectangle and ellipse, "every pixel of this colour", mirror drawing, the
// pixel-perfect pencil, integer zoom 1–64 and panning (wheel, Space-drag); onion skin, ping-pong
// playback, layer opacity and merge down, palette files in and out, lock to palette, indexed mode
// (one palette entry recolours every frame); a closed tab's strokes offered back from IndexedDB,
// and two tabs saving one document (the second gets the conflict and keeps its strokes).
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { dragPixels, expect, pixelPoint, screenshot, signUp, test, uniqueEmail } from "./helpers";

const BLACK = [0, 0, 0, 255];
const CLEAR = [0, 0, 0, 0];
const RED = [255, 0, 0, 255];
const BLUE = [0, 0, 255, 255];

async function clickPixel(page: Page, x: number, y: number, modifiers: ("Alt" | "Shift")[] = []) {
  const p = await pixelPoint(page, x, y);
  for (const m of modifiers) await page.keyboard.down(m);
  await page.mouse.click(p.x, p.y);
  for (const m of modifiers) await page.keyboard.up(m);
}

const previewPixel = (page: Page, x: number, y: number) =>
  page
    .getByTestId("editor-preview")
    .evaluate(
      (el, [px, py]) =>
        Array.from((el as HTMLCanvasElement).getContext("2d")!.getImageData(px!, py!, 1, 1).data),
      [x, y],
    );

/** The screen canvas's colour at the centre of document pixel (x, y). */
const screenPixel = (page: Page, x: number, y: number) =>
  page.getByTestId("editor-canvas").evaluate(
    (el, [px, py]) => {
      const c = el as HTMLCanvasElement;
      const z = Number(c.dataset.zoom);
      const dpr = window.devicePixelRatio || 1;
      const cx = Math.floor((Number(c.dataset.originX) + (px! + 0.5) * z) * dpr);
      const cy = Math.floor((Number(c.dataset.originY) + (py! + 0.5) * z) * dpr);
      return Array.from(c.getContext("2d")!.getImageData(cx, cy, 1, 1).data);
    },
    [x, y],
  );

const dataset = (page: Page) =>
  page.getByTestId("editor-canvas").evaluate((el) => ({ ...(el as HTMLElement).dataset }));

async function newDocument(page: Page, size = 16) {
  await page.goto("/editor");
  await page.getByLabel("Width").fill(String(size));
  await page.getByLabel("Height").fill(String(size));
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/editor\/\d+$/);
  await expect(page.getByTestId("editor-canvas")).toBeVisible();
  return Number(page.url().split("/").pop());
}

const tool = (page: Page, name: string) => page.locator(`[data-tool="${name}"]`);

test("tool keys, Alt-click, Shift lines, shapes, every-pixel fill, mirror, pixel-perfect, zoom and pan", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signUp(page, uniqueEmail("editor-tools"));
  await newDocument(page);

  // the keys artists know
  for (const [key, name] of [
    ["e", "eraser"],
    ["i", "picker"],
    ["g", "bucket"],
    ["l", "line"],
    ["u", "rectangle"],
    ["Shift+U", "ellipse"],
    ["m", "select"],
    ["b", "pencil"],
  ] as const) {
    await page.keyboard.press(key);
    await expect(tool(page, name)).toHaveAttribute("aria-pressed", "true");
  }

  // pencil in black, then red; Alt-click picks black back; X swaps primary and secondary
  await clickPixel(page, 0, 0);
  await page.getByTestId("primary-color").fill("#ff0000");
  await clickPixel(page, 1, 0);
  await expect.poll(() => previewPixel(page, 1, 0)).toEqual(RED);
  await clickPixel(page, 0, 0, ["Alt"]);
  await expect(page.getByTestId("primary-hex")).toHaveText("#000000");
  expect(await previewPixel(page, 0, 0)).toEqual(BLACK); // picking draws nothing
  await page.keyboard.press("x");
  await expect(page.getByTestId("primary-hex")).toHaveText("#ffffff");
  await expect(page.getByTestId("secondary-color")).toHaveValue("#000000");
  await page.keyboard.press("x");
  await expect(page.getByTestId("primary-hex")).toHaveText("#000000");

  // 1–9 pick palette entries (the sprite's colours taken as the palette: black, red)
  await page.getByRole("button", { name: "Colours of the sprite" }).click();
  await expect(page.getByTestId("swatches").locator("button")).toHaveCount(2);
  await page.keyboard.press("2");
  await expect(page.getByTestId("primary-hex")).toHaveText("#ff0000");
  await page.keyboard.press("1");
  await expect(page.getByTestId("primary-hex")).toHaveText("#000000");

  // L with Shift: a line dragged 10 right and 1 down (under 7.5°) snaps to the horizontal
  await page.keyboard.press("l");
  await dragPixels(
    page,
    [
      [2, 4],
      [12, 5],
    ],
    "Shift",
  );
  await expect.poll(() => previewPixel(page, 12, 4)).toEqual(BLACK);
  for (const x of [2, 7, 11]) expect(await previewPixel(page, x, 4)).toEqual(BLACK);
  expect(await previewPixel(page, 12, 5)).toEqual(CLEAR);

  // U: a rectangle outline; Shift+U: a filled ellipse
  await page.keyboard.press("u");
  await dragPixels(page, [
    [2, 7],
    [6, 10],
  ]);
  await expect.poll(() => previewPixel(page, 6, 10)).toEqual(BLACK);
  expect(await previewPixel(page, 2, 7)).toEqual(BLACK);
  expect(await previewPixel(page, 4, 8)).toEqual(CLEAR);
  await page.keyboard.press("Shift+U");
  await page.getByRole("button", { name: "Filled" }).click();
  await dragPixels(page, [
    [9, 7],
    [13, 11],
  ]);
  await expect.poll(() => previewPixel(page, 11, 9)).toEqual(BLACK);
  expect(await previewPixel(page, 9, 7)).toEqual(CLEAR); // the corner is outside an ellipse
  await page.getByRole("button", { name: "Filled" }).click();

  // G with "every pixel of this colour": a red pixel far from the first one turns blue too
  await page.keyboard.press("b");
  await page.getByTestId("primary-color").fill("#ff0000");
  await clickPixel(page, 14, 14);
  await page.keyboard.press("g");
  await page.getByTestId("primary-color").fill("#0000ff");
  await page.getByRole("button", { name: "Every pixel of this colour" }).click();
  await clickPixel(page, 1, 0);
  await expect.poll(() => previewPixel(page, 14, 14)).toEqual(BLUE);
  expect(await previewPixel(page, 1, 0)).toEqual(BLUE);
  expect(await previewPixel(page, 0, 0)).toEqual(BLACK);
  await page.getByRole("button", { name: "Every pixel of this colour" }).click();

  // mirror ↔: one click draws both sides
  await page.keyboard.press("b");
  await page.getByRole("button", { name: "Mirror ↔" }).click();
  await clickPixel(page, 1, 13);
  await expect.poll(() => previewPixel(page, 14, 13)).toEqual(BLUE);
  expect(await previewPixel(page, 1, 13)).toEqual(BLUE);
  await page.getByRole("button", { name: "Mirror ↔" }).click();

  // pixel-perfect: an L-shaped drag loses its corner pixel
  await page.getByRole("button", { name: "Pixel-perfect" }).click();
  await dragPixels(page, [
    [3, 12],
    [4, 12],
    [4, 13],
  ]);
  await expect.poll(() => previewPixel(page, 4, 13)).toEqual(BLUE);
  expect(await previewPixel(page, 3, 12)).toEqual(BLUE);
  expect(await previewPixel(page, 4, 12)).toEqual(CLEAR);
  await screenshot(page, "editor-tools");

  // the pixel grid: lines between the pixels on screen, gone when toggled off (and back)
  const gridStrip = () =>
    page.getByTestId("editor-canvas").evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const z = Number(c.dataset.zoom);
      const dpr = window.devicePixelRatio || 1;
      const bx = Math.round((Number(c.dataset.originX) + 8 * z) * dpr);
      const cy = Math.round((Number(c.dataset.originY) + 8.5 * z) * dpr);
      return Array.from(c.getContext("2d")!.getImageData(bx - 2, cy, 5, 1).data);
    });
  const withGrid = await gridStrip();
  await page.getByRole("button", { name: "Grid", exact: true }).click();
  await expect.poll(gridStrip).not.toEqual(withGrid);
  await page.getByRole("button", { name: "Grid", exact: true }).click();
  await expect.poll(gridStrip).toEqual(withGrid);

  // integer zoom from 1× to 64×, by key, button and Ctrl+wheel
  for (let i = 0; i < 20; i++) await page.keyboard.press("+");
  await expect(page.getByTestId("zoom-label")).toHaveText("64×");
  for (let i = 0; i < 30; i++) await page.keyboard.press("-");
  await expect(page.getByTestId("zoom-label")).toHaveText("1×");
  const centre = await pixelPoint(page, 8, 8);
  await page.mouse.move(centre.x, centre.y);
  await page.keyboard.down("Control");
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -100);
  await page.keyboard.up("Control");
  await expect.poll(async () => Number((await dataset(page)).zoom)).toBeGreaterThan(3);
  expect(Number.isInteger(Number((await dataset(page)).zoom))).toBe(true);

  // the wheel pans; Space-drag pans and draws nothing
  const before = await dataset(page);
  await page.mouse.wheel(40, 0);
  await expect
    .poll(async () => Number((await dataset(page)).originX))
    .toBe(Number(before.originX) - 40);
  const pan = await dataset(page);
  const start = await pixelPoint(page, 7, 2);
  await page.keyboard.down(" ");
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 30, start.y + 20, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up(" ");
  await expect
    .poll(async () => Number((await dataset(page)).originY))
    .toBe(Number(pan.originY) + 20);
  expect(await previewPixel(page, 7, 2)).toEqual(CLEAR);
});

test("onion skin, ping-pong, layer opacity and merge down, palette files, lock to palette, indexed mode", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signUp(page, uniqueEmail("editor-timeline"));
  await newDocument(page);
  await page.keyboard.press("b");
  await page.getByTestId("primary-color").fill("#ff0000");
  await clickPixel(page, 5, 5);
  await expect.poll(() => previewPixel(page, 5, 5)).toEqual(RED);

  // two more frames (N); on frame 2 the onion skin shows frame 1's pixel faintly, behind
  await page.keyboard.press("n");
  await page.keyboard.press("n");
  await expect(page.getByTestId("frames").locator("li")).toHaveCount(3);
  await page.getByTestId("frames").locator('li[data-frame="1"] button').click();
  await expect(page.getByTestId("editor-frame-label")).toHaveText("Frame 2 of 3");
  const bare = await screenPixel(page, 5, 5);
  await page.getByTestId("onion-toggle").check();
  await expect.poll(() => screenPixel(page, 5, 5)).not.toEqual(bare);
  const onion = await screenPixel(page, 5, 5);
  expect(onion[0]!).toBeGreaterThan(onion[1]!); // a red tint, not red itself
  expect(onion).not.toEqual(RED);
  expect(await previewPixel(page, 5, 5)).toEqual(CLEAR); // only on screen, never in the frame
  await screenshot(page, "editor-onion");
  await page.getByTestId("onion-toggle").uncheck();

  // ping-pong at the highest fps: from the last frame it goes back to frame 2, never to 1
  await page.getByTestId("timeline").getByLabel("Ping-pong").check();
  await page.getByTestId("play-toggle").click();
  const seen = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const out: string[] = [];
        const label = document.querySelector('[data-testid="editor-frame-label"]')!;
        const obs = new MutationObserver(() => {
          const t = label.textContent ?? "";
          if (out.at(-1) !== t) out.push(t);
          if (out.length >= 8) {
            obs.disconnect();
            resolve(out);
          }
        });
        obs.observe(label, { characterData: true, subtree: true, childList: true });
      }),
  );
  await page.getByTestId("play-toggle").click();
  const order = seen.map((t) => Number(/Frame (\d)/.exec(t)![1]));
  const steps = order.slice(1).map((n, i) => `${order[i]}→${n}`);
  expect(steps).toContain("3→2");
  expect(steps).toContain("1→2");
  expect(steps).not.toContain("3→1");

  // a second layer at 50 % opacity over frame 1, merged down: one layer, the blend kept
  await page.getByTestId("frames").locator('li[data-frame="0"] button').click();
  const layers = page.getByTestId("layers-panel");
  await layers.getByRole("button", { name: "+ Layer" }).click();
  await expect(layers.locator("li")).toHaveCount(2);
  await page.getByTestId("primary-color").fill("#0000ff");
  await clickPixel(page, 5, 5);
  await expect.poll(() => previewPixel(page, 5, 5)).toEqual(BLUE);
  await layers.getByLabel("Opacity of Layer 2").fill("50");
  await expect.poll(async () => (await previewPixel(page, 5, 5))[0]!).toBeGreaterThan(100);
  const blended = await previewPixel(page, 5, 5);
  expect(blended[2]!).toBeGreaterThan(100);
  await layers.getByRole("button", { name: "Merge down" }).click();
  await expect(layers.locator("li")).toHaveCount(1);
  expect(await previewPixel(page, 5, 5)).toEqual(blended);

  // palette files: a .gpl in, a .hex out
  const palette = page.getByTestId("palette-panel");
  await page.getByTestId("palette-file").setInputFiles({
    name: "three.gpl",
    mimeType: "text/plain",
    buffer: Buffer.from(
      "GIMP Palette\nName: three\n#\n 16  32  48\tdark\n200 100  50\tclay\n240 240 220\tbone\n",
    ),
  });
  const swatches = page.getByTestId("swatches").locator("button");
  await expect(swatches).toHaveCount(3);
  await expect(swatches.nth(1)).toHaveAttribute("data-color", "#c86432");
  const [hexFile] = await Promise.all([
    page.waitForEvent("download"),
    palette.getByRole("button", { name: ".hex", exact: true }).click(),
  ]);
  expect(
    fs
      .readFileSync((await hexFile.path())!, "utf8")
      .trim()
      .split(/\r?\n/),
  ).toEqual(["102030", "c86432", "f0f0dc"]);
  const [gplFile] = await Promise.all([
    page.waitForEvent("download"),
    palette.getByRole("button", { name: ".gpl", exact: true }).click(),
  ]);
  expect(fs.readFileSync((await gplFile.path())!, "utf8")).toMatch(
    /^GIMP Palette[\s\S]*200\s+100\s+50/,
  );
  // the colours of an image
  const { default: sharp } = await import("sharp");
  const img = await sharp(Buffer.from([0, 255, 0, 255, 0, 255, 0, 255, 9, 9, 9, 255, 0, 0, 0, 0]), {
    raw: { width: 2, height: 2, channels: 4 },
  })
    .png()
    .toBuffer();
  await page
    .getByTestId("palette-file")
    .setInputFiles({ name: "two.png", mimeType: "image/png", buffer: img });
  await expect(swatches).toHaveCount(5);
  await expect(swatches.nth(3)).toHaveAttribute("data-color", "#00ff00");

  // lock to palette: a colour off the palette draws as its nearest entry
  await palette.getByLabel("Lock to palette").check();
  await page.getByTestId("primary-color").fill("#c06030");
  await clickPixel(page, 9, 9);
  await expect.poll(() => previewPixel(page, 9, 9)).toEqual([200, 100, 50, 255]);
  await palette.getByLabel("Lock to palette").uncheck();

  // indexed mode: the pixels become palette entries; changing one entry recolours every frame
  await page.getByTestId("frames").locator('li[data-frame="2"] button').click();
  await page.getByTestId("primary-color").fill("#c86432");
  await clickPixel(page, 2, 2);
  await expect.poll(() => previewPixel(page, 2, 2)).toEqual([200, 100, 50, 255]);
  await palette.getByLabel("Indexed colour").check();
  await expect(page.getByTestId("editor")).toHaveAttribute("data-color-mode", "indexed");
  await swatches.nth(1).click();
  await page.getByTestId("palette-entry-color").fill("#3060c0");
  await expect.poll(() => previewPixel(page, 2, 2)).toEqual([0x30, 0x60, 0xc0, 255]);
  await expect(page.getByTestId("primary-hex")).toHaveText("#3060c0"); // the entry was primary
  await page.getByTestId("frames").locator('li[data-frame="0"] button').click();
  await expect.poll(() => previewPixel(page, 9, 9)).toEqual([0x30, 0x60, 0xc0, 255]);
  await screenshot(page, "editor-indexed");
  await page.keyboard.press("Control+z");
  await expect.poll(() => previewPixel(page, 9, 9)).toEqual([200, 100, 50, 255]);
  await page.keyboard.press("Control+y");
  await page.getByTestId("editor-save").click();
  await expect(page.getByTestId("save-done")).toBeVisible();
  const docId = Number(page.url().split("/").pop());
  const saved = await (await page.request.get(`/api/v1/documents/${docId}`)).json();
  expect(saved.color_mode).toBe("indexed");
  expect(saved.palette[1]).toBe("#3060c0");
});

test("a closed tab's strokes come back from IndexedDB; a second tab's stale save keeps its strokes", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await signUp(page, uniqueEmail("editor-tabs"));
  const id = await newDocument(page);
  await page.keyboard.press("b");
  await clickPixel(page, 3, 3);
  await expect.poll(() => previewPixel(page, 3, 3)).toEqual(BLACK);
  // the draft is written shortly after the last stroke, when the browser is idle
  await expect
    .poll(() =>
      page.evaluate(
        (key) =>
          new Promise<boolean>((resolve) => {
            const req = indexedDB.open("pixel-studio-editor");
            req.onsuccess = () => {
              const db = req.result;
              if (!db.objectStoreNames.contains("drafts")) return resolve(false);
              const get = db.transaction("drafts").objectStore("drafts").get(key);
              get.onsuccess = () => resolve(!!get.result);
              get.onerror = () => resolve(false);
            };
            req.onerror = () => resolve(false);
          }),
        `document-${id}`,
      ),
    )
    .toBe(true);
  await page.close({ runBeforeUnload: false });

  const back = await ctx.newPage();
  await back.goto(`/editor/${id}`);
  await expect(back.getByTestId("draft-offer")).toBeVisible();
  expect(await previewPixel(back, 3, 3)).toEqual(CLEAR);
  await back.getByRole("button", { name: "Restore it" }).click();
  await expect.poll(() => previewPixel(back, 3, 3)).toEqual(BLACK);
  await expect(back.getByTestId("editor")).toHaveAttribute("data-dirty", "true");

  // a second tab on the same version saves first; this tab's save is refused and keeps its strokes
  const other = await ctx.newPage();
  await other.goto(`/editor/${id}`);
  await expect(other.getByTestId("editor")).toHaveAttribute("data-version", "1");
  await other.getByRole("button", { name: "Discard" }).click();
  await other.keyboard.press("b");
  await clickPixel(other, 8, 8);
  await other.getByTestId("editor-save").click();
  await expect(other.getByTestId("save-done")).toBeVisible();

  await back.getByTestId("editor-save").click();
  await expect(back.getByTestId("save-conflict")).toBeVisible();
  await expect(back.getByTestId("save-conflict")).toContainText("version 2");
  expect(await previewPixel(back, 3, 3)).toEqual(BLACK);
  await expect(back.getByTestId("editor")).toHaveAttribute("data-dirty", "true");
  await screenshot(back, "editor-conflict");
  // the strokes are still in this browser after the refusal
  await back.getByRole("button", { name: "Save mine as the next version" }).click();
  await back.getByTestId("editor-save").click();
  await expect(back.getByTestId("save-done")).toBeVisible();
  const saved = await (await back.request.get(`/api/v1/documents/${id}`)).json();
  expect(saved.version).toBe(3);
  // the new gallery entry shows its lineage: the source (a blank canvas) and every version
  const entry = await back.getByTestId("saved-gallery-link").getAttribute("href");
  await back.goto(entry!);
  await expect(back.getByTestId("lineage-source")).toBeVisible();
  await expect(back.getByTestId(`versions-${id}`).locator("li")).toHaveCount(3);
  await screenshot(back, "editor-lineage");
  await ctx.close();
});

test("copy and paste into another frame, flip and rotate a selection and the frame, resize and crop, a GIF upload", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signUp(page, uniqueEmail("editor-select-ops"));
  await newDocument(page);
  await page.keyboard.press("b");
  for (const [x, y] of [
    [1, 1],
    [2, 1],
    [1, 2],
  ] as const)
    await clickPixel(page, x, y);
  await expect.poll(() => previewPixel(page, 1, 2)).toEqual(BLACK);

  // M, a 4×4 selection, Ctrl+C; a new frame (N); Ctrl+V puts the L there at the same place
  await page.keyboard.press("m");
  await dragPixels(page, [
    [0, 0],
    [3, 3],
  ]);
  await page.keyboard.press("Control+c");
  await page.keyboard.press("n");
  await expect(page.getByTestId("editor-frame-label")).toHaveText("Frame 2 of 2");
  expect(await previewPixel(page, 1, 1)).toEqual(CLEAR);
  await page.keyboard.press("Control+v");
  await expect.poll(() => previewPixel(page, 1, 2)).toEqual(BLACK);
  expect(await previewPixel(page, 2, 1)).toEqual(BLACK);

  // Flip ↔ acts on the selection (x → 3 − x inside it)
  await page.getByRole("button", { name: "⇋ Flip ↔" }).click();
  await expect.poll(() => previewPixel(page, 2, 2)).toEqual(BLACK);
  expect(await previewPixel(page, 1, 2)).toEqual(CLEAR);
  // without a selection, ↻ 90° turns the whole frame clockwise: (x, y) → (15 − y, x)
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "↻ 90°" }).click();
  await expect.poll(() => previewPixel(page, 14, 1)).toEqual(BLACK);
  expect(await previewPixel(page, 14, 2)).toEqual(BLACK);
  expect(await previewPixel(page, 13, 2)).toEqual(BLACK);
  expect(await previewPixel(page, 2, 2)).toEqual(CLEAR);

  // canvas size 20×12 anchored top-left keeps the pixels where they were
  await page.getByRole("button", { name: "Canvas size" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Width").fill("20");
  await dialog.getByLabel("Height").fill("12");
  await dialog.getByRole("button", { name: "0,0", exact: true }).click();
  await dialog.getByRole("button", { name: "Canvas size" }).click();
  await expect(page.getByTestId("editor-title")).toContainText("20×12");
  await expect.poll(() => previewPixel(page, 14, 1)).toEqual(BLACK);
  // crop to a selection around the L
  await page.keyboard.press("m");
  await dragPixels(page, [
    [12, 0],
    [15, 3],
  ]);
  await page.getByRole("button", { name: "Crop to selection" }).click();
  await expect(page.getByTestId("editor-title")).toContainText("4×4");
  await expect.poll(() => previewPixel(page, 2, 1)).toEqual(BLACK);
  expect(await previewPixel(page, 1, 2)).toEqual(BLACK);
  await screenshot(page, "editor-cropped");
  await page.getByTestId("editor-save").click();
  await expect(page.getByTestId("save-done")).toBeVisible();

  // the export menu at ×4: the sheet of the two 4×4 frames is 32×16
  await page.getByTestId("export-menu").locator("summary").click();
  await page.getByTestId("export-scale").selectOption("4");
  const [sheet] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("doc-export-sheet").click(),
  ]);
  expect(sheet.suggestedFilename()).toMatch(/_x4_sheet\.png$/);
  const { default: sharp } = await import("sharp");
  const meta = await sharp(fs.readFileSync((await sheet.path())!)).metadata();
  expect([meta.width, meta.height]).toEqual([32, 16]);

  // that document's GIF (×3) uploaded on the new-document page opens with both frames at 1×
  const id = Number(page.url().split("/").pop());
  const gif = await (
    await page.request.get(`/api/v1/documents/${id}/export?format=gif&scale=3`)
  ).body();
  await page.goto("/editor");
  await page.getByLabel("Image (PNG, GIF)").setInputFiles({
    name: "two.gif",
    mimeType: "image/gif",
    buffer: gif,
  });
  await page.getByRole("button", { name: "Open in the editor" }).click();
  await expect(page).toHaveURL(/\/editor\/\d+$/);
  await expect(page.getByTestId("frames").locator("li")).toHaveCount(2);
  await expect(page.getByTestId("editor-title")).toContainText("4×4");
  await page.getByTestId("frames").locator('li[data-frame="1"] button').click();
  await expect.poll(() => previewPixel(page, 2, 1)).toEqual(BLACK);
});

test("two fingers pan and pinch-zoom on a touch screen; layer hide, reorder and delete buttons", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const ctx = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  const page = await ctx.newPage();
  await signUp(page, uniqueEmail("editor-fingers"));
  await newDocument(page);

  // Playwright's touchscreen taps with one finger; two go through the DevTools protocol
  const cdp = await ctx.newCDPSession(page);
  const touch = (
    type: "touchStart" | "touchMove" | "touchEnd",
    points: { x: number; y: number }[],
  ) =>
    cdp.send("Input.dispatchTouchEvent", {
      type,
      touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })),
    });
  const two = async (from: [Point, Point], to: [Point, Point]) => {
    await touch("touchStart", [from[0]]);
    await touch("touchStart", from);
    for (let k = 1; k <= 5; k++) {
      const at = (i: 0 | 1) => ({
        x: from[i].x + ((to[i].x - from[i].x) * k) / 5,
        y: from[i].y + ((to[i].y - from[i].y) * k) / 5,
      });
      await touch("touchMove", [at(0), at(1)]);
    }
    await touch("touchEnd", []);
  };
  type Point = { x: number; y: number };
  const c = await pixelPoint(page, 8, 8);
  const before = await dataset(page);
  // both fingers move 40 right, 30 down, keeping their distance: a pan, the zoom stays
  await two(
    [
      { x: c.x - 30, y: c.y },
      { x: c.x + 30, y: c.y },
    ],
    [
      { x: c.x + 10, y: c.y + 30 },
      { x: c.x + 70, y: c.y + 30 },
    ],
  );
  await expect
    .poll(async () => Number((await dataset(page)).originX))
    .toBe(Number(before.originX) + 40);
  const panned = await dataset(page);
  expect(Number(panned.originY)).toBe(Number(before.originY) + 30);
  expect(panned.zoom).toBe(before.zoom);
  expect(await previewPixel(page, 8, 8)).toEqual(CLEAR); // two fingers draw nothing
  // spreading them zooms in, to an integer
  const m = await pixelPoint(page, 8, 8);
  await two(
    [
      { x: m.x - 20, y: m.y },
      { x: m.x + 20, y: m.y },
    ],
    [
      { x: m.x - 90, y: m.y },
      { x: m.x + 90, y: m.y },
    ],
  );
  await expect
    .poll(async () => Number((await dataset(page)).zoom))
    .toBeGreaterThan(Number(before.zoom));
  expect(Number.isInteger(Number((await dataset(page)).zoom))).toBe(true);

  // layers: red below, blue above (on pixel 8,8, under the fingers); hide the top, move it down,
  // delete it
  await page.keyboard.press("b");
  await page.getByTestId("primary-color").fill("#ff0000");
  const p = await pixelPoint(page, 8, 8);
  await page.touchscreen.tap(p.x, p.y);
  await expect.poll(() => previewPixel(page, 8, 8)).toEqual(RED);
  const layers = page.getByTestId("layers-panel");
  await layers.getByRole("button", { name: "+ Layer" }).click();
  await page.getByTestId("primary-color").fill("#0000ff");
  await page.touchscreen.tap(p.x, p.y);
  await expect.poll(() => previewPixel(page, 8, 8)).toEqual(BLUE);
  await layers.getByLabel("Show Layer 2").uncheck();
  await expect.poll(() => previewPixel(page, 8, 8)).toEqual(RED);
  await layers.getByLabel("Show Layer 2").check();
  await expect.poll(() => previewPixel(page, 8, 8)).toEqual(BLUE);
  await layers.getByRole("button", { name: "Move layer down" }).click();
  await expect.poll(() => previewPixel(page, 8, 8)).toEqual(RED);
  await expect(layers.locator("li").last()).toContainText("Layer 2"); // top first: now the bottom
  await layers.getByRole("button", { name: "Delete" }).click();
  await expect(layers.locator("li")).toHaveCount(1);
  await expect(layers.locator("li")).toContainText("Layer 1");
  expect(await previewPixel(page, 8, 8)).toEqual(RED);
  await ctx.close();
});
