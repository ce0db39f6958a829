import type { Page } from "@playwright/test";
import { ADMIN_STATE, expect, screenshot, test } from "./helpers";

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "mobile", width: 375, height: 812 },
] as const;

async function settle(page: Page) {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await expect(page.locator('[role="status"]:has-text("Loading")')).toHaveCount(0);
}

/** The compass of a directions batch: four enabled, labelled buttons with their frames. */
async function expectCompass(page: Page) {
  const compass = page.getByTestId("compass");
  await expect(compass).toBeVisible();
  const buttons = compass.getByRole("button");
  await expect(buttons).toHaveCount(4);
  for (let i = 0; i < 4; i++) await expect(buttons.nth(i)).toBeEnabled();
  await expect(compass.locator("img")).toHaveCount(4);
}

test.describe("screenshots of every page", () => {
  test.use({ storageState: ADMIN_STATE });

  test("desktop and 375 px", async ({ page, browser }) => {
    test.setTimeout(240_000);
    // Some content to show: one image and one walk batch.
    const single = await page.request.post("/api/v1/generate", {
      data: { prompt: "screenshot mushroom house", model: "local/pixel-sprite", force: true },
    });
    const { task_id } = await single.json();
    const batchRes = await page.request.post("/api/v1/batch-generate", {
      data: { prompt: "screenshot wizard", mode: "walk", model: "local/pixel-sprite", force: true },
    });
    const { batch_id } = await batchRes.json();
    // A directions batch (front/back/left/right) for the previewer's compass, with the page's
    // own session.
    const dirRes = await page.request.post("/api/v1/batch-generate", {
      data: { prompt: "screenshot knight turning", mode: "directions", force: true },
    });
    expect(dirRes.ok()).toBe(true);
    const { batch_id: dirBatch } = await dirRes.json();
    for (const id of [batch_id, dirBatch]) {
      await expect
        .poll(
          async () => (await (await page.request.get(`/api/v1/batch/${id}`)).json()).batch.status,
          { timeout: 90_000 },
        )
        .toBe("completed");
    }

    const pages: [string, string][] = [
      ["studio", "/"],
      ["gallery", "/gallery"],
      ["detail", `/gallery/${task_id}`],
      ["batches", "/batches"],
      ["batch", `/batches/${batch_id}`],
      ["batch-directions", `/batches/${dirBatch}`],
      ["api-keys", "/settings/api-keys"],
      ["providers", "/settings/providers"],
      ["docs", "/docs"],
    ];
    for (const vp of VIEWPORTS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      for (const [name, url] of pages) {
        await page.goto(url);
        await settle(page);
        if (name === "batch-directions") await expectCompass(page);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect.soft(overflow, `${name} at ${vp.name} scrolls sideways`).toBeLessThanOrEqual(0);
        await screenshot(page, `${name}-${vp.name}`);
      }
    }
    // States worth a look: an expanded API route, a freshly created key, the mobile menu,
    // Chinese + dark theme.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/docs");
    await page.locator('[data-operation="POST /api/v1/generate"] summary').click();
    await screenshot(page, "docs-expanded-desktop");
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/docs");
    for (const route of ["POST /api/v1/generate", "GET /api/v1/tasks"]) {
      await page.locator(`[data-operation="${route}"] summary`).click();
    }
    const docsOverflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect.soft(docsOverflow, "expanded docs at 375 px scroll sideways").toBeLessThanOrEqual(0);
    await screenshot(page, "docs-expanded-mobile");
    // Gallery with a selection: the floating bar appears without moving the grid.
    for (const vp of VIEWPORTS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await page.goto("/gallery");
      await settle(page);
      const grid = page.getByTestId("gallery-grid");
      const before = await grid.boundingBox();
      await grid.getByTestId("task-card").first().getByRole("checkbox").check();
      await expect(page.getByTestId("selection-bar")).toBeVisible();
      const after = await grid.boundingBox();
      expect.soft(after?.y, "grid moved when the selection bar appeared").toBe(before?.y);
      await screenshot(page, `gallery-selected-${vp.name}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/settings/api-keys");
    await page.getByLabel("Key name").fill("screenshot");
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByTestId("new-key")).toBeVisible();
    await screenshot(page, "api-keys-created-desktop");
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/gallery");
    await page.getByRole("button", { name: "Main navigation" }).click();
    await screenshot(page, "menu-mobile");
    await page.getByTestId("language-switch").selectOption("zh");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("作品库");
    await page.getByRole("button", { name: "切换深色模式" }).click();
    for (const vp of VIEWPORTS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      for (const [name, url] of [
        ["studio", "/"],
        ["batch", `/batches/${batch_id}`],
        ["batch-directions", `/batches/${dirBatch}`],
        ["detail", `/gallery/${task_id}`],
        ["gallery", "/gallery"],
        ["docs-expanded", "/docs"],
      ]) {
        await page.goto(url);
        await settle(page);
        if (name === "batch-directions") await expectCompass(page);
        if (name === "docs-expanded")
          await page.locator('[data-operation="POST /api/v1/generate"] summary').click();
        await screenshot(page, `${name}-zh-dark-${vp.name}`);
      }
    }
    await page.getByTestId("language-switch").selectOption("en");

    // Signed-out pages.
    const anon = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const p = await anon.newPage();
    for (const vp of VIEWPORTS) {
      await p.setViewportSize({ width: vp.width, height: vp.height });
      for (const [name, url] of [
        ["sign-in", "/sign-in"],
        ["sign-up", "/sign-up"],
      ]) {
        await p.goto(url);
        await screenshot(p, `${name}-${vp.name}`);
      }
    }
    await anon.close();
  });
});
