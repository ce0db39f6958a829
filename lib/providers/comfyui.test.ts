import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { adapterConformance } from "@/test/fakes/adapter-conformance";
import { startComfyuiFake } from "@/test/fakes/comfyui-fake";
import { makeCtx, providerError, runToCompletion } from "@/test/fakes/harness";
import { comfyuiAdapter as adapter, COMFYUI_PLACEHOLDERS } from "./comfyui";
import type { GenerationRequest } from "./types";

const env = (b: string) => ({ COMFYUI_BASE_URL: b });
const req: GenerationRequest = {
  type: "image",
  modelKey: "txt2img",
  prompt: "a pixel wizard",
  negativePrompt: "blurry",
  seed: 1234,
  width: 512,
  height: 384,
};

let fakeRef: Awaited<ReturnType<typeof startComfyuiFake>>;
const { fake } = adapterConformance({
  adapter,
  start: async () => {
    fakeRef = await startComfyuiFake();
    return fakeRef;
  },
  env,
  // ComfyUI has no credentials of its own; a wrong base is what an admin can get wrong
  badEnv: (b) => env(b),
  request: req,
  outputKinds: ["image"],
  urlOutputs: true,
  baseUrlVar: "COMFYUI_BASE_URL",
  failures: [
    ["500", "server"],
    ["hang", "timeout"],
    ["malformed", "malformed"],
    ["job_failed", "failed"],
    ["expired", "expired"],
  ],
  skipAuth: true,
});

