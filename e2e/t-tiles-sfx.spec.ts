import { expect, screenshot, signUp, test, uniqueEmail } from "./helpers";

test("tileset: make a grass ↔ dirt blob set in the studio and see its sample map", async ({
  page,
}) => {
  await signUp(page, uniqueEmail("tiles"));
  await page.goto("/");
  await page.getByRole("tab", { name: "Tileset" }).click();
  const form = page.getByTestId("tileset-composer");
  await form.getByRole("button", { name: "Grass ↔ Dirt" }).click();
  await expect(form.getByLabel("Base terrain")).toHaveValue("grass");
  await expect(form.getByLabel("Laid over it")).toHaveValue("dirt");
  await form.getByLabel("32 px").check();
  await form.getByLabel("Blob (47 tiles)").check();
  await form.getByLabel("Seed").fill("7");
  await page.getByTestId("make-tileset").click();

  const result = page.getByTestId("tileset-result");
  await expect(result.getByTestId("tileset-summary")).toContainText(
    "Grass ↔ Dirt · Blob (47 tiles) · 32 px · seed 7",
  );
  const sample = result.getByTestId("tileset-sample");
  // the sample map is 12 × 8 tiles of 32 px, decoded by the browser
  await expect
    .poll(() => sample.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]))
    .toEqual([384, 256]);
  const sheet = result.getByTestId("tileset-sheet");
  await expect
    .poll(() => sheet.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]))
    .toEqual([256, 192]);
  const tsxHref = await result.getByRole("link", { name: "Tiled .tsx" }).getAttribute("href");
  const tsx = await page.request.get(tsxHref!);
  expect(await tsx.text()).toContain('<wangset name="grass ↔ dirt" type="mixed"');
  await screenshot(page, "tileset-studio");

  await result.getByRole("link", { name: /Open in gallery/ }).click();
  await page.waitForURL(/\/gallery\/\d+$/);
  const detail = page.getByTestId("task-detail");
  await expect(detail.getByTestId("tileset-view")).toBeVisible();
  await expect
    .poll(() =>
      detail.getByTestId("tileset-sample").evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBe(384);
  await expect(detail.getByRole("link", { name: "Godot .tres" })).toBeVisible();
  await expect(detail.getByRole("link", { name: "Tiled map .tmj" })).toBeVisible();
  // the parameter table names the pair, tile size and layout in words, no raw JSON or palette
  const params = page.locator("dl").filter({ hasText: "Terrains" });
  await expect(params.locator("dt", { hasText: "Terrains" }).locator("+ dd")).toHaveText(
    "Grass ↔ Dirt",
  );
  await expect(params.locator("dt", { hasText: "Tile size" }).locator("+ dd")).toHaveText("32 px");
  await expect(params.locator("dt", { hasText: "Layout" }).locator("+ dd")).toHaveText(
    "Blob (47 tiles)",
  );
  await expect(params.locator("dt", { hasText: /^(Palette|Scale|tileset)$/ })).toHaveCount(0);
  await expect(params).not.toContainText("{");
  await screenshot(page, "tileset-detail");
});

test("sound effect: make a coin sound offline and play it in the gallery", async ({ page }) => {
  await signUp(page, uniqueEmail("sfx"));
  await page.goto("/");
  await page.getByRole("tab", { name: "Sound effect" }).click();
  // nothing described and no kind chosen: refused, like an empty sprite prompt (no invented sound)
  await page.getByTestId("make-sfx").click();
  await expect(page.getByTestId("sfx-composer")).toContainText(
    "Describe the sound, or choose its kind.",
  );
  await expect(page.getByTestId("sfx-result")).toHaveCount(0);
  // a kind with no description: the form says what it will make
  await page.getByLabel("Kind").selectOption("jump");
  await expect(page.getByTestId("sfx-from-kind")).toHaveText(
    "Left empty, it makes the chosen kind: Jump.",
  );
  await page.getByLabel("Kind").selectOption("");
  await page.getByLabel("Describe the sound").fill("coin pickup");
  await expect(page.getByTestId("sfx-from-kind")).toHaveCount(0);
  await page.getByTestId("make-sfx").click();
  const made = page.getByTestId("sfx-result").getByTestId("audio-player");
  await expect(made).toHaveAttribute("data-peaks", "96", { timeout: 60_000 });

  await page.goto("/gallery");
  const card = page.getByTestId("task-card").filter({ hasText: "coin pickup" });
  const player = card.getByTestId("audio-player");
  await expect(player).toHaveAttribute("data-peaks", "96", { timeout: 60_000 });
  // the waveform has drawn bars of different heights: a real sound, not a flat line
  const heights = await player
    .getByTestId("waveform")
    .locator("rect")
    .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute("height"))));
  expect(heights).toHaveLength(96);
  expect(Math.max(...heights)).toBeGreaterThan(Math.min(...heights) * 4);
  await player.getByTestId("audio-play").click();
  await expect(player).toHaveAttribute("data-state", /playing|ended/);
  await expect(player).toHaveAttribute("data-state", "ended", { timeout: 10_000 });
  await screenshot(page, "sfx-gallery");

  await card.getByRole("link", { name: /^Open/ }).click();
  await page.waitForURL(/\/gallery\/\d+$/);
  await expect(page.getByTestId("audio-note")).toContainText('coin (from the word "coin")');
  await expect(page.getByTestId("audio-preview").getByTestId("audio-player")).toHaveAttribute(
    "data-peaks",
    "96",
  );
  // a sound has no scale, background, palette or pixel size
  const params = page.locator("dl").filter({ hasText: "Seed" });
  await expect(params.locator("dt", { hasText: "Model" })).toHaveCount(1);
  await expect(params.locator("dt", { hasText: /^(Scale|Background|Palette|Size)$/ })).toHaveCount(
    0,
  );
  await screenshot(page, "sfx-detail");
});
