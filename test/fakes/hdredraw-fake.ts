// Fake HD-redraw image service (seed 002): multipart submits with user_key + input_image,
// urlencoded check_task_status, answers `{err_code: 0|1, …}` with the documented Chinese texts.

import { randomUUID } from "node:crypto";
import {
  ALL_FAIL_MODES,
  type FakeOptions,
  type FakeServer,
  HTTP_FAIL_MODES,
  type RecordedCall,
  type Reply,
  startFakeServer,
} from "./fake-server";

export interface HdredrawFakeOptions extends FakeOptions {
  userKey?: string;
  remainingCount?: number;
}

const fail = (err_msg: string): Reply => ({ status: 200, json: { err_code: 1, err_msg } });

type Op = "upscale" | "vector" | "face" | "seamless";
const ROUTES: Record<string, Op> = {
  "/api/submit_task": "upscale",
  "/api/submit_vector_task": "vector",
  "/api/submit_face_enhance_task": "face",
  "/api/submit_seamless_task": "seamless",
};

function num(call: RecordedCall, k: string): number | undefined {
  const v = call.form?.[k];
  return typeof v === "string" && v !== "" ? Number(v) : undefined;
}

export async function startHdredrawFake(opts: HdredrawFakeOptions = {}): Promise<FakeServer> {
  const userKey = opts.userKey ?? "test-user-key";
  let remaining = opts.remainingCount ?? 1000;
  return startFakeServer(
    {
      name: "hdredraw",
      // FastAPI-style envelope for transport-level failures
      errorReply: (status, _code, message) => ({ status, json: { detail: message } }),
      handle(call, t) {
        if (call.method !== "POST") return { status: 405, json: { detail: "Method Not Allowed" } };
        const op = ROUTES[call.path];
        const form = call.form ?? {};
        if (op) {
          if (form.user_key !== userKey) return fail("账户不存在");
          const img = form.input_image;
          if (!img || typeof img === "string" || img.size === 0)
            return fail("任务提交失败:缺少 input_image");
          const bad = (k: string, lo: number, hi: number) => {
            const v = num(call, k);
            return v !== undefined && (!Number.isFinite(v) || v < lo || v > hi);
          };
          if (
            op === "upscale" &&
            (bad("upscale", 1, 8) || bad("steps", 20, 40) || bad("s_noise", 1, 1.1))
          ) {
            return fail("任务提交失败:参数超出范围");
          }
          if ((op === "upscale" || op === "vector") && bad("color_count", 2, 16))
            return fail("任务提交失败:color_count 超出范围");
          if (op === "seamless" && bad("fit", 0.1, 0.9)) return fail("任务提交失败:fit 超出范围");
          const f = t.takeFailure(
            "submit",
            ALL_FAIL_MODES,
            typeof form.prompt === "string" ? form.prompt : undefined,
          );
          if (f === "quota" || remaining <= 0) return fail("账户剩余次数不足");
          if (f === "refuse") return fail("任务提交失败:图片包含敏感内容");
          if (f && HTTP_FAIL_MODES.includes(f)) return t.httpFailure(f);
          remaining--;
          const job = t.createJob("", f, {
            op,
            vector: form.vector_switch === "true" || form.vector_switch === "True",
          });
          return {
            json: {
              err_code: 0,
              task_id: job.id,
              remaining_count: remaining,
              remaining_money: remaining * 3,
            },
          };
        }
        if (call.path === "/api/check_task_status") {
          if (form.user_key !== userKey) return fail("账户不存在");
          const f = t.takeFailure("poll", HTTP_FAIL_MODES);
          if (f) return t.httpFailure(f);
          const job = t.jobs.get(String(form.task_id ?? ""));
          if (!job) return fail("任务未找到或状态未知");
          const phase = t.advance(job);
          if (phase === "queued") return { json: { err_code: 0, status: "Pending" } };
          if (phase === "running") return { json: { err_code: 0, status: "Processing" } };
          if (job.mode === "job_failed") return { json: { err_code: 0, status: "Failed" } };
          const expired = job.mode === "expired";
          if (!job.data.result) {
            const r: Record<string, string> = {};
            if (job.data.op !== "vector") r.images_url = t.addFile("png", { expired });
            if (job.data.op === "vector" || job.data.vector)
              r.vector_url = t.addFile("svg", { expired });
            if (job.data.op === "seamless") r.grid_url = t.addFile("png", { expired });
            job.data.result = r;
          }
          return {
            json: {
              err_code: 0,
              status: "Completed",
              ...(job.data.result as object),
              remaining_count: remaining,
              remaining_money: remaining * 3,
              request_id: randomUUID(),
            },
          };
        }
        return { status: 404, json: { detail: "Not Found" } };
      },
    },
    opts,
  );
}
