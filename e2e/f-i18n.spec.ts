import { expect, signUp, test, uniqueEmail } from "./helpers";

test("the language switch changes the interface text and is remembered", async ({ page }) => {
  await signUp(page, uniqueEmail("i18n"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Studio");
  await page.getByTestId("language-switch").selectOption("zh");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("工作室");
  await expect(page.getByRole("link", { name: "作品库" }).first()).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("工作室");
  await page.goto("/gallery");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("作品库");
  await page.getByTestId("language-switch").selectOption("en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gallery");
});

test.describe("browser language", () => {
  test.use({ locale: "zh-CN" });
  test("a Chinese browser gets Chinese without touching the switch", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录");
  });
});
