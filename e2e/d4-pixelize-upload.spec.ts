import sharp from "sharp";
import { aiLikeKnight } from "../lib/pixel/ai-like-knight";
import { writeGif } from "../lib/pixel/gif-writer";
import { expect, signUp, test, uniqueEmail } from "./helpers";

async function chooseModel(page: import("@playwright/test").Page, id: string) {
  await page.getByTestId("model-picker").click();
  // the list closes on a choice, so the radio is clicked rather than checked
  await page.locator(`[data-model-id="${id}"]`).click();
  await expect(page.getByTestId("model-picker")).toContainText(id);
}

test("studio: a picture becomes pixel art, shown before/after with the grid found", async ({
  page,
}) => {
  await signUp(page, uniqueEmail("upload"));
  await chooseModel(page, "local/pixelize");
  const upload = page.getByTestId("upload-field");
  await expect(upload).toBeVisible();
  await page.getByTestId("upload-input").setInputFiles({
    name: "badge.png",
    mimeType: "image/png",
    buffer: await aiLikeKnight(),
  });
  await expect(upload.getByRole("img", { name: "badge.png" })).toBeVisible();
  // the engine's size/outline/shading do nothing to an upload: hidden; its own outline is here
  await expect(page.getByTestId("engine-style")).toHaveCount(0);
  await page.getByTestId("upload-outline").check();
  const sent = page.waitForRequest((r) => r.method() === "POST" && /\/generate$/.test(r.url()));
  await page.getByTestId("generate").click();
  expect((await sent).postDataJSON()).toMatchObject({ outline: "dark", image: /^data:image\/png/ });

  const result = page.getByTestId("latest-result");
  await expect(result).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
  const compare = result.getByTestId("before-after");
  await expect(compare.getByTestId("before-image")).toBeVisible();
  await expect(compare.getByTestId("after-image")).toBeVisible();
  // 33 vertical + 33 horizontal boundaries of a 32×32 grid drawn over the picture
  await expect(compare.getByTestId("grid-overlay")).toHaveAttribute("data-lines", "66");
  await expect(compare.getByTestId("grid-report")).toContainText(
    /found 32×32 cells of 15\.\d+×15\.\d+ px \(confidence \d+ %\)/,
  );
  await page.screenshot({ path: "test-results/pixelize-upload.png", fullPage: true });

  // too large is said at once, before anything is sent
  await page.getByTestId("upload-input").setInputFiles({
    name: "huge.png",
    mimeType: "image/png",
    buffer: Buffer.alloc(11 * 1024 * 1024),
  });
  await expect(upload.getByRole("alert")).toContainText("huge.png is 11.0 MB; the limit is 10 MB");

  // the gallery's detail page shows the stored upload beside the result, the same way
  await page.goto(`/gallery/${await result.getAttribute("data-task-id")}`);
  const detail = page.getByTestId("task-detail").getByTestId("before-after");
  const before = detail.getByTestId("before-image");
  await expect(detail.getByTestId("after-image")).toBeVisible();
  await expect(detail.getByTestId("grid-overlay")).toHaveAttribute("data-lines", "66");
  await expect(detail.getByTestId("grid-report")).toContainText(/found 32×32 cells/);
  // the picture as uploaded (the server's copy, not the browser's): its own width
  const { width } = await sharp(await aiLikeKnight()).metadata();
  await expect
    .poll(() => before.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(width);
  await page.screenshot({ path: "test-results/pixelize-detail.png", fullPage: true });
});

test("studio: an animated GIF becomes a batch, one frame per GIF frame", async ({ page }) => {
  await signUp(page, uniqueEmail("upload-gif"));
  await chooseModel(page, "local/pixelize");
  const w = 16;
  const frames = [0, 1, 2].map((f) => {
    const idx = new Uint8Array(w * w).fill(1);
    for (let y = 3; y < 11; y++) for (let x = 1 + f; x < 6 + f; x++) idx[y * w + x] = 2;
    idx[13 * w + 2 + f * 3] = 3;
    return { idx, delayMs: 150 };
  });
  const gif = writeGif(
    frames,
    w,
    w,
    8,
    [
      [0, 0, 0],
      [30, 40, 90],
      [250, 210, 60],
      [220, 60, 80],
    ],
    { transparent: false, loop: true },
  );
  await page.getByTestId("upload-input").setInputFiles({
    name: "walk.gif",
    mimeType: "image/gif",
    buffer: gif,
  });
  await page.getByTestId("generate").click();
  const batch = page.getByTestId("batch-progress");
  await expect(batch).toHaveAttribute("data-status", "completed", { timeout: 90_000 });
  await expect(batch.getByText("3 of 3 frames done")).toBeVisible();
  await expect(batch.getByTestId("before-after")).toBeVisible();
  await expect(batch.getByTestId("grid-report")).toContainText(/found|exact|already/);
  await page.screenshot({ path: "test-results/pixelize-gif.png", fullPage: true });
});

test("studio in Chinese: the upload control and a server refusal", async ({ page }) => {
  await signUp(page, uniqueEmail("upload-zh"));
  await page.getByTestId("language-switch").selectOption("zh");
  await chooseModel(page, "local/pixelize");
  await expect(page.getByText("要转换的图片")).toBeVisible();
  // a picture wider than 4096 px: the server names the limit
  const wide = await sharp({
    create: { width: 5000, height: 10, channels: 3, background: "#336699" },
  })
    .png()
    .toBuffer();
  await page.getByTestId("upload-input").setInputFiles({
    name: "wide.png",
    mimeType: "image/png",
    buffer: wide,
  });
  await page.getByTestId("generate").click();
  await expect(page.getByTestId("composer").getByRole("alert").first()).toContainText(/4096 px/);
});

test("palettes page: import a .gpl, pick it in the studio, delete it (en + zh)", async ({
  page,
}) => {
  await signUp(page, uniqueEmail("palettes"));
  await page.goto("/settings/palettes");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Palettes");
  await page.getByTestId("palette-file").setInputFiles({
    name: "ember.gpl",
    mimeType: "text/plain",
    buffer: Buffer.from(
      "GIMP Palette\nName: ember\n#\n20 12 28\n68 36 52\n208 70 72\n218 212 94\n",
    ),
  });
  await expect(page.getByRole("status")).toContainText("Saved ember");
  const row = page.locator("[data-palette-id^=pal_]");
  await expect(row).toHaveCount(1);
  const id = await row.getAttribute("data-palette-id");
  await page.screenshot({ path: "test-results/palettes-page.png", fullPage: true });

  await page.goto("/");
  await expect(page.locator(`option[value="${id}"]`)).toHaveCount(1);

  await page.goto("/settings/palettes");
  await page.getByTestId("language-switch").selectOption("zh");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("调色板");
  await row.getByRole("button", { name: "删除" }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByText("还没有保存的调色板。")).toBeVisible();
});
