// Characters (#19) as a person uses them: "a knight with a red cape" created once on the offline
// engine in 8 directions, animated in walk + attack + idle, the grid playing every cell, one frame
// re-rolled (its pixels change), the whole character exported as one ZIP with engine files; the
// Chinese page; "a grey wolf" on four legs. Screenshots on a desktop and a 390 px phone.
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { readZip } from "../test/helpers/zip";
import { expect, screenshot, signUp, test, uniqueEmail } from "./helpers";

const DIRECTIONS8 = [
  "down",
  "down_left",
  "left",
  "up_left",
  "up",
  "up_right",
  "right",
  "down_right",
];

async function createCharacter(page: Page, prompt: string): Promise<number> {
  await page.goto("/characters");
  const form = page.getByTestId("create-character");
  await form.getByLabel(/^(Description|描述)$/).fill(prompt);
  await form.getByLabel(/^(8 directions|8 方向)$/).check();
  await expect(form.getByTestId("character-model")).toContainText("local/pixel-sprite");
  await form.getByTestId("create-submit").click();
  await page.waitForURL(/\/characters\/\d+$/, { timeout: 60_000 });
  const id = Number(new URL(page.url()).pathname.split("/").pop());
  // the eight facings on the compass, all drawn
  const compass = page.getByTestId("compass");
  await expect(compass).toHaveAttribute("data-directions", "8");
  for (const d of DIRECTIONS8) {
    await expect(compass.locator(`[data-facing="${d}"]`)).toHaveAttribute(
      "data-status",
      "completed",
      { timeout: 60_000 },
    );
  }
  return id;
}

async function animate(page: Page, actions: string[]) {
  await page.getByTestId("animate").click();
  const dialog = page.getByTestId("animate-dialog");
  for (const box of await dialog.locator('input[name="action"]').all()) {
    const want = actions.includes((await box.getAttribute("value")) ?? "");
    if ((await box.isChecked()) !== want) await box.click();
  }
  await expect(dialog.locator('input[name="direction"]:checked')).toHaveCount(8);
  await dialog.getByTestId("animate-submit").click();
  // walk + attack + idle in 8 directions is more frames than the rate limit allows in a minute:
  // the dialog waits it out and starts the rest by itself
  await expect(dialog).toBeHidden({ timeout: 180_000 });
}

/** Distinct frame indexes a playing element shows over ~1.5 s. */
async function framesSeen(page: Page, selector: string): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let i = 0; i < 15; i++) {
    seen.add((await page.locator(selector).first().getAttribute("data-frame-index")) ?? "");
    await page.waitForTimeout(100);
  }
  return seen;
}

