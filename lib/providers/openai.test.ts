import { describe, expect, it } from "vitest";
import { adapterConformance } from "@/test/fakes/adapter-conformance";
import { samplePng } from "@/test/fakes/fake-server";
import { makeCtx } from "@/test/fakes/harness";
import { startOpenaiFake } from "@/test/fakes/openai-fake";
import { openaiAdapter as adapter } from "./openai";

const KEY = "test-openai-key";
const env = (b: string) => ({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: b });

const { fake } = adapterConformance({
  adapter,
  start: () => startOpenaiFake({ apiKey: KEY }),
  env,
  badEnv: (b) => ({ ...env(b), OPENAI_API_KEY: "sk-wrong" }),
  request: { type: "image", modelKey: "dall-e-3", prompt: "a pixel ship", aspectRatio: "16:9" },
  outputKinds: ["image"],
  urlOutputs: true,
  baseUrlVar: "OPENAI_BASE_URL",
  failures: [
    ["401", "auth"],
    ["429", "rate_limit"],
    ["429-date", "rate_limit"],
    ["500", "server"],
    ["hang", "timeout"],
    ["malformed", "malformed"],
    ["refuse", "content_refused"],
    ["quota", "quota"],
    ["expired", "expired"],
  ],
});

describe("openai request mapping", () => {
  it("gpt-image-1 returns PNG bytes and never sends response_format", async () => {
    const r = await adapter.submit(
      { type: "image", modelKey: "gpt-image-1", prompt: "ship", n: 2, width: 1500, height: 1000 },
      makeCtx(adapter, env(fake().baseUrl)),
    );
    expect(r.state).toBe("done");
    if (r.state !== "done") return;
    expect(r.outputs).toHaveLength(2);
    expect(r.outputs[0].data?.equals(await samplePng())).toBe(true);
    expect(fake().apiCalls()[0].json).toEqual({
      model: "gpt-image-1",
      prompt: "ship",
      size: "1536x1024",
      n: 2,
    });
  });

  it("sends reference images as multipart to /v1/images/edits", async () => {
    const png = await samplePng();
    await adapter.submit(
      {
        type: "image",
        modelKey: "gpt-image-1",
        prompt: "same ship, walking",
        images: [{ data: png, contentType: "image/png" }],
      },
      makeCtx(adapter, env(fake().baseUrl)),
    );
    const call = fake().apiCalls()[0];
    expect(call.path).toBe("/v1/images/edits");
    expect(call.form?.["image[]"]).toEqual({
      filename: "ref-0.png",
      type: "image/png",
      size: png.length,
    });
    expect(call.form?.model).toBe("gpt-image-1");
  });

  it("dall-e-3 asks for a URL with n=1", async () => {
    await adapter.submit(
      { type: "image", modelKey: "dall-e-3", prompt: "ship", n: 4 },
      makeCtx(adapter, env(fake().baseUrl)),
    );
    expect(fake().apiCalls()[0].json).toMatchObject({
      n: 1,
      response_format: "url",
      size: "1024x1024",
    });
  });

  it("testConnection reports ok / not ok", async () => {
    expect((await adapter.testConnection!(makeCtx(adapter, env(fake().baseUrl)))).ok).toBe(true);
    const bad = await adapter.testConnection!(
      makeCtx(adapter, { ...env(fake().baseUrl), OPENAI_API_KEY: "x" }),
    );
    expect(bad.ok).toBe(false);
    expect(bad.message).toContain("401");
  });
});
