// Every /api/v1 operation with the zod schemas its handler validates with. A test walks app/api
// and fails if a route is missing here.
import { z } from "zod";
import { idParam } from "@/lib/api/common-schemas";
import type { OperationSpec } from "@/lib/api/openapi";
import {
  batchParams,
  batchQuery,
  exportQuery,
  frameParams,
  scaleOnlyQuery,
} from "@/lib/api/schemas/batch";
import { batchGenerateBody } from "@/lib/api/schemas/batch-generate";
import { batchesQuery } from "@/lib/api/schemas/batches";
import { generateBody } from "@/lib/api/schemas/generate";
import {
  audioGenerationBody,
  imageGenerationBody,
  videoGenerationBody,
} from "@/lib/api/schemas/generations";
import { createKeyBody, keyIdParam } from "@/lib/api/schemas/keys";
import { patchTaskBody, taskParams, taskQuery } from "@/lib/api/schemas/task";
import { operationBody } from "@/lib/api/schemas/task-operations";
import { listTasksQuery } from "@/lib/api/schemas/tasks";
import { archiveBody } from "@/lib/api/schemas/tasks-archive";
import {
  createTilesetBody,
  tilesetFileParams,
  tilesetFileQuery,
  tilesetParams,
} from "@/lib/api/schemas/tilesets";

/** Extension on both task views: what the offline engine (local/pixel-sprite) drew. */
const interpretationExample = {
  subject: "archer",
  category: "character",
  builder: "humanoid",
  parts: ["race: goblin", "class: archer", "holding: torch"],
  modifiers: ["green", "haunted"],
  not_understood: ["flumph"],
  ignored: [],
  guesses: [],
  nothing_matched: false,
  art: [
    {
      set: "fluent-emoji-flat",
      set_name: "Fluent Emoji Flat",
      icon: "fire",
      license: "MIT",
      author: "Microsoft Corporation",
      url: "https://github.com/microsoft/fluentui-emoji",
      use: "held",
    },
  ],
  size: 32,
  outline: "coloured",
  shading: "soft",
  summary: "Drawn as: goblin archer + torch · green, haunted · not understood: flumph",
};
const INTERPRETATION_DOC =
  "Extension `interpretation` (null for other models): what the offline engine drew — subject, builder, parts, modifiers, words not understood, guesses, and borrowed art with its set and licence (`art`).";

const qtTaskExample = {
  id: 123,
  prompt: "一只可爱的猫",
  status: "completed",
  image_path: "/static/gallery/123.png",
  error_msg: "",
  batch_id: null,
  created_at: "2026-01-27T12:00:00Z",
  updated_at: "2026-01-27T12:00:30Z",
};

const tilesetExample = {
  id: 140,
  task_id: 140,
  status: "completed",
  terrains: ["grass", "dirt"],
  tile_size: 32,
  layout: "blob47",
  seed: 9,
  columns: 8,
  rows: 6,
  tile_count: 48,
  width: 256,
  height: 192,
  image_path: "/static/gallery/140.png",
  files: {
    png: "/api/v1/tilesets/140/tileset.png",
    sample: "/api/v1/tilesets/140/sample.png",
    tsx: "/api/v1/tilesets/140/tileset.tsx",
    tres: "/api/v1/tilesets/140/tileset.tres",
    rules: "/api/v1/tilesets/140/rules.json",
    zip: "/api/v1/tilesets/140/tileset.zip",
  },
  created_at: "2026-01-27T12:00:00Z",
};

