// The pool runs the real lib functions on worker threads (loaded from the sources through
// worker-entry.mjs, as under `next start` and `npm run worker`) and gives back what they return.
import { afterAll, describe, expect, it } from "vitest";
import { generateSpriteFrame, pixelize } from "@/lib/pixel";
import { decodeLogical, encodeGridPng } from "@/lib/pixel/raster";
import { closeWorkerPool, runJob } from "./pool";

afterAll(() => closeWorkerPool());

const frame = {
  prompt: "a small knight with a sword",
  seed: 7,
  mode: "random" as const,
  index: 0,
  count: 1,
  background: "transparent" as const,
  scale: 4,
};

describe("worker pool", () => {
  it("draws the same sprite as the engine on the calling thread, with Buffers intact", async () => {
    const [pooled, inline] = await Promise.all([
      runJob("spriteFrame", [frame]),
      generateSpriteFrame(frame),
    ]);
    expect(Buffer.isBuffer(pooled.png)).toBe(true);
    expect(pooled.png.equals(inline.png)).toBe(true);
    expect(pooled.grid.data).toBeInstanceOf(Uint8ClampedArray);
    expect(Buffer.from(pooled.grid.data).equals(Buffer.from(inline.grid.data))).toBe(true);
    expect(pooled.interpretation).toEqual(inline.interpretation);
  });

  it("runs jobs side by side and keeps each answer with its job", async () => {
    const seeds = [1, 2, 3, 4, 5, 6];
    const pngs = await Promise.all(
      seeds.map((seed) => runJob("spriteFrame", [{ ...frame, seed }])),
    );
    const inline = await Promise.all(seeds.map((seed) => generateSpriteFrame({ ...frame, seed })));
    for (const [i, p] of pngs.entries())
      expect(p.png.equals(inline[i]!.png), `seed ${seeds[i]}`).toBe(true);
  });

  it("copies arguments unless asked to move them", async () => {
    const { grid } = await generateSpriteFrame(frame);
    const png = await runJob("gridPng", [grid, 2, "transparent"]);
    expect(grid.data.byteLength).toBeGreaterThan(0); // still usable
    expect(png.equals(await encodeGridPng(grid, 2, "transparent"))).toBe(true);
    const moved = { ...grid, data: grid.data.slice() };
    await runJob("gridPng", [moved, 1, "transparent"], { transferArgs: true });
    expect(moved.data.byteLength).toBe(0); // handed over, not copied
    const back = await decodeLogical(await runJob("gridPng", [grid, 1, "transparent"]));
    expect(back.grid.width).toBe(grid.width);
  });

  it("rejects with the job's own error and keeps serving", async () => {
    const notAnImage = Buffer.from("not an image");
    const inline = await pixelize(notAnImage, { scale: 2, background: "transparent" }).catch(
      (e: Error) => e,
    );
    const pooled = await runJob("pixelize", [notAnImage, { scale: 2, background: "transparent" }])
      .then(() => undefined)
      .catch((e: Error) => e);
    expect(pooled).toBeInstanceOf(Error);
    expect(pooled!.message).toBe((inline as Error).message);
    expect(pooled!.stack).toContain('worker pool job "pixelize"');
    const ok = await runJob("spriteFrame", [frame]);
    expect(ok.width).toBeGreaterThan(0);
  });
});
