// ComfyUI and Automatic1111 on the "LAN" (fakes on loopback) through the real worker: a single
// image and a walk batch end as stored, pixelized assets like any other provider's; with A1111,
// frames 2–4 go through img2img with frame 1 as the init image; a prompt over Qwen2512's budget
// is refused at submission while one of 1990 characters runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/caller";
import { type FakeServer, startA1111Fake, startComfyuiFake, startQwen2512Fake } from "@/test/fakes";
import { useFreshDataDir, waitFor } from "@/test/helpers/server";

let comfy: FakeServer;
let a1111: FakeServer;
let qwen: FakeServer;
let caller: Caller;

beforeAll(async () => {
  useFreshDataDir("pixel-selfhosted-");
  comfy = await startComfyuiFake({ queuedPolls: 1, runningPolls: 1 });
  a1111 = await startA1111Fake();
  qwen = await startQwen2512Fake({ queuedPolls: 0, runningPolls: 0 });
  Object.assign(process.env, {
    COMFYUI_BASE_URL: comfy.baseUrl,
    COMFYUI_POLL_INTERVAL_MS: "20",
    A1111_BASE_URL: a1111.baseUrl,
    QWEN2512_BASE_URL: qwen.baseUrl,
    QWEN2512_API_KEY: "test-qwen2512-key",
    QWEN2512_POLL_INTERVAL_MS: "20",
  });
  const { resetEnvCache } = await import("@/lib/config/env");
  resetEnvCache();
  const { createUser } = await import("@/lib/db/users");
  const user = await createUser({ email: `sh${Math.random()}@example.com`, passwordHash: "x" });
  caller = { user, via: "session" };
});
afterAll(async () => {
  await Promise.all([comfy?.close(), a1111?.close(), qwen?.close()]);
});

async function runUntilDone(ids: number[]) {
  const { Worker } = await import("./worker");
  const { getTaskById } = await import("@/lib/db/tasks");
  const worker = new Worker({ pollMs: 20, log: () => undefined });
  worker.start();
  try {
    return await waitFor(async () => {
      const rows = await Promise.all(ids.map((id) => getTaskById(id)));
      return rows.every((t) => t && (t.status === "completed" || t.status === "failed"))
        ? rows
        : undefined;
    }, 30_000);
  } finally {
    await worker.stop();
  }
}

const settings = { background: "transparent" as const, scale: 8, force: true, send_email: false };

describe("self-hosted providers end to end", () => {
  it("a ComfyUI image is stored pixelized, with the original kept", async () => {
    const { createSingleTask } = await import("@/lib/generation/create-tasks");
    const r = await createSingleTask(caller, {
      ...settings,
      prompt: "a tiny pixel mushroom",
      model: "comfyui/txt2img",
    });
    if (r.kind !== "created") throw new Error("expected a task");
    const [done] = await runUntilDone([r.task.id]);
    expect(done?.status, done?.errorMsg ?? "").toBe("completed");
    const { findAsset } = await import("@/lib/db/tasks");
    expect(await findAsset(r.task.id, "image")).toBeTruthy();
    expect(await findAsset(r.task.id, "original")).toBeTruthy();
    // what grid recovery found is recorded on the task for the studio to show
    const params = done?.params as { pixelize?: { method: string; logicalWidth: number } };
    const recorded = params?.pixelize;
    expect(recorded?.method).toMatch(/^(detected|exact|native|resampled)$/);
    expect(recorded?.logicalWidth).toBeGreaterThan(0);
    const wf = (
      comfy.apiCalls().find((c) => c.path === "/prompt")!.json as {
        prompt: Record<string, { class_type: string; inputs: Record<string, unknown> }>;
      }
    ).prompt;
    const text = Object.values(wf).find((n) => n.class_type === "CLIPTextEncode")?.inputs.text;
    // the user's words first, then our pixel-art style
    expect(String(text)).toMatch(/^a tiny pixel mushroom, pixel art/);
  });

  it("an A1111 walk batch: frame 1 by txt2img, frames 2–4 by img2img from frame 1", async () => {
    const { createBatch } = await import("@/lib/generation/create-tasks");
    const { tasks } = await createBatch(caller, {
      ...settings,
      prompt: "a pixel knight",
      mode: "walk",
      model: "a1111/default",
    });
    const rows = await runUntilDone(tasks.map((t) => t.id));
    expect(rows.map((t) => t?.status)).toEqual([
      "completed",
      "completed",
      "completed",
      "completed",
    ]);
    const gen = a1111.apiCalls().filter((c) => /txt2img|img2img/.test(c.path));
    expect(gen.map((c) => c.path)).toEqual([
      "/sdapi/v1/txt2img",
      "/sdapi/v1/img2img",
      "/sdapi/v1/img2img",
      "/sdapi/v1/img2img",
    ]);
    // Frame 1 goes first (the others wait for its reference); frames 2–4 may then run in any
    // order, as they do on pg-boss with several claims at once.
    const frameOf = (c: (typeof gen)[number]) =>
      Number(/walk cycle frame (\d) of 4/.exec(String((c.json as { prompt: string }).prompt))?.[1]);
    expect(frameOf(gen[0]!)).toBe(1);
    expect(gen.map(frameOf).sort()).toEqual([1, 2, 3, 4]);
    for (const c of gen) {
      expect(String((c.json as { prompt: string }).prompt)).toMatch(/^a pixel knight, walk cycle/);
    }
    for (const c of gen.slice(1)) {
      expect((c.json as { init_images: string[] }).init_images[0]).toMatch(
        /^data:image\/png;base64,/,
      );
    }
  });

  it("a 1990-character prompt runs on Qwen2512 (our suffix gives way); 2001 is a 400 naming 2000", async () => {
    const { createSingleTask } = await import("@/lib/generation/create-tasks");
    const long = "k".repeat(1990);
    const r = await createSingleTask(caller, {
      ...settings,
      prompt: long,
      model: "qwen2512/qwen-image-2512",
    });
    if (r.kind !== "created") throw new Error("expected a task");
    const [done] = await runUntilDone([r.task.id]);
    expect(done?.status, done?.errorMsg ?? "").toBe("completed");
    const sent = (
      qwen.apiCalls().find((c) => c.path === "/api/generate")!.json as { prompt: string }
    ).prompt;
    expect(sent.startsWith(long)).toBe(true);
    expect([...sent].length).toBeLessThanOrEqual(2000);
    await expect(
      createSingleTask(caller, {
        ...settings,
        prompt: "k".repeat(2001),
        model: "qwen2512/qwen-image-2512",
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining("at most 2000 characters") });
  });
});
