// Pixel editor latency in headless Chromium (playwright-core) against the production server, on a
// 16-frame 64×64 walk batch opened as a document with 3 layers: pencil stroke → paint, 64×64
// bucket fill, undo, and opening the batch in the editor. Every figure comes with a baseline from
// the same page and run: an input event that does no work (its next animation frame), and for
// opening, the batch previewer showing the same 16 frames.
import { chromium, type Page } from "playwright-core";
import { seedUserWithKey } from "@/test/helpers/accounts";
import { startServer, useFreshDataDir, waitFor } from "@/test/helpers/server";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : Number.NaN;
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! : Number.NaN;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const summary = (xs: number[]) => ({
  n: xs.length,
  median_ms: r1(median(xs)),
  p95_ms: r1(p95(xs)),
});

/**
 * Records, for each event of `type` reaching the window (after React's handlers ran): the time
 * from the event to the editor's last paint call, and to the next animation frame (the frame
 * that shows it).
 */
async function instrument(page: Page, type: string) {
  await page.evaluate((t) => {
    const w = window as unknown as Record<string, unknown>;
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="editor-canvas"]')!;
    const log = { paint: [] as number[], frame: [] as number[], idle: [] as number[] };
    w.__bench = log;
    window.addEventListener(t, (e) => {
      const painted = Number(canvas.dataset.painted);
      const onCanvas = e.target === canvas;
      if (onCanvas && painted >= e.timeStamp) log.paint.push(painted - e.timeStamp);
      requestAnimationFrame(() =>
        (onCanvas ? log.frame : log.idle).push(performance.now() - e.timeStamp),
      );
    });
  }, type);
}

const take = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as {
      __bench: { paint: number[]; frame: number[]; idle: number[] };
    };
    const out = w.__bench;
    w.__bench = { paint: [], frame: [], idle: [] };
    return out;
  });

async function canvasPoint(page: Page, x: number, y: number) {
  const canvas = page.getByTestId("editor-canvas");
  const box = (await canvas.boundingBox())!;
  const d = await canvas.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  const z = Number(d.zoom);
  return {
    x: box.x + Number(d.originX) + x * z + z / 2,
    y: box.y + Number(d.originY) + y * z + z / 2,
  };
}

