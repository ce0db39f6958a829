// Fake Stable Diffusion web UI API (AUTOMATIC1111 / Forge), from modules/api/api.py and
// models.py: synchronous POST /sdapi/v1/txt2img and /img2img answering {images: [base64],
// parameters, info: "<JSON>"}, GET /sdapi/v1/progress, POST /sdapi/v1/interrupt,
// GET /sdapi/v1/sd-models; HTTP Basic auth when started with `--api-auth` (401 "Incorrect
// username or password"), api_middleware's {error, detail, body, errors} on failures.
//
// Scripted failures: the usual HTTP ones on submit; "[fail:oom]" in the prompt a 500
// OutOfMemoryError; "job_failed" a 500 RuntimeError; `apiOff` answers 404 {"detail":"Not Found"}.

import {
  ALL_FAIL_MODES,
  type FakeOptions,
  type FakeServer,
  HTTP_FAIL_MODES,
  type Reply,
  startFakeServer,
} from "./fake-server";

export interface A1111FakeOptions extends FakeOptions {
  /** `--api-auth user:pass` */
  auth?: { username: string; password: string };
  /** the web UI runs without `--api` */
  apiOff?: boolean;
  /** how long one generation takes (progress is reported meanwhile) */
  generationMs?: number;
}

const err = (status: number, code: string, message: string): Reply => ({
  status,
  json: { error: code, detail: "", body: "", errors: message },
});

export const A1111_CHECKPOINTS = [
  {
    title: "v1-5-pruned-emaonly.safetensors [6ce0161689]",
    model_name: "v1-5-pruned-emaonly",
    hash: "6ce0161689",
    sha256: "6ce0161689b3853acaa03779ec93eafe75a02f4ced659bee03f50797806fa2fa",
    filename: "/models/Stable-diffusion/v1-5-pruned-emaonly.safetensors",
    config: null,
  },
  {
    title: "pixel/pixelArtDiffusion.safetensors [a1b2c3d4e5]",
    model_name: "pixel_pixelArtDiffusion",
    hash: "a1b2c3d4e5",
    sha256: null,
    filename: "/models/Stable-diffusion/pixel/pixelArtDiffusion.safetensors",
    config: null,
  },
];

export async function startA1111Fake(
  opts: A1111FakeOptions = {},
): Promise<FakeServer & { interrupts: () => number }> {
  let interrupts = 0;
  let progress = 0;
  return Object.assign(
    await startFakeServer(
      {
        name: "a1111",
        errorReply: err,
        async handle(call, t) {
          if (opts.apiOff) return { status: 404, json: { detail: "Not Found" } };
          if (opts.auth) {
            const h = String(call.headers.authorization ?? "");
            const want = `Basic ${Buffer.from(`${opts.auth.username}:${opts.auth.password}`).toString("base64")}`;
            if (h !== want) {
              return {
                status: 401,
                json: {
                  error: "HTTPException",
                  detail: "Incorrect username or password",
                  body: "",
                  errors: "401: Incorrect username or password",
                },
                headers: { "www-authenticate": "Basic" },
              };
            }
          }
          const gen = /^\/sdapi\/v1\/(txt2img|img2img)$/.exec(call.path);
          if (call.method === "POST" && gen) {
            const b = (call.json ?? {}) as Record<string, unknown>;
            if (typeof b.prompt !== "string") {
              return {
                status: 422,
                json: {
                  detail: [
                    { loc: ["body", "prompt"], msg: "str type expected", type: "type_error.str" },
                  ],
                },
              };
            }
            if (gen[1] === "img2img" && !(Array.isArray(b.init_images) && b.init_images.length)) {
              return err(500, "IndexError", "list index out of range");
            }
            const f = t.takeFailure("submit", ALL_FAIL_MODES, b.prompt);
            if (f && HTTP_FAIL_MODES.includes(f)) return t.httpFailure(f);
            if (b.prompt.includes("[fail:oom]")) {
              return err(
                500,
                "OutOfMemoryError",
                "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 8.00 GiB total capacity)",
              );
            }
            if (f === "job_failed") {
              return err(500, "RuntimeError", "Sizes of tensors must match except in dimension 1");
            }
            t.createJob(b.prompt, f, { kind: gen[1], body: b });
            const steps = 10;
            for (let i = 1; i <= steps; i++) {
              progress = i / steps;
              await new Promise((r) => setTimeout(r, (opts.generationMs ?? 0) / steps));
            }
            progress = 0;
            return {
              json: {
                images: [t.png().toString("base64")],
                parameters: { ...b, init_images: undefined },
                info: JSON.stringify({ prompt: b.prompt, seed: b.seed === -1 ? 1234567 : b.seed }),
              },
            };
          }
          if (call.method === "GET" && call.path === "/sdapi/v1/progress") {
            return {
              json: {
                progress,
                eta_relative: progress ? 1 - progress : 0,
                state: {
                  interrupted: false,
                  job_count: progress ? 1 : 0,
                  sampling_step: Math.round(progress * 20),
                },
                current_image: null,
                textinfo: null,
              },
            };
          }
          if (call.method === "POST" && call.path === "/sdapi/v1/interrupt") {
            interrupts++;
            return { json: null };
          }
          if (call.method === "GET" && call.path === "/sdapi/v1/sd-models") {
            return { json: A1111_CHECKPOINTS };
          }
          return { status: 404, json: { detail: "Not Found" } };
        },
      },
      opts,
    ),
    { interrupts: () => interrupts },
  );
}
