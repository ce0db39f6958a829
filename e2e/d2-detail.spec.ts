import { expect, signUp, test, uniqueEmail } from "./helpers";

test("detail view: signed link, star, upscale operation, re-run, delete", async ({
  page,
  browser,
}) => {
  await signUp(page, uniqueEmail("detail"));
  const res = await page.request.post("/api/v1/generate", {
    data: {
      prompt: `treasure chest ${Date.now()}`,
      model: "local/pixel-sprite",
      force: true,
      seed: 42,
    },
  });
  const { task_id } = await res.json();
  await page.goto(`/gallery/${task_id}`);
  const detail = page.getByTestId("task-detail");
  await expect(detail).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
  await expect(detail).toContainText("42");

  // The signed link works without a session.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy signed link" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^https?:\/\//);
  const anon = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const signed = await anon.request.get(link);
  expect(signed.status()).toBe(200);
  expect(signed.headers()["content-type"]).toContain("image/png");
  await anon.close();

  await page.getByRole("button", { name: "Star", exact: true }).click();
  await expect(page.getByRole("button", { name: "Unstar" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  // Upscale ×2 with the local operation → a new task made from this one.
  const upscale = page.locator('[data-operation="local/upscale"]');
  await upscale.getByLabel("factor").fill("2");
  await upscale.getByRole("button", { name: /Upscale/ }).click();
  await page
    .getByRole("status")
    .getByRole("link", { name: /Open #\d+/ })
    .click();
  await expect(page).not.toHaveURL(new RegExp(`/gallery/${task_id}$`));
  const op = page.getByTestId("task-detail");
  await expect(op).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
  await expect(op.getByRole("link", { name: `#${task_id}` })).toBeVisible();

  // Re-run the original with a new seed.
  await page.goto(`/gallery/${task_id}`);
  await page.getByRole("button", { name: "Re-run with a new seed" }).click();
  // the notice, not whichever other live region (a loading line) is on the page at that moment
  await expect(page.getByRole("status").filter({ hasText: "Re-run started" })).toBeVisible();

  // Delete it.
  await page.getByRole("button", { name: "Delete artwork" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/gallery$/);
  const gone = await page.request.get(`/api/v1/task/${task_id}`);
  expect(gone.status()).toBe(404);
});
