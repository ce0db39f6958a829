import { composeAndGenerate, expect, signUp, test, uniqueEmail } from "./helpers";

test("compose a single image with the local model, see it in the gallery, reuse its prompt", async ({
  page,
}) => {
  await signUp(page, uniqueEmail("studio"));
  const prompt = `tiny green slime with a hat ${Date.now()}`;
  await composeAndGenerate(page, prompt);

  const card = page
    .getByTestId("recent-tasks")
    .getByTestId("task-card")
    .filter({ hasText: prompt });
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
  const img = card.locator("img");
  await expect(img).toHaveClass(/pixelated/);
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth))
    .toBeGreaterThan(0);

  // Settings persist across reloads.
  await page.reload();
  await expect(page.getByTestId("composer")).toHaveAttribute("aria-busy", "false");
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue(prompt);

  await page.goto("/gallery");
  const galleryCard = page
    .getByTestId("gallery-grid")
    .getByTestId("task-card")
    .filter({ hasText: prompt });
  await expect(galleryCard).toHaveAttribute("data-status", "completed");
  await galleryCard.getByRole("link").click();
  await expect(page).toHaveURL(/\/gallery\/\d+$/);
  const detail = page.getByTestId("task-detail");
  await expect(detail).toHaveAttribute("data-status", "completed");
  await expect(page.getByTestId("detail-prompt")).toHaveText(prompt);
  await expect(detail).toContainText("local/pixel-sprite");
  await expect(page.getByTestId("detail-image")).toBeVisible();

  // Clear the composer, then reuse the artwork's prompt from the detail view.
  await page.evaluate(() => localStorage.removeItem("pixel-studio-composer"));
  await page.getByTestId("reuse").click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue(prompt);
});

test("a repeated prompt shows the earlier artwork; generate anyway forces a new one", async ({
  page,
}) => {
  await signUp(page, uniqueEmail("dupes"));
  const prompt = `purple bat flapping ${Date.now()}`;
  await composeAndGenerate(page, prompt);
  const cards = page
    .getByTestId("recent-tasks")
    .getByTestId("task-card")
    .filter({ hasText: prompt });
  await expect(cards.first()).toHaveAttribute("data-status", "completed", { timeout: 60_000 });

  await page.getByTestId("generate").click();
  const dialog = page.getByRole("dialog", { name: "Similar artworks already exist" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Use this" })).toHaveCount(1);
  await dialog.getByRole("button", { name: "Generate anyway" }).click();
  await expect(dialog).toBeHidden();
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
});
