import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startDashscopeFake } from "@/test/fakes/dashscope-fake";
import type { FakeServer } from "@/test/fakes/fake-server";
import { makeCtx, providerError, runToCompletion } from "@/test/fakes/harness";
import { dashscopeAdapter as adapter } from "./dashscope";
import { downloadOutput } from "./http";
import type { EnvLike, GenerationRequest } from "./types";

let fake: FakeServer;
let env: EnvLike;
const KEY = "test-dashscope-key";

beforeAll(async () => {
  fake = await startDashscopeFake({ apiKey: KEY });
  env = { DASHSCOPE_API_KEY: KEY, DASHSCOPE_BASE_URL: fake.baseUrl, PROVIDER_TIMEOUT_MS: "2000" };
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const imageReq: GenerationRequest = {
  type: "image",
  modelKey: "qwen-image",
  prompt: "a pixel knight",
  negativePrompt: "blurry",
  resolution: "1K",
  aspectRatio: "16:9",
  n: 2,
  seed: 42,
};

describe("dashscope adapter", () => {
  it("submits an async image task and polls PENDING → RUNNING → SUCCEEDED", async () => {
    const ctx = makeCtx(adapter, env);
    const { outputs, states } = await runToCompletion(adapter, imageReq, ctx);
    expect(states).toEqual(["pending", "running", "done"]);
    expect(outputs).toHaveLength(2);
    const submit = fake.apiCalls()[0];
    expect(submit.path).toBe("/api/v1/services/aigc/text2image/image-synthesis");
    expect(submit.headers["x-dashscope-async"]).toBe("enable");
    expect(submit.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(submit.json).toEqual({
      model: "qwen-image",
      input: { prompt: "a pixel knight", negative_prompt: "blurry" },
      parameters: { size: "1280*720", n: 2, seed: 42 },
    });
    const file = await downloadOutput(ctx, "dashscope", outputs[0].url!);
    expect(file.contentType).toBe("image/png");
    expect(file.data.subarray(1, 4).toString()).toBe("PNG");
  });

  it("maps video to wan2.6-t2v / wan2.6-i2v and returns video_url", async () => {
    const ctx = makeCtx(adapter, env);
    const { outputs } = await runToCompletion(
      adapter,
      {
        type: "video",
        modelKey: "wan2.6-video",
        prompt: "walk cycle",
        duration: "10s",
        resolution: "720p",
      },
      ctx,
    );
    expect(outputs).toEqual([{ kind: "video", url: expect.stringContaining("/files/") }]);
    expect(fake.apiCalls()[0].json).toMatchObject({
      model: "wan2.6-t2v",
      parameters: { size: "1280*720", duration: 10 },
    });
    fake.reset();
    const png = Buffer.from("89504e47", "hex");
    await runToCompletion(
      adapter,
      {
        type: "video",
        modelKey: "wan2.6-video",
        prompt: "walk",
        images: [{ data: png, contentType: "image/png" }],
      },
      ctx,
    );
    expect(fake.apiCalls()[0].json).toMatchObject({
      model: "wan2.6-i2v",
      input: { img_url: "data:image/png;base64,iVBORw==" },
      parameters: { resolution: "720P", duration: 5 },
    });
  });

  it("answers llm prompts synchronously as text", async () => {
    const r = await adapter.submit(
      { type: "llm", modelKey: "qwen-plus", prompt: "hi" },
      makeCtx(adapter, env),
    );
    expect(r.state).toBe("done");
    if (r.state !== "done") return;
    expect(r.outputs[0].kind).toBe("text");
    expect(r.outputs[0].data?.toString()).toBe("echo: hi");
  });

  it("maps failures to ProviderError kinds", async () => {
    const ctx = makeCtx(adapter, env);
    const cases = [
      ["401", "auth", false],
      ["500", "server", true],
      ["malformed", "malformed", true],
      ["refuse", "content_refused", false],
      ["quota", "quota", false],
    ] as const;
    for (const [mode, kind, retryable] of cases) {
      fake.failNext(mode);
      const e = await providerError(adapter.submit(imageReq, ctx));
      expect([mode, e.kind, e.retryable]).toEqual([mode, kind, retryable]);
    }
    expect(
      (
        await providerError(
          adapter.submit(imageReq, makeCtx(adapter, { ...env, DASHSCOPE_API_KEY: "nope" })),
        )
      ).kind,
    ).toBe("auth");
  });

  it("carries Retry-After (seconds and HTTP-date) on 429", async () => {
    const ctx = makeCtx(adapter, env);
    fake.failNext("429");
    const e = await providerError(adapter.submit(imageReq, ctx));
    expect([e.kind, e.retryable, e.retryAfterMs]).toEqual(["rate_limit", true, 2000]);
    fake.failNext("429-date");
    const d = await providerError(adapter.submit(imageReq, ctx));
    expect(d.retryAfterMs).toBeGreaterThan(0);
    expect(d.retryAfterMs).toBeLessThanOrEqual(3000);
  });

  it("times out a hanging call and reports it as retryable", async () => {
    fake.failNext("hang");
    const t0 = Date.now();
    const e = await providerError(
      adapter.submit(imageReq, makeCtx(adapter, env, { timeoutMs: 300 })),
    );
    expect([e.kind, e.retryable]).toEqual(["timeout", true]);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it("reports FAILED jobs, refusals during the job, and expired result URLs", async () => {
    const ctx = makeCtx(adapter, env);
    fake.failNext("job_failed");
    const e = await providerError(runToCompletion(adapter, imageReq, ctx));
    expect([e.kind, e.retryable]).toEqual(["failed", false]);
    expect(e.message).toContain("Algorithm process error");

    const r = await providerError(
      runToCompletion(adapter, { ...imageReq, prompt: "x [fail:refuse]" }, ctx),
    );
    expect(r.kind).toBe("content_refused");
    expect(r.message).toBe("⚠️ 生成失败: AI 拒绝处理此请求 (可能包含敏感内容)");

    fake.failNext("expired");
    const { outputs } = await runToCompletion(adapter, imageReq, ctx);
    const x = await providerError(downloadOutput(ctx, "dashscope", outputs[0].url!));
    expect([x.kind, x.retryable]).toEqual(["expired", false]);
  });

  it("stops when the caller aborts", async () => {
    fake.failNext("hang");
    const ac = new AbortController();
    const p = adapter.submit(
      imageReq,
      makeCtx(adapter, env, { signal: ac.signal, timeoutMs: 10_000 }),
    );
    setTimeout(() => ac.abort(new DOMException("cancelled by user", "AbortError")), 50);
    await expect(p).rejects.toMatchObject({ name: "AbortError" });
    await expect(
      adapter.poll("x", imageReq, makeCtx(adapter, env, { signal: ac.signal })),
    ).rejects.toMatchObject({
      name: "AbortError",
    });
  });

  it("reports connection refused as a retryable network error", async () => {
    const e = await providerError(
      adapter.submit(
        imageReq,
        makeCtx(adapter, { ...env, DASHSCOPE_BASE_URL: "http://127.0.0.1:9" }),
      ),
    );
    expect([e.kind, e.retryable]).toEqual(["network", true]);
  });

  it("treats an unknown task as failed, not pending forever", async () => {
    const e = await providerError(adapter.poll("no-such-task", imageReq, makeCtx(adapter, env)));
    expect(e.kind).toBe("failed");
  });
});
