// A first visit, as issue 11 listed what bothered: feedback after Generate, batches as one card,
// plain words, previewer keys, gallery filters in the URL, plurals, docs, keys at 375 px, icons.
import type { Page } from "@playwright/test";
import { composeAndGenerate, expect, signUp, test, uniqueEmail } from "./helpers";

async function walkBatch(page: Page, prompt: string): Promise<number> {
  const res = await page.request.post("/api/v1/batch-generate", {
    data: { prompt, mode: "walk", model: "local/pixel-sprite", force: true },
  });
  expect(res.ok()).toBe(true);
  const { batch_id } = await res.json();
  await expect
    .poll(
      async () => (await (await page.request.get(`/api/v1/batch/${batch_id}`)).json()).batch.status,
      { timeout: 90_000 },
    )
    .toBe("completed");
  return batch_id;
}

test("studio: progress notice at the top goes away when done; large result; 375 px above the fold", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await signUp(page, uniqueEmail("feedback"));
  await page.goto("/");
  const generate = page.getByTestId("generate");
  await expect(page.getByTestId("composer")).toHaveAttribute("aria-busy", "false");
  // The button is reachable without scrolling on a small phone.
  const box = await generate.boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(667);

  await composeAndGenerate(page, `feedback frog ${Date.now()}`);
  const result = page.getByTestId("latest-result");
  await expect(result).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
  await expect(result.getByTestId("latest-image")).toBeVisible();
  // Both the button and the new result are on screen together.
  await expect(generate).toBeInViewport();
  await expect(result.getByTestId("latest-image")).toBeInViewport({ ratio: 0.5 });
  // The "working" notice is gone once the task ended (it does not linger).
  await expect(page.getByTestId("progress-toast")).toBeEmpty();
  const big = await result.getByTestId("latest-image").boundingBox();
  expect(big!.width).toBeGreaterThan(250);
});

