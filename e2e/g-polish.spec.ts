import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, screenshot, signUp, test, uniqueEmail } from "./helpers";

async function walkBatch(page: Page, prompt: string): Promise<number> {
  const res = await page.request.post("/api/v1/batch-generate", {
    data: { prompt, mode: "walk", model: "local/pixel-sprite", force: true },
  });
  expect(res.ok()).toBe(true);
  const { batch_id } = await res.json();
  await expect
    .poll(
      async () => (await (await page.request.get(`/api/v1/batch/${batch_id}`)).json()).batch.status,
      { timeout: 90_000 },
    )
    .toBe("completed");
  return batch_id;
}

/** How many times the player's frame index changes within `ms` (counted in the page). */
function frameChanges(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (wait) =>
      new Promise<number>((resolve) => {
        const el = document.querySelector('[data-testid="player"]')!;
        let changes = 0;
        const mo = new MutationObserver((list) => {
          changes += list.filter((m) => m.attributeName === "data-frame-index").length;
        });
        mo.observe(el, { attributes: true, attributeFilter: ["data-frame-index"] });
        setTimeout(() => {
          mo.disconnect();
          resolve(changes);
        }, wait);
      }),
    ms,
  );
}

test("detail operations: Vectorize gives a vector file, Make seamless gives a grid file", async ({
  page,
}) => {
  await signUp(page, uniqueEmail("ops"));
  const res = await page.request.post("/api/v1/generate", {
    data: { prompt: `stone tile ${Date.now()}`, model: "local/pixel-sprite", force: true },
  });
  const { task_id } = await res.json();

  for (const [model, button, kind] of [
    ["local/vectorize", /Vectorize \(SVG\)/, "vector"],
    ["local/seamless", /Make seamless/, "grid"],
  ] as const) {
    await page.goto(`/gallery/${task_id}`);
    const detail = page.getByTestId("task-detail");
    await expect(detail).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
    await page.locator(`[data-operation="${model}"]`).getByRole("button", { name: button }).click();
    await page
      .getByRole("status")
      .getByRole("link", { name: /Open #\d+/ })
      .click();
    await expect(page).not.toHaveURL(new RegExp(`/gallery/${task_id}$`));
    const made = page.getByTestId("task-detail");
    await expect(made).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
    await expect(made.getByRole("link", { name: `#${task_id}` })).toBeVisible();
    const file = made.getByRole("link", { name: kind, exact: true });
    await expect(file).toBeVisible();
    // The file link really serves the kind's bytes.
    const href = await file.getAttribute("href");
    const got = await page.request.get(href!);
    expect(got.status()).toBe(200);
    expect(got.headers()["content-type"]).toContain(kind === "vector" ? "svg" : "image/png");
  }
});

test("previewer: fps slider changes speed; sprite sheet + atlas downloads", async ({ page }) => {
  await signUp(page, uniqueEmail("fps"));
  const id = await walkBatch(page, `fps walker ${Date.now()}`);
  await page.goto(`/batches/${id}`);
  const player = page.getByTestId("player");
  await expect(player).toHaveAttribute("data-frame-count", "4");
  await expect(player).toHaveAttribute("data-playing", "true");

  const fps = page.getByLabel(/^Speed: \d+ fps$/);
  await fps.fill("1");
  await expect(page.getByText("Speed: 1 fps")).toBeVisible();
  const slow = await frameChanges(page, 2000);
  await fps.fill("24");
  await expect(page.getByText("Speed: 24 fps")).toBeVisible();
  const fast = await frameChanges(page, 2000);
  // 1 fps: at most 2 steps in 2 s; 24 fps: dozens (leave room for a busy 2-core box).
  expect(slow).toBeLessThanOrEqual(3);
  expect(fast).toBeGreaterThanOrEqual(10);
  expect(fast).toBeGreaterThan(slow * 3);

  const exportsTable = page.getByTestId("exports");
  const sheet = exportsTable
    .getByRole("row", { name: "Sprite sheet PNG" })
    .getByRole("link")
    .first();
  const [png] = await Promise.all([page.waitForEvent("download"), sheet.click()]);
  expect(png.suggestedFilename()).toBe(`batch_${id}_walk_sheet.png`);
  const pngBytes = fs.readFileSync(await png.path());
  expect(pngBytes.subarray(1, 4).toString("latin1")).toBe("PNG");

  const [atlas] = await Promise.all([
    page.waitForEvent("download"),
    exportsTable
      .getByRole("row", { name: "Aseprite JSON (Phaser, PixiJS)" })
      .getByRole("link")
      .first()
      .click(),
  ]);
  expect(atlas.suggestedFilename()).toBe(`batch_${id}_walk_sheet.json`);
  const json = JSON.parse(fs.readFileSync(await atlas.path(), "utf8"));
  const frames = Array.isArray(json.frames) ? json.frames : Object.values(json.frames ?? {});
  expect(frames).toHaveLength(4);
  expect(json.meta?.frameTags?.[0]?.name).toBe("walk");
});

test("studio: a finished batch plays a small inline preview next to the previewer link", async ({
  page,
}) => {
  await signUp(page, uniqueEmail("loop"));
  await page.goto("/");
  await expect(page.getByTestId("composer")).toHaveAttribute("aria-busy", "false");
  await page.getByLabel("Prompt", { exact: true }).fill(`looping slime ${Date.now()}`);
  await expect(page.getByTestId("model-picker")).toContainText("local/pixel-sprite");
  await page.getByLabel("Sprite batch").check();
  await page.getByLabel("Sprite mode").selectOption("walk");
  await page.getByRole("button", { name: "Generate 4 frames" }).click();

  const progress = page.getByTestId("batch-progress");
  await expect(progress).toHaveAttribute("data-status", "completed", { timeout: 90_000 });
  const loop = progress.getByTestId("sprite-loop");
  await expect(loop).toBeVisible();
  await expect(loop).toHaveAttribute("data-frame-count", "4");
  await expect(loop).toHaveAccessibleName(/Animated preview of batch #\d+/);
  const seen = new Set<string>();
  for (let i = 0; i < 30 && seen.size < 3; i++) {
    seen.add((await loop.getAttribute("data-frame-index")) ?? "");
    await page.waitForTimeout(60);
  }
  expect(seen.size).toBeGreaterThanOrEqual(2);
  // The link is still there, right beside it.
  await expect(progress.getByRole("link", { name: "Open batch previewer" })).toBeVisible();

  await screenshot(page, "studio-batch-done-desktop");
  await page.setViewportSize({ width: 375, height: 812 });
  await screenshot(page, "studio-batch-done-mobile");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("button", { name: "Toggle dark mode" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await screenshot(page, "studio-batch-done-dark-desktop");
  await page.setViewportSize({ width: 375, height: 812 });
  await screenshot(page, "studio-batch-done-dark-mobile");
});

test("first-load JS stays under 200 KB (gzipped) on the main pages", async ({ page }) => {
  await signUp(page, uniqueEmail("js"));
  const sizes: Record<string, number> = {};
  for (const url of ["/", "/gallery", "/batches", "/docs"]) {
    // A fresh document so every script counts as first load.
    await page.goto(url);
    await page.waitForLoadState("networkidle").catch(() => undefined);
    sizes[url] = await page.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((e) => e.initiatorType === "script" || /\.js(\?|$)/.test(e.name))
        .reduce((sum, e) => sum + e.encodedBodySize, 0),
    );
  }
  console.log("first-load JS bytes", JSON.stringify(sizes));
  for (const [url, bytes] of Object.entries(sizes)) {
    expect.soft(bytes, `${url} first-load JS`).toBeLessThan(200 * 1024);
  }
});

test("a missing page or someone else's asset shows the studio's own 404, with no CSP violation", async ({
  page,
}) => {
  await signUp(page, uniqueEmail("notfound"));
  for (const path of ["/settings", "/no-such-page", "/batches/not-a-batch/x"]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: /404 · Not found/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to the studio" })).toBeVisible();
  }
  // The gallery and characters have not-found pages of their own; they must not trip the CSP either.
  expect((await page.goto("/gallery/999999999"))?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Back to gallery" })).toBeVisible();
  expect((await page.goto("/characters/999999999"))?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "All characters" })).toBeVisible();
});
