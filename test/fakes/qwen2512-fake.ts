// Fake Qwen-Image-2512 API (seed 003): POST /api/generate, GET /api/status?task_id=, envelope
// `{code, message, data}`, statuses PENDING/IN_PROGRESS/SUCCESS/FAILED.

import {
  ALL_FAIL_MODES,
  bearerOf,
  type FakeOptions,
  type FakeServer,
  HTTP_FAIL_MODES,
  type Reply,
  startFakeServer,
} from "./fake-server";

export interface Qwen2512FakeOptions extends FakeOptions {
  apiKey?: string;
}

const SIZES = new Set(["1024*1024", "1024*1536", "1536*1024", "768*1024", "1024*768"]);
const err = (status: number, _code: string, message: string): Reply => ({
  status,
  json: { code: status, message, data: null },
});

export async function startQwen2512Fake(opts: Qwen2512FakeOptions = {}): Promise<FakeServer> {
  const apiKey = opts.apiKey ?? "test-qwen2512-key";
  return startFakeServer(
    {
      name: "qwen2512",
      errorReply: (status, code, message) =>
        err(status, code, status === 401 ? "Unauthorized: invalid or missing API key." : message),
      handle(call, t) {
        if (bearerOf(call) !== apiKey)
          return err(401, "", "Unauthorized: invalid or missing API key.");
        if (call.method === "POST" && call.path === "/api/generate") {
          const b = (call.json ?? {}) as {
            prompt?: string;
            size?: string;
            seed?: number;
            output_format?: string;
          };
          if (!b.prompt) return err(400, "", "Bad Request: 'prompt' is required.");
          if (b.prompt.length > 2000)
            return err(400, "", "Bad Request: 'prompt' exceeds 2000 characters.");
          if (b.size && !SIZES.has(b.size))
            return err(400, "", `Bad Request: invalid size '${b.size}'.`);
          const f = t.takeFailure("submit", ALL_FAIL_MODES, b.prompt);
          if (f === "quota") return err(402, "", "Insufficient credits.");
          if (f && HTTP_FAIL_MODES.includes(f)) return t.httpFailure(f);
          const job = t.createJob(b.prompt, f, { request: b });
          return {
            json: {
              code: 200,
              message: "success",
              data: { task_id: job.id, status: "IN_PROGRESS" },
            },
          };
        }
        if (call.method === "GET" && call.path === "/api/status") {
          const f = t.takeFailure("poll", HTTP_FAIL_MODES);
          if (f) return t.httpFailure(f);
          const job = t.jobs.get(call.query.task_id ?? "");
          if (!job) return err(404, "", "Not Found: task does not exist.");
          const phase = t.advance(job);
          const base = {
            task_id: job.id,
            consumed_credits: 5,
            error_message: null as string | null,
            created_at: new Date(job.createdAt).toISOString(),
            request: job.data.request,
            response: null as string[] | null,
          };
          const ok = (data: object) => ({ json: { code: 200, message: "success", data } });
          if (phase === "queued") return ok({ ...base, status: "PENDING" });
          if (phase === "running") return ok({ ...base, status: "IN_PROGRESS" });
          if (job.mode === "refuse") {
            return ok({
              ...base,
              status: "FAILED",
              consumed_credits: 0,
              error_message: "Content policy violation detected",
            });
          }
          if (job.mode === "job_failed") {
            return ok({
              ...base,
              status: "FAILED",
              consumed_credits: 0,
              error_message: "Generation failed: GPU worker crashed",
            });
          }
          job.data.urls ??= [t.addFile("png", { expired: job.mode === "expired" })];
          return ok({ ...base, status: "SUCCESS", response: job.data.urls });
        }
        return err(404, "", `Not Found: ${call.method} ${call.path}`);
      },
    },
    opts,
  );
}
