// The built-in offline engine: procedural sprites and local image operations from lib/pixel.
// Always enabled; its work is CPU-bound, so it runs on the worker-thread pool (lib/workers),
// never on the event loop that answers requests, and its concurrency defaults to the core count.
import os from "node:os";
import { decodeLogical, encodeGridPng } from "@/lib/pixel";
import { checkImageInput } from "@/lib/pixel/image-input";
import { DITHER_MODES, type DitherMode } from "@/lib/pixel/quantize";
import {
  MAX_BATCH_FRAMES,
  OUTLINE_STYLES,
  type OutlineStyle,
  PALETTE_NAMES,
  type PaletteName,
  SHADING_STYLES,
  type ShadingStyle,
  SPRITE_MODES,
  type SpriteMode,
} from "@/lib/vocabulary";
import { runJob } from "@/lib/workers/pool";
import { ProviderError } from "./errors";
import { localSfxModel } from "./local-sfx";
import type { GenerationRequest, ModelSpec, ProviderAdapter, ProviderOutput } from "./types";

const P = "local";

/** An offline operation model; its key is also the operation it performs. */
function op(
  key: "upscale" | "seamless" | "vectorize" | "pixelize",
  name: string,
  params: ModelSpec["params"],
): ModelSpec {
  return {
    id: `${P}/${key}`,
    provider: P,
    model_key: key,
    name,
    type: "operation",
    is_default: false,
    capabilities: { operation: key },
    params,
  };
}

const models: ModelSpec[] = [
  {
    id: "local/pixel-sprite",
    provider: P,
    model_key: "pixel-sprite",
    name: "Pixel Sprite (offline)",
    type: "image",
    is_default: true,
    capabilities: { supportsSeed: true },
  },
  localSfxModel,
  op("upscale", "Pixel Upscale (offline)", {
    method: { type: "string", enum: ["nearest", "scale2x", "xbr"], default: "nearest" },
    factor: { type: "integer", min: 2, max: 4, default: 2 },
  }),
  op("seamless", "Seamless Tile (offline)", {
    fit: { type: "number", min: 0.1, max: 0.9, default: 0.5 },
  }),
  op("vectorize", "Vectorize to SVG (offline)", {
    color_count: { type: "integer", min: 2, max: 16, default: 5 },
  }),
  {
    ...op("pixelize", "Pixelize (offline)", {
      target_size: { type: "integer", min: 0, max: 256, default: 0 },
      colors: { type: "integer", min: 2, max: 64, default: 32 },
      palette: {
        type: "string",
        enum: ["auto", ...PALETTE_NAMES],
        default: "auto",
      },
      scale: { type: "integer", min: 1, max: 64, default: 20 },
      dither: { type: "string", enum: [...DITHER_MODES], default: "none" },
      dither_strength: { type: "number", min: 0, max: 1, default: 1 },
      remove_background: { type: "boolean", default: true },
      outline: { type: "boolean", default: false },
    }),
    // image → pixel art from an upload, through the image routes as well as as an operation
    capabilities: { operation: "pixelize", acceptsUpload: true, supportsRefImage: true },
  },
];

