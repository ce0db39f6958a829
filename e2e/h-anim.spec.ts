import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, screenshot, signUp, test, uniqueEmail } from "./helpers";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string) {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
}

async function waitBatch(page: Page, id: number) {
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/batch/${id}`)).json()).batch.status, {
      timeout: 120_000,
    })
    .toBe("completed");
}

test("8 directions from the composer: compass rose, facing labels, 1× and ×N downloads", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signUp(page, uniqueEmail("anim8"));
  await page.goto("/");
  await expect(page.getByTestId("composer")).toHaveAttribute("aria-busy", "false");
  await page.getByLabel("Prompt", { exact: true }).fill(`blue mage turning ${Date.now()}`);
  await expect(page.getByTestId("model-picker")).toContainText("local/pixel-sprite");
  await page.getByLabel("Sprite batch").check();
  await page.getByLabel("Sprite mode").selectOption("directions8");
  await expect(page.getByLabel("Frames")).toBeDisabled();
  await expect(page.getByLabel("Frames")).toHaveValue("8");
  await page.getByRole("button", { name: "Generate 8 frames" }).click();
  const progress = page.getByTestId("batch-progress");
  await expect(progress).toHaveAttribute("data-status", "completed", { timeout: 120_000 });
  await progress.getByRole("link", { name: "Open batch previewer" }).click();
  await expect(page).toHaveURL(/\/batches\/\d+$/);
  const id = Number(page.url().split("/").pop());

  const compass = page.getByTestId("compass");
  await expect(compass).toHaveAttribute("data-directions", "8");
  const buttons = compass.getByRole("button");
  await expect(buttons).toHaveCount(8);
  await expect(compass.locator("img")).toHaveCount(8);
  const facings = await buttons.evaluateAll((els) => els.map((e) => e.getAttribute("data-facing")));
  expect(facings).toEqual([
    "down",
    "down_left",
    "left",
    "up_left",
    "up",
    "up_right",
    "right",
    "down_right",
  ]);
  // N sits above S, W left of E: the rose is laid out like a compass
  const box = async (f: string) => (await compass.locator(`[data-facing="${f}"]`).boundingBox())!;
  expect((await box("up")).y).toBeLessThan((await box("down")).y);
  expect((await box("left")).x).toBeLessThan((await box("right")).x);
  expect((await box("up_left")).x).toBeLessThan((await box("up")).x);

  await compass.getByRole("button", { name: "Up-left (NW)" }).click();
  await expect(page.getByTestId("frame-label")).toHaveText("Up-left (NW) · frame 4 of 8");
  await expect(page.getByTestId("player")).toHaveAttribute("data-playing", "false");
  await expect(page.getByTestId("frame-strip")).toContainText("Down-right (SE)");
  await screenshot(page, "anim-compass-8");

  // ×N and 1× side by side; the 1× sheet is the logical grid, the ×N one the batch's scale
  const batch = (await (await page.request.get(`/api/v1/batch/${id}`)).json()).batch;
  const [big] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("export-sheet-nx").click(),
  ]);
  const [small] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("export-sheet-1x").click(),
  ]);
  expect(small.suggestedFilename()).toBe(`batch_${id}_directions8_1x_sheet.png`);
  const s1 = pngSize(await small.path());
  const sN = pngSize(await big.path());
  expect(sN.w).toBe(s1.w * (batch.scale ?? 20));
  expect(s1.w % 8).toBe(0);
  const [frame] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("frame-1x-1").click(),
  ]);
  expect(pngSize(await frame.path())).toEqual({ w: s1.w / 8, h: s1.h });
  const [tres] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("export-godot-1x").click(),
  ]);
  const text = fs.readFileSync(await tres.path(), "utf8");
  expect(text).toMatch(/^\[gd_resource type="SpriteFrames" load_steps=10 format=3\]/);
  expect(text).toContain('"name": &"up_left"');
});

test("4 directions and the walk4 sheet: compass of four, a row per direction", async ({ page }) => {
  test.setTimeout(240_000);
  await signUp(page, uniqueEmail("anim4"));
  const ids: Record<string, number> = {};
  for (const [mode, prompt] of [
    ["directions", "grey wolf turning"],
    ["walk4", "green ranger walking"],
  ] as const) {
    const res = await page.request.post("/api/v1/batch-generate", {
      data: { prompt: `${prompt} ${Date.now()}`, mode, scale: 8, force: true },
    });
    expect(res.ok()).toBe(true);
    ids[mode] = (await res.json()).batch_id;
  }
  for (const id of Object.values(ids)) await waitBatch(page, id);

  await page.goto(`/batches/${ids.directions}`);
  const compass = page.getByTestId("compass");
  await expect(compass).toHaveAttribute("data-directions", "4");
  await expect(compass.getByRole("button")).toHaveCount(4);
  await compass.getByRole("button", { name: "Left (W)" }).click();
  await expect(page.getByTestId("frame-label")).toHaveText("Left (W) · frame 3 of 4");
  // per-direction labels instead of "frame 1–4"
  await expect(page.getByTestId("frame-strip")).toContainText("Down (S)");
  await expect(page.getByTestId("frame-strip")).toContainText("Right (E)");
  await screenshot(page, "anim-compass-4");

  await page.goto(`/batches/${ids.walk4}`);
  const player = page.getByTestId("player");
  await expect(player).toHaveAttribute("data-frame-count", "16");
  const rose = page.getByTestId("compass");
  await expect(rose.getByRole("button")).toHaveCount(4);
  await rose.getByRole("button", { name: "Up (N)" }).click();
  // the player loops that direction's 4-step walk
  await expect(player).toHaveAttribute("data-frame-count", "4");
  await expect(player).toHaveAttribute("data-playing", "true");
  await expect(page.getByTestId("frame-label")).toContainText("Up (N) · step");
  await screenshot(page, "anim-walk4");
  const [zip] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("export-zip-1x").click(),
  ]);
  expect(zip.suggestedFilename()).toBe(`batch_${ids.walk4}_walk4.zip`);
  expect(
    fs
      .readFileSync(await zip.path())
      .subarray(0, 2)
      .toString("latin1"),
  ).toBe("PK");
});
