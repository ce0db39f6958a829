import { expect, type Page, test } from "@playwright/test";
import { ADMIN_STATE, screenshot } from "./helpers";

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "mobile", width: 375, height: 812 },
] as const;

async function settle(page: Page) {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await expect(page.locator('[role="status"]:has-text("Loading")')).toHaveCount(0);
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
    await expect
      .poll(
        async () =>
          (await (await page.request.get(`/api/v1/batch/${batch_id}`)).json()).batch.status,
        {
          timeout: 90_000,
        },
      )
      .toBe("completed");

    const pages: [string, string][] = [
      ["studio", "/"],
      ["gallery", "/gallery"],
      ["detail", `/gallery/${task_id}`],
      ["batches", "/batches"],
      ["batch", `/batches/${batch_id}`],
      ["api-keys", "/settings/api-keys"],
      ["providers", "/settings/providers"],
      ["docs", "/docs"],
    ];
    for (const vp of VIEWPORTS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      for (const [name, url] of pages) {
        await page.goto(url);
        await settle(page);
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
        ["detail", `/gallery/${task_id}`],
      ]) {
        await page.goto(url);
        await settle(page);
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
