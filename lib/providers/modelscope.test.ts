import { describe, expect, it } from "vitest";
import { adapterConformance } from "@/test/fakes/adapter-conformance";
import { makeCtx, runToCompletion } from "@/test/fakes/harness";
import { startModelscopeFake } from "@/test/fakes/modelscope-fake";
import { modelscopeAdapter as adapter } from "./modelscope";

const KEY = "test-modelscope-key";
const env = (b: string) => ({ MODELSCOPE_API_KEY: KEY, MODELSCOPE_BASE_URL: b });

const { fake } = adapterConformance({
  adapter,
  start: () => startModelscopeFake({ apiKey: KEY }),
  env,
  badEnv: (b) => ({ ...env(b), MODELSCOPE_API_KEY: "wrong" }),
  request: { type: "image", modelKey: "qwen-image", prompt: "a pixel tree" },
  outputKinds: ["image"],
  urlOutputs: true,
  baseUrlVar: "MODELSCOPE_BASE_URL",
  failures: [
    ["401", "auth"],
    ["429", "rate_limit"],
    ["500", "server"],
    ["hang", "timeout"],
    ["malformed", "malformed"],
    ["refuse", "content_refused"],
    ["job_failed", "failed"],
    ["expired", "expired"],
  ],
});

describe("modelscope request mapping", () => {
  it("uses the async headers, ModelScope model id and WxH size", async () => {
    const r = await runToCompletion(
      adapter,
      {
        type: "image",
        modelKey: "qwen-image",
        prompt: "tree",
        negativePrompt: "blur",
        aspectRatio: "16:9",
        seed: 3,
        params: { loras: [{ model: "modelscope/some/pixel-lora", weight: 0.8 }] },
      },
      makeCtx(adapter, env(fake().baseUrl)),
    );
    expect(r.states).toEqual(["pending", "running", "done"]);
    const [submit, poll] = fake().apiCalls();
    expect(submit.headers["x-modelscope-async-mode"]).toBe("true");
    expect(submit.json).toEqual({
      model: "Qwen/Qwen-Image",
      prompt: "tree",
      negative_prompt: "blur",
      size: "1280x720",
      seed: 3,
      loras: { "some/pixel-lora": 0.8 },
    });
    expect(poll.headers["x-modelscope-task-type"]).toBe("image_generation");
  });
});
