// Screenshots for a first-time user's eyes: every page at 1366 px and 375 px, English and
// Chinese, light theme, with a little content (a single image, a walk batch, an API key).
// Saved as test-results/screens/fv-<page>-<lang>-<width>.png; also fails on sideways scroll.
import type { Page } from "@playwright/test";
import { expect, screenshot, signUp, test, uniqueEmail } from "./helpers";

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 375, height: 812 },
] as const;

async function settle(page: Page) {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await expect(page.locator('[role="status"]:has-text("Loading")')).toHaveCount(0);
  await expect(page.locator('[role="status"]:has-text("加载中")')).toHaveCount(0);
}

test("first-visit screenshots: 1366 and 375 px, en and zh", async ({ page, browser }) => {
  test.setTimeout(300_000);
  await signUp(page, uniqueEmail("screens"));
  const single = await page.request.post("/api/v1/generate", {
    data: { prompt: "a knight with a blue cape", model: "local/pixel-sprite", force: true },
  });
  const { task_id } = await single.json();
  const batchRes = await page.request.post("/api/v1/batch-generate", {
    data: { prompt: "green slime hopping", mode: "walk", model: "local/pixel-sprite", force: true },
  });
  const { batch_id } = await batchRes.json();
  await expect
    .poll(
      async () => (await (await page.request.get(`/api/v1/batch/${batch_id}`)).json()).batch.status,
      { timeout: 90_000 },
    )
    .toBe("completed");
  await page.request.post("/api/v1/keys", { data: { name: "my-script" } });

  for (const lang of ["en", "zh"] as const) {
    await page.goto("/");
    await page.getByTestId("language-switch").selectOption(lang);
    await expect(page.locator("html")).toHaveAttribute("lang", lang === "zh" ? "zh-CN" : "en");
    for (const vp of VIEWPORTS) {
      await page.setViewportSize(vp);
      const pages: [string, string][] = [
        ["gallery", "/gallery"],
        ["detail", `/gallery/${task_id}`],
        ["batches", "/batches"],
        ["batch", `/batches/${batch_id}`],
        ["keys", "/settings/api-keys"],
        ["docs", "/docs"],
      ];
      for (const [name, url] of pages) {
        await page.goto(url);
        await settle(page);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect
          .soft(overflow, `${name} ${lang} ${vp.width} scrolls sideways`)
          .toBeLessThanOrEqual(0);
        await screenshot(page, `fv-${name}-${lang}-${vp.width}`);
      }
      // The studio right after Generate: the notice and the latest result, as seen (no scroll-to-top).
      await page.goto("/");
      await settle(page);
      await page
        .getByTestId("composer")
        .getByRole("textbox")
        .first()
        .fill(`sleepy cat ${lang} ${vp.width}`);
      await page.getByTestId("generate").click();
      await expect(page.getByTestId("latest-result")).toHaveAttribute("data-status", "completed", {
        timeout: 60_000,
      });
      await page.waitForTimeout(400);
      await page.screenshot({
        path: `test-results/screens/fv-studio-result-${lang}-${vp.width}.png`,
      });
      await screenshot(page, `fv-studio-${lang}-${vp.width}`);
    }
  }
  await page.getByTestId("language-switch").selectOption("en");

  for (const lang of ["en", "zh"] as const) {
    const anon = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    await anon.addCookies([
      { name: "ps_lang", value: lang, url: page.url().replace(/\/[^/]*$/, "/") },
    ]);
    const p = await anon.newPage();
    for (const vp of VIEWPORTS) {
      await p.setViewportSize(vp);
      await p.goto("/sign-in");
      await screenshot(p, `fv-sign-in-${lang}-${vp.width}`);
    }
    await anon.close();
  }
});
