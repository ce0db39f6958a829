import { describe, expect, it } from "vitest";
import { A1111_CHECKPOINTS, startA1111Fake } from "@/test/fakes/a1111-fake";
import { adapterConformance } from "@/test/fakes/adapter-conformance";
import { samplePng } from "@/test/fakes/fake-server";
import { makeCtx, providerError, runToCompletion } from "@/test/fakes/harness";
import { a1111Adapter as adapter } from "./a1111";
import { ProviderError } from "./errors";
import type { GenerationRequest } from "./types";

const AUTH = { username: "pixel", password: "s3cret" };
const env = (b: string) => ({
  A1111_BASE_URL: b,
  A1111_USERNAME: "pixel",
  A1111_PASSWORD: "s3cret",
});
const req: GenerationRequest = {
  type: "image",
  modelKey: "default",
  prompt: "a pixel slime",
  negativePrompt: "blurry",
  seed: 77,
  width: 512,
  height: 512,
};

let fakeRef: Awaited<ReturnType<typeof startA1111Fake>>;
const { fake } = adapterConformance({
  adapter,
  start: async () => {
    fakeRef = await startA1111Fake({ auth: AUTH });
    return fakeRef;
  },
  env,
  badEnv: (b) => ({ ...env(b), A1111_PASSWORD: "wrong" }),
  request: req,
  outputKinds: ["image"],
  urlOutputs: false,
  baseUrlVar: "A1111_BASE_URL",
  failures: [
    ["500", "server"],
    ["429", "rate_limit"],
    ["hang", "timeout"],
    ["trickle", "timeout"],
    ["malformed", "malformed"],
    ["job_failed", "server"],
  ],
});

describe("a1111 request mapping and failures", () => {
  const ctx = () => makeCtx(adapter, env(fake().baseUrl));

  it("txt2img with basic auth: prompt, negative, seed, size; base64 PNG back as data", async () => {
    const r = await runToCompletion(adapter, req, ctx());
    const call = fake().apiCalls()[0];
    expect(call.path).toBe("/sdapi/v1/txt2img");
    expect(call.headers.authorization).toBe(
      `Basic ${Buffer.from("pixel:s3cret").toString("base64")}`,
    );
    expect(call.json).toMatchObject({
      prompt: "a pixel slime",
      negative_prompt: "blurry",
      seed: 77,
      width: 512,
      height: 512,
      batch_size: 1,
    });
    expect((call.json as Record<string, unknown>).override_settings).toBeUndefined();
    const png = await samplePng();
    expect(r.outputs[0].data?.equals(png)).toBe(true);
  });

  it("a later frame goes through img2img with frame 1 as the init image", async () => {
    const png = await samplePng();
    await runToCompletion(
      adapter,
      { ...req, images: [{ data: png, contentType: "image/png" }] },
      ctx(),
    );
    const call = fake().apiCalls()[0];
    expect(call.path).toBe("/sdapi/v1/img2img");
    const body = call.json as { init_images: string[]; denoising_strength: number };
    expect(body.init_images[0]).toBe(`data:image/png;base64,${png.toString("base64")}`);
    expect(body.denoising_strength).toBe(0.6);
  });

  it("lists checkpoints as models and selects one through override_settings", async () => {
    const found = await adapter.discoverModels?.(ctx());
    expect(found?.map((m) => m.id)).toEqual([
      "a1111/v1-5-pruned-emaonly",
      "a1111/pixel_pixelArtDiffusion",
    ]);
    fake().reset();
    await runToCompletion(adapter, { ...req, modelKey: "pixel_pixelArtDiffusion" }, ctx());
    expect((fake().apiCalls()[0].json as Record<string, unknown>).override_settings).toEqual({
      sd_model_checkpoint: A1111_CHECKPOINTS[1].model_name,
    });
  });

  it("reports /sdapi/v1/progress while the synchronous call runs", async () => {
    const slow = await startA1111Fake({ auth: AUTH, generationMs: 2500 });
    try {
      const seen: number[] = [];
      const c = {
        ...makeCtx(adapter, env(slow.baseUrl)),
        reportProgress: (p: number) => void seen.push(p),
      };
      await adapter.submit(req, c);
      expect(seen.length).toBeGreaterThan(0);
      // whole percent, the unit of tasks.progress (an integer column), not A1111's fraction
      expect(seen.every((p) => Number.isInteger(p) && p >= 0 && p <= 100)).toBe(true);
      expect(seen.some((p) => p > 1)).toBe(true);
      expect(slow.apiCalls().some((x) => x.path === "/sdapi/v1/progress")).toBe(true);
    } finally {
      await slow.close();
    }
  });

  it("out of memory is a clear final failure; --api off and wrong credentials say what to fix", async () => {
    const oom = await providerError(adapter.submit({ ...req, prompt: "huge [fail:oom]" }, ctx()));
    expect([oom.kind, oom.retryable]).toEqual(["failed", false]);
    expect(oom.message).toContain("ran out of memory");
    const bad = await providerError(
      adapter.submit(req, makeCtx(adapter, { ...env(fake().baseUrl), A1111_PASSWORD: "x" })),
    );
    expect(bad.message).toContain("Incorrect username or password");
    const off = await startA1111Fake({ apiOff: true });
    try {
      const e = await providerError(adapter.submit(req, makeCtx(adapter, env(off.baseUrl))));
      expect(e.message).toContain("--api");
    } finally {
      await off.close();
    }
  });

  it("cancel posts /sdapi/v1/interrupt; test connection lists the checkpoints", async () => {
    await adapter.cancel?.(undefined, ctx());
    expect(fakeRef.interrupts()).toBeGreaterThan(0);
    const t = await adapter.testConnection?.(ctx());
    expect(t).toEqual({
      ok: true,
      message: "2 checkpoints: v1-5-pruned-emaonly, pixel_pixelArtDiffusion",
    });
  });
});

describe("a1111 against a frozen web UI", () => {
  it("closes every upstream connection by its deadline when every call hangs", async () => {
    const frozen = await startA1111Fake({ auth: AUTH });
    try {
      frozen.hangEverything(true);
      const ctx = {
        ...makeCtx(
          adapter,
          { ...env(frozen.baseUrl), A1111_TIMEOUT_MS: "2500" },
          {
            timeoutMs: 1000,
          },
        ),
        // progress is polled while a generation is under way
        reportProgress: async () => undefined,
      };
      const started = Date.now();
      const failed = await adapter.submit(req, ctx).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(failed).toBeInstanceOf(ProviderError);
      expect((failed as ProviderError).kind).toBe("timeout");
      // The worker then asks the web UI to stop (it hangs too), as after any failed run.
      await adapter.cancel?.("sync", ctx);
      // the generation (2.5 s), a progress poll and the interrupt (1 s each) all hung
      const paths = frozen.apiCalls().map((c) => c.path);
      expect(paths).toEqual(
        expect.arrayContaining(["/sdapi/v1/txt2img", "/sdapi/v1/progress", "/sdapi/v1/interrupt"]),
      );
      // Every call's deadline has passed: nothing may still hold a connection to the upstream
      // (undici used to reconnect after an abort and leave that socket open).
      await new Promise((r) => setTimeout(r, Math.max(0, started + 3_700 - Date.now())));
      expect(frozen.openSockets()).toBe(0);
    } finally {
      await frozen.close();
    }
  }, 20_000);
});
