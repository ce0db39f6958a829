import { expect, signUp, test, uniqueEmail } from "./helpers";

test("pixelize operation: the new task says which pixel grid it found", async ({ page }) => {
  await signUp(page, uniqueEmail("pixelize"));
  const res = await page.request.post("/api/v1/generate", {
    data: {
      prompt: `green slime ${Date.now()}`,
      model: "local/pixel-sprite",
      force: true,
      seed: 7,
    },
  });
  const { task_id } = await res.json();
  await page.goto(`/gallery/${task_id}`);
  const detail = page.getByTestId("task-detail");
  await expect(detail).toHaveAttribute("data-status", "completed", { timeout: 60_000 });

  const pixelize = page.locator('[data-operation="local/pixelize"]');
  await pixelize.getByRole("button", { name: /Pixelize/ }).click();
  await page
    .getByRole("status")
    .getByRole("link", { name: /Open #\d+/ })
    .click();
  const op = page.getByTestId("task-detail");
  await expect(op).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
  // the engine hands its own sprite over at 1×: recognised as pixel art already
  await expect(op.getByTestId("pixel-grid")).toContainText(/already pixel art, \d+×\d+/);
  await page.screenshot({ path: "test-results/pixelize-detail.png", fullPage: true });
});
