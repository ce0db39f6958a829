import { expect, signUp, test, uniqueEmail } from "./helpers";

test("gallery: filter and search, star, then delete", async ({ page }) => {
  await signUp(page, uniqueEmail("gallery"));
  const stamp = Date.now();
  const prompts = [`red dragon ${stamp}`, `blue potion ${stamp}`, `golden sword ${stamp}`];
  // Create three images through the same API the composer uses (session cookie).
  for (const prompt of prompts) {
    const res = await page.request.post("/api/v1/generate", {
      data: { prompt, model: "local/pixel-sprite", force: true },
    });
    expect(res.status(), await res.text()).toBeLessThan(300);
  }

  await page.goto("/gallery");
  const grid = page.getByTestId("gallery-grid");
  const cards = grid.getByTestId("task-card");
  await expect(cards).toHaveCount(3);
  await expect(grid.locator('article[data-status="completed"]')).toHaveCount(3, {
    timeout: 60_000,
  });
  await expect(page.getByTestId("gallery-total")).toHaveText("3 artworks");

  // Search by prompt.
  await page.getByLabel("Search prompts").fill("potion");
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(prompts[1]);
  await page.getByLabel("Search prompts").fill("");
  await expect(cards).toHaveCount(3);

  // Status filter.
  await page.getByLabel("Status").selectOption("failed");
  await expect(page.getByText("No artworks match these filters.")).toBeVisible();
  await page.getByLabel("Status").selectOption("completed");
  await expect(cards).toHaveCount(3);
  await page.getByLabel("Status").selectOption("");

  // Star one, filter starred.
  const dragon = cards.filter({ hasText: prompts[0] });
  await dragon.getByRole("button", { name: /^Star #/ }).click();
  await expect(dragon.getByRole("button", { name: /^Unstar #/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.getByLabel("Starred only").check();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(prompts[0]);
  // The filter is in the URL: a reload keeps it.
  await expect(page).toHaveURL(/starred=true/);
  await page.reload();
  await expect(page.getByLabel("Starred only")).toBeChecked();
  await expect(cards).toHaveCount(1);
  await page.getByLabel("Starred only").uncheck();
  await expect(page.getByTestId("gallery-grid").getByTestId("task-card")).toHaveCount(3);

  // Select two and delete them.
  await cards.filter({ hasText: prompts[0] }).getByRole("checkbox").check();
  await cards.filter({ hasText: prompts[2] }).getByRole("checkbox").check();
  await expect(page.getByTestId("selected-count")).toHaveText("2 selected");
  await page.getByRole("button", { name: "Delete selected" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(prompts[1]);
  await expect(page.getByTestId("gallery-total")).toHaveText("1 artwork");
});
