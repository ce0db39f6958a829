// Fake DashScope: async image/video synthesis tasks, task polling, synchronous text generation,
// with DashScope's error envelope `{code, message, request_id}`.

import { randomUUID } from "node:crypto";
import {
  ALL_FAIL_MODES,
  bearerOf,
  type FakeOptions,
  type FakeServer,
  HTTP_FAIL_MODES,
  type Reply,
  startFakeServer,
} from "./fake-server";

export interface DashscopeFakeOptions extends FakeOptions {
  apiKey?: string;
}

const err = (status: number, code: string, message: string): Reply => ({
  status,
  json: { code, message, request_id: randomUUID() },
});

export async function startDashscopeFake(opts: DashscopeFakeOptions = {}): Promise<FakeServer> {
  const apiKey = opts.apiKey ?? "test-dashscope-key";
  return startFakeServer(
    {
      name: "dashscope",
      errorReply: err,
      handle(call, t) {
        if (bearerOf(call) !== apiKey)
          return err(401, "InvalidApiKey", "Invalid API-key provided.");
        const body = (call.json ?? {}) as {
          model?: string;
          input?: { prompt?: string; messages?: { content?: string }[] };
          parameters?: { n?: number };
        };

        const isImage = call.path === "/api/v1/services/aigc/text2image/image-synthesis";
        const isVideo = call.path === "/api/v1/services/aigc/video-generation/video-synthesis";
        if (call.method === "POST" && (isImage || isVideo)) {
          if (call.headers["x-dashscope-async"] !== "enable") {
            return err(403, "AccessDenied", "current user api does not support synchronous calls");
          }
          const prompt = body.input?.prompt;
          if (!body.model || !prompt)
            return err(400, "InvalidParameter", "Field required: input.prompt");
          const throttled = throttleReply(prompt);
          if (throttled) return throttled;
          const f = t.takeFailure("submit", ALL_FAIL_MODES, prompt);
          if (f === "refuse") {
            return err(
              400,
              "DataInspectionFailed",
              "Input data may contain inappropriate content.",
            );
          }
          if (f === "quota")
            return err(
              400,
              "Arrearage",
              "Access denied, please make sure your account is in good standing.",
            );
          if (f && HTTP_FAIL_MODES.includes(f)) return t.httpFailure(f);
          const job = t.createJob(prompt, f, {
            video: isVideo,
            n: body.parameters?.n ?? 1,
            model: body.model,
          });
          return {
            json: { output: { task_id: job.id, task_status: "PENDING" }, request_id: randomUUID() },
          };
        }

        if (
          call.method === "POST" &&
          call.path === "/api/v1/services/aigc/text-generation/generation"
        ) {
          const f = t.takeFailure("submit", ALL_FAIL_MODES, body.input?.messages?.at(-1)?.content);
          if (f === "refuse")
            return err(
              400,
              "DataInspectionFailed",
              "Input data may contain inappropriate content.",
            );
          if (f && HTTP_FAIL_MODES.includes(f)) return t.httpFailure(f);
          const content = `echo: ${body.input?.messages?.at(-1)?.content ?? ""}`;
          return {
            json: {
              output: {
                choices: [{ finish_reason: "stop", message: { role: "assistant", content } }],
              },
              usage: { input_tokens: 3, output_tokens: 3 },
              request_id: randomUUID(),
            },
          };
        }

        const m = /^\/api\/v1\/tasks\/([^/]+)$/.exec(call.path);
        if (call.method === "GET" && m) {
          const f = t.takeFailure("poll", HTTP_FAIL_MODES);
          if (f) return t.httpFailure(f);
          const job = t.jobs.get(decodeURIComponent(m[1]));
          if (!job) {
            return {
              json: { output: { task_id: m[1], task_status: "UNKNOWN" }, request_id: randomUUID() },
            };
          }
          const phase = t.advance(job);
          const base = { task_id: job.id, submit_time: new Date(job.createdAt).toISOString() };
          if (phase === "queued") return { json: { output: { ...base, task_status: "PENDING" } } };
          if (phase === "running") return { json: { output: { ...base, task_status: "RUNNING" } } };
          if (job.mode === "job_failed") {
            return {
              json: {
                output: {
                  ...base,
                  task_status: "FAILED",
                  code: "InternalError.Algo",
                  message: "Algorithm process error.",
                },
                request_id: randomUUID(),
              },
            };
          }
          if (job.mode === "refuse") {
            return {
              json: {
                output: {
                  ...base,
                  task_status: "FAILED",
                  code: "DataInspectionFailed",
                  message: "Output data may contain inappropriate content.",
                },
              },
            };
          }
          const expired = job.mode === "expired";
          job.data.urls ??= job.data.video
            ? [t.addFile("mp4", { expired })]
            : Array.from({ length: Number(job.data.n) || 1 }, () => t.addFile("png", { expired }));
          const urls = job.data.urls as string[];
          const output = job.data.video
            ? { ...base, task_status: "SUCCEEDED", video_url: urls[0] }
            : {
                ...base,
                task_status: "SUCCEEDED",
                results: urls.map((url) => ({ url })),
                task_metrics: { TOTAL: urls.length, SUCCEEDED: urls.length, FAILED: 0 },
              };
          return {
            json: { output, usage: { image_count: urls.length }, request_id: randomUUID() },
          };
        }

        return err(404, "NotFound", `no route ${call.method} ${call.path}`);
      },
    },
    opts,
  );
}

/**
 * Model Studio's documented rate-limit and allowance answers, scripted by a prompt marker:
 * `[fail:throttle_rate]` 429 Throttling.RateQuota (with Retry-After), `[fail:throttle_burst]`
 * 429 Throttling.BurstRate (no Retry-After), `[fail:throttle_alloc]` 429
 * Throttling.AllocationQuota, `[fail:free_tier]` 403 AllocationQuota.FreeTierOnly (final).
 */
function throttleReply(prompt: string): Reply | undefined {
  if (prompt.includes("[fail:throttle_rate]")) {
    const r = err(
      429,
      "Throttling.RateQuota",
      "Requests rate limit exceeded, please try again later.",
    );
    return { ...(r as object), headers: { "retry-after": "3" } } as Reply;
  }
  if (prompt.includes("[fail:throttle_burst]")) {
    return err(
      429,
      "Throttling.BurstRate",
      "Request rate increased too quickly, please slow down.",
    );
  }
  if (prompt.includes("[fail:throttle_alloc]")) {
    return err(
      429,
      "Throttling.AllocationQuota",
      "Allocated quota exceeded, please increase your quota limit.",
    );
  }
  if (prompt.includes("[fail:free_tier]")) {
    return err(
      403,
      "AllocationQuota.FreeTierOnly",
      'The free tier of the model has been exhausted. If you wish to continue access the model on a paid basis, please disable the "use free tier only" mode in the management console.',
    );
  }
  return undefined;
}
