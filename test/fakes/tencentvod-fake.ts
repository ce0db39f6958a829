// Fake Tencent VOD AIGC image router (seed 004): POST /tencent-vod/v1/aigc-image answers
// `{Response:{TaskId, RequestId}}` plus the router's queue fields (status_url …). The status URL
// answers in one of the three documented shapes (option `shape`):
// - "mps":    MPS DescribeAigcImageTask `{Response:{Status: WAIT|RUN|DONE|FAIL, ImageUrls, Message}}`
// - "vod":    VOD DescribeTaskDetail `{Response:{TaskType:"AigcImageTask", Status: WAITING|
//             PROCESSING|FINISH, AigcImageTask:{Status, ErrCode, ErrCodeExt, Message, Progress,
//             Output:{FileInfos:[{FileUrl, FileId}]}}}}`
// - "router": only the router's queue fields `{status: IN_QUEUE|IN_PROGRESS|COMPLETED,
//             response_url, queue_position}`, the result (VOD shape) at response_url.
// Refusals use Tencent's codes: FailedOperation.InputComplianceCheck on submission ("refuse" at
// submit via `[fail:refuse_submit]`), FailedOperation.ContentCompliance on the task ("refuse").

import { randomUUID } from "node:crypto";
import {
  ALL_FAIL_MODES,
  bearerOf,
  type FakeJob,
  type FakeOptions,
  type FakeServer,
  type FakeTools,
  HTTP_FAIL_MODES,
  type Reply,
  startFakeServer,
} from "./fake-server";

export interface TencentvodFakeOptions extends FakeOptions {
  apiKey?: string;
  /** answer only the documented example `{Response:{TaskId,RequestId}}` (no router fields) */
  omitStatusUrl?: boolean;
  /** which documented shape the status URL answers in (default "mps") */
  shape?: "mps" | "vod" | "router";
  /** answer this status word instead of the running one (unknown-vocabulary tests) */
  oddStatus?: string;
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
          if (b.prompt.includes("[fail:refuse_submit]")) {
            return tcErr(
              "FailedOperation.InputComplianceCheck",
              "Input content compliance check failed.",
            );
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
        const m = new RegExp(`^${PATH}/([^/]+?)(/result)?$`).exec(call.path);
        if (call.method === "GET" && m) {
          const f = t.takeFailure("poll", HTTP_FAIL_MODES);
          if (f) return t.httpFailure(f);
          const taskId = decodeURIComponent(m[1]);
          const job = t.jobs.get(taskId);
          if (!job) return tcErr("ResourceNotFound.TaskId", "task not found");
          const shape = opts.shape ?? "mps";
          const url = `${t.baseUrl}${PATH}/${taskId}`;
          if (m[2]) return { json: vodAnswer(job, t, "done", taskId) };
          const phase = t.advance(job);
          if (shape === "vod") return { json: vodAnswer(job, t, phase, taskId) };
          if (shape === "router") {
            const status = opts.oddStatus ?? ROUTER_WORDS[phase];
            return {
              json: {
                status,
                request_id: taskId,
                response_url: `${url}/result`,
                status_url: url,
                cancel_url: `${url}/cancel`,
                logs: null,
                metrics: {},
                queue_position: phase === "queued" ? 1 : 0,
              },
            };
          }
          const resp = (r: object, status: string) => ({
            json: { Response: { ...r, RequestId: randomUUID() }, status },
          });
          if (opts.oddStatus) return resp({ Status: opts.oddStatus }, "IN_PROGRESS");
          if (phase === "queued") return resp({ Status: "WAIT" }, "IN_QUEUE");
          if (phase === "running") return resp({ Status: "RUN" }, "IN_PROGRESS");
          if (job.mode === "refuse")
            return resp(
              {
                Status: "FAIL",
                Message: "FailedOperation.ContentCompliance: content compliance check failed",
              },
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

const ROUTER_WORDS = { queued: "IN_QUEUE", running: "IN_PROGRESS", done: "COMPLETED" } as const;
const VOD_WORDS = { queued: "WAITING", running: "PROCESSING", done: "FINISH" } as const;

/** VOD DescribeTaskDetail for an AIGC image task; failures are FINISH with ErrCode/ErrCodeExt. */
function vodAnswer(
  job: FakeJob,
  t: FakeTools,
  phase: "queued" | "running" | "done",
  taskId: string,
): object {
  const Status = VOD_WORDS[phase];
  const task: Record<string, unknown> = {
    TaskId: taskId,
    Status,
    ErrCode: 0,
    ErrCodeExt: "",
    Message: "",
    Progress: phase === "queued" ? 0 : phase === "running" ? 50 : 100,
    Output: { FileInfos: [] as object[] },
  };
  if (phase === "done") {
    if (job.mode === "refuse") {
      Object.assign(task, {
        ErrCode: 10000,
        ErrCodeExt: "FailedOperation.ContentCompliance",
        Message: "output content compliance check failed",
      });
    } else if (job.mode === "job_failed") {
      Object.assign(task, {
        ErrCode: 70000,
        ErrCodeExt: "InternalError",
        Message: "model inference failed",
      });
    } else {
      job.data.urls ??= [t.addFile("png", { expired: job.mode === "expired" })];
      task.Output = {
        FileInfos: (job.data.urls as string[]).map((FileUrl, i) => ({
          StorageMode: "Temporary",
          FileType: "png",
          FileUrl,
          FileId: `${taskId}-${i}`,
        })),
      };
    }
  }
  return {
    Response: {
      TaskType: "AigcImageTask",
      Status,
      CreateTime: new Date(job.createdAt).toISOString(),
      AigcImageTask: task,
      RequestId: randomUUID(),
    },
  };
}
