import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { localAdapter } from "./local";
import type { AdapterContext, GenerationRequest } from "./types";

const ctx = {} as AdapterContext;

async function sprite(params: Record<string, unknown>, seed = 5) {
  const req: GenerationRequest = {
    type: "image",
    modelKey: "pixel-sprite",
    prompt: "a knight",
    seed,
    params: { originalPrompt: "a knight", scale: 1, background: "transparent", ...params },
  };
  const out = await localAdapter.submit(req, ctx);
  if (out.state !== "done") throw new Error("local engine finishes in submit");
  return out.outputs[0]!;
}

describe("local/pixel-sprite request params", () => {
  it("draws at the requested size natively", async () => {
    for (const size of [16, 48, 64]) {
      const o = await sprite({ mode: "random", frame: 0, count: 1, size });
      expect(o.width).toBe(size);
      expect((await sharp(o.data!).metadata()).width).toBe(size);
    }
  });

  it("a re-rolled pose frame (variant) is a different picture of the same frame", async () => {
    const base = { mode: "idle", frame: 1, count: 2 };
    const first = await sprite(base);
    const again = await sprite(base);
    expect(Buffer.compare(first.data!, again.data!)).toBe(0);
    const takes = await Promise.all([11, 12, 13].map((variant) => sprite({ ...base, variant })));
    expect(takes.some((t) => Buffer.compare(first.data!, t.data!) !== 0)).toBe(true);
  });

  it("outline and shading reach the engine", async () => {
    const base = { mode: "random", frame: 0, count: 1 };
    const soft = await sprite(base);
    const none = await sprite({ ...base, outline: "none", shading: "flat" });
    expect(Buffer.compare(soft.data!, none.data!)).not.toBe(0);
  });
});
