import { ADMIN_STATE, expect, signUp, test, uniqueEmail } from "./helpers";

test("a non-admin is refused the providers page", async ({ page }) => {
  await signUp(page, uniqueEmail("user"));
  await expect(page.getByRole("link", { name: "Providers" })).toHaveCount(0);
  await page.goto("/settings/providers");
  await expect(page.getByTestId("admins-only")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
  const api = await page.request.get("/api/v1/providers");
  expect(api.status()).toBe(403);
});

test.describe("as admin", () => {
  test.use({ storageState: ADMIN_STATE });
  test("the admin sees providers, their models and can test a connection", async ({ page }) => {
    await page.goto("/settings/providers");
    await expect(page.getByRole("heading", { name: "Providers" })).toBeVisible();
    const local = page.locator('[data-provider="local"]');
    await expect(local).toBeVisible();
    await expect(local).toContainText("Configured");
    await local.getByRole("button", { name: "Test connection" }).click();
    await expect(local.getByRole("status")).toBeVisible();
  });
});