export const operations: OperationSpec[] = [
  // QT Pixel API (seed 000)
  {
    method: "post",
    path: "/api/v1/generate",
    tag: "QT Pixel API",
    summary: "创建像素画生成任务 Create a pixel-art task",
    body: generateBody,
    errorShape: "qt",
    description:
      'With force=false and a similar earlier prompt of yours, answers `status: "duplicates_found"` with those artworks instead of creating a task. Rate limited per key (429 with Retry-After). Extensions `size` (16/24/32/48/64), `outline` and `shading` set how the offline engine draws; a bad value is a 400 naming the field.',
    response: { example: { task_id: 123, status: "pending" } },
  },
  {
    method: "get",
    path: "/api/v1/task/{id}",
    tag: "QT Pixel API",
    summary: "查询任务状态和结果 Task status and result",
    params: taskParams,
    query: taskQuery,
    errorShape: "qt",
    description: INTERPRETATION_DOC,
    response: {
      example: {
        ...qtTaskExample,
        image_base64: "data:image/png;base64,...",
        interpretation: interpretationExample,
      },
    },
  },
  {
    method: "delete",
    path: "/api/v1/task/{id}",
    tag: "QT Pixel API",
    summary: "删除指定任务 Delete a task and its files",
    params: taskParams,
    errorShape: "qt",
    response: { example: { id: 123, deleted: true } },
  },
  {
    method: "get",
    path: "/api/v1/tasks",
    tag: "QT Pixel API",
    summary: "获取任务列表 List your tasks (newest first)",
    query: listTasksQuery,
    errorShape: "qt",
    description:
      "`status`, `page` (default 1), page_size 20, `include_base64` (at most 10 images, then `base64_limited: true`). Extensions: `q` (every word must start a word of the prompt, any case), `type`, `model`, `mode`, `starred`, `batch_id`, `before` (cursor), `page_size`, `group=batch` (a batch is one row, its first frame, with `batch_frames`).",
    response: {
      example: {
        tasks: [qtTaskExample],
        total: 50,
        page: 1,
        page_size: 20,
        base64_limited: false,
        next_cursor: 103,
      },
    },
  },
  {
    method: "post",
    path: "/api/v1/batch-generate",
    tag: "QT Pixel API",
    summary: "批量生成 Batch generation and sprite modes",
    body: batchGenerateBody,
    errorShape: "qt",
    description:
      "Modes (seed 000): walk (4 frames), idle (2), attack (3), directions (4: front, back, left, right), variations (1–4), random (1–4, default). `count` is set by the sprite modes. " +
      "Extension modes: directions8 (8: S, SW, W, NW, N, NE, E, SE — frames and tags down, down_left, left, up_left, up, up_right, right, down_right), run (6), jump (4), hurt (2), death (4), cast (4), and walk4 (16: a walk cycle in each of 4 directions, sheet rows down, left, right, up; tags walk_down, walk_left, walk_right, walk_up). " +
      "Remote models get frame 1 from the prompt and every later frame with frame 1 as the reference image plus a per-frame instruction.",
    response: {
      example: {
        batch_id: 1,
        task_ids: [123, 124, 125, 126],
        requested_count: 4,
        status: "pending",
      },
    },
  },
  {
    method: "get",
    path: "/api/v1/batch/{id}",
    tag: "QT Pixel API",
    summary: "查询批量任务 Batch and its tasks",
    params: batchParams,
    query: batchQuery,
    errorShape: "qt",
    response: {
      example: {
        batch: {
          id: 1,
          prompt: "...",
          mode: "walk",
          status: "completed",
          requested_count: 4,
          generated_count: 4,
        },
        tasks: [
          {
            id: 123,
            status: "completed",
            image_path: "/static/gallery/123.png",
            batch_index: 1,
            error_msg: "",
          },
        ],
        completed_count: 4,
        failed_count: 0,
        total_count: 4,
        base64_limited: false,
      },
    },
  },
  {
    method: "get",
    path: "/api/v1/batches",
    tag: "QT Pixel API",
    summary: "获取批量任务列表 List your batches",
    query: batchesQuery,
    errorShape: "qt",
    description:
      "Extension: each batch carries `frames` (id, batch_index, status, image_path, completed_at, updated_at of every frame, in order) for thumbnails.",
    response: {
      example: {
        batches: [
          {
            id: 1,
            prompt: "...",
            mode: "walk",
            status: "completed",
            requested_count: 4,
            generated_count: 4,
            frames: [
              {
                id: 11,
                batch_index: 1,
                status: "completed",
                image_path: "/static/gallery/11.png",
                completed_at: "2025-01-01T00:00:05Z",
                updated_at: "2025-01-01T00:00:05Z",
              },
            ],
          },
        ],
        total: 1,
        page: 1,
        page_size: 20,
      },
    },
  },
  {
    method: "get",
    path: "/api/v1/task/{id}/download-url",
    tag: "QT Pixel API",
    summary: "签名临时下载链接 Signed download link (1 hour)",
    params: taskParams,
    errorShape: "qt",
    response: {
      example: {
        download_url: "https://studio.example.com/api/download/123?sig=xxx&exp=1738000000",
        expires_in: 3600,
      },
    },
  },
  {
    method: "get",
    path: "/api/v1/batch/{id}/download",
    tag: "QT Pixel API",
    summary:
      "批量 ZIP 下载 Batch as ZIP (walk_1.png …, sheet.png, sheet.json, atlas.json, sprite_frames.tres, slices.json, animation.gif)",
    description:
      "Extension query: `scale` (1–20, default the batch's; 1 = the logical pixel grid) and `fps` apply to every file inside. Entries are dated with the time the archive is made.",
    params: batchParams,
    query: exportQuery,
    errorShape: "qt",
    response: {
      contentType: "application/zip",
      description: "Content-Disposition: attachment; filename=batch_<id>_<mode>.zip",
    },
  },
  {
    method: "get",
    path: "/api/download/{id}",
    tag: "QT Pixel API",
    summary: "Signed download (no authentication until it expires)",
    params: z.object({ id: idParam("id") }),
    query: z.object({ sig: z.string(), exp: z.string() }),
    errorShape: "qt",
    auth: false,
    response: {
      contentType: "image/png",
      description: "403 when the id, sig or exp was changed or the link expired",
    },
  },
  // Pixel backend API (seed 001)
  {
    method: "get",
    path: "/api/v1/models",
    tag: "Pixel backend API",
    summary:
      "获取所有模型配置 Models grouped by type (extension: `max_prompt_chars`, the model's prompt budget, when the upstream documents one)",
    errorShape: "pixel",
    auth: false,
    response: {
      example: {
        code: "200",
        message: "success",
        data: {
          image: {
            "local/pixel-sprite": {
              id: "local/pixel-sprite",
              name: "Pixel Sprite (offline)",
              type: "image",
              provider: "local",
              model_key: "pixel-sprite",
              is_default: true,
              enabled: true,
              capabilities: { supportsSeed: true },
              missing_env: [],
              disabled_reason: null,
            },
            "qwen2512/qwen-image-2512": {
              id: "qwen2512/qwen-image-2512",
              name: "Qwen-Image-2512",
              type: "image",
              provider: "qwen2512",
              model_key: "qwen-image-2512",
              is_default: false,
              enabled: true,
              capabilities: { supportsSeed: true },
              max_prompt_chars: 2000,
              missing_env: [],
              disabled_reason: null,
            },
          },
          video: {},
          audio: {
            "local/sfx": {
              id: "local/sfx",
              name: "8-bit Sound Effects (offline)",
              type: "audio",
              provider: "local",
              model_key: "sfx",
              is_default: true,
              enabled: true,
              capabilities: { supportsSeed: true, output: "audio/wav" },
              voices: [
                { id: "jump", name: "Jump", language: "en,zh" },
                { id: "coin", name: "Coin / pickup", language: "en,zh" },
              ],
              missing_env: [],
              disabled_reason: null,
            },
          },
          llm: {},
          operation: {},
        },
      },
    },
  },
  {
    method: "post",
    path: "/api/v1/generations/image",
    tag: "Pixel backend API",
    summary: "生成图片 Create an image generation task",
    body: imageGenerationBody,
    errorShape: "pixel",
    response: { example: { code: "200", message: "success", data: { task_id: "task_123" } } },
  },
  {
    method: "post",
    path: "/api/v1/generations/video",
    tag: "Pixel backend API",
    summary: "生成视频 Create a video generation task",
    body: videoGenerationBody,
    errorShape: "pixel",
    response: { example: { code: "200", message: "success", data: { task_id: "task_124" } } },
  },
  {
    method: "post",
    path: "/api/v1/generations/audio",
    tag: "Pixel backend API",
    summary: "生成音频 Create an audio task (text-to-speech, or an offline sound effect)",
    body: audioGenerationBody,
    errorShape: "pixel",
    description:
      "With `model: \"local/sfx\"` (offline, always enabled, the audio default when no TTS provider is configured) the prompt's words choose an 8-bit sound effect — jump, coin, laser, explosion, hit, power-up, blip/select, in English or Chinese (跳跃, 金币, 激光, 爆炸, 受伤, 升级, 选择 …) — and `seed` varies it; `voice` may name the kind directly (the model's `voices` list them); `speed` (0.2–3) plays it faster and higher. The task's `result.audios[0]` is a 16-bit mono 44.1 kHz WAV (`content_type: audio/wav`), and `result.texts[0]` says which sound was made and from which word (or that none was understood and the seed chose).",
    response: { example: { code: "200", message: "success", data: { task_id: "task_125" } } },
  },
  {
    method: "get",
    path: "/api/v1/tasks/{task_id}",
    tag: "Pixel backend API",
    summary: "获取任务状态 Task status and result",
    params: z.object({ task_id: z.string().describe("task_123 (as returned) or 123") }),
    errorShape: "pixel",
    description: INTERPRETATION_DOC,
    response: {
      example: {
        code: "200",
        message: "success",
        data: {
          id: "task_123",
          type: "image",
          status: "completed",
          model: "local/pixel-sprite",
          params: { prompt: "a beautiful sunset over mountains" },
          result: {
            images: [
              { url: "https://studio.example.com/static/gallery/123.png", width: 640, height: 640 },
            ],
          },
          interpretation: interpretationExample,
          created_at: "2026-02-11T10:00:00Z",
          updated_at: "2026-02-11T10:00:30Z",
        },
      },
    },
  },
  // Studio extensions
  {
    method: "patch",
    path: "/api/v1/task/{id}",
    tag: "Studio extensions",
    summary: "Star or unstar a task",
    params: taskParams,
    body: patchTaskBody,
    errorShape: "qt",
    extension: true,
    response: { example: { ...qtTaskExample, starred: true } },
  },
  {
    method: "post",
    path: "/api/v1/task/{id}/operations",
    tag: "Studio extensions",
    summary:
      "Apply an operation model (upscale, vectorize, seamless, pixelize, face-enhance) to a finished image",
    params: taskParams,
    body: operationBody,
    errorShape: "qt",
    extension: true,
    response: { status: 201, example: { task_id: 130, status: "pending", source_task_id: 123 } },
  },
  {
    method: "post",
    path: "/api/v1/tilesets",
    tag: "Studio extensions",
    summary: "Draw a two-terrain tileset (corner Wang 16 or blob 47) with Tiled and Godot files",
    body: createTilesetBody,
    errorShape: "qt",
    extension: true,
    description:
      "`terrains`: a pair of different terrains, the first the base and the second the one laid over it (grass, dirt, sand, water, stone, lava, snow, ice, mud, cobblestone). `tile_size`: 16 or 32 (default 32). `layout`: `corner16` — 16 tiles in a 4×4 sheet, tile id = corner bits (1 top-left, 2 top-right, 4 bottom-right, 8 bottom-left where the second terrain is); or `blob47` (default) — the 47 blob tiles in ascending order of their 8-neighbour mask (1 top, 2 top-right, 4 right … 128 top-left; a corner counts only when both edges beside it are set) plus the plain base tile, in an 8×6 sheet. Tiles are seamless and every side matches any tile that agrees on it. Deterministic per `seed`. The tileset is kept as a completed image task (mode `tileset`) in the gallery; an unknown terrain, another tile size or layout answers 400 naming the field.",
    response: { status: 201, example: { tileset: tilesetExample } },
  },
  {
    method: "get",
    path: "/api/v1/tilesets",
    tag: "Studio extensions",
    summary: "Your tilesets, newest first",
    query: batchesQuery,
    errorShape: "qt",
    extension: true,
    response: { example: { tilesets: [tilesetExample], total: 1, page: 1, page_size: 20 } },
  },
  {
    method: "get",
    path: "/api/v1/tilesets/{id}",
    tag: "Studio extensions",
    summary: "One of your tilesets (another user's answers 404)",
    params: tilesetParams,
    errorShape: "qt",
    extension: true,
    response: { example: { tileset: tilesetExample } },
  },
  {
    method: "get",
    path: "/api/v1/tilesets/{id}/{file}",
    tag: "Studio extensions",
    summary: "A tileset's files: sheet, sample map, Tiled .tsx, Godot .tres, rules.json, ZIP",
    params: tilesetFileParams,
    query: tilesetFileQuery,
    errorShape: "qt",
    extension: true,
    description:
      '`tileset.png` — the sheet at 1× (or `?scale=2…20`), saved as `tileset_<id>.png`, the name the other files refer to. `sample.png` — a random map auto-tiled with the set. `tileset.tsx` — Tiled tileset with one Wang set (`type="corner"` for corner16, `"mixed"` for blob47; wang colour 1 is the first terrain, 2 the second). The blob set\'s isolated island tile is left out of the Tiled Wang set, whose eight slots cannot tell it from the plain base tile. `tileset.tres` — Godot 4 TileSet (text resource, format=3): one TileSetAtlasSource on `res://tileset_<id>.png`, terrain set 0 in mode 1 (match corners, corner16) or 0 (match corners and sides, blob47), terrain 0/1 = the first/second terrain, each tile\'s `terrain` (its centre) and `terrains_peering_bit/*`. `rules.json` — the same rules engine-neutrally (tile rects, slot labels, the blob mask → tile lookup). `tileset.zip` — all of them.',
    response: { contentType: "image/png" },
  },
  {
    method: "get",
    path: "/api/v1/task/{id}/files/{kind}/{position}",
    tag: "Studio extensions",
    summary: "Any file a task produced (original, vector, grid, video, audio)",
    params: z.object({ id: idParam("id"), kind: z.string(), position: z.string() }),
    errorShape: "qt",
    extension: true,
    response: { contentType: "application/octet-stream" },
  },
  {
    method: "post",
    path: "/api/v1/tasks/archive",
    tag: "Studio extensions",
    summary: "ZIP of several of your images",
    body: archiveBody,
    errorShape: "qt",
    extension: true,
    response: { contentType: "application/zip" },
  },
  {
    method: "delete",
    path: "/api/v1/batch/{id}",
    tag: "Studio extensions",
    summary: "Delete a batch with its frames",
    params: batchParams,
    errorShape: "qt",
    extension: true,
    response: { example: { id: 1, deleted: true } },
  },
  {
    method: "get",
    path: "/api/v1/batch/{id}/sheet.png",
    tag: "Studio extensions",
    summary: "Sprite sheet PNG of the completed frames",
    description:
      "One row of frames; walk4 is a 4×4 grid (rows down, left, right, up). `scale=1` gives the logical pixel grid.",
    params: batchParams,
    query: exportQuery,
    errorShape: "qt",
    extension: true,
    response: { contentType: "image/png" },
  },
  {
    method: "get",
    path: "/api/v1/batch/{id}/sheet.json",
    tag: "Studio extensions",
    summary: "Aseprite JSON atlas: Phaser 3 load.aseprite / load.atlas, PixiJS Spritesheet",
    description:
      'Aseprite\'s hash form with frames keyed by frame number ("0"…"n-1", as Aseprite\'s `{frame}` filenames), per-frame `duration` (ms; from the mode, or 1000/fps), `meta.frameTags` (one per animation or direction: walk, down, walk_left …) and `animations` (tag → frame keys) for PixiJS. ' +
      "Phaser 3: `this.load.aseprite(key, 'sheet.png', 'sheet.json')` then `this.anims.createFromAseprite(key)`; or `this.load.atlas(key, png, json)` and frame names \"0\"…. PixiJS 8: `new Spritesheet(texture, json)`, `await sheet.parse()`, `new AnimatedSprite(sheet.animations.walk)`.",
    params: batchParams,
    query: exportQuery,
    errorShape: "qt",
    extension: true,
    response: {
      example: {
        frames: {
          "0": {
            frame: { x: 0, y: 0, w: 640, h: 640 },
            rotated: false,
            trimmed: false,
            spriteSourceSize: { x: 0, y: 0, w: 640, h: 640 },
            sourceSize: { w: 640, h: 640 },
            duration: 150,
          },
        },
        animations: { walk: ["0", "1", "2", "3"] },
        meta: {
          image: "batch_1_walk_sheet.png",
          size: { w: 2560, h: 640 },
          scale: "1",
          pixelScale: 20,
          frameTags: [{ name: "walk", from: 0, to: 3, direction: "forward" }],
        },
      },
    },
  },
  {
    method: "get",
    path: "/api/v1/batch/{id}/atlas.json",
    tag: "Studio extensions",
    summary: "The same atlas with readable frame names (walk_1, down_left, walk_up_3)",
    description:
      "For engines and code that look frames up by name: Phaser 3 `load.atlas` + `generateFrameNames`/frame names, PixiJS `animations`. Frame rectangles, durations and frameTags equal sheet.json's.",
    params: batchParams,
    query: exportQuery,
    errorShape: "qt",
    extension: true,
    response: {
      example: {
        frames: { down: { frame: { x: 0, y: 0, w: 640, h: 640 }, duration: 400 } },
        animations: { down: ["down"], down_left: ["down_left"] },
        meta: { frameTags: [{ name: "down", from: 0, to: 0, direction: "forward" }] },
      },
    },
  },
  {
    method: "get",
    path: "/api/v1/batch/{id}/sprite-frames.tres",
    tag: "Studio extensions",
    summary: "Godot 4 SpriteFrames resource (text .tres): one animation per tag, fps and loop",
    description:
      "Put it next to the sheet PNG (it references the sheet by its download name, relative to the .tres) and assign it to an AnimatedSprite2D. Each frame is an AtlasTexture region of the sheet; `speed` is the animation's fps and frame `duration` is relative to it. One-shot modes (attack, jump, hurt, death, cast) have loop = false.",
    params: batchParams,
    query: exportQuery,
    errorShape: "qt",
    extension: true,
    response: { contentType: "text/plain" },
  },
  {
    method: "get",
    path: "/api/v1/batch/{id}/slices.json",
    tag: "Studio extensions",
    summary: "Plain slicing manifest for Unity and other importers",
    description:
      "`cell` is one frame's size and `columns`/`rows` the grid (Unity Sprite Editor: Slice → Grid By Cell Size). Each frame has `rect` (top-left origin, y down, as in the PNG) and `unity_rect` (bottom-left origin, as Unity's Sprite rect), its tag, facing, batch_index and duration_ms; `animations` list frame names per tag with `loop`. Pivot is bottom-centre (0.5, 0).",
    params: batchParams,
    query: exportQuery,
    errorShape: "qt",
    extension: true,
    response: {
      example: {
        image: "batch_1_walk4_sheet.png",
        mode: "walk4",
        size: { w: 2560, h: 2560 },
        pixel_scale: 20,
        cell: { w: 640, h: 640 },
        columns: 4,
        rows: 4,
        pivot: { x: 0.5, y: 0 },
        frames: [
          {
            index: 0,
            name: "walk_down_1",
            tag: "walk_down",
            facing: "down",
            batch_index: 1,
            rect: { x: 0, y: 0, w: 640, h: 640 },
            unity_rect: { x: 0, y: 1920, w: 640, h: 640 },
            duration_ms: 150,
          },
        ],
        animations: [
          { name: "walk_down", from: 0, to: 3, loop: true, frames: ["walk_down_1", "…"] },
        ],
      },
    },
  },
  {
    method: "get",
    path: "/api/v1/batch/{id}/animation.gif",
    tag: "Studio extensions",
    summary: "Animated GIF (transparent, looping)",
    params: batchParams,
    query: exportQuery,
    errorShape: "qt",
    extension: true,
    response: { contentType: "image/gif" },
  },
  {
    method: "get",
    path: "/api/v1/batch/{id}/frames/{index}",
    tag: "Studio extensions",
    summary: "One completed frame as a PNG at any scale (scale=1: the logical pixel grid)",
    params: frameParams,
    query: scaleOnlyQuery,
    errorShape: "qt",
    extension: true,
    response: { contentType: "image/png" },
  },
  {
    method: "post",
    path: "/api/v1/batch/{id}/frames/{index}/regenerate",
    tag: "Studio extensions",
    summary: "Re-roll one frame, keeping the others and the palette",
    params: frameParams,
    errorShape: "qt",
    extension: true,
    response: { example: { task_id: 124, batch_id: 1, batch_index: 2, status: "pending" } },
  },
  {
    method: "get",
    path: "/api/v1/providers",
    tag: "Studio extensions",
    summary: "Providers, their models and missing environment variables (admins)",
    errorShape: "qt",
    extension: true,
    response: {
      example: {
        providers: [
          {
            id: "dashscope",
            displayName: "Alibaba DashScope",
            configured: false,
            missing_env: ["DASHSCOPE_API_KEY"],
            self_hosted: false,
            models: [],
          },
          {
            id: "comfyui",
            displayName: "ComfyUI (self-hosted)",
            configured: true,
            missing_env: [],
            base_url: "http://192.168.1.20:8188",
            self_hosted: true,
            models: [],
          },
        ],
      },
    },
  },
  {
    method: "post",
    path: "/api/v1/providers/{id}/test",
    tag: "Studio extensions",
    summary: "Test a provider's connection (admins)",
    params: z.object({ id: z.string() }),
    errorShape: "qt",
    extension: true,
    response: { example: { ok: true, message: "Connected" } },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    tag: "Studio extensions",
    summary: "This document",
    errorShape: "qt",
    auth: false,
    extension: true,
    response: { example: { openapi: "3.1.0" } },
  },
  {
    method: "get",
    path: "/static/gallery/{file}",
    tag: "QT Pixel API",
    summary: "image_path: the image (or <id>_thumb.png) for its owner",
    params: z.object({ file: z.string().describe("123.png or 123_thumb.png") }),
    errorShape: "qt",
    response: { contentType: "image/png" },
  },
  // Account
  {
    method: "get",
    path: "/api/v1/me",
    tag: "Account",
    summary: "Who the key or session belongs to",
    errorShape: "qt",
    extension: true,
    response: { example: { id: 1, email: "you@example.com", role: "admin", via: "api_key" } },
  },
  {
    method: "get",
    path: "/api/v1/keys",
    tag: "Account",
    summary: "Your API keys (prefix and last 4 only)",
    errorShape: "qt",
    extension: true,
    response: {
      example: {
        keys: [
          {
            id: 1,
            name: "my-script",
            prefix: "gpa_AbC123xY",
            last4: "9kQz",
            created_at: "2026-01-27T12:00:00.000Z",
            last_used_at: null,
            revoked_at: null,
            revoked: false,
          },
        ],
      },
    },
  },
  {
    method: "post",
    path: "/api/v1/keys",
    tag: "Account",
    summary: "Create an API key (shown once)",
    body: createKeyBody,
    errorShape: "qt",
    extension: true,
    response: {
      status: 201,
      example: { key: "gpa_…", id: 1, name: "my-script", prefix: "gpa_AbC123xY", last4: "9kQz" },
    },
  },
  {
    method: "delete",
    path: "/api/v1/keys/{id}",
    tag: "Account",
    summary: "Revoke an API key (effective on the next request)",
    params: keyIdParam,
    errorShape: "qt",
    extension: true,
    response: { example: { id: 1, revoked: true } },
  },
];
