import { describe, expect, it } from "vitest";
import { adapterConformance } from "@/test/fakes/adapter-conformance";
import { samplePng } from "@/test/fakes/fake-server";
import { makeCtx, providerError, runToCompletion } from "@/test/fakes/harness";
import { startHdredrawFake } from "@/test/fakes/hdredraw-fake";
import { hdredrawAdapter as adapter } from "./hdredraw";
import type { GenerationRequest } from "./types";

const env = (b: string) => ({ HDREDRAW_BASE_URL: b, HDREDRAW_USER_KEY: "test-user-key" });
const png = await samplePng();
const image = { data: png, contentType: "image/png" };
const upscale: GenerationRequest = {
  type: "operation",
  modelKey: "upscale",
  prompt: "",
  images: [image],
  params: { upscale: 4 },
};

const { fake } = adapterConformance({
  adapter,
  start: () => startHdredrawFake(),
  env,
  badEnv: (b) => ({ ...env(b), HDREDRAW_USER_KEY: "nobody" }),
  request: upscale,
  outputKinds: ["image"],
  urlOutputs: true,
  baseUrlVar: "HDREDRAW_BASE_URL",
  failures: [
    ["401", "auth"],
    ["429", "rate_limit"],
    ["500", "server"],
    ["hang", "timeout"],
    ["malformed", "malformed"],
    ["refuse", "content_refused"],
    ["quota", "quota"],
    ["job_failed", "failed"],
    ["expired", "expired"],
  ],
});

describe("hdredraw operations", () => {
  it("upscale posts multipart with user_key, clamped params and the image file", async () => {
    const r = await runToCompletion(
      adapter,
      { ...upscale, params: { upscale: 12, steps: 25 } },
      makeCtx(adapter, env(fake().baseUrl)),
    );
    expect(r.states).toEqual(["pending", "running", "done"]);
    const [submit, poll] = fake().apiCalls();
    expect(submit.path).toBe("/api/submit_task");
    expect(String(submit.headers["content-type"])).toMatch(/^multipart\/form-data; boundary=/);
    expect(submit.form).toMatchObject({
      user_key: "test-user-key",
      upscale: "8",
      steps: "25",
      sdxl_model_dropdown: "通用模型",
      style_dropdown: "通用风格",
      vector_switch: "false",
      input_image: { filename: "input.png", type: "image/png", size: png.length },
    });
    expect(poll.path).toBe("/api/check_task_status");
    expect(String(poll.headers["content-type"])).toContain("application/x-www-form-urlencoded");
    expect(poll.form).toMatchObject({ user_key: "test-user-key", task_id: expect.any(String) });
  });

  it("vectorize returns vector_url as a vector output", async () => {
    const r = await runToCompletion(
      adapter,
      {
        type: "operation",
        modelKey: "vectorize",
        prompt: "",
        images: [image],
        params: { color_count: 8 },
      },
      makeCtx(adapter, env(fake().baseUrl)),
    );
    expect(r.outputs.map((o) => o.kind)).toEqual(["vector"]);
    expect(fake().apiCalls()[0]).toMatchObject({
      path: "/api/submit_vector_task",
      form: { color_count: "8" },
    });
  });

  it("seamless returns the tile plus grid_url as a grid output", async () => {
    const r = await runToCompletion(
      adapter,
      {
        type: "operation",
        modelKey: "seamless",
        prompt: "",
        images: [image],
        params: { fit: 0.3 },
      },
      makeCtx(adapter, env(fake().baseUrl)),
    );
    expect(r.outputs.map((o) => o.kind)).toEqual(["image", "grid"]);
    expect(fake().apiCalls()[0]).toMatchObject({
      path: "/api/submit_seamless_task",
      form: { fit: "0.3" },
    });
  });

  it("face-enhance posts to its own endpoint", async () => {
    await runToCompletion(
      adapter,
      { type: "operation", modelKey: "face-enhance", prompt: "", images: [image] },
      makeCtx(adapter, env(fake().baseUrl)),
    );
    expect(fake().apiCalls()[0].path).toBe("/api/submit_face_enhance_task");
  });

  it("explains err_code 1 texts in English and Chinese", async () => {
    fake().failNext("quota");
    const q = await providerError(adapter.submit(upscale, makeCtx(adapter, env(fake().baseUrl))));
    expect(q.kind).toBe("quota");
    expect(q.message).toContain("no credits left");
    expect(q.message).toContain("账户剩余次数不足");
    const a = await providerError(
      adapter.submit(upscale, makeCtx(adapter, { ...env(fake().baseUrl), HDREDRAW_USER_KEY: "x" })),
    );
    expect(a.message).toContain("账户不存在");
    const nf = await providerError(
      adapter.poll("missing", upscale, makeCtx(adapter, env(fake().baseUrl))),
    );
    expect([nf.kind, nf.message.includes("任务未找到或状态未知")]).toEqual(["failed", true]);
  });

  it("sends the user's prompt for the operation, else \"\" — never the task's own label", async () => {
    const labelled = { ...upscale, prompt: "upscale of #20: a pixel knight" };
    await runToCompletion(adapter, labelled, makeCtx(adapter, env(fake().baseUrl)));
    expect(fake().apiCalls()[0].form).toMatchObject({ prompt: "", neg_prompt: "" });
    fake().reset();
    await runToCompletion(
      adapter,
      { ...labelled, params: { prompt: "sharper armour", neg_prompt: "blur" } },
      makeCtx(adapter, env(fake().baseUrl)),
    );
    expect(fake().apiCalls()[0].form).toMatchObject({
      prompt: "sharper armour",
      neg_prompt: "blur",
    });
  });

  it("a task that ends Failed with no reason names the upstream status it saw", async () => {
    fake().failNext("job_failed");
    const e = await providerError(
      runToCompletion(adapter, upscale, makeCtx(adapter, env(fake().baseUrl))),
    );
    expect([e.kind, e.retryable]).toEqual(["failed", false]);
    expect(e.message).toContain("status 'Failed'");
    expect(e.message).toContain("no reason given");
  });

  it("needs an input image", async () => {
    const e = await providerError(
      adapter.submit({ ...upscale, images: [] }, makeCtx(adapter, env(fake().baseUrl))),
    );
    expect(e.kind).toBe("bad_request");
  });
});