function num(v: unknown, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

async function sprites(req: GenerationRequest): Promise<ProviderOutput[]> {
  const p = req.params ?? {};
  const mode = (SPRITE_MODES as readonly unknown[]).includes(p.mode)
    ? (p.mode as SpriteMode)
    : "random";
  const count = Math.max(1, Math.min(MAX_BATCH_FRAMES, num(p.count, 1)));
  // A re-rolled frame (`variant`) of a random/variations batch becomes a different sprite;
  // pose frames (walk, idle …) are drawn deterministically from the batch's subject.
  const variant = num(p.variant, 0);
  const reroll =
    variant && (mode === "random" || mode === "variations") ? 4 + (variant % 997) * 4 : 0;
  const frame = num(p.frame, 0) + reroll;
  // pose frames (walk, idle …) keep their pose and subject; a re-roll changes the frame's take
  const poseReroll = variant && !reroll ? variant : 0;
  const size = num(p.size, 0);
  const n = Math.max(1, Math.min(4, req.n ?? 1));
  const outputs: ProviderOutput[] = [];
  for (let i = 0; i < n; i++) {
    const background = p.background === "white" ? "white" : "transparent";
    const result = await runJob("spriteFrame", [
      {
        prompt: String(p.originalPrompt ?? req.prompt),
        seed: (req.seed ?? 1) + i,
        mode,
        index: frame,
        count,
        background,
        scale: Math.max(1, Math.min(64, num(p.scale, 20))),
        palette: Array.isArray(p.paletteColors)
          ? (p.paletteColors as string[])
          : typeof p.palette === "string"
            ? p.palette
            : undefined,
        size: size || undefined,
        outline: (OUTLINE_STYLES as readonly unknown[]).includes(p.outline)
          ? (p.outline as OutlineStyle)
          : undefined,
        shading: (SHADING_STYLES as readonly unknown[]).includes(p.shading)
          ? (p.shading as ShadingStyle)
          : undefined,
        reroll: poseReroll,
      },
    ]);
    outputs.push({
      kind: "image",
      data: result.png,
      contentType: "image/png",
      width: result.width,
      height: result.height,
      logical: await runJob("gridPng", [result.grid, 1, background], { transferArgs: true }),
    });
  }
  return outputs;
}

/** A source handed over at 1× (see InputImage.pixelScale) back at the scale it is shown at. */
async function shownAsStored(source: NonNullable<GenerationRequest["images"]>[number]) {
  if (!source.pixelScale || source.pixelScale <= 1)
    return { data: source.data, contentType: source.contentType };
  const { grid } = await decodeLogical(source.data);
  return {
    data: await encodeGridPng(grid, source.pixelScale, "transparent"),
    contentType: "image/png",
    logical: source.data,
  };
}

async function operation(req: GenerationRequest): Promise<ProviderOutput[]> {
  const source = req.images?.[0];
  if (!source) throw new ProviderError("bad_request", "This operation needs a source image");
  const p = req.params ?? {};
  switch (req.modelKey) {
    case "upscale": {
      const method = p.method === "scale2x" || p.method === "xbr" ? p.method : "nearest";
      const out = await runJob("upscale", [
        source.data,
        {
          method,
          factor: Math.max(2, Math.min(4, Math.round(num(p.factor, 2)))),
          sourceScale: source.pixelScale,
        },
      ]);
      return [
        {
          kind: "image",
          data: out.png,
          contentType: "image/png",
          width: out.width,
          height: out.height,
          logical: out.logicalPng,
        },
      ];
    }
    case "seamless": {
      const out = await runJob("seamless", [
        source.data,
        { fit: Math.max(0.1, Math.min(0.9, num(p.fit, 0.5))), sourceScale: source.pixelScale },
      ]);
      return [
        {
          kind: "image",
          data: out.png,
          contentType: "image/png",
          width: out.width,
          height: out.height,
          logical: out.logicalPng,
        },
        { kind: "grid", data: out.gridPng, contentType: "image/png" },
      ];
    }
    case "vectorize": {
      const out = await runJob("vectorize", [
        source.data,
        { colorCount: Math.max(2, Math.min(16, Math.round(num(p.color_count, 5)))) },
      ]);
      return [
        { kind: "vector", data: Buffer.from(out.svg), contentType: "image/svg+xml" },
        { kind: "image", ...(await shownAsStored(source)) },
      ];
    }
    case "pixelize": {
      try {
        await checkImageInput(source.data, "source image");
      } catch (error) {
        throw new ProviderError("bad_request", (error as Error).message);
      }
      // a saved palette's colours were resolved when the task was created (paletteColors)
      const palette = Array.isArray(p.paletteColors)
        ? (p.paletteColors as string[])
        : typeof p.palette === "string" && (PALETTE_NAMES as readonly string[]).includes(p.palette)
          ? (p.palette as PaletteName)
          : undefined;
      const autoColors =
        typeof p.palette === "string" && p.palette.startsWith("auto:")
          ? Number(p.palette.slice(5))
          : undefined;
      const target = Math.round(num(p.target_size, 0));
      const dither = (DITHER_MODES as readonly unknown[]).includes(p.dither)
        ? (p.dither as DitherMode)
        : p.dither === true
          ? "floyd-steinberg"
          : "none";
      const options = {
        background: (p.background === "white" ? "white" : "transparent") as "white" | "transparent",
        scale: Math.max(1, Math.min(64, num(p.scale, 20))),
        targetSize: target >= 16 ? Math.min(256, target) : undefined,
        colors: p.colors === undefined ? autoColors : num(p.colors, 32),
        palette,
        dither,
        ditherStrength: Math.max(0, Math.min(1, num(p.dither_strength, 1))),
        removeBackdrop: p.remove_background !== false,
        // the operation's boolean, or an upload's outline style (coloured/dark = draw one)
        outline: p.outline === true || p.outline === "dark" || p.outline === "coloured",
      };
      // a frame of an animated upload (a GIF batch): the whole animation shares one grid and
      // one palette, so each frame is cut from the pixelized set (pixelizeAnimationFrame)
      const out =
        typeof p.sourceFrame === "number"
          ? await runJob("pixelizeAnimationFrame", [
              source.data,
              { ...options, frame: p.sourceFrame },
            ])
          : await runJob("pixelize", [source.data, options]);
      return [
        {
          kind: "image",
          data: out.png,
          contentType: "image/png",
          width: out.width,
          height: out.height,
          logical: await runJob("gridPng", [out.grid, 1, "transparent"], { transferArgs: true }),
          pixelize: out.report,
        },
      ];
    }
    default:
      throw new ProviderError("bad_request", `local: unknown operation '${req.modelKey}'`);
  }
}

export const localAdapter: ProviderAdapter = {
  id: P,
  displayName: "Local engine (offline)",
  requiredEnv: [],
  pollIntervalMs: 0,
  defaultConcurrency: Math.max(1, os.availableParallelism?.() ?? os.cpus().length),
  models,
  configFromEnv: (env) => ({
    baseUrl: "local:",
    extra: {},
    timeoutMs: Number(env.PROVIDER_TIMEOUT_MS) || 60_000,
    concurrency:
      Number(env.LOCAL_CONCURRENCY) > 0 ? Math.floor(Number(env.LOCAL_CONCURRENCY)) : undefined,
  }),
  async submit(req) {
    const outputs =
      req.type === "operation"
        ? await operation(req)
        : req.type === "audio"
          ? await runJob("sfx", [req])
          : await sprites(req);
    return { state: "done", outputs };
  },
  async poll() {
    throw new ProviderError(
      "failed",
      "local: the offline engine finishes in submit; there is nothing to poll",
    );
  },
};
