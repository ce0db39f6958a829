// A character's frames (#19) carry their direction's canonical facing as the reference image
// (req.images[0], loaded by the worker from our storage). Each adapter that can take one must
// hand exactly those bytes to its upstream, in the field the provider documents; checked here
// against our fake servers (loopback only) with a real PNG. The fields, as the providers document
// them:
// - A1111: POST /sdapi/v1/img2img with `init_images` and `denoising_strength` (modules/api/models.py).
// - ComfyUI: POST /upload/image (multipart `image`, `type`, `overwrite`) answers {name, subfolder,
//   type} (server.py image_upload); LoadImage takes that name (nodes.py); see lib/providers/comfyui.ts.
// - OpenAI: "curl https://api.openai.com/v1/images/edits … -F "model=gpt-image-…" -F
//   "image[]=@input.png" -F "prompt=…"" (the image-edit form for the gpt-image models).
// - Tencent VOD CreateAigcImageTask: "FileInfos.N … File information of the input image for the
//   AIGC image generation task. Only one is supported by default." (intl.cloud.tencent.com
//   document/api/266/76685); the JSON gateway spells it `file_infos: [{type, file_id | url}]`.
// - DashScope: `input.ref_img` is documented for the 通义万相 text2image image-synthesis route
//   ("参考图生成: 基于参考图内容 / 基于参考图风格"); that qwen-image honours it as well is what our
//   adapter assumes and could not be confirmed from the documents found (see the report).
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { startA1111Fake } from "@/test/fakes/a1111-fake";
import { startComfyuiFake } from "@/test/fakes/comfyui-fake";
import { startDashscopeFake } from "@/test/fakes/dashscope-fake";
import type { FakeServer } from "@/test/fakes/fake-server";
import { makeCtx, runToCompletion } from "@/test/fakes/harness";
import { startOpenaiFake } from "@/test/fakes/openai-fake";
import { startTencentvodFake } from "@/test/fakes/tencentvod-fake";
import { a1111Adapter } from "./a1111";
import { comfyuiAdapter } from "./comfyui";
import { dashscopeAdapter } from "./dashscope";
import { openaiAdapter } from "./openai";
import { tencentvodAdapter } from "./tencentvod";
import type { GenerationRequest, InputImage } from "./types";

let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A 48×48 knight-ish facing with distinct colours: bytes no fake would invent. */
async function facing(): Promise<InputImage> {
  const raw = Buffer.alloc(48 * 48 * 4);
  for (let y = 8; y < 44; y++)
    for (let x = 16; x < 32; x++) raw.set([200, 30 + y, 40 + x, 255], (y * 48 + x) * 4);
  const data = await sharp(raw, { raw: { width: 48, height: 48, channels: 4 } })
    .png()
    .toBuffer();
  return { data, contentType: "image/png" };
}

const request = (modelKey: string, img: InputImage): GenerationRequest => ({
  type: "image",
  modelKey,
  prompt: "the same character as the reference image, facing left; left foot forward",
  seed: 5,
  images: [img],
});

const dataUrlBytes = (v: unknown) =>
  Buffer.from(String(v).replace(/^data:image\/png;base64,/, ""), "base64");