test("gallery: a batch is one card; filters live in the URL; word search; plurals", async ({
  page,
}) => {
  await signUp(page, uniqueEmail("gallery-first"));
  const stamp = Date.now();
  const batchId = await walkBatch(page, `marching knight ${stamp}`);
  await page.request.post("/api/v1/generate", {
    data: { prompt: `lonely tree ${stamp}`, model: "local/pixel-sprite", force: true },
  });

  await page.goto("/gallery");
  const grid = page.getByTestId("gallery-grid");
  const card = grid.getByTestId("batch-card");
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute("data-frame-count", "4");
  await expect(card).toContainText("4 frames");
  await expect(grid.getByTestId("task-card")).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId("gallery-total")).toHaveText("2 artworks");

  // "knights" finds the knight; the filter is in the URL and survives a visit and Back.
  await page.getByPlaceholder("Search prompts").fill("knights");
  await expect(page).toHaveURL(/[?&]q=knights/);
  await expect(page.getByTestId("gallery-total")).toHaveText("1 artwork");
  await page.locator('select[data-filter="Status"]').selectOption("completed");
  await expect(page).toHaveURL(/status=completed/);
  await card.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/batches/${batchId}$`));
  await expect(page.getByTestId("frame-strip").locator("li")).toHaveCount(4);
  await page.goBack();
  await expect(page.getByPlaceholder("Search prompts")).toHaveValue("knights");
  await expect(page.locator('select[data-filter="Status"]')).toHaveValue("completed");
  await expect(page.getByTestId("gallery-total")).toHaveText("1 artwork");

  // A shared link opens the same view.
  const url = page.url();
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(other.getByTestId("gallery-total")).toHaveText("1 artwork");
  await other.close();

  // The Model filter offers models that are configured or used, not the whole catalogue.
  const options = await page.locator('select[data-filter="Model"] option').allTextContents();
  expect(options.length).toBeLessThan(10);

  // Selecting the batch card and deleting says "1 artwork".
  await card.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Delete selected" }).click();
  await expect(page.getByRole("dialog")).toContainText("Delete 1 artwork?");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

  // The batches page shows thumbnails.
  await page.goto("/batches");
  await expect(page.getByTestId("batch-list").getByTestId("sprite-loop").first()).toBeVisible();
});

test("previewer: step buttons, arrow keys, Space anywhere; a re-roll says what happened", async ({
  page,
}) => {
  await signUp(page, uniqueEmail("keys"));
  const batchId = await walkBatch(page, `hopping bunny ${Date.now()}`);
  await page.goto(`/batches/${batchId}`);
  const player = page.getByTestId("player");
  await expect(player).toHaveAttribute("data-frame-count", "4");
  await expect(player).toHaveAttribute("data-playing", "true");

  // Space anywhere (here: on the page body) pauses and plays.
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("Space");
  await expect(player).toHaveAttribute("data-playing", "false");
  await page.keyboard.press("Space");
  await expect(player).toHaveAttribute("data-playing", "true");

  // → steps (and pauses), ← steps back; the buttons do the same.
  await page.keyboard.press("ArrowRight");
  await expect(player).toHaveAttribute("data-playing", "false");
  const at = Number(await player.getAttribute("data-frame-index"));
  await page.keyboard.press("ArrowRight");
  await expect(player).toHaveAttribute("data-frame-index", String((at + 1) % 4));
  await page.keyboard.press("ArrowLeft");
  await expect(player).toHaveAttribute("data-frame-index", String(at));
  await page.getByTestId("step-forward").click();
  await expect(player).toHaveAttribute("data-frame-index", String((at + 1) % 4));
  await page.getByTestId("step-back").click();
  await expect(player).toHaveAttribute("data-frame-index", String(at));
  // Not while adjusting a slider: arrows move the slider, not the frame.
  await page.locator('input[type="range"]').first().focus();
  await page.keyboard.press("ArrowRight");
  await expect(player).toHaveAttribute("data-frame-index", String(at));

  // Re-roll frame 2: the report shows before and after, or says it came out the same.
  await page.getByRole("button", { name: "Re-roll frame 2" }).click();
  const report = page.getByTestId("reroll-report");
  await expect(report).toBeVisible();
  await expect(report).toHaveAttribute("data-phase", /changed|same/, { timeout: 60_000 });
  await expect(report).toContainText(/Frame 2 (was re-rolled|came out exactly the same)/);
});

test("plain words: duplicates dialog, detail view, model picker for a non-admin", async ({
  page,
}) => {
  await signUp(page, uniqueEmail("words"));
  const prompt = `shiny gem ${Date.now()}`;
  await composeAndGenerate(page, prompt);
  await expect(page.getByTestId("latest-result")).toHaveAttribute("data-status", "completed", {
    timeout: 60_000,
  });
  await page.getByTestId("generate").click();
  const dialog = page.getByTestId("duplicates");
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toContainText("force");
  await expect(dialog).toContainText("very similar prompt");
  await page.getByRole("button", { name: "Cancel" }).click();

  // A non-admin is told a model is not available here, not which variable to set.
  await page.getByTestId("model-picker").click();
  const picker = page.getByRole("radiogroup");
  await expect(picker).not.toContainText("_API_KEY");
  await expect(picker).not.toContainText("/api/v1/");
  await page.keyboard.press("Escape");

  const taskId = await page.getByTestId("latest-result").getAttribute("data-task-id");
  await page.goto(`/gallery/${taskId}`);
  const detail = page.getByTestId("task-detail");
  await expect(detail).toHaveAttribute("data-status", "completed");
  for (const jargon of ["operationParams", "sourceTaskId", "frameInstruction", "random", "{"]) {
    await expect(detail.locator("dl")).not.toContainText(jargon);
  }
  // Re-run: the notice is at the top, above the image, with the new result's thumbnail.
  await page.getByRole("button", { name: "Re-run with a new seed" }).click();
  const notice = page.getByTestId("started-notice");
  await expect(notice).toBeInViewport();
  await expect(notice).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
  await expect(notice.locator("img")).toBeVisible();
});

test("docs render markdown, say Bearer once, one language; keys fit 375 px; icons", async ({
  page,
}) => {
  await signUp(page, uniqueEmail("docs"));
  await page.goto("/docs");
  const main = page.locator("main");
  await page.locator('[data-operation="GET /api/v1/tasks"] summary').click();
  await expect(main).toContainText("List your tasks");
  await expect(main).not.toContainText("获取任务列表");
  // Every description, also of collapsed routes (textContent reads closed <details> too).
  const text = (await main.textContent()) ?? "";
  expect(text).not.toMatch(/`[^`\n]+`/);
  expect(text).not.toMatch(/\b_[A-Za-z][^_\n]*_\b/);
  expect(text.match(/Bearer gpa_/g)?.length ?? 0).toBe(1);
  await expect(page.getByText(/Authenticate with Authorization: Bearer/)).toHaveCount(1);

  await page.getByTestId("language-switch").selectOption("zh");
  await expect(main).toContainText("获取任务列表");
  await expect(main).not.toContainText("List your tasks (newest first)");
  await page.getByTestId("language-switch").selectOption("en");

  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/settings/api-keys");
  await page.getByLabel("Key name").fill("phone-key");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-key")).toBeVisible();
  const revoke = page.getByRole("button", { name: "Revoke phone-key" });
  await expect(revoke).toBeVisible();
  const b = await revoke.boundingBox();
  expect(b!.x + b!.width).toBeLessThanOrEqual(375);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  for (const [path, type] of [
    ["/favicon.ico", /icon/],
    ["/manifest.webmanifest", /manifest\+json|json/],
    ["/icon-192.png", /png/],
    ["/icon.svg", /svg/],
  ] as const) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"], path).toMatch(type);
  }
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
    "href",
    "/manifest.webmanifest",
  );
});
