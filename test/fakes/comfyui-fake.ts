// Fake ComfyUI, from the public routes of its server.py/execution.py: POST /prompt validates the
// API-format workflow (400 with error + node_errors), GET /history/{id} is {} until the prompt has
// run and then carries outputs + status (an execution_error message on failure, an OOM as
// torch.OutOfMemoryError), GET /queue lists running/pending prompts, GET /view serves files,
// POST /interrupt and POST /queue {delete}, GET /system_stats.
//
// Scripted failures: the usual HTTP ones on submit/poll; "job_failed" an execution error in the
// history; "[fail:oom]" in the prompt an out-of-memory error; "[fail:validation]" a
// value_not_in_list node error for the checkpoint.

import { randomUUID } from "node:crypto";
import {
  ALL_FAIL_MODES,
  type FakeOptions,
  type FakeServer,
  HTTP_FAIL_MODES,
  type Reply,
  startFakeServer,
} from "./fake-server";

export interface ComfyuiFakeOptions extends FakeOptions {
  /** checkpoints the fake "has" (CheckpointLoaderSimple's ckpt_name list) */
  checkpoints?: string[];
}

const err = (status: number, code: string, message: string): Reply => ({
  status,
  json: { error: { type: code, message, details: "", extra_info: {} }, node_errors: {} },
});

type Node = { class_type?: string; inputs?: Record<string, unknown> };

