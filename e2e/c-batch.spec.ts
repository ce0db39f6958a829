import fs from "node:fs";
import { expect, signUp, test, uniqueEmail } from "./helpers";

test("walk batch → previewer plays 4 frames → export GIF and ZIP", async ({ page }) => {
  await signUp(page, uniqueEmail("batch"));
  await page.goto("/");
  await expect(page.getByTestId("composer")).toHaveAttribute("aria-busy", "false");
  await page.getByLabel("Prompt", { exact: true }).fill(`pixel knight walking ${Date.now()}`);
  await expect(page.getByTestId("model-picker")).toContainText("local/pixel-sprite");
  await page.getByLabel("Sprite batch").check();
  await page.getByLabel("Sprite mode").selectOption("walk");
  await expect(page.getByLabel("Frames")).toBeDisabled();
  await expect(page.getByLabel("Frames")).toHaveValue("4");
  await page.getByRole("button", { name: "Generate 4 frames" }).click();

  const progress = page.getByTestId("batch-progress");
  await expect(progress).toHaveAttribute("data-status", "completed", { timeout: 90_000 });
  await progress.getByRole("link", { name: "Open batch previewer" }).click();
  await expect(page).toHaveURL(/\/batches\/\d+$/);

  const player = page.getByTestId("player");
  await expect(player).toHaveAttribute("data-frame-count", "4");
  await expect(player).toHaveAttribute("data-playing", "true");
  const seen = new Set<string>();
  for (let i = 0; i < 20 && seen.size < 3; i++) {
    seen.add((await player.getAttribute("data-frame-index")) ?? "");
    await page.waitForTimeout(70);
  }
  expect(seen.size).toBeGreaterThanOrEqual(2);

  // Pause stops the animation.
  await page.getByTestId("play-toggle").click();
  await expect(player).toHaveAttribute("data-playing", "false");
  const paused = await player.getAttribute("data-frame-index");
  await page.waitForTimeout(400);
  await expect(player).toHaveAttribute("data-frame-index", paused ?? "");
  await expect(page.getByTestId("frame-strip").locator("li")).toHaveCount(4);

  // Re-roll frame 2: it is regenerated (same task id), the other frames stay as they were.
  const strip = page.getByTestId("frame-strip");
  const batchId = page.url().split("/").pop();
  type Frame = {
    id: number;
    batch_index: number;
    status: string;
    updated_at: string;
    seed: number;
  };
  const frameOf = async (i: number) => {
    const body = await (await page.request.get(`/api/v1/batch/${batchId}`)).json();
    return (body.tasks as Frame[]).find((t) => t.batch_index === i)!;
  };
  const f2Before = await frameOf(2);
  const f1Before = await frameOf(1);
  const img2 = strip.locator('li[data-frame="2"] img');
  const srcBefore = await img2.getAttribute("src");
  await page.getByRole("button", { name: "Re-roll frame 2" }).click();
  await expect
    .poll(async () => {
      const f2 = await frameOf(2);
      return f2.status === "completed" && f2.updated_at !== f2Before.updated_at;
    })
    .toBe(true);
  expect((await frameOf(1)).updated_at).toBe(f1Before.updated_at);
  // The strip shows the new picture (the URL is versioned, so the browser refetches).
  await expect(img2).not.toHaveAttribute("src", srcBefore ?? "");
  await expect(player).toHaveAttribute("data-frame-count", "4");

  // each export has a ×N link (the batch's scale) next to the 1× one
  for (const [label, ext] of [
    ["Animated GIF", /\.gif$/],
    ["ZIP (all)", /\.zip$/],
  ] as const) {
    const row = page.getByTestId("exports").getByRole("row", { name: label });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      row.getByRole("link").first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(ext);
    const file = await download.path();
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    const head = fs.readFileSync(file).subarray(0, 4);
    if (label === "Animated GIF") expect(head.toString("latin1", 0, 3)).toBe("GIF");
    else expect(head.toString("latin1", 0, 2)).toBe("PK");
  }
});
