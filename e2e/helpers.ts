import fs from "node:fs";
import path from "node:path";
import { type BrowserContext, test as base, expect, type Page } from "@playwright/test";

export { expect };

/**
 * Every spec imports `test` from here: it fails a test whose pages logged a Content Security
 * Policy violation (Chromium reports each blocked script/style/image as a console error), so the
 * e2e suite proves the CSP the app ships with lets the pages work. Contexts a test opens itself
 * with browser.newContext() are watched too.
 */
export const test = base.extend<{ cspGuard: undefined }>({
  cspGuard: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      const watch = (ctx: BrowserContext) => {
        ctx.on("console", (msg) => {
          const text = msg.text();
          if (/Content[- ]Security[- ]Policy/i.test(text))
            violations.push(`${msg.location().url}: ${text}`);
        });
        // Also catches violations Chromium does not print (e.g. reported only through the event).
        return ctx.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (e) => {
            console.error(
              `Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`,
            );
          });
        });
      };
      await watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const ctx = await newContext(...args);
        await watch(ctx);
        return ctx;
      };
      try {
        await use(undefined);
      } finally {
        browser.newContext = newContext;
      }
      expect([...new Set(violations)], "CSP violations logged by the pages").toEqual([]);
    },
    { auto: true },
  ],
});

export const PASSWORD = "correct-horse-battery";
export const ADMIN_EMAIL = "admin@e2e.local";
export const ADMIN_STATE = "test-results/.auth/admin.json";

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@e2e.local`;
}

export async function signUp(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-up");
  await page.getByLabel(/^(Email|邮箱)$/).fill(email);
  await page.getByLabel(/^(Password|密码)$/).fill(password);
  await page.getByRole("button", { name: /Create an account|创建账号/ }).click();
  await page.waitForURL((url) => url.pathname === "/", { timeout: 60_000 });
  await expect(page.getByTestId("user-email")).toHaveText(email);
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel(/^(Email|邮箱)$/).fill(email);
  await page.getByLabel(/^(Password|密码)$/).fill(password);
  await page.getByRole("button", { name: /^(Sign in|登录)$/ }).click();
  await page.waitForURL((url) => url.pathname === "/", { timeout: 60_000 });
}

export async function signOut(page: Page) {
  await page
    .getByRole("button", { name: /^(Sign out|退出登录)$/ })
    .first()
    .click();
  await page.waitForURL(/\/sign-in/);
}

/** Writes the prompt and picks the offline local model, then submits. */
export async function composeAndGenerate(page: Page, prompt: string) {
  await page.goto("/");
  const composer = page.getByTestId("composer");
  await expect(composer).toHaveAttribute("aria-busy", "false");
  await composer.getByLabel(/^(Prompt|提示词)$/).fill(prompt);
  await expect(page.getByTestId("model-picker")).toContainText("local/pixel-sprite");
  await page.getByTestId("generate").click();
}

export async function screenshot(page: Page, name: string) {
  const dir = path.join("test-results", "screens");
  fs.mkdirSync(dir, { recursive: true });
  // From the top, so the sticky header is not stitched into the middle of a full-page shot.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Screen position of the centre of the editor's document pixel (x, y). */
export async function pixelPoint(page: Page, x: number, y: number) {
  const canvas = page.getByTestId("editor-canvas");
  const box = (await canvas.boundingBox())!;
  const d = await canvas.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  const z = Number(d.zoom);
  return {
    x: box.x + Number(d.originX) + x * z + z / 2,
    y: box.y + Number(d.originY) + y * z + z / 2,
  };
}

/** A mouse drag through the editor's document pixels, optionally holding a key from the second point. */
export async function dragPixels(page: Page, path: [number, number][], hold?: "Shift") {
  const [first, ...rest] = path;
  const a = await pixelPoint(page, first![0], first![1]);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  if (hold) await page.keyboard.down(hold);
  for (const [x, y] of rest) {
    const p = await pixelPoint(page, x, y);
    await page.mouse.move(p.x, p.y, { steps: 4 });
  }
  await page.mouse.up();
  if (hold) await page.keyboard.up(hold);
}
