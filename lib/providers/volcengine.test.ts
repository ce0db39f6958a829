import { describe, expect, it } from "vitest";
import { adapterConformance } from "@/test/fakes/adapter-conformance";
import { makeCtx, providerError } from "@/test/fakes/harness";
import { startVolcengineFake } from "@/test/fakes/volcengine-fake";
import type { GenerationRequest } from "./types";
import { volcengineAdapter as adapter } from "./volcengine";

const env = (b: string) => ({
  VOLCENGINE_APP_ID: "test-app",
  VOLCENGINE_ACCESS_TOKEN: "test-volc-token",
  VOLCENGINE_BASE_URL: b,
});
const req: GenerationRequest = {
  type: "audio",
  modelKey: "doubao-tts",
  prompt: "你好,像素世界",
  voice: "zh_female_qingxin",
  speed: 1.2,
};

const { fake } = adapterConformance({
  adapter,
  start: () => startVolcengineFake(),
  env,
  badEnv: (b) => ({ ...env(b), VOLCENGINE_ACCESS_TOKEN: "wrong" }),
  request: req,
  outputKinds: ["audio"],
  urlOutputs: false,
  baseUrlVar: "VOLCENGINE_BASE_URL",
  failures: [
    ["401", "auth"],
    ["429", "rate_limit"],
    ["500", "server"],
    ["hang", "timeout"],
    ["malformed", "malformed"],
    ["job_failed", "server"],
  ],
});

describe("volcengine request mapping", () => {
  it("sends the documented app/user/audio/request body and returns mp3 bytes", async () => {
    const r = await adapter.submit(req, makeCtx(adapter, env(fake().baseUrl)));
    expect(r.state).toBe("done");
    if (r.state === "done")
      expect(r.outputs[0]).toMatchObject({ kind: "audio", contentType: "audio/mpeg" });
    const call = fake().apiCalls()[0];
    expect(call.headers.authorization).toBe("Bearer;test-volc-token");
    expect(call.json).toMatchObject({
      app: { appid: "test-app", token: "test-volc-token", cluster: "volcano_tts" },
      user: { uid: "pixel-studio" },
      audio: { voice_type: "zh_female_qingxin", encoding: "mp3", speed_ratio: 1.2 },
      request: { text: "你好,像素世界", operation: "query", reqid: expect.any(String) },
    });
  });

  it("maps TTS status codes carried in a 200 answer", async () => {
    const ctx = makeCtx(adapter, env(fake().baseUrl));
    for (const [code, kind] of [
      [3003, "rate_limit"],
      [3050, "bad_request"],
      [3030, "timeout"],
      [3005, "server"],
    ] as const) {
      const e = await providerError(adapter.submit({ ...req, prompt: `hi [code:${code}]` }, ctx));
      expect([code, e.kind]).toEqual([code, kind]);
    }
  });
});