export async function benchEditor() {
  useFreshDataDir("pixel-bench-editor-");
  const user = await seedUserWithKey("bench-editor@example.com");
  const server = await startServer({ GENERATION_RATE_LIMIT_PER_MIN: "200" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const api = (p: string, init: RequestInit = {}) =>
      fetch(`${server.baseUrl}${p}`, {
        ...init,
        headers: { "Content-Type": "application/json", ...user.auth },
      });
    const gen = await (
      await api("/api/v1/batch-generate", {
        method: "POST",
        body: JSON.stringify({
          prompt: "a knight with a red cape",
          mode: "walk4",
          size: 64,
          scale: 4,
          seed: 3,
          force: true,
        }),
      })
    ).json();
    const batchId = gen.batch_id as number;
    await waitFor(async () => {
      const b = await (await api(`/api/v1/batch/${batchId}`)).json();
      return b.batch.status === "completed" ? b : undefined;
    }, 180_000);

    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel("Email").fill("bench-editor@example.com");
    await page.getByLabel("Password").fill("password123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === "/");

    // Opening, as a person does it: the batch previewer until its 16 frames are shown (the
    // baseline), then its Edit button until the editor has painted the document with 16 frames
    // (POST /api/v1/documents from the batch, navigation, PNG decoding, first paint). Timed in
    // the page (navigation start → frames shown; the click's event → the canvas's paint), as the
    // person sees it; the wall clock around the driver's calls also holds Playwright's round
    // trips and actionability checks (100–300 ms under load), and is kept beside it.
    const open = {
      previewer: [] as number[],
      editor: [] as number[],
      previewerWall: [] as number[],
      editorWall: [] as number[],
      editorSettled: [] as number[],
      phases: {} as Record<string, number[]>,
    };
    // Every other time the click waits until the batch page has settled (no request for 500 ms),
    // as a person looking at the previewer first does: the page then has /editor/open prefetched.
    for (let i = 0; i < 10; i++) {
      const settle = i % 2 === 1;
      let t0 = Date.now();
      await page.goto(`${server.baseUrl}/batches/${batchId}`);
      const shown = await page.waitForFunction(() => {
        const imgs = [...document.querySelectorAll<HTMLImageElement>('[data-testid="player"] img')];
        return imgs.length === 16 && imgs.every((im) => im.complete && im.naturalWidth > 0)
          ? performance.now()
          : false;
      });
      open.previewerWall.push(Date.now() - t0);
      open.previewer.push((await shown.jsonValue()) as number);
      await page.evaluate(() => {
        const w = window as unknown as { __openClick?: number };
        window.addEventListener(
          "click",
          (e) => {
            if ((e.target as Element).closest('[data-testid="open-in-editor"]'))
              w.__openClick = e.timeStamp;
          },
          { capture: true },
        );
      });
      if (settle) await page.waitForLoadState("networkidle");
      t0 = Date.now();
      await page.getByTestId("open-in-editor").click();
      await page.waitForURL(/\/editor\/\d+$/);
      const painted = await page.waitForFunction(() => {
        const painted = document.querySelector<HTMLElement>('[data-testid="editor-canvas"]')
          ?.dataset.painted;
        const clicked = (window as unknown as { __openClick?: number }).__openClick;
        return document.querySelectorAll('[data-testid="frames"] li').length === 16 &&
          painted &&
          clicked !== undefined
          ? Number(painted) - clicked
          : false;
      });
      if (settle) {
        open.editorSettled.push((await painted.jsonValue()) as number);
        continue;
      }
      open.editorWall.push(Date.now() - t0);
      open.editor.push((await painted.jsonValue()) as number);
      // where the time went: the editor's performance marks and the POST, from the click
      const phases = await page.evaluate(() => {
        const clicked = (window as unknown as { __openClick: number }).__openClick;
        // (no named functions in here: tsx's __name helper does not exist in the page)
        const out: Record<string, number> = {};
        for (const m of performance.getEntriesByType("mark"))
          if (m.name.startsWith("edit:") && m.startTime >= clicked)
            out[m.name] = Math.round(m.startTime - clicked);
        const post = performance
          .getEntriesByType("resource")
          .filter((r) => r.name.endsWith("/api/v1/documents") && r.startTime >= clicked)
          .at(-1) as PerformanceResourceTiming | undefined;
        if (post) {
          out["post:start"] = Math.round(post.startTime - clicked);
          out["post:answer"] = Math.round(post.responseEnd - clicked);
        }
        performance.clearMarks();
        return out;
      });
      for (const [k, v] of Object.entries(phases)) open.phases[k] = [...(open.phases[k] ?? []), v];
    }
    // 3 layers; draw on the top one
    await page.getByRole("button", { name: "+ Layer" }).click();
    await page.getByRole("button", { name: "+ Layer" }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="layers-panel"] li').length === 3,
    );
    await page.mouse.move(5, 5);

    // Pencil strokes: press, 10 moves across the sprite, release; 12 strokes
    await instrument(page, "pointermove");
    await page.keyboard.press("b");
    for (let s = 0; s < 12; s++) {
      const a = await canvasPoint(page, 4, 4 + s * 4);
      const b = await canvasPoint(page, 60, 8 + s * 4);
      await page.mouse.move(a.x, a.y);
      await page.mouse.down();
      await page.mouse.move(b.x, b.y, { steps: 10 });
      await page.mouse.up();
    }
    // the same pointer moves over the page outside the canvas: the do-nothing baseline
    for (let s = 0; s < 12; s++) {
      await page.mouse.move(4, 860);
      await page.mouse.move(600, 860, { steps: 10 });
    }
    const stroke = await take(page);

    // Bucket fill of the 64×64 top layer (mostly empty, so the region is nearly the whole cel)
    await instrument(page, "pointerdown");
    await page.keyboard.press("g");
    const corner = await canvasPoint(page, 0, 63);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("x"); // swap colours: each fill changes the whole region
      await page.mouse.click(corner.x, corner.y);
      await page.mouse.click(4, 860);
    }
    const fill = await take(page);

    // Undo (Ctrl+Z) of the fills and strokes
    await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="editor-canvas"]')!;
      const log = { paint: [] as number[], frame: [] as number[], idle: [] as number[] };
      w.__bench = log;
      window.addEventListener("keydown", (e) => {
        const painted = Number(canvas.dataset.painted);
        const undo = e.key === "z" && e.ctrlKey;
        if (undo && painted >= e.timeStamp) log.paint.push(painted - e.timeStamp);
        requestAnimationFrame(() =>
          (undo ? log.frame : log.idle).push(performance.now() - e.timeStamp),
        );
      });
    });
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press("Control+z");
      await page.keyboard.press("Shift"); // a key the editor ignores: baseline
    }
    const undo = await take(page);

    const baseline = median([...stroke.idle, ...fill.idle, ...undo.idle]);
    const ratio = (xs: number[]) => r1(median(xs) / baseline);
    return {
      document: "walk4 batch, 16 frames, 64×64, 3 layers",
      baseline_input_to_next_frame_ms: r1(baseline),
      // the same do-nothing events' spread: on a shared machine a p95 is mostly waiting for a core
      baseline_input_to_next_frame: summary([...stroke.idle, ...fill.idle, ...undo.idle]),
      stroke: {
        event_to_paint: summary(stroke.paint),
        event_to_next_frame: summary(stroke.frame),
        vs_baseline: ratio(stroke.frame),
      },
      bucket_fill_64: {
        event_to_paint: summary(fill.paint),
        event_to_next_frame: summary(fill.frame),
        vs_baseline: ratio(fill.frame),
      },
      undo: {
        event_to_paint: summary(undo.paint),
        event_to_next_frame: summary(undo.frame),
        vs_baseline: ratio(undo.frame),
      },
      open_16_frames: {
        editor_click_to_paint: summary(open.editor),
        batch_previewer_navigation_to_frames: summary(open.previewer),
        editor_vs_previewer: r1(median(open.editor) / median(open.previewer)),
        editor_click_after_the_page_settled: summary(open.editorSettled),
        editor_phases_median_ms_from_click: Object.fromEntries(
          Object.entries(open.phases)
            .map(([k, v]) => [k, median(v)] as const)
            .sort((a, b) => a[1] - b[1]),
        ),
        wall_clock_with_driver: {
          editor: summary(open.editorWall),
          batch_previewer: summary(open.previewerWall),
          editor_vs_previewer: r1(median(open.editorWall) / median(open.previewerWall)),
        },
      },
      goals: {
        stroke_bucket_undo:
          "event_to_paint ≤ 16 ms, event_to_next_frame ≈ baseline (within one frame)",
        open: "≤ 500 ms",
      },
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