test("a knight: create once, animate walk + attack + idle in 8 directions, re-roll, export", async ({
  page,
}) => {
  test.setTimeout(480_000);
  await signUp(page, uniqueEmail("knight"));
  await page.getByRole("navigation").getByRole("link", { name: "Characters" }).click();
  await expect(page).toHaveURL(/\/characters$/);
  await expect(page.getByRole("heading", { level: 1, name: "Characters" })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Editor" })).toBeVisible();

  const id = await createCharacter(page, "a knight with a red cape");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("no-reference-warning")).toHaveCount(0);

  await animate(page, ["walk", "attack", "idle"]);
  const grid = page.getByTestId("animation-grid");
  await expect(grid.getByTestId("anim-cell")).toHaveCount(24, { timeout: 60_000 });
  for (const action of ["walk", "attack", "idle"]) {
    await expect(grid.locator(`tr[data-action="${action}"] [data-testid="anim-cell"]`)).toHaveCount(
      8,
    );
  }
  await expect(
    grid.locator('[data-testid="anim-cell"]:not([data-status="completed"])'),
  ).toHaveCount(0, { timeout: 120_000 });
  // frame counts of the actions: walk 4, attack 3, idle 2
  await expect(grid.locator('[data-action="walk"][data-direction="up_left"]')).toHaveAttribute(
    "data-frame-count",
    "4",
  );
  await expect(grid.locator('[data-action="attack"][data-direction="right"]')).toHaveAttribute(
    "data-frame-count",
    "3",
  );
  await expect(grid.locator('[data-action="idle"][data-direction="down"]')).toHaveAttribute(
    "data-frame-count",
    "2",
  );
  // every cell plays: a walk cell shows more than one frame over time
  expect(
    (
      await framesSeen(
        page,
        '[data-testid="anim-cell"][data-action="walk"][data-direction="down_left"]',
      )
    ).size,
  ).toBeGreaterThan(1);
  await screenshot(page, "characters-knight-grid");

  // the walk down-left in the big player, its frames with identity scores
  await grid.locator('[data-action="walk"][data-direction="down_left"]').click();
  const player = page.getByTestId("animation-player");
  await expect(player).toHaveAttribute("data-action", "walk");
  await expect(player.getByTestId("player")).toHaveAttribute("data-frame-count", "4");
  await expect(player.getByTestId("player")).toHaveAttribute("data-playing", "true");
  const frames = player.getByTestId("frame");
  await expect(frames).toHaveCount(4);
  await expect(player.getByTestId("identity")).toHaveCount(4);
  await expect(player.getByTestId("identity").first()).toContainText(/Identity \d+%/);

  // re-roll frame 2: another take of the same pose (different pixels, same URL)
  const frame2 = frames.nth(1);
  const url = (await frame2.getAttribute("data-src"))!.split("?")[0]!;
  const before = await (await page.request.get(url)).body();
  await frame2.getByTestId("reroll").click();
  await expect
    .poll(
      async () => {
        if ((await frame2.getAttribute("data-status")) !== "completed") return false;
        return !(await (await page.request.get(url)).body()).equals(before);
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  // the strip shows the new take (its image URL carries a new take key)
  await expect(frame2).toHaveAttribute("data-src", /[?&]v=\d+/);
  await screenshot(page, "characters-knight-player");

  // one ZIP for the whole character, with engine files and the facings
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("export-zip").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const zip = fs.readFileSync((await download.path())!);
  expect(zip.subarray(0, 2).toString("latin1")).toBe("PK");
  const names = [...readZip(zip).keys()];
  expect(names.length).toBeGreaterThan(10);
  expect(names.some((n) => n.endsWith(".tres"))).toBe(true);
  expect(names.some((n) => /walk_down_left/.test(n))).toBe(true);
  expect(names.filter((n) => n.endsWith(".png")).length).toBeGreaterThanOrEqual(8);

  // the same page on a 390 px phone
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/characters/${id}`);
  await expect(page.getByTestId("animation-grid")).toBeVisible();
  await screenshot(page, "characters-knight-phone");
  await page.goto("/characters");
  await expect(page.getByTestId("character-list")).toBeVisible();
  await screenshot(page, "characters-list-phone");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/characters");
  await expect(page.locator(`[data-character-id="${id}"]`)).toContainText("24 animations");
  await screenshot(page, "characters-list");
});

test("the Chinese page, and a grey wolf on four legs", async ({ page, context }) => {
  test.setTimeout(240_000);
  await signUp(page, uniqueEmail("wolf"));
  await context.addCookies([{ name: "ps_lang", value: "zh", url: page.url() }]);
  await page.goto("/characters");
  await expect(page.getByRole("heading", { level: 1, name: "角色" })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "角色" })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "编辑器" })).toBeVisible();
  await expect(page.getByText("还没有角色")).toBeVisible();

  await createCharacter(page, "a grey wolf");
  // drawn as a quadruped without being told
  await expect(page.getByTestId("character")).toContainText("四足");
  await animate(page, ["walk"]);
  const grid = page.getByTestId("animation-grid");
  await expect(grid.locator('[data-testid="anim-cell"][data-status="completed"]')).toHaveCount(8, {
    timeout: 120_000,
  });
  await grid.locator('[data-action="walk"][data-direction="right"]').click();
  await expect(page.getByTestId("animation-player")).toContainText("第 1 帧");
  await expect(page.getByTestId("animation-player").getByTestId("identity").first()).toContainText(
    "一致性",
  );
  await screenshot(page, "characters-wolf-zh");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId("animation-grid")).toBeVisible();
  await screenshot(page, "characters-wolf-zh-phone");
});

test("another user's character is not found", async ({ page }) => {
  await signUp(page, uniqueEmail("owner"));
  const res = await page.request.post("/api/v1/characters", {
    data: { prompt: "a small slime", directions: 4 },
  });
  expect(res.status()).toBeLessThan(300);
  const { id } = await res.json();
  // someone else signs in on the same browser
  await page.context().clearCookies();
  const p2 = page;
  await signUp(p2, uniqueEmail("other"));
  const res2 = await p2.goto(`/characters/${id}`);
  expect(res2?.status()).toBe(404);
  await expect(p2.getByTestId("not-found")).toContainText("does not exist or is not yours");
  expect((await p2.request.get(`/api/v1/characters/${id}`)).status()).toBe(404);
});

test("a gallery image becomes a character's front facing (Make a character)", async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page, uniqueEmail("fromimg"));
  const gen = await page.request.post("/api/v1/generate", {
    data: { prompt: "a knight with a red cape", model: "local/pixel-sprite", force: true },
  });
  expect(gen.ok()).toBe(true);
  const { task_id } = await gen.json();
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/task/${task_id}`)).json()).status, {
      timeout: 60_000,
    })
    .toBe("completed");
  await page.goto(`/gallery/${task_id}`);
  await page.getByTestId("make-character").click();
  await expect(page).toHaveURL(new RegExp(`/characters\\?from_task=${task_id}$`));
  const form = page.getByTestId("create-character");
  await expect(form.getByTestId("from-image")).toBeVisible();
  await expect(form.getByLabel("Description")).toHaveValue("a knight with a red cape");
  await form.getByTestId("create-submit").click();
  await page.waitForURL(/\/characters\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split("/").pop());
  const character = await (await page.request.get(`/api/v1/characters/${id}`)).json();
  expect(character.source_task_id).toBe(task_id);
  await expect(page.getByTestId("compass").locator('[data-facing="down"]')).toHaveAttribute(
    "data-status",
    "completed",
    { timeout: 60_000 },
  );
  await expect(page.getByTestId("character-notes")).toContainText("The front facing is your image");
  // a plain gallery image, not an edit: compared with the front facing, no "your edit"
  await expect(page.getByTestId("character-notes")).toContainText(
    "compare them with the front facing",
  );
  await expect(page.getByTestId("character-notes")).not.toContainText("your edit");
  expect(character.prompt).toBe("a knight with a red cape");
  await screenshot(page, "characters-from-image");
  // in Chinese the note about the front facing is Chinese too, not the English sentence
  await page.context().addCookies([{ name: "ps_lang", value: "zh", url: page.url() }]);
  await page.reload();
  await expect(page.getByTestId("character-notes")).toContainText("正面朝向是你的图片");
  await expect(page.getByTestId("character-notes")).not.toContainText("front facing");
  await screenshot(page, "characters-from-image-zh");
});

