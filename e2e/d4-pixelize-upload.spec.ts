import sharp from "sharp";
import { fakePixelArt } from "../lib/pixel/fake-pixel-art";
import { createImage } from "../lib/pixel/types";
import { expect, signUp, test, uniqueEmail } from "./helpers";

/** A 24×24 two-colour badge as a generic model returns "pixel art": ×12.5, bilinear, shifted. */
async function aiLikePng(): Promise<Buffer> {
  const g = createImage(24, 24);
  for (let y = 0; y < 24; y++)
    for (let x = 0; x < 24; x++) {
      const inside = x >= 5 && x < 19 && y >= 4 && y < 20;
      const c = x < 12 ? [210, 50, 60] : [50, 70, 210];
      g.data.set([...(inside ? c : [0, 0, 0]), inside ? 255 : 0], (y * 24 + x) * 4);
    }
  return fakePixelArt(g, {
    scale: 12.5,
    kernel: "bilinear",
    shift: [4, 2],
    backdrop: [236, 232, 220],
    shadow: false,
    noise: 0,
  });
}

async function chooseModel(page: import("@playwright/test").Page, id: string) {
  await page.getByTestId("model-picker").click();
  await page.locator(`[data-model-id="${id}"] input`).check();
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
    buffer: await aiLikePng(),
  });
  await expect(upload.getByRole("img", { name: "badge.png" })).toBeVisible();
  await page.getByTestId("generate").click();

  const result = page.getByTestId("latest-result");
  await expect(result).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
  const compare = result.getByTestId("before-after");
  await expect(compare.getByTestId("before-image")).toBeVisible();
  await expect(compare.getByTestId("after-image")).toBeVisible();
  // 25 vertical + 25 horizontal boundaries of a 24×24 grid drawn over the picture
  await expect(compare.getByTestId("grid-overlay")).toHaveAttribute("data-lines", "50");
  await expect(compare.getByTestId("grid-report")).toContainText(
    /found 24×24 cells of 12\.\d+×12\.\d+ px \(confidence \d+ %\)/,
  );
  await page.screenshot({ path: "test-results/pixelize-upload.png", fullPage: true });

  // too large is said at once, before anything is sent
  await page.getByTestId("upload-input").setInputFiles({
    name: "huge.png",
    mimeType: "image/png",
    buffer: Buffer.alloc(11 * 1024 * 1024),
  });
  await expect(upload.getByRole("alert")).toContainText("huge.png is 11.0 MB; the limit is 10 MB");
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
