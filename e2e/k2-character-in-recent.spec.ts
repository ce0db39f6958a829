import { expect, signUp, test, uniqueEmail } from "./helpers";

// A character's animations are batches of gallery tasks (one per direction); the studio's Recent
// work and the gallery show the character once, as its facings, opening the character.
test("recent work and the gallery show a character once, not its animations", async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page, uniqueEmail("recent-char"));
  const image = await page.request.post("/api/v1/generate", {
    data: { prompt: `green potion ${Date.now()}`, model: "local/pixel-sprite", force: true },
  });
  expect(image.status(), await image.text()).toBeLessThan(300);
  const created = await page.request.post("/api/v1/characters", {
    data: { prompt: "a knight with a red cape", name: "Sir Red", directions: 4, seed: 7 },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  for (const action of ["walk", "idle"]) {
    const anim = await page.request.post(`/api/v1/characters/${id}/animations`, {
      data: { action },
    });
    expect(anim.ok(), await anim.text()).toBe(true);
  }

  await page.goto("/");
  const recent = page.getByTestId("recent-tasks");
  await expect(recent.locator("li")).toHaveCount(2, { timeout: 60_000 });
  const card = recent.locator(`[data-testid="batch-card"][data-character-id="${id}"]`);
  await expect(card).toContainText("Sir Red");
  await expect(card).toContainText("Character");
  await expect(recent.getByTestId("task-card")).toHaveCount(1);
  await page.screenshot({ path: "test-results/recent-with-character.png", fullPage: true });

  await page.goto("/gallery");
  const grid = page.getByTestId("gallery-grid");
  await expect(grid.locator("li")).toHaveCount(2);
  await expect(page.getByTestId("gallery-total")).toHaveText("2 artworks");
  const inGallery = grid.locator(`[data-character-id="${id}"]`);
  // a character is deleted on its own page: its card has no checkbox
  await expect(inGallery.getByRole("checkbox")).toHaveCount(0);
  await inGallery.getByRole("link", { name: "Open character Sir Red" }).click();
  await page.waitForURL(new RegExp(`/characters/${id}$`));
});
