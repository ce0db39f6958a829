// The behaviour every adapter owes the worker, checked against that adapter's fake upstream:
// success path with downloadable outputs, each scripted failure mapped to the right kind,
// Retry-After carried on 429, per-call timeout, cancellation, and connection refused; and a hang
// in every phase (submit, each poll, result download) plus a stalled and a trickling body, each
// ending the work within timeout × attempts + slack (the independent check found calls that
// stayed open for 60–86 s when the deadline was lost).

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ProviderErrorKind } from "@/lib/providers/errors";
import { downloadOutput } from "@/lib/providers/http";
import type {
  EnvLike,
  GenerationRequest,
  ProviderAdapter,
  ProviderOutput,
} from "@/lib/providers/types";
import type { FailMode, FakeServer } from "./fake-server";
import { makeCtx, providerError, runToCompletion } from "./harness";

export interface ConformanceSpec {
  adapter: ProviderAdapter;
  start(): Promise<FakeServer>;
  env(baseUrl: string): EnvLike;
  /** the same env with a wrong credential */
  badEnv(baseUrl: string): EnvLike;
  request: GenerationRequest;
  /** kinds of the outputs the success path yields */
  outputKinds: ProviderOutput["kind"][];
  /** scripted failure → expected kind */
  failures: [FailMode, ProviderErrorKind][];
  /** whether result files are URLs served by the fake (vs bytes in `data`) */
  urlOutputs: boolean;
  /** the env var naming the base URL (for the connection-refused case) */
  baseUrlVar: string;
  /** the model's documented prompt budget, when it has one (over-long prompt near the limit) */
  promptLimit?: number;
  /** upstreams without credentials of their own (self-hosted ComfyUI) skip the auth case */
  skipAuth?: boolean;
}

/** Per-call timeout in the deadline scenarios, and what the harness may add on top. */
const HANG_TIMEOUT_MS = 300;
const SLACK_MS = 700;

type Phase = "submit" | "poll 1" | "poll 2" | "download";
const HANG_SCENARIOS: [Phase, FailMode][] = [
  ["submit", "hang"],
  ["submit", "stall"],
  ["poll 1", "hang"],
  ["poll 1", "trickle"],
  ["poll 2", "hang"],
  ["download", "hang"],
  ["download", "trickle"],
];

