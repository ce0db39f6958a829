// Fake Tencent VOD AIGC image router (seed 004): POST /tencent-vod/v1/aigc-image answers
// `{Response:{TaskId, RequestId}}` plus the router's queue fields (status_url …); the status URL
// answers Tencent's task shape `{Response:{Status: WAIT|RUN|DONE|FAIL, ImageUrls, Message}}`.

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

export interface TencentvodFakeOptions extends FakeOptions {
  apiKey?: string;
  /** answer only the documented example `{Response:{TaskId,RequestId}}` (no router fields) */
  omitStatusUrl?: boolean;
}

const VERSIONS: Record<string, string[]> = {
  GEM: ["2.5", "3.0"],
  Qwen: ["0925"],
  Hunyuan: ["3.0"],
};
const PATH = "/tencent-vod/v1/aigc-image";

const routerErr = (status: number, code: string, message: string): Reply => ({
  status,
  json: { error: { message, type: "router_error", code } },
});
const tcErr = (code: string, message: string): Reply => ({
  status: 200,
  json: { Response: { Error: { Code: code, Message: message }, RequestId: randomUUID() } },
});

export async function startTencentvodFake(opts: TencentvodFakeOptions = {}): Promise<FakeServer> {
  const apiKey = opts.apiKey ?? "test-tencentvod-key";
  const sessions = new Set<string>();
  return startFakeServer(
    {
      name: "tencentvod",
      errorReply: routerErr,
      handle(call, t) {
        if (bearerOf(call) !== apiKey)
          return routerErr(401, "invalid_api_key", "认证失败: invalid API key");
        if (call.method === "POST" && call.path === PATH) {
          const b = (call.json ?? {}) as {
            model_name?: string;
            model_version?: string;
            prompt?: string;
            file_infos?: { type?: string; url?: string; file_id?: string }[];
            output_config?: { aspect_ratio?: string; resolution?: string };
            session_id?: string;
          };
          if (!b.model_name || !VERSIONS[b.model_name]?.includes(b.model_version ?? "")) {
            return tcErr(
              "InvalidParameterValue.ModelVersion",
              `unsupported model ${b.model_name} ${b.model_version}`,
            );
          }
          if (!b.prompt) return tcErr("MissingParameter", "Prompt is required");
          if (b.model_name !== "GEM" && b.output_config?.aspect_ratio) {
            return tcErr(
              "InvalidParameterValue.AspectRatio",
              "aspect_ratio is only supported by GEM",
            );
          }
          for (const f of b.file_infos ?? []) {
            if (!["Url", "File", "url", "file"].includes(f.type ?? "") || (!f.url && !f.file_id)) {
              return tcErr(
                "InvalidParameterValue.FileInfos",
                "file_infos needs type File+file_id or Url+url",
              );
            }
          }
          if (b.session_id) {
            if (sessions.has(b.session_id)) {
              return tcErr("InvalidParameterValue.SessionId", "duplicate session_id within 3 days");
            }
            sessions.add(b.session_id);
          }
          const f = t.takeFailure("submit", ALL_FAIL_MODES, b.prompt);
          if (f === "quota") return tcErr("ResourceInsufficient.Balance", "账户余额不足");
          if (f && HTTP_FAIL_MODES.includes(f)) return t.httpFailure(f);
          const job = t.createJob(b.prompt, f);
          const taskId = `251007502-AigcImage-${job.id}`;
          t.jobs.set(taskId, job);
          if (opts.omitStatusUrl)
            return { json: { Response: { TaskId: taskId, RequestId: randomUUID() } } };
          const url = `${t.baseUrl}${PATH}/${taskId}`;
          return {
            json: {
              Response: { TaskId: taskId, RequestId: randomUUID() },
              status: "IN_QUEUE",
              request_id: taskId,
              response_url: url,
              status_url: url,
              cancel_url: `${url}/cancel`,
              logs: null,
              metrics: {},
              queue_position: 0,
            },
          };
        }
        const m = new RegExp(`^${PATH}/([^/]+)$`).exec(call.path);
        if (call.method === "GET" && m) {
          const f = t.takeFailure("poll", HTTP_FAIL_MODES);
          if (f) return t.httpFailure(f);
          const job = t.jobs.get(decodeURIComponent(m[1]));
          if (!job) return tcErr("ResourceNotFound.TaskId", "task not found");
          const phase = t.advance(job);
          const resp = (r: object, status: string) => ({
            json: { Response: { ...r, RequestId: randomUUID() }, status },
          });
          if (phase === "queued") return resp({ Status: "WAIT" }, "IN_QUEUE");
          if (phase === "running") return resp({ Status: "RUN" }, "IN_PROGRESS");
          if (job.mode === "refuse")
            return resp(
              { Status: "FAIL", Message: "ContentAudit: output contains sensitive content" },
              "FAILED",
            );
          if (job.mode === "job_failed")
            return resp({ Status: "FAIL", Message: "model inference failed" }, "FAILED");
          job.data.urls ??= [t.addFile("png", { expired: job.mode === "expired" })];
          return resp({ Status: "DONE", ImageUrls: job.data.urls, Message: "ok" }, "COMPLETED");
        }
        return routerErr(404, "not_found", `${call.method} ${call.path}`);
      },
    },
    opts,
  );
}
