// Fake ModelScope API-Inference: async image generation and task polling.

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

export interface ModelscopeFakeOptions extends FakeOptions {
  apiKey?: string;
}

const err = (status: number, code: string, message: string): Reply => ({
  status,
  json: { errors: { code, message }, request_id: randomUUID() },
});

export async function startModelscopeFake(opts: ModelscopeFakeOptions = {}): Promise<FakeServer> {
  const apiKey = opts.apiKey ?? "test-modelscope-key";
  return startFakeServer(
    {
      name: "modelscope",
      errorReply: err,
      handle(call, t) {
        if (bearerOf(call) !== apiKey)
          return err(401, "Unauthorized", "Invalid token, please check your ModelScope token.");
        if (call.method === "POST" && call.path === "/v1/images/generations") {
          if (call.headers["x-modelscope-async-mode"] !== "true") {
            return err(
              400,
              "InvalidRequest",
              "This model only supports asynchronous calls (X-ModelScope-Async-Mode: true).",
            );
          }
          const b = (call.json ?? {}) as { model?: string; prompt?: string; size?: string };
          if (!b.model || !b.prompt)
            return err(400, "InvalidParameter", "model and prompt are required");
          const f = t.takeFailure("submit", ALL_FAIL_MODES, b.prompt);
          if (f === "quota") return err(429, "QuotaExceeded", "Daily free quota exceeded.");
          if (f && HTTP_FAIL_MODES.includes(f)) return t.httpFailure(f);
          const job = t.createJob(b.prompt, f);
          return { json: { task_id: job.id, request_id: randomUUID() } };
        }
        const m = /^\/v1\/tasks\/([^/]+)$/.exec(call.path);
        if (call.method === "GET" && m) {
          if (call.headers["x-modelscope-task-type"] !== "image_generation") {
            return err(400, "InvalidRequest", "X-ModelScope-Task-Type header is required");
          }
          const f = t.takeFailure("poll", HTTP_FAIL_MODES);
          if (f) return t.httpFailure(f);
          const job = t.jobs.get(decodeURIComponent(m[1]));
          if (!job) return err(404, "NotFound", "task not found");
          const phase = t.advance(job);
          const base = { task_id: job.id, request_id: randomUUID() };
          if (phase === "queued") return { json: { ...base, task_status: "PENDING" } };
          if (phase === "running") return { json: { ...base, task_status: "RUNNING" } };
          if (job.mode === "refuse") {
            return {
              json: {
                ...base,
                task_status: "FAILED",
                errors: { message: "Input content is sensitive (内容审核未通过)" },
              },
            };
          }
          if (job.mode === "job_failed") {
            return {
              json: {
                ...base,
                task_status: "FAILED",
                errors: { message: "inference worker error" },
              },
            };
          }
          job.data.urls ??= [t.addFile("png", { expired: job.mode === "expired" })];
          return { json: { ...base, task_status: "SUCCEED", output_images: job.data.urls } };
        }
        return err(404, "NotFound", `${call.method} ${call.path}`);
      },
    },
    opts,
  );
}