export async function startComfyuiFake(
  opts: ComfyuiFakeOptions = {},
): Promise<FakeServer & { interrupts: () => number }> {
  const checkpoints = opts.checkpoints ?? ["v1-5-pruned-emaonly.safetensors"];
  let interrupts = 0;
  const files = new Map<string, string>(); // "<subfolder>/<filename>" → fake file URL
  const uploads = new Map<string, Buffer>(); // input folder: LoadImage name → bytes
  const server = await startFakeServer(
    {
      name: "comfyui",
      errorReply: err,
      async handle(call, t) {
        if (call.method === "POST" && call.path === "/prompt") {
          const body = (call.json ?? {}) as { prompt?: Record<string, Node> };
          const wf = body.prompt;
          if (!wf || typeof wf !== "object") {
            return { status: 400, json: { error: "no prompt", node_errors: [] } };
          }
          const texts = Object.values(wf)
            .filter((n) => n.class_type === "CLIPTextEncode")
            .map((n) => String(n.inputs?.text ?? ""));
          const prompt = texts[0] ?? "";
          const outputs = Object.entries(wf).filter(([, n]) => n.class_type === "SaveImage");
          if (!outputs.length) {
            return {
              status: 400,
              json: {
                error: {
                  type: "prompt_no_outputs",
                  message: "Prompt has no outputs",
                  details: "",
                  extra_info: {},
                },
                node_errors: [],
              },
            };
          }
          const node_errors: Record<string, object> = {};
          for (const [id, n] of Object.entries(wf)) {
            // LoadImage validates its file exists in the input folder (nodes.py VALIDATE_INPUTS)
            if (n.class_type === "LoadImage" && !uploads.has(String(n.inputs?.image ?? ""))) {
              node_errors[id] = {
                errors: [
                  {
                    type: "custom_validation_failed",
                    message: "Failed to validate prompt for output",
                    details: `Invalid image file: ${String(n.inputs?.image ?? "")}`,
                    extra_info: {},
                  },
                ],
                dependent_outputs: outputs.map(([o]) => o),
                class_type: "LoadImage",
              };
            }
            if (n.class_type !== "CheckpointLoaderSimple") continue;
            const name = String(n.inputs?.ckpt_name ?? "");
            if (!checkpoints.includes(name) || prompt.includes("[fail:validation]")) {
              node_errors[id] = {
                errors: [
                  {
                    type: "value_not_in_list",
                    message: "Value not in list",
                    details: `ckpt_name: '${name}' not in ${JSON.stringify(checkpoints)}`,
                    extra_info: { input_name: "ckpt_name", received_value: name },
                  },
                ],
                dependent_outputs: outputs.map(([o]) => o),
                class_type: "CheckpointLoaderSimple",
              };
            }
          }
          if (Object.keys(node_errors).length) {
            return {
              status: 400,
              json: {
                error: {
                  type: "prompt_outputs_failed_validation",
                  message: "Prompt outputs failed validation",
                  details: "",
                  extra_info: {},
                },
                node_errors,
              },
            };
          }
          const f = t.takeFailure("submit", ALL_FAIL_MODES, prompt);
          if (f && HTTP_FAIL_MODES.includes(f)) return t.httpFailure(f);
          const job = t.createJob(prompt, f, { output: outputs[0][0] });
          const promptId = randomUUID();
          t.jobs.set(promptId, job);
          return { json: { prompt_id: promptId, number: t.jobs.size, node_errors: {} } };
        }

        if (call.method === "POST" && call.path === "/upload/image") {
          const file = call.form?.image;
          if (!file || typeof file === "string") return { status: 400, body: "" };
          const name = file.filename;
          uploads.set(name, call.body);
          const subfolder = typeof call.form?.subfolder === "string" ? call.form.subfolder : "";
          return { json: { name, subfolder, type: call.form?.type ?? "input" } };
        }

        const hist = /^\/history\/([^/]+)$/.exec(call.path);
        if (call.method === "GET" && hist) {
          const f = t.takeFailure("poll", HTTP_FAIL_MODES);
          if (f) return t.httpFailure(f);
          const id = decodeURIComponent(hist[1]);
          const job = t.jobs.get(id);
          if (!job) return { json: {} };
          const phase = t.advance(job);
          job.data.phase = phase;
          if (phase !== "done") return { json: {} };
          const started = ["execution_start", { prompt_id: id, timestamp: Date.now() }];
          if (job.mode === "job_failed" || job.prompt.includes("[fail:oom]")) {
            const oom = job.prompt.includes("[fail:oom]");
            return {
              json: {
                [id]: {
                  prompt: [0, id, {}, {}, []],
                  outputs: {},
                  status: {
                    status_str: "error",
                    completed: false,
                    messages: [
                      started,
                      [
                        "execution_error",
                        {
                          prompt_id: id,
                          node_id: "3",
                          node_type: "KSampler",
                          executed: ["4", "5", "6", "7"],
                          exception_message: oom
                            ? "Allocation on device 0 would exceed allowed memory. (out of memory)\nCurrently allocated     : 7.50 GiB"
                            : "mat1 and mat2 shapes cannot be multiplied (77x768 and 1024x320)",
                          exception_type: oom ? "torch.OutOfMemoryError" : "RuntimeError",
                          traceback: ['  File "execution.py", line 1, in execute\n'],
                          current_inputs: {},
                          current_outputs: {},
                        },
                      ],
                    ],
                  },
                },
              },
            };
          }
          if (!job.data.file) {
            const url = t.addFile("png", { expired: job.mode === "expired" });
            const filename = url.slice(url.lastIndexOf("/") + 1);
            files.set(`/${filename}`, url);
            job.data.file = filename;
          }
          return {
            json: {
              [id]: {
                prompt: [0, id, {}, {}, [job.data.output]],
                outputs: {
                  [String(job.data.output)]: {
                    images: [{ filename: job.data.file, subfolder: "", type: "output" }],
                  },
                },
                status: {
                  status_str: "success",
                  completed: true,
                  messages: [started, ["execution_success", { prompt_id: id }]],
                },
              },
            },
          };
        }

        if (call.method === "GET" && call.path === "/queue") {
          const running: unknown[][] = [];
          const pending: unknown[][] = [];
          for (const [id, job] of t.jobs) {
            if (job.data.phase === "done") continue;
            (job.data.phase === "running" ? running : pending).push([0, id, {}, {}, []]);
          }
          return { json: { queue_running: running, queue_pending: pending } };
        }

        if (call.method === "GET" && call.path === "/view") {
          const key = `${call.query.subfolder ? `/${call.query.subfolder}` : ""}/${call.query.filename}`;
          const url = files.get(key);
          if (!url || call.query.type !== "output") return { status: 404, body: "" };
          // served by the shared file route (so "expired" and download failures apply)
          const res = await fetch(url);
          return {
            status: res.status,
            body: Buffer.from(await res.arrayBuffer()),
            headers: { "content-type": res.headers.get("content-type") ?? "image/png" },
          };
        }

        if (call.method === "POST" && call.path === "/interrupt") {
          interrupts++;
          return { status: 200, body: "" };
        }
        if (call.method === "POST" && call.path === "/queue") {
          const del = (call.json as { delete?: string[] })?.delete ?? [];
          for (const id of del) t.jobs.delete(id);
          return { status: 200, body: "" };
        }

        if (call.method === "GET" && call.path === "/system_stats") {
          return {
            json: {
              system: {
                os: "posix",
                ram_total: 32 * 1024 ** 3,
                ram_free: 20 * 1024 ** 3,
                comfyui_version: "0.3.40",
                python_version: "3.12.3",
                pytorch_version: "2.7.0+cu126",
                embedded_python: false,
                argv: ["main.py", "--listen"],
              },
              devices: [
                {
                  name: "cuda:0 NVIDIA GeForce RTX 3060 : cudaMallocAsync",
                  type: "cuda",
                  index: 0,
                  vram_total: 12 * 1024 ** 3,
                  vram_free: 11 * 1024 ** 3,
                  torch_vram_total: 0,
                  torch_vram_free: 0,
                },
              ],
            },
          };
        }
        return { status: 404, body: "404: Not Found" };
      },
    },
    opts,
  );
  return Object.assign(server, { interrupts: () => interrupts });
}
