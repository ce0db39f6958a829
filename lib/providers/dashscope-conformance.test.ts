// DashScope against the shared conformance suite (hangs in every phase included), plus
// Model Studio's rate-limit codes: throttling is retried honouring Retry-After, only arrears and
// an exhausted free tier are final.
import { describe, expect, it } from "vitest";
import { adapterConformance } from "@/test/fakes/adapter-conformance";
import { startDashscopeFake } from "@/test/fakes/dashscope-fake";
import { makeCtx, providerError, runToCompletion } from "@/test/fakes/harness";
import { dashscopeAdapter as adapter } from "./dashscope";
import type { GenerationRequest } from "./types";

const KEY = "test-dashscope-key";
const env = (b: string) => ({ DASHSCOPE_API_KEY: KEY, DASHSCOPE_BASE_URL: b });
const req: GenerationRequest = { type: "image", modelKey: "qwen-image", prompt: "a pixel fox" };

const { fake } = adapterConformance({
  adapter,
  start: () => startDashscopeFake({ apiKey: KEY }),
  env,
  badEnv: (b) => ({ ...env(b), DASHSCOPE_API_KEY: "wrong" }),
  request: req,
  outputKinds: ["image"],
  urlOutputs: true,
  baseUrlVar: "DASHSCOPE_BASE_URL",
  promptLimit: 800,
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

describe("dashscope throttling vs arrears", () => {
  const submit = (marker: string) =>
    providerError(
      runToCompletion(
        adapter,
        { ...req, prompt: `a pixel fox ${marker}` },
        makeCtx(adapter, env(fake().baseUrl)),
      ),
    );

  it("429 Throttling.RateQuota is a retryable rate limit carrying Retry-After", async () => {
    const e = await submit("[fail:throttle_rate]");
    expect([e.kind, e.retryable, e.retryAfterMs]).toEqual(["rate_limit", true, 3000]);
    expect(e.message).toContain("Throttling.RateQuota");
  });

  it("Throttling.BurstRate and Throttling.AllocationQuota are retryable too", async () => {
    for (const m of ["[fail:throttle_burst]", "[fail:throttle_alloc]"]) {
      const e = await submit(m);
      expect([e.kind, e.retryable]).toEqual(["rate_limit", true]);
    }
  });

  it("a 429 on the task query is retried, not final", async () => {
    fake().failNext("429", "poll");
    const e = await providerError(
      runToCompletion(adapter, req, makeCtx(adapter, env(fake().baseUrl))),
    );
    expect([e.kind, e.retryable]).toEqual(["rate_limit", true]);
    expect(e.retryAfterMs).toBe(2000);
  });

  it("Arrearage and an exhausted free tier are final quota errors", async () => {
    const arrears = await submit("[fail:quota]");
    expect([arrears.kind, arrears.retryable]).toEqual(["quota", false]);
    expect(arrears.message).toContain("Arrearage");
    const free = await submit("[fail:free_tier]");
    expect([free.kind, free.retryable]).toEqual(["quota", false]);
    expect(free.message).toContain("AllocationQuota.FreeTierOnly");
  });
});