test("an animation and the facings open in the editor", async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page, uniqueEmail("toeditor"));
  const created = await page.request.post("/api/v1/characters", {
    data: { prompt: "a knight with a red cape", directions: 4, seed: 7 },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const anim = await page.request.post(`/api/v1/characters/${id}/animations`, {
    data: { action: "walk", directions: ["left"] },
  });
  expect(anim.ok()).toBe(true);
  await page.goto(`/characters/${id}`);
  await expect(
    page
      .getByTestId("animation-grid")
      .locator('[data-testid="anim-cell"][data-status="completed"]'),
  ).toHaveCount(1, { timeout: 60_000 });

  // the walk (its batch) → an editor document with its 4 frames
  await expect(page.getByTestId("animation-player")).toHaveAttribute("data-direction", "left");
  await page.getByTestId("open-animation-in-editor").click();
  await page.waitForURL(/\/editor\/\d+/, { timeout: 60_000 });
  const walkDoc = Number(new URL(page.url()).pathname.split("/").pop());
  const walk = await (await page.request.get(`/api/v1/documents/${walkDoc}`)).json();
  expect(walk.frames).toHaveLength(4);

  // the four facings (a sheet the page lays out) → 4 frames tagged by facing
  await page.goto(`/characters/${id}`);
  await page.getByTestId("open-facings-in-editor").click();
  await page.waitForURL(/\/editor\/\d+/, { timeout: 60_000 });
  const facingsDoc = Number(new URL(page.url()).pathname.split("/").pop());
  const facings = await (await page.request.get(`/api/v1/documents/${facingsDoc}`)).json();
  expect(facings.frames).toHaveLength(4);
  expect(facings.width).toBe(48);
  expect(facings.tags.map((t: { name: string }) => t.name).sort()).toEqual([
    "down",
    "left",
    "right",
    "up",
  ]);
});

test("the header holds its links (Characters, Editor) without overflowing from tablet to desktop", async ({
  page,
}) => {
  await signUp(page, uniqueEmail("header"));
  // below 1024 px the links are in the menu, and the page never scrolls sideways
  for (const width of [768, 900]) {
    await page.setViewportSize({ width, height: 700 });
    await page.goto("/characters");
    await page.getByRole("button", { name: "Main navigation" }).click();
    const menu = page.locator("#mobile-nav");
    await expect(menu.getByRole("link", { name: "Characters" })).toBeVisible();
    await expect(menu.getByRole("link", { name: "Editor" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
    if (width === 768) await screenshot(page, "characters-header-768");
  }
  for (const width of [1024, 1280]) {
    await page.setViewportSize({ width, height: 700 });
    await page.goto("/characters");
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "Characters" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Editor" })).toBeVisible();
    const lastLink = (await nav.getByRole("link", { name: "Docs" }).boundingBox())!;
    const language = (await page.getByTestId("language-switch").boundingBox())!;
    expect(
      lastLink.x + lastLink.width,
      `links clear of the language switch at ${width}px`,
    ).toBeLessThanOrEqual(language.x);
    expect(lastLink.height, `one line of links at ${width}px`).toBeLessThan(40);
    const signOut = page.getByRole("button", { name: "Sign out" }).first();
    expect(
      (await signOut.boundingBox())!.height,
      `Sign out on one line at ${width}px`,
    ).toBeLessThan(40);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
  }
});
