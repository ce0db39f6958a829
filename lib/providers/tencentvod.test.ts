import { describe, expect, it } from "vitest";
import { adapterConformance } from "@/test/fakes/adapter-conformance";
import { samplePng } from "@/test/fakes/fake-server";
import { makeCtx, providerError, runToCompletion } from "@/test/fakes/harness";
import { startTencentvodFake } from "@/test/fakes/tencentvod-fake";
import { tencentvodAdapter as adapter } from "./tencentvod";
import type { GenerationRequest } from "./types";

const KEY = "test-tencentvod-key";
const env = (b: string) => ({ TENCENTVOD_API_KEY: KEY, TENCENTVOD_BASE_URL: b });
const req: GenerationRequest = {
  type: "image",
  modelKey: "gem-3.0",
  prompt: "pixel castle",
  resolution: "2k",
  aspectRatio: "16:9",
};

const { fake } = adapterConformance({
  adapter,
  start: () => startTencentvodFake({ apiKey: KEY }),
  env,
  badEnv: (b) => ({ ...env(b), TENCENTVOD_API_KEY: "wrong" }),
  request: req,
  outputKinds: ["image"],
  urlOutputs: true,
  baseUrlVar: "TENCENTVOD_BASE_URL",
  promptLimit: 1000,
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

describe("tencentvod request mapping", () => {
  it("maps GEM: model_name/version, output_config with aspect, file_infos, session_id; polls status_url", async () => {
    const png = await samplePng();
    const r = await runToCompletion(
      adapter,
      {
        ...req,
        negativePrompt: "blur",
        images: [{ data: png, contentType: "image/png", url: "https://cdn.example/ref.png" }],
        params: { session_id: "task_123", reference_text: "图1: 主角" },
      },
      makeCtx(adapter, env(fake().baseUrl)),
    );
    expect(r.states).toEqual(["pending", "running", "done"]);
    const [submit, poll] = fake().apiCalls();
    expect(submit.json).toEqual({
      model_name: "GEM",
      model_version: "3.0",
      prompt: "pixel castle",
      negative_prompt: "blur",
      file_infos: [{ type: "Url", url: "https://cdn.example/ref.png", text: "图1: 主角" }],
      enhance_prompt: "Disabled",
      output_config: {
        storage_mode: "Temporary",
        input_compliance_check: "Enabled",
        output_compliance_check: "Enabled",
        resolution: "2K",
        aspect_ratio: "16:9",
      },
      session_id: "task_123",
    });
    expect(poll.path).toMatch(/^\/tencent-vod\/v1\/aigc-image\/251007502-AigcImage-/);
  });

  it("Qwen / Hunyuan get an explicit pixel size and no aspect_ratio; data URL when no public URL", async () => {
    const png = await samplePng();
    for (const [modelKey, name, version] of [
      ["qwen-0925", "Qwen", "0925"],
      ["hunyuan-3.0", "Hunyuan", "3.0"],
    ]) {
      fake().reset();
      await runToCompletion(
        adapter,
        {
          type: "image",
          modelKey,
          prompt: "p",
          resolution: "2K",
          aspectRatio: "16:9",
          images: [{ data: png, contentType: "image/png" }],
        },
        makeCtx(adapter, env(fake().baseUrl)),
      );
      const body = fake().apiCalls()[0].json as {
        model_name: string;
        model_version: string;
        output_config: { resolution?: string; aspect_ratio?: string };
        file_infos: { url: string; text?: string }[];
      };
      expect([body.model_name, body.model_version]).toEqual([name, version]);
      expect(body.output_config.resolution).toBe("2560x1440");
      expect(body.output_config.aspect_ratio).toBeUndefined();
      expect(body.file_infos[0].url).toMatch(/^data:image\/png;base64,/);
      expect(body.file_infos[0].text).toBeUndefined();
    }
  });

  it("a repeated session_id is a clear non-retryable failure (dedup)", async () => {
    const ctx = makeCtx(adapter, env(fake().baseUrl));
    await adapter.submit({ ...req, params: { session_id: "dup-1" } }, ctx);
    const e = await providerError(adapter.submit({ ...req, params: { session_id: "dup-1" } }, ctx));
    expect([e.kind, e.retryable]).toEqual(["failed", false]);
    expect(e.message).toContain("session_id");
  });

  it("polls the derived status path when the router omits status_url", async () => {
    const f2 = await startTencentvodFake({ apiKey: KEY, omitStatusUrl: true });
    try {
      const r = await runToCompletion(adapter, req, makeCtx(adapter, env(f2.baseUrl)));
      expect(r.outputs).toHaveLength(1);
    } finally {
      await f2.close();
    }
  });

  it("refuses to poll a status_url on another host", async () => {
    const e = await providerError(
      adapter.poll("https://evil.example/x", req, makeCtx(adapter, env(fake().baseUrl))),
    );
    expect(e.kind).toBe("failed");
  });
});

describe("tencentvod status shapes and refusals", () => {
  const withFake = async (
    opts: Parameters<typeof startTencentvodFake>[0],
    fn: (baseUrl: string) => Promise<void>,
  ) => {
    const f = await startTencentvodFake({ apiKey: KEY, ...opts });
    try {
      await fn(f.baseUrl);
    } finally {
      await f.close();
    }
  };

  it("reads VOD DescribeTaskDetail: WAITING → PROCESSING → FINISH with Output.FileInfos[].FileUrl", async () => {
    await withFake({ shape: "vod" }, async (b) => {
      const r = await runToCompletion(adapter, req, makeCtx(adapter, env(b)));
      expect(r.states).toEqual(["pending", "running", "done"]);
      expect(r.outputs[0].url).toMatch(/\/files\/.+\.png$/);
    });
  });

  it("reads the router's queue shape and fetches the result from response_url", async () => {
    await withFake({ shape: "router" }, async (b) => {
      const r = await runToCompletion(adapter, req, makeCtx(adapter, env(b)));
      expect(r.states).toEqual(["pending", "running", "done"]);
      expect(r.outputs).toHaveLength(1);
    });
  });

  it("an unknown status word fails at once, naming the word (no retry burn)", async () => {
    for (const shape of ["mps", "router"] as const) {
      await withFake({ shape, oddStatus: "SUSPENDED" }, async (b) => {
        const e = await providerError(runToCompletion(adapter, req, makeCtx(adapter, env(b))));
        expect([e.kind, e.retryable]).toEqual(["failed", false]);
        expect(e.message).toContain("'SUSPENDED'");
      });
    }
  });

  it("FailedOperation.InputComplianceCheck on submission is the seed's refusal text", async () => {
    const e = await providerError(
      adapter.submit(
        { ...req, prompt: "pixel castle [fail:refuse_submit]" },
        makeCtx(adapter, env(fake().baseUrl)),
      ),
    );
    expect([e.kind, e.retryable]).toEqual(["content_refused", false]);
    expect(e.message).toBe("⚠️ 生成失败: AI 拒绝处理此请求 (可能包含敏感内容)");
  });

  it("FailedOperation.ContentCompliance on the task is the seed's refusal text, in every shape", async () => {
    for (const shape of ["mps", "vod", "router"] as const) {
      await withFake({ shape }, async (b) => {
        const e = await providerError(
          runToCompletion(
            adapter,
            { ...req, prompt: "pixel castle [fail:refuse]" },
            makeCtx(adapter, env(b)),
          ),
        );
        expect(e.kind).toBe("content_refused");
        expect(e.message).toBe("⚠️ 生成失败: AI 拒绝处理此请求 (可能包含敏感内容)");
      });
    }
  });
});
