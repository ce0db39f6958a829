import { describe, expect, it } from "vitest";
import { adapterConformance } from "@/test/fakes/adapter-conformance";
import { makeCtx, providerError, runToCompletion } from "@/test/fakes/harness";
import { startQwen2512Fake } from "@/test/fakes/qwen2512-fake";
import { qwen2512Adapter as adapter } from "./qwen2512";

const KEY = "test-qwen2512-key";
const env = (baseUrl: string) => ({ QWEN2512_API_KEY: KEY, QWEN2512_BASE_URL: baseUrl });

const { fake } = adapterConformance({
  adapter,
  start: () => startQwen2512Fake({ apiKey: KEY }),
  env,
  badEnv: (b) => ({ ...env(b), QWEN2512_API_KEY: "wrong" }),
  request: {
    type: "image",
    modelKey: "qwen-image-2512",
    prompt: "a pixel cat",
    aspectRatio: "3:2",
    seed: 7,
  },
  outputKinds: ["image"],
  urlOutputs: true,
  baseUrlVar: "QWEN2512_BASE_URL",
  promptLimit: 2000,
  failures: [
    ["401", "auth"],
    ["429", "rate_limit"],
    ["429-date", "rate_limit"],
    ["500", "server"],
    ["hang", "timeout"],
    ["malformed", "malformed"],
    ["refuse", "content_refused"],
    ["job_failed", "failed"],
    ["expired", "expired"],
    ["quota", "quota"],
  ],
});

describe("qwen2512 request mapping", () => {
  it("sends the documented body and polls PENDING → IN_PROGRESS → SUCCESS", async () => {
    const ctx = makeCtx(adapter, env(fake().baseUrl));
    const r = await runToCompletion(
      adapter,
      {
        type: "image",
        modelKey: "qwen-image-2512",
        prompt: "a pixel cat",
        width: 1000,
        height: 760,
        seed: 7,
      },
      ctx,
    );
    expect(r.states).toEqual(["pending", "running", "done"]);
    const [submit, poll] = fake().apiCalls();
    expect(submit.json).toEqual({
      prompt: "a pixel cat",
      size: "1024*768",
      seed: 7,
      output_format: "png",
    });
    expect(submit.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(poll.path).toBe("/api/status");
    expect(poll.query.task_id).toMatch(/^qwen2512-job-/);
  });

  it("rejects over-long prompts before calling the upstream", async () => {
    const e = await providerError(
      adapter.submit(
        { type: "image", modelKey: "qwen-image-2512", prompt: "x".repeat(2001) },
        makeCtx(adapter, env(fake().baseUrl)),
      ),
    );
    expect(e.kind).toBe("bad_request");
    expect(fake().apiCalls()).toHaveLength(0);
  });

  it("treats an unknown task id (404) as failed", async () => {
    const e = await providerError(
      adapter.poll(
        "nope",
        { type: "image", modelKey: "qwen-image-2512", prompt: "x" },
        makeCtx(adapter, env(fake().baseUrl)),
      ),
    );
    expect(e.kind).toBe("failed");
  });
});
