// Issue 21, the second newcomer pass: every item a newcomer met, as they met it, in both widths
// and both languages (screenshots in test-results/screens/newcomer-*).
import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { expect, screenshot, signUp, test, uniqueEmail } from "./helpers";

const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 375, height: 812 };

async function setLanguage(page: Page, lang: "en" | "zh") {
  const url = new URL(page.url() === "about:blank" ? "http://127.0.0.1" : page.url());
  await page.context().addCookies([{ name: "ps_lang", value: lang, url: url.origin }]);
}

/** The page in both widths and both languages, each looked at as a full-page PNG. */
async function shoot(page: Page, name: string, ready: () => Promise<void>) {
  for (const lang of ["en", "zh"] as const) {
    await setLanguage(page, lang);
    for (const [label, size] of [
      ["1366", WIDE],
      ["375", PHONE],
    ] as const) {
      await page.setViewportSize(size);
      await page.reload();
      await ready();
      await screenshot(page, `newcomer-${name}-${lang}-${label}`);
    }
  }
  await setLanguage(page, "en");
  await page.setViewportSize(WIDE);
  await page.reload();
  await ready();
}

async function generated(page: Page, body: Record<string, unknown>): Promise<number> {
  const res = await page.request.post("/api/v1/generate", {
    data: { model: "local/pixel-sprite", force: true, ...body },
  });
  const { task_id } = await res.json();
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/task/${task_id}`)).json()).status, {
      timeout: 60_000,
    })
    .toBe("completed");
  return task_id;
}

test("docs: a quick start, described fields with limits and defaults, examples that run", async ({
  page,
}) => {
  await page.setViewportSize(WIDE);
  await signUp(page, uniqueEmail("docs"));
  await page.goto("/docs");
  const quick = page.getByTestId("quick-start");
  await expect(quick).toBeVisible();
  // the quick start's request is the document's example, and it works as pasted
  const curl = (await quick.locator("pre").nth(1).textContent()) ?? "";
  expect(curl).toContain('"model":"local/pixel-sprite"');
  expect(curl).not.toContain('"string"');
  const body = JSON.parse(/-d '(.*)'/s.exec(curl)![1]!);
  const sent = await page.request.post("/api/v1/generate", { data: body });
  expect(sent.status()).toBe(200);

  const op = page.locator('[data-operation="POST /api/v1/generate"]');
  await op.locator("summary").click();
  const row = (name: string) => op.getByTestId("field-table").locator("tbody", { hasText: name });
  await expect(row("scale").first()).toContainText("Limits: 1–64");
  await expect(row("scale").first()).toContainText("Default: 20");
  await expect(row("prompt").first()).toContainText("What to draw");
  await expect(op.getByTestId("field-table").first()).not.toContainText("—");
  await expect(op.locator("pre").last()).not.toContainText('"email":"string"');

  await shoot(page, "docs", async () => {
    await expect(page.getByTestId("quick-start")).toBeVisible();
  });
  // Chinese group names
  await setLanguage(page, "zh");
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: "工作室扩展" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "账户" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Studio extensions" })).toHaveCount(0);
  await setLanguage(page, "en");
});

test("composer: one message per field, nothing changed behind the person's back", async ({
  page,
}) => {
  await page.setViewportSize(WIDE);
  await signUp(page, uniqueEmail("fields"));
  const composer = page.getByTestId("composer");
  await expect(composer).toHaveAttribute("aria-busy", "false");
  await expect(page.getByTestId("model-picker")).toContainText("local/pixel-sprite");
  // the offline engine has no negative prompt: the field is not offered
  await expect(composer.getByLabel("Negative prompt")).toHaveCount(0);
  await expect(composer.getByTestId("negative-unsupported")).toBeVisible();

  const prompt = composer.getByLabel("Prompt", { exact: true });
  await prompt.fill("🐉🔥");
  await expect(composer.getByTestId("prompt-count")).toHaveText("2 / 2000");
  // a 3,000-character paste is kept whole and said to be too long
  await prompt.fill("a".repeat(3000));
  await expect(prompt).toHaveValue("a".repeat(3000));
  await expect(composer.getByTestId("prompt-count")).toHaveText("3000 / 2000");
  await expect(composer.getByText("1000 characters too many: at most 2000.")).toBeVisible();
  await prompt.fill("a blue potion");

  const requests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/v1/generate")) requests.push(r.postData() ?? "");
  });
  const seed = composer.getByLabel("Seed", { exact: true });
  for (const bad of ["-1", "12345678901234567890"]) {
    await seed.fill(bad);
    await expect(seed).toHaveValue(bad);
    await expect(
      composer.getByText("Seed must be a whole number from 0 to 2147483647", { exact: false }),
    ).toBeVisible();
  }
  const scale = composer.locator('input[name="scale"]');
  for (const bad of ["0", "-5", "", "1000"]) {
    await scale.fill(bad);
    await expect(scale).toHaveValue(bad);
    await expect(composer.getByText("Scale must be a whole number from 1 to 64.")).toBeVisible();
  }
  await page.getByTestId("generate").click();
  await expect(composer.getByText("Fix the fields marked in red; nothing was sent.")).toBeVisible();
  expect(requests).toEqual([]);
  await screenshot(page, "newcomer-composer-messages-en-1366");

  // in Chinese, the same messages in Chinese
  await setLanguage(page, "zh");
  await page.reload();
  await expect(composer).toHaveAttribute("aria-busy", "false");
  await composer.getByLabel("种子", { exact: true }).fill("-1");
  await expect(
    composer.getByText("种子须为 0 到 2147483647 之间的整数;留空则每次随机。"),
  ).toBeVisible();
  // the scale is still the last valid one (20), not ×1 or ×64 kept for the next sprites
  await expect(composer.locator('input[name="scale"]')).toHaveValue("20");
  await page.setViewportSize(PHONE);
  await screenshot(page, "newcomer-composer-messages-zh-375");
  await page.setViewportSize(WIDE);
  await composer.getByLabel("种子", { exact: true }).fill("7");
  await composer.locator('input[name="scale"]').fill("8");
  await page.getByTestId("generate").click();
  await expect.poll(() => requests.length).toBe(1);
  expect(JSON.parse(requests[0]!)).toMatchObject({ seed: 7, scale: 8, prompt: "a blue potion" });
  expect(JSON.parse(requests[0]!)).not.toHaveProperty("negative_prompt");
  await setLanguage(page, "en");
});

test("studio layout: results in the right column, no gap above Recent work, chips in Chinese", async ({
  page,
}) => {
  await page.setViewportSize(WIDE);
  await signUp(page, uniqueEmail("layout"));
  const tabs = page.getByRole("tablist");
  const recent = page.getByRole("heading", { name: "Recent work" });
  // nothing made yet: Recent work starts at the top of the right column, beside the tabs
  const tabsBox = (await tabs.boundingBox())!;
  const recentBox = (await recent.boundingBox())!;
  expect(recentBox.y - tabsBox.y).toBeLessThan(40);
  expect(recentBox.x).toBeGreaterThan(tabsBox.x + tabsBox.width);

  // the sprite-size select shows its whole label
  const size = page.locator('select[name="size"]');
  const fits = await size.evaluate((el: HTMLSelectElement) => {
    const style = getComputedStyle(el);
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = ctx.measureText(el.options[el.selectedIndex]!.text).width;
    const padding = Number.parseFloat(style.paddingLeft) + Number.parseFloat(style.paddingRight);
    // plus the drop-down arrow, which sits inside the padding box
    return text + padding + 24 <= el.clientWidth;
  });
  expect(fits).toBe(true);

  // a tileset appears in the right column, above the fold
  await page.getByRole("tab", { name: "Tileset" }).click();
  await page.getByTestId("make-tileset").click();
  const tileset = page.getByTestId("tileset-result");
  await expect(tileset).toBeVisible();
  const tsBox = (await tileset.boundingBox())!;
  expect(tsBox.x).toBeGreaterThan(tabsBox.x + tabsBox.width);
  expect(tsBox.y).toBeLessThan(WIDE.height);
  // "Blob (47 tiles)" and a 48-tile sheet: the summary says why
  await expect(tileset.getByTestId("tileset-summary")).toContainText("Blob (47 tiles)");
  await expect(tileset.getByTestId("tileset-count-note")).toContainText("48 tiles");
  await screenshot(page, "newcomer-tileset-en-1366");

  // a sound too, with Download and what was made
  await page.getByRole("tab", { name: "Sound effect" }).click();
  await page.getByLabel("Describe the sound").fill("coin pickup");
  await page.getByTestId("make-sfx").click();
  const sfx = page.getByTestId("sfx-result");
  await expect(sfx.getByTestId("audio-download")).toBeVisible({ timeout: 60_000 });
  await expect(sfx.getByTestId("audio-note")).toContainText("Made as");
  const sfxBox = (await sfx.boundingBox())!;
  expect(sfxBox.x).toBeGreaterThan(tabsBox.x + tabsBox.width);
  const download = page.waitForEvent("download");
  await sfx.getByTestId("audio-download").click();
  expect((await download).suggestedFilename()).toMatch(/^sound-\d+\.wav$/);
  await screenshot(page, "newcomer-sfx-en-1366");

  // Chinese: capability chips and model names
  await setLanguage(page, "zh");
  await page.reload();
  await expect(page.getByTestId("model-picker")).toContainText("像素精灵(离线)");
  await expect(page.getByText("种子", { exact: true }).first()).toBeVisible();
  await page.getByTestId("model-picker").click();
  await expect(page.locator('[data-model-id="local/sfx"]')).toContainText("8 位音效(离线)");
  await expect(page.locator('[data-model-id="local/upscale"]')).toContainText("放大");
  await expect(page.getByText("Supports Seed")).toHaveCount(0);
  await screenshot(page, "newcomer-models-zh-1366");
  await page.keyboard.press("Escape");
  await page.getByRole("tab", { name: "音效" }).click();
  await page.setViewportSize(PHONE);
  await screenshot(page, "newcomer-studio-zh-375");
  await setLanguage(page, "en");
});

test("Recent work and Latest agree the moment a task finishes", async ({ page }) => {
  await page.setViewportSize(WIDE);
  await signUp(page, uniqueEmail("agree"));
  const composer = page.getByTestId("composer");
  await expect(composer).toHaveAttribute("aria-busy", "false");
  await composer.getByLabel("Prompt", { exact: true }).fill(`a silver key ${Date.now()}`);
  await page.getByTestId("generate").click();
  const latest = page.getByTestId("latest-result");
  const id = await latest.getAttribute("data-task-id");
  await expect(page.locator(`[data-testid="recent-tasks"] [data-task-id="${id}"]`)).toBeVisible();
  // the same render: once Latest says completed, Recent work says so too, not a poll later
  await latest.and(page.locator('[data-status="completed"]')).waitFor({ timeout: 60_000 });
  const recentStatus = await page
    .locator(`[data-testid="recent-tasks"] [data-task-id="${id}"]`)
    .getAttribute("data-status");
  expect(recentStatus).toBe("completed");
  await shoot(page, "studio", async () => {
    await expect(page.getByTestId("recent-tasks")).toBeVisible();
  });
});

test("gallery: filters follow quick changes, batch cards take a star, the ZIP is organised", async ({
  page,
}) => {
  await page.setViewportSize(WIDE);
  await signUp(page, uniqueEmail("gallery"));
  const single = await generated(page, { prompt: "a golden goblet", scale: 20 });
  const batch = await (
    await page.request.post("/api/v1/batch-generate", {
      data: { prompt: "a running fox", mode: "directions8", model: "local/pixel-sprite" },
    })
  ).json();
  await expect
    .poll(
      async () =>
        (await (await page.request.get(`/api/v1/batch/${batch.batch_id}`)).json()).batch.status,
      { timeout: 90_000 },
    )
    .toBe("completed");

  // Mode filter, reset it, then Type at once: the old mode does not come back
  await page.goto("/gallery?mode=directions8");
  const mode = page.locator('select[data-filter="Mode"]');
  const type = page.locator('select[data-filter="Type"]');
  await expect(mode).toHaveValue("directions8");
  await mode.selectOption("");
  await type.selectOption("audio");
  await expect.poll(() => new URL(page.url()).search).toBe("?type=audio");
  await expect(mode).toHaveValue("");
  await page.goto("/gallery");

  // a batch card can be starred, and the Starred filter finds it
  const card = page.locator(`[data-testid="batch-card"][data-batch-id="${batch.batch_id}"]`);
  await card.getByRole("button", { name: /Star/ }).click();
  await expect(card).toHaveAttribute("data-starred", "true");
  await page.getByLabel("Starred only").check();
  await expect(page.locator('[data-testid="batch-card"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="task-card"]')).toHaveCount(0);
  await page.getByLabel("Starred only").uncheck();

  // the 8-direction batch's thumbnail holds still on its front (frame 1, facing south)
  const frames = (await (await page.request.get(`/api/v1/batch/${batch.batch_id}`)).json())
    .tasks as { id: number; batch_index: number }[];
  const front = frames.find((f) => f.batch_index === 1)!;
  const loop = card.getByTestId("sprite-loop");
  await expect(loop).toHaveAttribute("data-frame-count", "1");
  await expect(loop.locator("img")).toHaveAttribute(
    "src",
    new RegExp(`/${front.id}(_thumb)?\\.png`),
  );

  // one batch and one picture in a ZIP at ×1: folders, sheet, atlas, manifest
  await card.getByRole("checkbox").check();
  await page
    .locator(`[data-testid="task-card"][data-task-id="${single}"]`)
    .getByRole("checkbox")
    .check();
  await page.getByTestId("zip-scale").selectOption("1");
  await screenshot(page, "newcomer-gallery-selection-en-1366");
  await page.setViewportSize(PHONE);
  await screenshot(page, "newcomer-gallery-selection-en-375");
  await page.setViewportSize(WIDE);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download ZIP" }).click();
  const file = await (await download).path();
  const list = execFileSync("python3", [
    "-c",
    "import sys,zipfile,json; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps(z.namelist())); print(z.read('manifest.json').decode())",
    file!,
  ])
    .toString()
    .split("\n");
  const names = JSON.parse(list[0]!) as string[];
  expect(names[0]).toBe("manifest.json");
  expect(names).toContain("01-a-running-fox/sheet.png");
  expect(names).toContain("01-a-running-fox/atlas.json");
  expect(names).toContain("02-a-golden-goblet/a-golden-goblet.png");
  const manifest = JSON.parse(list.slice(1).join("\n"));
  expect(manifest.scale).toBe(1);
  expect(manifest.items.map((i: { kind: string }) => i.kind)).toEqual(["batch", "image"]);

  await shoot(page, "gallery", async () => {
    await expect(page.getByTestId("gallery-grid")).toBeVisible();
  });
  // the batch list arrives with the page (it used to wait for the script, then a fetch)
  const html = await (await page.request.get("/batches")).text();
  expect(html).toContain('data-testid="batch-list"');
  expect(html).toContain("a running fox");
  await page.goto("/batches");
  await shoot(page, "batches", async () => {
    await expect(page.getByTestId("batch-list")).toBeVisible();
  });
});

test("detail: steady buttons, one 'Drawn as', a true duration, 404 once deleted", async ({
  page,
}) => {
  await page.setViewportSize(WIDE);
  await signUp(page, uniqueEmail("detail2"));
  const id = await generated(page, { prompt: "a wooden chest" });
  await page.goto(`/gallery/${id}`);
  const detail = page.getByTestId("task-detail");
  await expect(detail).toHaveAttribute("data-status", "completed", { timeout: 60_000 });

  // Drawn as, once
  const drawn = detail.getByTestId("detail-interpretation");
  await expect(drawn.getByRole("heading", { name: "Drawn as" })).toBeVisible();
  await expect(drawn.getByTestId("interpretation")).not.toContainText("Drawn as");

  // Took: the milliseconds the server measured, not whole-second ISO times subtracted
  const task = await (await page.request.get(`/api/v1/task/${id}`)).json();
  await expect(page.locator("dt", { hasText: /^Took$/ }).locator("+ dd")).toHaveText(
    `${(task.duration_ms / 1000).toFixed(1)} s`,
  );
  expect(task.duration_ms).toBeGreaterThan(0);

  // "Copied" does not move Delete under the pointer
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const del = page.getByRole("button", { name: "Delete artwork" });
  const before = (await del.boundingBox())!;
  await page.getByRole("button", { name: "Copy signed link" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  const after = (await del.boundingBox())!;
  expect([after.x, after.y]).toEqual([before.x, before.y]);

  await shoot(page, "detail", async () => {
    await expect(page.getByTestId("task-detail")).toHaveAttribute("data-status", "completed");
  });

  // deleted: the page answers 404
  await page.request.delete(`/api/v1/task/${id}`);
  const gone = await page.goto(`/gallery/${id}`);
  expect(gone?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toContainText("does not exist or is not yours");
});

test("API keys: the once-only box goes with a revoked key, revoked keys can be removed", async ({
  page,
}) => {
  await page.setViewportSize(WIDE);
  await signUp(page, uniqueEmail("keys"));
  await page.goto("/settings/api-keys");
  await page.getByPlaceholder("Key name, e.g. my-script").fill("throwaway");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("created-key")).toBeVisible();
  await page.getByRole("button", { name: "Revoke throwaway" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("created-key")).toHaveCount(0);
  const row = page.locator("tr", { hasText: "throwaway" });
  await expect(row).toContainText("revoked");
  await shoot(page, "keys", async () => {
    await expect(page.getByTestId("keys-table")).toBeVisible();
  });
  await page.getByRole("button", { name: "Remove throwaway from the list" }).click();
  await expect(row).toHaveCount(0);
});

test("palettes: one saved from a gallery image without a name reads in the page's language", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, uniqueEmail("palzh"));
  const gen = await page.request.post("/api/v1/generate", {
    data: { prompt: "a health potion", model: "local/pixel-sprite", force: true },
  });
  const { task_id } = await gen.json();
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/task/${task_id}`)).json()).status, {
      timeout: 60_000,
    })
    .toBe("completed");
  const saved = await (await page.request.post("/api/v1/palettes", { data: { task_id } })).json();
  const n = saved.colors.length;
  await page.goto("/settings/palettes");
  await expect(page.getByText(`Palette of ${n} colours`)).toBeVisible();
  await setLanguage(page, "zh");
  await page.goto("/settings/palettes");
  await expect(page.getByText(`${n} 色调色板`)).toBeVisible();
  await expect(page.getByText(`Palette of ${n} colours`)).toHaveCount(0);
  await screenshot(page, "newcomer-palette-zh");
});