describe("every reference-taking adapter receives the canonical facing's bytes", () => {
  it("A1111: img2img init_images[0]", async () => {
    fake = await startA1111Fake();
    const img = await facing();
    await runToCompletion(
      a1111Adapter,
      request("default", img),
      makeCtx(a1111Adapter, { A1111_BASE_URL: fake.baseUrl }),
    );
    const call = fake.apiCalls().find((c) => c.path === "/sdapi/v1/img2img");
    expect(call, "img2img, not txt2img").toBeTruthy();
    const body = call!.json as { init_images: string[]; denoising_strength: number };
    expect(dataUrlBytes(body.init_images[0]).equals(img.data)).toBe(true);
    expect(body.denoising_strength).toBeLessThan(1);
  });

  it("ComfyUI: uploaded via /upload/image, then LoadImage → VAEEncode → KSampler (denoise < 1)", async () => {
    fake = await startComfyuiFake();
    const img = await facing();
    await runToCompletion(
      comfyuiAdapter,
      request("txt2img", img),
      makeCtx(comfyuiAdapter, { COMFYUI_BASE_URL: fake.baseUrl }),
    );
    const upload = fake.apiCalls().find((c) => c.path === "/upload/image");
    expect(upload, "the facing is uploaded").toBeTruthy();
    // the multipart body carries the PNG byte for byte
    expect(upload!.body.indexOf(img.data)).toBeGreaterThan(0);
    const form = upload!.form as Record<string, unknown>;
    expect(form.type).toBe("input");
    const name = (form.image as { filename: string }).filename;
    const wf = (
      fake.apiCalls().find((c) => c.path === "/prompt")!.json as {
        prompt: Record<string, { class_type: string; inputs: Record<string, unknown> }>;
      }
    ).prompt;
    const [loadId, load] = Object.entries(wf).find(([, n]) => n.class_type === "LoadImage")!;
    expect(load.inputs.image).toBe(name);
    const [encId, enc] = Object.entries(wf).find(([, n]) => n.class_type === "VAEEncode")!;
    expect(enc.inputs.pixels).toEqual([loadId, 0]);
    const sampler = Object.values(wf).find((n) => n.class_type === "KSampler")!;
    expect(sampler.inputs.latent_image).toEqual([encId, 0]);
    expect(sampler.inputs.denoise).toBe(0.6);
    expect(Object.values(wf).some((n) => n.class_type === "EmptyLatentImage")).toBe(false);
  });

  it("ComfyUI without a reference keeps text-to-image (no upload, an empty latent)", async () => {
    fake = await startComfyuiFake();
    await runToCompletion(
      comfyuiAdapter,
      { ...request("txt2img", await facing()), images: undefined },
      makeCtx(comfyuiAdapter, { COMFYUI_BASE_URL: fake.baseUrl }),
    );
    expect(fake.apiCalls().some((c) => c.path === "/upload/image")).toBe(false);
    const wf = (
      fake.apiCalls().find((c) => c.path === "/prompt")!.json as {
        prompt: Record<string, { class_type: string; inputs: Record<string, unknown> }>;
      }
    ).prompt;
    expect(Object.values(wf).map((n) => n.class_type)).toContain("EmptyLatentImage");
  });

  it("OpenAI: gpt-image-1 edits, multipart image[]", async () => {
    fake = await startOpenaiFake();
    const img = await facing();
    await runToCompletion(
      openaiAdapter,
      request("gpt-image-1", img),
      makeCtx(openaiAdapter, { OPENAI_API_KEY: "test-openai-key", OPENAI_BASE_URL: fake.baseUrl }),
    );
    const call = fake.apiCalls().find((c) => c.path === "/v1/images/edits");
    expect(call, "an edit, not a generation").toBeTruthy();
    expect(call!.body.indexOf(img.data)).toBeGreaterThan(0);
    expect(Object.keys(call!.form ?? {})).toContain("image[]");
  });

  it("DashScope: qwen-image input.ref_img", async () => {
    fake = await startDashscopeFake({ queuedPolls: 0, runningPolls: 0 });
    const img = await facing();
    await runToCompletion(
      dashscopeAdapter,
      request("qwen-image", img),
      makeCtx(dashscopeAdapter, {
        DASHSCOPE_API_KEY: "test-dashscope-key",
        DASHSCOPE_BASE_URL: fake.baseUrl,
      }),
    );
    const call = fake.apiCalls().find((c) => c.method === "POST");
    const input = (call!.json as { input: { ref_img: string } }).input;
    expect(dataUrlBytes(input.ref_img).equals(img.data)).toBe(true);
  });

  it("Tencent VOD: file_infos[0] (type Url, a data URL of the facing)", async () => {
    fake = await startTencentvodFake();
    const img = await facing();
    await runToCompletion(
      tencentvodAdapter,
      request("gem-3.0", img),
      makeCtx(tencentvodAdapter, {
        TENCENTVOD_API_KEY: "test-tencentvod-key",
        TENCENTVOD_BASE_URL: fake.baseUrl,
      }),
    );
    const call = fake.apiCalls().find((c) => c.method === "POST");
    const infos = (call!.json as { file_infos: { type: string; url: string }[] }).file_infos;
    expect(infos[0]!.type).toBe("Url");
    expect(dataUrlBytes(infos[0]!.url).equals(img.data)).toBe(true);
  });
});
