// The gallery with 10,000 tasks in the production build: LCP and CLS through Chromium's
// Performance API next to a bare page of the same server, and the first-load JavaScript size.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { encode } from "next-auth/jwt";
import sharp from "sharp";
import { getSqlite } from "@/lib/db/client";
import { seedUserWithKey } from "@/test/helpers/accounts";
import { startServer, useFreshDataDir } from "@/test/helpers/server";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

async function seedTasks(userId: number, dataDir: string, n: number) {
  const thumbKey = "bench/thumb.png";
  const imageKey = "bench/image.png";
  const raw = Buffer.alloc(32 * 32 * 4);
  for (let i = 0; i < 32 * 32; i++) raw.set([(i * 7) % 255, (i * 13) % 255, 180, 255], i * 4);
  const img = await sharp(raw, { raw: { width: 32, height: 32, channels: 4 } })
    .resize(640, 640, { kernel: "nearest" })
    .png()
    .toBuffer();
  const thumb = await sharp(img).resize(160, 160, { kernel: "nearest" }).png().toBuffer();
  fs.mkdirSync(path.join(dataDir, "files", "bench"), { recursive: true });
  fs.writeFileSync(path.join(dataDir, "files", thumbKey), thumb);
  fs.writeFileSync(path.join(dataDir, "files", imageKey), img);
  const db = getSqlite();
  const insertTask = db.prepare(
    `INSERT INTO tasks (user_id, type, model, provider, prompt, prompt_norm, params, status, mode, seed, width, height, completed_at)
     VALUES (?, 'image', 'local/pixel-sprite', 'local', ?, ?, ?, 'completed', 'random', ?, 640, 640, ?)`,
  );
  const insertAsset = db.prepare(
    "INSERT INTO assets (task_id, user_id, kind, position, storage_key, content_type, width, height, bytes) VALUES (?, ?, ?, 0, ?, 'image/png', ?, ?, ?)",
  );
  const subjects = [
    "knight",
    "cat",
    "dragon",
    "sword",
    "tree",
    "slime",
    "ship",
    "house",
    "mage",
    "chest",
  ];
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const prompt = `a ${subjects[i % subjects.length]} number ${i}`;
      const { lastInsertRowid } = insertTask.run(
        userId,
        prompt,
        prompt,
        JSON.stringify({ prompt }),
        i,
        Date.now(),
      );
      insertAsset.run(lastInsertRowid, userId, "image", imageKey, 640, 640, img.length);
      insertAsset.run(lastInsertRowid, userId, "thumb", thumbKey, 160, 160, thumb.length);
    }
  }).immediate();
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;

export async function benchGallery(n = 10_000, runs = 5) {
  const dataDir = useFreshDataDir("pixel-bench-gallery-");
  const { user } = await seedUserWithKey("bench-gallery@example.com", "admin");
  await seedTasks(user.id, dataDir, n);
  const server = await startServer({ RUN_WORKER: "false" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    const token = await encode({
      token: { uid: user.id, role: "admin", email: user.email, sub: String(user.id) },
      secret: process.env.AUTH_SECRET!,
    });
    const measure = async (pathname: string) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addCookies([
        { name: "next-auth.session-token", value: token, url: server.baseUrl },
      ]);
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __lcp: number; __cls: number };
        w.__lcp = 0;
        w.__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__lcp = e.startTime;
        }).observe({ type: "largest-contentful-paint", buffered: true });
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[]) {
            if (!e.hadRecentInput) w.__cls += e.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(server.baseUrl + pathname, { waitUntil: "networkidle" });
      if (pathname === "/gallery") {
        // LCP must include the thumbnails, so wait until the first page of them has loaded.
        await page.waitForFunction(
          () => {
            // below-the-fold thumbnails are lazy and never load here; the visible ones must
            const visible = [...document.images].filter(
              (i) => i.getBoundingClientRect().top < window.innerHeight,
            );
            return visible.length >= 6 && visible.every((i) => i.complete && i.naturalWidth > 0);
          },
          undefined,
          { timeout: 15_000 },
        );
      }
      await page.waitForTimeout(500);
      if (process.env.BENCH_SCREENSHOT)
        await page.screenshot({
          path: `${process.env.BENCH_SCREENSHOT}${pathname.replace(/\W/g, "_")}.png`,
        });
      const result = await page.evaluate(() => {
        const w = window as unknown as { __lcp: number; __cls: number };
        const scripts = performance
          .getEntriesByType("resource")
          .filter(
            (e) => (e as PerformanceResourceTiming).initiatorType === "script",
          ) as PerformanceResourceTiming[];
        return {
          lcp: w.__lcp,
          cls: w.__cls,
          jsBytes: scripts.reduce((s, e) => s + e.encodedBodySize, 0),
          images: document.images.length,
        };
      });
      await context.close();
      return result;
    };
    await measure("/gallery"); // warm the server
    const gallery: Awaited<ReturnType<typeof measure>>[] = [];
    const bare: Awaited<ReturnType<typeof measure>>[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(await measure("/sign-in"));
      gallery.push(await measure("/gallery"));
    }
    const lcpGallery = median(gallery.map((g) => g.lcp));
    const lcpBare = median(bare.map((g) => g.lcp));
    return {
      tasks: n,
      runs,
      gallery_lcp_ms: Math.round(lcpGallery),
      bare_page_lcp_ms: Math.round(lcpBare),
      lcp_ratio: Math.round((lcpGallery / Math.max(1, lcpBare)) * 100) / 100,
      gallery_cls: Math.round(Math.max(...gallery.map((g) => g.cls)) * 1000) / 1000,
      gallery_first_load_js_kb_gzip: Math.round(median(gallery.map((g) => g.jsBytes)) / 1024),
      gallery_images_rendered_min: Math.min(...gallery.map((g) => g.images)),
      goal: "lcp_ratio <= 1.5, cls < 0.1, first-load JS < 200 KB gzipped",
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