export function adapterConformance(spec: ConformanceSpec): { fake: () => FakeServer } {
  let fake: FakeServer;
  const { adapter } = spec;
  const ctx = (o: { signal?: AbortSignal; timeoutMs?: number } = {}) =>
    makeCtx(adapter, spec.env(fake.baseUrl), o);

  // File-level hooks: the fake lives for the whole test file, so provider-specific describes
  // that follow can use it too.
  beforeAll(async () => {
    fake = await spec.start();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  describe(`${adapter.id} adapter — conformance`, () => {
    it("runs the success path to outputs", async () => {
      const { outputs } = await runToCompletion(adapter, spec.request, ctx());
      expect(outputs.map((o) => o.kind)).toEqual(spec.outputKinds);
      for (const o of outputs) {
        if (spec.urlOutputs && o.url) {
          const file = await downloadOutput(ctx(), adapter.id, o.url);
          expect(file.data.length).toBeGreaterThan(0);
        } else {
          expect(o.data?.length ?? 0).toBeGreaterThan(0);
        }
      }
    });

    it("is not configured without its required env vars", () => {
      expect(adapter.configFromEnv({})).toBeUndefined();
      expect(adapter.configFromEnv(spec.env(fake.baseUrl))?.baseUrl).toBe(fake.baseUrl);
    });

    it.skipIf(spec.skipAuth)("reports bad credentials as a non-retryable auth error", async () => {
      const e = await providerError(
        runToCompletion(adapter, spec.request, makeCtx(adapter, spec.badEnv(fake.baseUrl))),
      );
      expect([e.kind, e.retryable]).toEqual(["auth", false]);
    });

    for (const [mode, kind] of spec.failures) {
      it(`maps scripted failure '${mode}' to '${kind}'`, async () => {
        fake.failNext(mode);
        const e = await providerError(
          (async () => {
            const { outputs } = await runToCompletion(
              adapter,
              spec.request,
              ctx({ timeoutMs: 400 }),
            );
            // an expired result only shows when the worker downloads it
            for (const o of outputs) if (o.url) await downloadOutput(ctx(), adapter.id, o.url);
          })(),
        );
        expect(e.kind).toBe(kind);
        const retryable = ["rate_limit", "server", "timeout", "network", "malformed"].includes(
          kind,
        );
        expect(e.retryable).toBe(retryable);
        if (kind === "rate_limit") expect(e.retryAfterMs).toBeGreaterThan(0);
        if (kind === "content_refused") {
          expect(e.message).toBe("⚠️ 生成失败: AI 拒绝处理此请求 (可能包含敏感内容)");
        }
        expect(e.message.length).toBeGreaterThan(0);
        expect(e.message).not.toMatch(/\n\s+at /); // no stack traces in user-facing text
      });
    }

    it("honours the caller's AbortSignal while a call hangs", async () => {
      fake.failNext("hang");
      const ac = new AbortController();
      const t0 = Date.now();
      setTimeout(() => ac.abort(new DOMException("cancelled", "AbortError")), 50);
      await expect(
        runToCompletion(adapter, spec.request, ctx({ signal: ac.signal, timeoutMs: 10_000 })),
      ).rejects.toMatchObject({ name: "AbortError" });
      expect(Date.now() - t0).toBeLessThan(2000);
    });

    describe("deadlines in every phase", () => {
      // What the success path looks like for this adapter: how many polls, whether files are URLs.
      let shape: { polls: number; urls: boolean } | undefined;
      const learnShape = async () => {
        if (shape) return shape;
        const r = await runToCompletion(adapter, spec.request, ctx());
        shape = { polls: r.polls, urls: r.outputs.some((o) => !!o.url) };
        fake.reset();
        return shape;
      };

      /** One worker attempt: submit, poll to done, download every URL output. */
      const attempt = async () => {
        const c = ctx({ timeoutMs: HANG_TIMEOUT_MS });
        const { outputs } = await runToCompletion(adapter, spec.request, c);
        for (const o of outputs) if (o.url) await downloadOutput(c, adapter.id, o.url);
        return outputs;
      };

      for (const [phase, mode] of HANG_SCENARIOS) {
        it(`a ${mode} at ${phase} times out at ${HANG_TIMEOUT_MS} ms, and the retry completes`, async (t) => {
          const s = await learnShape();
          if (phase === "poll 1" && s.polls < 1) return t.skip();
          if (phase === "poll 2" && s.polls < 2) return t.skip();
          if (phase === "download" && !s.urls) return t.skip();
          if (phase === "submit") fake.failNext(mode, "submit");
          else if (phase === "download") fake.failNext(mode, "download");
          else fake.failNext(mode, "poll", { skip: phase === "poll 2" ? 1 : 0 });

          const t0 = Date.now();
          const e = await providerError(attempt());
          const first = Date.now() - t0;
          expect([e.kind, e.retryable]).toEqual(["timeout", true]);
          expect(e.message).toContain(`${HANG_TIMEOUT_MS} ms`);
          expect(first).toBeGreaterThanOrEqual(HANG_TIMEOUT_MS - 20);
          expect(first).toBeLessThan(HANG_TIMEOUT_MS + SLACK_MS);
          // the retry (a fresh attempt, as the worker makes one) is not held up by the hung call
          const outputs = await attempt();
          expect(outputs.length).toBeGreaterThan(0);
          expect(Date.now() - t0).toBeLessThan(HANG_TIMEOUT_MS * 2 + SLACK_MS * 2);
        });
      }
    });

    if (spec.promptLimit !== undefined) {
      const limit = spec.promptLimit;
      it(`sends a prompt of exactly ${limit} characters, refuses ${limit + 1} without calling upstream`, async () => {
        await runToCompletion(adapter, { ...spec.request, prompt: "像".repeat(limit) }, ctx());
        const sent = JSON.stringify(fake.apiCalls()[0]?.json ?? fake.apiCalls()[0]?.form ?? "");
        expect(sent).toContain("像".repeat(limit));
        fake.reset();
        const e = await providerError(
          adapter.submit({ ...spec.request, prompt: "像".repeat(limit + 1) }, ctx()),
        );
        expect([e.kind, e.retryable]).toEqual(["bad_request", false]);
        expect(e.message).toContain(String(limit));
        expect(fake.apiCalls()).toHaveLength(0);
      });
    }

    it("maps connection refused to a retryable network error", async () => {
      const env = { ...spec.env(fake.baseUrl), [spec.baseUrlVar]: "http://127.0.0.1:9" };
      const e = await providerError(runToCompletion(adapter, spec.request, makeCtx(adapter, env)));
      expect([e.kind, e.retryable]).toEqual(["network", true]);
    });
  });

  return { fake: () => fake };
}