describe("comfyui workflow and failures", () => {
  const ctx = () => makeCtx(adapter, env(fake().baseUrl));

  it("posts the bundled workflow with prompt, negative, seed and size filled in; reads /view", async () => {
    const r = await runToCompletion(adapter, req, ctx());
    const submit = fake().apiCalls()[0];
    expect(submit.path).toBe("/prompt");
    const wf = (
      submit.json as {
        prompt: Record<string, { class_type: string; inputs: Record<string, unknown> }>;
      }
    ).prompt;
    const byType = (t: string) => Object.values(wf).filter((n) => n.class_type === t);
    expect(byType("CLIPTextEncode").map((n) => n.inputs.text)).toEqual([
      "a pixel wizard",
      "blurry",
    ]);
    expect(byType("KSampler")[0].inputs.seed).toBe(1234);
    expect(byType("EmptyLatentImage")[0].inputs).toMatchObject({ width: 512, height: 384 });
    expect(byType("SaveImage")).toHaveLength(1);
    expect(byType("LoraLoader")).toHaveLength(0);
    expect(r.outputs[0].url).toMatch(/\/view\?filename=.+&subfolder=&type=output$/);
  });

  it("chains a LoraLoader when a pixel-art LoRA is configured", async () => {
    await runToCompletion(
      adapter,
      req,
      makeCtx(adapter, { ...env(fake().baseUrl), COMFYUI_LORA: "pixel-art-xl.safetensors" }),
    );
    const wf = (
      fake().apiCalls()[0].json as {
        prompt: Record<string, { class_type: string; inputs: Record<string, unknown> }>;
      }
    ).prompt;
    const lora = Object.entries(wf).find(([, n]) => n.class_type === "LoraLoader");
    expect(lora?.[1].inputs).toMatchObject({
      lora_name: "pixel-art-xl.safetensors",
      strength_model: 0.8,
    });
    const sampler = Object.values(wf).find((n) => n.class_type === "KSampler");
    expect(sampler?.inputs.model).toEqual([lora?.[0], 0]);
  });

  it("fills the documented placeholders of an admin's COMFYUI_WORKFLOW", async () => {
    const dir = mkdtempSync(join(tmpdir(), "comfy-wf-"));
    const path = join(dir, "wf.json");
    writeFileSync(
      path,
      JSON.stringify({
        "1": {
          class_type: "CheckpointLoaderSimple",
          inputs: { ckpt_name: "v1-5-pruned-emaonly.safetensors" },
        },
        "2": {
          class_type: "CLIPTextEncode",
          inputs: { text: "pixel art, {{prompt}}", clip: ["1", 1] },
        },
        "3": {
          class_type: "CLIPTextEncode",
          inputs: { text: "{{negative_prompt}}", clip: ["1", 1] },
        },
        "4": {
          class_type: "EmptyLatentImage",
          inputs: { width: "{{width}}", height: "{{height}}", batch_size: 1 },
        },
        "5": { class_type: "KSampler", inputs: { seed: "{{seed}}", model: ["1", 0] } },
        "6": { class_type: "SaveImage", inputs: { filename_prefix: "x", images: ["5", 0] } },
      }),
    );
    await runToCompletion(
      adapter,
      req,
      makeCtx(adapter, { ...env(fake().baseUrl), COMFYUI_WORKFLOW: path }),
    );
    const wf = (
      fake().apiCalls()[0].json as { prompt: Record<string, { inputs: Record<string, unknown> }> }
    ).prompt;
    expect(wf["2"].inputs.text).toBe("pixel art, a pixel wizard");
    expect(wf["3"].inputs.text).toBe("blurry");
    expect(wf["4"].inputs).toMatchObject({ width: 512, height: 384 });
    expect(wf["5"].inputs.seed).toBe(1234);
    expect(COMFYUI_PLACEHOLDERS).toContain("{{lora}}");
  });

  it("a validation 400 names the node and the reason, and is not retried", async () => {
    const e = await providerError(
      adapter.submit({ ...req, prompt: "a wizard [fail:validation]" }, ctx()),
    );
    expect([e.kind, e.retryable]).toEqual(["bad_request", false]);
    expect(e.message).toContain("Prompt outputs failed validation");
    expect(e.message).toContain("CheckpointLoaderSimple #4: Value not in list");
    const missing = await providerError(
      adapter.submit(
        req,
        makeCtx(adapter, { ...env(fake().baseUrl), COMFYUI_CHECKPOINT: "nope.safetensors" }),
      ),
    );
    expect(missing.message).toContain("'nope.safetensors' not in");
  });

  it("an execution error in the history and an out-of-memory are clear failures", async () => {
    fake().failNext("job_failed");
    const e = await providerError(runToCompletion(adapter, req, ctx()));
    expect(e.message).toContain("KSampler #3 failed — RuntimeError: mat1 and mat2");
    const oom = await providerError(
      runToCompletion(adapter, { ...req, prompt: "big [fail:oom]" }, ctx()),
    );
    expect([oom.kind, oom.retryable]).toEqual(["failed", false]);
    expect(oom.message).toContain("ran out of memory in KSampler #3");
  });

  it("reports queued/running from /queue while the history is empty", async () => {
    fake().setJobTiming({ queuedPolls: 1, runningPolls: 1 });
    const r = await runToCompletion(adapter, req, ctx());
    expect(r.states).toEqual(["pending", "running", "done"]);
  });

  it("cancel interrupts and removes the prompt from the queue", async () => {
    const c = ctx();
    const s = await adapter.submit(req, c);
    if (s.state !== "pending") throw new Error("expected a prompt id");
    const before = fakeRef.interrupts();
    await adapter.cancel?.(s.upstreamId, c);
    expect(fakeRef.interrupts()).toBe(before + 1);
    const calls = fake()
      .apiCalls()
      .map((x) => `${x.method} ${x.path}`);
    expect(calls).toContain("POST /interrupt");
    expect(calls).toContain("POST /queue");
    const e = await providerError(adapter.poll(s.upstreamId, req, c));
    expect(e.message).toContain("neither queued nor in the history");
  });

  it("test connection reads /system_stats", async () => {
    const r = await adapter.testConnection?.(ctx());
    expect(r?.ok).toBe(true);
    expect(r?.message).toContain("ComfyUI 0.3.40");
    expect(r?.message).toContain("11.0 of 12.0 GB VRAM free");
  });
});
