// The five MCP tools of QT Pixel API (docs/qt-pixel-api.md) (create_pixel_art, batch_generate,
// get_task_status, get_batch_status, list_my_artworks) and the studio's tileset tools
// (create_tileset, get_tileset, list_tilesets), on top of the REST client in ./api-client.
import type { McpServer, ToolCallback } from "@modelcontextprotocol/sdk/server/mcp.js";
import type {
  ShapeOutput,
  ZodRawShapeCompat,
} from "@modelcontextprotocol/sdk/server/zod-compat.js";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type {
  CallToolResult,
  ServerNotification,
  ServerRequest,
  ToolAnnotations,
} from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
// The routes' own field schemas (zod and the vocabulary only, relative imports): a palette or a
// limit changed there is accepted or refused here the same way, without restating it.
import {
  ditherField,
  imageRefField,
  removeBackgroundField,
  paletteField as routePaletteField,
  targetSizeField,
} from "../lib/api/common-schemas";
// The REST API's words; lib/vocabulary.ts has no dependencies, so the MCP server stays standalone.
import {
  BACKGROUNDS,
  PALETTE_NAMES,
  SPRITE_MODES,
  TASK_STATUSES,
  TERRAINS,
  TILE_SIZES,
  TILESET_LAYOUTS,
} from "../lib/vocabulary";
import {
  ApiError,
  type BatchDetail,
  ConfigError,
  type QtPixelClient,
  type QtTask,
  type Tileset,
} from "./api-client";
import { registerCharacterTools } from "./character-tools";
import { registerDocumentTools } from "./document-tools";

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;
type Content = CallToolResult["content"][number];

export interface ToolOptions {
  /** Returns the API client, or throws ConfigError (e.g. QTPIXEL_API_KEY missing). */
  getClient: () => QtPixelClient;
  /** How long `wait: true` polls before giving up (default 120 s). */
  waitTimeoutMs?: number;
  /** Delay between polls (default 1 s). */
  pollIntervalMs?: number;
}

/** At most this many full-size images per tool result. */
export const MAX_FULL_IMAGES = 4;
/** At most this many thumbnails per list result. */
export const MAX_THUMBNAILS = 10;

const PNG_MIME = "image/png";

// ---------------------------------------------------------------------------------------------
// Input fields (zod 4; the SDK turns them into JSON Schema for tools/list and validates calls)

const promptField = z
  .string({ error: "prompt is required and must be a string" })
  .trim()
  .min(1, "prompt must not be empty")
  .max(2000, "prompt must be at most 2000 characters")
  .describe("What to draw, in any language. 描述要生成的像素画内容，例如“一只可爱的猫”。");

const backgroundField = z
  .enum(BACKGROUNDS, { error: 'background must be "transparent" or "white"' })
  .describe('Background: "transparent" (default) or "white". 背景：透明或白色。');

const scaleField = z
  .number({ error: "scale must be an integer between 1 and 64" })
  .int("scale must be an integer between 1 and 64")
  .min(1, "scale must be an integer between 1 and 64")
  .max(64, "scale must be an integer between 1 and 64")
  .describe("Upscale factor of each pixel, 1–64 (default 20). 像素放大倍数，1–64，默认 20。");

const modelField = z
  .string({ error: "model must be a string" })
  .max(200, "model must be at most 200 characters")
  .describe(
    "Optional model id, e.g. 'local/pixel-sprite' (default: the studio's default model). 可选模型 ID。",
  );

const seedField = z
  .number({ error: "seed must be an integer between 0 and 2147483647" })
  .int("seed must be an integer between 0 and 2147483647")
  .min(0, "seed must be an integer between 0 and 2147483647")
  .max(2147483647, "seed must be an integer between 0 and 2147483647")
  .describe("Optional random seed for reproducible results. 可选随机种子，便于复现。");

// The route's palette field (lib/api/common-schemas.ts), with the tools' bilingual description.
export const paletteField = routePaletteField.describe(
  `Optional palette: "auto", "auto:N" (N colours, 2–64), ${PALETTE_NAMES.join(" | ")} or a saved palette's id "pal_N" (GET /api/v1/palettes). 可选调色板（也可用已保存调色板的 ID）。`,
);

const waitField = z
  .boolean({ error: "wait must be a boolean" })
  .describe(
    "Wait for the result (default true, up to ~120 s) and return the image; false returns the id at once. 是否等待生成完成（默认 true）。",
  );

const idField = (name: string) =>
  z
    .number({ error: `${name} must be a positive integer` })
    .int(`${name} must be a positive integer`)
    .min(1, `${name} must be a positive integer`);

const includeImagesField = z
  .boolean({ error: "include_images must be a boolean" })
  .describe(
    "Attach finished images as PNG image content (default true). 是否附带图片（默认 true）。",
  );

const createShape = {
  prompt: promptField,
  background: backgroundField.optional(),
  scale: scaleField.optional(),
  force: z
    .boolean({ error: "force must be a boolean" })
    .optional()
    .describe(
      "Generate even when similar prompts exist (default false: similar earlier artworks are returned instead). 是否强制生成（跳过相似作品检查）。",
    ),
  model: modelField.optional(),
  seed: seedField.optional(),
  palette: paletteField.optional(),
  send_email: z
    .boolean({ error: "send_email must be a boolean" })
    .optional()
    .describe(
      "E-mail the result to the account address (default false here). 是否发送邮件通知（默认 false）。",
    ),
  wait: waitField.optional(),
};

const batchShape = {
  prompt: promptField,
  mode: z
    .enum(SPRITE_MODES, { error: `mode must be one of ${SPRITE_MODES.join(", ")}` })
    .optional()
    .describe(
      "Sprite mode: walk (4-frame walk cycle 行走), idle (2 frames 待机), attack (3 frames 攻击), directions (front/back/left/right 四方向), variations (1–4 style variants 变体), random (1–4, default 随机). Extensions: directions8 (8 facings 八方向), run (6), jump (4), hurt (2), death (4), cast (4), walk4 (16: walk cycle in 4 directions, one 4×4 sheet 四方向行走表).",
    ),
  count: z
    .number({ error: "count must be an integer between 1 and 4" })
    .int("count must be an integer between 1 and 4")
    .min(1, "count must be an integer between 1 and 4")
    .max(4, "count must be an integer between 1 and 4")
    .optional()
    .describe(
      "Number of images 1–4 (set automatically for walk/idle/attack/directions). 数量 1–4。",
    ),
  background: backgroundField.optional(),
  scale: scaleField.optional(),
  model: modelField.optional(),
  seed: seedField.optional(),
  palette: paletteField.optional(),
  wait: waitField.optional(),
};

export const pixelizeShape = {
  image: imageRefField
    .optional()
    .describe(
      "The picture to turn into pixel art: a data: URL (data:image/png;base64,…) or an http(s) URL of a PNG, JPEG, WebP or GIF, ≤ 10 MB, ≤ 4096 px a side; an animated GIF becomes a batch. Give image or task_id. 要转换的图片（data URL 或链接）。",
    ),
  task_id: idField("task_id")
    .optional()
    .describe("Or one of your existing artworks to pixelize again. 或已有作品的任务 ID。"),
  prompt: promptField
    .optional()
    .describe("A title for the result (default “pixelized image”). 结果标题。"),
  target_size: targetSizeField.optional(),
  palette: paletteField.optional(),
  dither: ditherField.optional(),
  remove_background: removeBackgroundField.optional(),
  background: backgroundField.optional(),
  scale: scaleField.optional(),
  wait: waitField.optional(),
};

const taskStatusShape = {
  task_id: idField("task_id").describe("Task id returned by create_pixel_art. 任务 ID。"),
  include_image: includeImagesField.optional(),
};

const batchStatusShape = {
  batch_id: idField("batch_id").describe("Batch id returned by batch_generate. 批量任务 ID。"),
  include_images: includeImagesField.optional(),
};

const listShape = {
  status: z
    .enum(TASK_STATUSES, {
      error: `status must be one of ${TASK_STATUSES.join(", ")}`,
    })
    .optional()
    .describe("Only tasks with this status. 按状态筛选。"),
  page: idField("page")
    .optional()
    .describe("Page number, 20 per page (default 1). 页码（默认 1，每页 20 条）。"),
  q: z
    .string({ error: "q must be a string" })
    .max(200, "q must be at most 200 characters")
    .optional()
    .describe("Search the prompts. 按提示词搜索。"),
  include_thumbnails: z
    .boolean({ error: "include_thumbnails must be a boolean" })
    .optional()
    .describe(
      `Attach thumbnails of up to ${MAX_THUMBNAILS} completed artworks (default true). 是否附带缩略图。`,
    ),
};

const terrainField = z.enum(TERRAINS, {
  error: `each terrain must be one of ${TERRAINS.join(", ")}`,
});

const tilesetShape = {
  terrains: z
    .tuple([terrainField, terrainField], {
      error: `terrains must be a pair of terrain names, e.g. ["grass", "dirt"] (known: ${TERRAINS.join(", ")})`,
    })
    .describe(
      `The base terrain and the one laid over it, e.g. ["grass", "dirt"]; known: ${TERRAINS.join(", ")}. 两种地形，例如 ["grass", "dirt"]。`,
    ),
  tile_size: z
    .union(
      TILE_SIZES.map((n) => z.literal(n)),
      { error: `tile_size must be ${TILE_SIZES.join(" or ")}` },
    )
    .optional()
    .describe(`Tile size in pixels: ${TILE_SIZES.join(" or ")} (default 32). 图块尺寸。`),
  layout: z
    .enum(TILESET_LAYOUTS, { error: `layout must be ${TILESET_LAYOUTS.join(" or ")}` })
    .optional()
    .describe(
      "corner16 (corner Wang set, 16 tiles) or blob47 (47-tile blob set, default). 布局：corner16 或 blob47（默认）。",
    ),
  seed: seedField.optional(),
  include_images: includeImagesField.optional(),
};

const tilesetIdShape = {
  tileset_id: idField("tileset_id").describe("Tileset id returned by create_tileset. 图块集 ID。"),
  include_images: includeImagesField.optional(),
};

// ---------------------------------------------------------------------------------------------

export function registerTools(server: McpServer, options: ToolOptions): void {
  const waitTimeoutMs = options.waitTimeoutMs ?? 120_000;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  registerDocumentTools(server, options);
  registerCharacterTools(server, options);

  registerApiTool(
    server,
    options,
    "create_pixel_art",
    {
      title: "Create pixel art / 创建像素画",
      description:
        "Generate one pixel-art image from a text prompt with Pixel Studio (QT Pixel API POST /api/v1/generate). " +
        "By default waits until it is finished and returns the PNG plus links (image URL and a signed download URL valid for 1 hour). " +
        'If similar prompts were generated before, returns those artworks instead (status "duplicates_found"); call again with force: true to generate anyway.\n' +
        "根据文字描述生成一张像素画；默认等待完成并返回图片与下载链接。若存在相似作品，会返回已有作品，设置 force: true 可强制生成。",
      inputSchema: createShape,
      annotations: CREATES,
    },
    async (client, args, extra) => {
      const answer = await client.generate({
        prompt: args.prompt,
        background: args.background,
        scale: args.scale ?? 20,
        force: args.force,
        model: args.model,
        seed: args.seed,
        palette: args.palette,
        send_email: args.send_email ?? false,
      });
      if (answer.status === "duplicates_found") {
        return duplicatesResult(client, "duplicates" in answer ? answer.duplicates : []);
      }
      const taskId = (answer as { task_id: number }).task_id;
      if (args.wait === false) {
        return text(
          `Task #${taskId} created (status: ${answer.status}). Use get_task_status with task_id ${taskId} to follow it.\n` +
            `任务 #${taskId} 已创建，可用 get_task_status 查询进度。`,
        );
      }
      const task = await pollTask(client, taskId, extra, waitTimeoutMs, pollIntervalMs);
      if (task.status !== "completed" && task.status !== "failed") {
        return text(
          `Task #${taskId} is still ${task.status} after ${Math.round(waitTimeoutMs / 1000)} s. ` +
            `Call get_task_status with task_id ${taskId} later. 任务仍在进行中，请稍后用 get_task_status 查询。`,
        );
      }
      return taskResult(client, task, true);
    },
  );

  registerApiTool(
    server,
    options,
    "batch_generate",
    {
      title: "Batch generate / 批量生成",
      description:
        "Generate 1–4 related pixel-art images in one batch (QT Pixel API POST /api/v1/batch-generate), e.g. sprite animation frames. " +
        "Modes: walk (4 frames), idle (2), attack (3), directions (4 views), variations (1–4), random (1–4). " +
        "By default waits until all frames are done and returns the frames as PNG images plus links: ZIP of all frames, sprite sheet PNG/JSON and animated GIF.\n" +
        "批量生成 1–4 张像素画，支持精灵动画模式（行走/待机/攻击/四方向/变体/随机）；默认等待完成并返回所有帧、ZIP、精灵图与 GIF 链接。",
      inputSchema: batchShape,
      annotations: CREATES,
    },
    async (client, args, extra) => {
      const created = await client.batchGenerate({
        prompt: args.prompt,
        mode: args.mode,
        count: args.count,
        background: args.background,
        scale: args.scale ?? 20,
        model: args.model,
        seed: args.seed,
        palette: args.palette,
        send_email: false,
      });
      if (args.wait === false) {
        return text(
          `Batch #${created.batch_id} created with ${created.requested_count} image(s) (tasks ${created.task_ids.join(", ")}). ` +
            `Use get_batch_status with batch_id ${created.batch_id} to follow it.\n批量任务已创建，可用 get_batch_status 查询进度。`,
        );
      }
      const detail = await pollBatch(
        client,
        created.batch_id,
        extra,
        waitTimeoutMs,
        pollIntervalMs,
      );
      return batchResult(client, detail, true);
    },
  );

  registerApiTool(
    server,
    options,
    "pixelize_image",
    {
      title: "Image → pixel art / 图片转像素画",
      description:
        "Turn a picture into clean pixel art offline (model local/pixelize): recovers the picture's own pixel grid (fractional, smoothed or JPEG'd cells), one colour per cell, backdrop → transparency, colours reduced or mapped to a palette. " +
        "Give `image` (a data: URL or http(s) URL) or `task_id` (one of your artworks). An animated GIF becomes a batch with one frame per GIF frame. The result says which grid was found.\n" +
        "把图片转换为像素画（离线）：自动识别像素网格，可指定尺寸、调色板与抖动；动图 GIF 会生成批量帧。",
      inputSchema: pixelizeShape,
      annotations: CREATES,
    },
    async (client, args, extra) => {
      const settings = {
        target_size: args.target_size,
        dither: args.dither,
        remove_background: args.remove_background,
      };
      let taskId: number;
      if (args.task_id !== undefined) {
        const params: Record<string, string | number | boolean> = {};
        for (const [k, v] of Object.entries({ ...settings, palette: args.palette }))
          if (v !== undefined) params[k] = v;
        if (args.scale !== undefined) params.scale = args.scale;
        taskId = (await client.operation(args.task_id, { model: "local/pixelize", params }))
          .task_id;
      } else if (/^data:image\/gif/i.test(args.image!) || /\.gif(\?|$)/i.test(args.image!)) {
        // a GIF may be animated: the batch route answers with every frame
        const created = await client.batchGenerate({
          prompt: args.prompt ?? "pixelized animation",
          model: "local/pixelize",
          image: args.image,
          palette: args.palette,
          background: args.background,
          scale: args.scale ?? 20,
          send_email: false,
          ...settings,
        });
        if (args.wait === false)
          return text(
            `Batch #${created.batch_id} created with ${created.requested_count} frame(s). Use get_batch_status with batch_id ${created.batch_id}.`,
          );
        const detail = await pollBatch(
          client,
          created.batch_id,
          extra,
          waitTimeoutMs,
          pollIntervalMs,
        );
        return batchResult(client, detail, true);
      } else {
        const answer = await client.generate({
          prompt: args.prompt ?? "pixelized image",
          model: "local/pixelize",
          image: args.image,
          palette: args.palette,
          background: args.background,
          scale: args.scale ?? 20,
          force: true,
          send_email: false,
          ...settings,
        });
        taskId = (answer as { task_id: number }).task_id;
      }
      if (args.wait === false)
        return text(
          `Task #${taskId} created. Use get_task_status with task_id ${taskId} to follow it.`,
        );
      const task = await pollTask(client, taskId, extra, waitTimeoutMs, pollIntervalMs);
      return taskResult(client, task, true);
    },
    (args) => {
      if ((args.image === undefined) === (args.task_id === undefined))
        throw new ConfigError(
          "pixelize_image needs exactly one of image (a data: URL or http(s) URL) or task_id. 请提供 image 或 task_id 之一。",
        );
    },
  );

  registerApiTool(
    server,
    options,
    "get_task_status",
    {
      title: "Get task status / 查询任务状态",
      description:
        "Status and result of one generation task (GET /api/v1/task/:id): pending, processing, completed or failed. " +
        "When completed, returns the PNG and links (image URL, signed download URL).\n查询单个任务的状态与结果；完成时返回图片与下载链接。",
      inputSchema: taskStatusShape,
      annotations: READS,
    },
    async (client, args) => {
      const task = await client.getTask(args.task_id);
      return taskResult(client, task, args.include_image !== false);
    },
  );

  registerApiTool(
    server,
    options,
    "get_batch_status",
    {
      title: "Get batch status / 查询批量任务状态",
      description:
        "Status of a batch and all its frames (GET /api/v1/batch/:id), with the finished frames as PNG images and links " +
        "(ZIP download, sprite sheet PNG/JSON, animated GIF).\n查询批量任务及其所有子任务的状态，返回已完成的图片与下载链接。",
      inputSchema: batchStatusShape,
      annotations: READS,
    },
    async (client, args) => {
      const detail = await client.getBatch(args.batch_id);
      return batchResult(client, detail, args.include_images !== false);
    },
  );

  registerApiTool(
    server,
    options,
    "list_my_artworks",
    {
      title: "List my artworks / 列出我的作品",
      description:
        "List your generation tasks, newest first, 20 per page (GET /api/v1/tasks), optionally filtered by status or a prompt search. " +
        `Returns id, prompt, status and image URL of each, plus thumbnails of up to ${MAX_THUMBNAILS} completed ones.\n` +
        "列出我的作品（按时间倒序，每页 20 条），可按状态筛选或搜索提示词，并附带缩略图。",
      inputSchema: listShape,
      annotations: READS,
    },
    async (client, args) => {
      const list = await client.listTasks({ status: args.status, page: args.page, q: args.q });
      const pages = Math.max(1, Math.ceil(list.total / (list.page_size || 20)));
      const lines = [
        `${list.total} artwork(s) in total; page ${list.page} of ${pages} (${list.page_size} per page). 共 ${list.total} 个作品。`,
      ];
      if (list.tasks.length === 0) lines.push("No artworks on this page. 本页没有作品。");
      for (const t of list.tasks) {
        const where = t.batch_id
          ? ` [batch #${t.batch_id}${t.batch_index ? ` frame ${t.batch_index}` : ""}]`
          : "";
        const img = t.image_path ? ` — ${client.url(t.image_path)}` : "";
        const err = t.status === "failed" && t.error_msg ? ` — ${t.error_msg}` : "";
        lines.push(
          `#${t.id} [${t.status}] ${JSON.stringify(t.prompt)}${where} (${t.created_at})${img}${err}`,
        );
      }
      if (pages > list.page) lines.push(`More: call list_my_artworks with page ${list.page + 1}.`);
      const content: Content[] = [{ type: "text", text: lines.join("\n") }];
      if (args.include_thumbnails !== false) {
        const withImages = list.tasks
          .filter((t) => t.status === "completed" && t.image_path)
          .slice(0, MAX_THUMBNAILS);
        const thumbs = await Promise.all(
          withImages.map(async (t) => {
            const img = await imageContent(client, t, "thumb");
            return img ? ([{ type: "text", text: `Thumbnail of #${t.id}` }, img] as Content[]) : [];
          }),
        );
        content.push(...thumbs.flat());
      }
      return { content };
    },
  );

  registerApiTool(
    server,
    options,
    "create_tileset",
    {
      title: "Create terrain tileset / 创建地形图块集",
      description:
        "Draw a seamless two-terrain transition tileset offline (POST /api/v1/tilesets), e.g. grass ↔ dirt, as a corner16 or blob47 set. " +
        "Returns the sample map and the sheet as PNG images plus links to the engine files: Tiled .tsx (Wang set), Tiled sample map .tmj, Godot 4 .tres (terrain set), rules.json and a ZIP of all.\n" +
        "离线绘制无缝的双地形过渡图块集（如草地↔泥土），返回示例地图、图块表以及 Tiled/Godot 引擎文件链接。",
      inputSchema: tilesetShape,
      annotations: CREATES,
    },
    async (client, args) => {
      const ts = await client.createTileset({
        terrains: args.terrains,
        tile_size: args.tile_size,
        layout: args.layout,
        seed: args.seed,
      });
      return tilesetResult(client, ts, args.include_images !== false);
    },
  );

  registerApiTool(
    server,
    options,
    "get_tileset",
    {
      title: "Get tileset / 查询图块集",
      description:
        "One of your terrain tilesets (GET /api/v1/tilesets/:id): terrain pair, layout, tile size, seed, the sample map and sheet as PNG and links to its engine files.\n查询一个地形图块集及其引擎文件链接。",
      inputSchema: tilesetIdShape,
      annotations: READS,
    },
    async (client, args) => {
      const ts = await client.getTileset(args.tileset_id);
      return tilesetResult(client, ts, args.include_images !== false);
    },
  );

  registerApiTool(
    server,
    options,
    "list_tilesets",
    {
      title: "List my tilesets / 列出我的图块集",
      description:
        "Your terrain tilesets, newest first (GET /api/v1/tilesets): id, terrain pair, layout, tile size and the ZIP link of each.\n列出我的地形图块集。",
      inputSchema: {},
      annotations: READS,
    },
    async (client) => {
      const list = await client.listTilesets();
      const lines = [`${list.length} tileset(s). 共 ${list.length} 个图块集。`];
      for (const ts of list) lines.push(`${tilesetLine(ts)} — ZIP: ${client.url(ts.files.zip)}`);
      return text(lines.join("\n"));
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Results

const tilesetLine = (ts: Tileset) =>
  `Tileset #${ts.id}: ${ts.terrains[0]} ↔ ${ts.terrains[1]}, ${ts.layout}, ${ts.tile_size} px, ${ts.tile_count} tiles (${ts.columns}×${ts.rows} sheet, ${ts.width}×${ts.height} px), seed ${ts.seed}`;

async function tilesetResult(
  client: QtPixelClient,
  ts: Tileset,
  withImages: boolean,
): Promise<CallToolResult> {
  const lines = [
    tilesetLine(ts),
    "Files (need the API key as Bearer) / 文件:",
    `  Sheet PNG: ${client.url(ts.files.png)} (saved as tileset_${ts.id}.png, the name the other files refer to)`,
    `  Sample map PNG: ${client.url(ts.files.sample)}`,
    `  Tiled tileset .tsx: ${client.url(ts.files.tsx)}`,
    `  Tiled sample map .tmj: ${client.url(ts.files.tmj)}`,
    `  Godot 4 TileSet .tres: ${client.url(ts.files.tres)}`,
    `  rules.json: ${client.url(ts.files.rules)}`,
    `  ZIP of all: ${client.url(ts.files.zip)}`,
  ];
  const content: Content[] = [{ type: "text", text: lines.join("\n") }];
  if (withImages) {
    for (const [label, p] of [
      ["Sample map, auto-tiled with the set", ts.files.sample],
      ["Tileset sheet", ts.files.png],
    ] as const) {
      try {
        const png = await client.fetchImage(p);
        content.push(
          { type: "text", text: label },
          {
            type: "image",
            data: png.toString("base64"),
            mimeType: PNG_MIME,
          },
        );
      } catch {
        // the links above still lead to it
      }
    }
  }
  return { content };
}

/** Annotations of a tool that only reads. */
export const READS = { readOnlyHint: true, openWorldHint: true } satisfies ToolAnnotations;
/** Annotations of a tool that makes something new (destroys nothing; a second call makes another). */
export const CREATES = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
  openWorldHint: true,
} satisfies ToolAnnotations;

/**
 * Registers a tool that calls the REST API. `run` gets the API client; every failure (a missing
 * key, an API error, a cancel) becomes the tool's error answer through guard. `check` refuses
 * arguments before the client is asked for.
 */
export function registerApiTool<Shape extends ZodRawShapeCompat>(
  server: McpServer,
  options: ToolOptions,
  name: string,
  config: {
    title: string;
    description: string;
    inputSchema: Shape;
    annotations: ToolAnnotations;
  },
  run: (client: QtPixelClient, args: ShapeOutput<Shape>, extra: Extra) => Promise<CallToolResult>,
  check?: (args: ShapeOutput<Shape>) => void,
): void {
  // (ToolCallback<Shape> is a conditional type TypeScript cannot resolve for a generic Shape)
  const callback = (args: ShapeOutput<Shape>, extra: Extra) =>
    guard(async () => {
      check?.(args);
      return run(options.getClient(), args, extra);
    });
  server.registerTool(name, config, callback as ToolCallback<Shape>);
}

export async function guard(fn: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ApiError || error instanceof ConfigError)
      return errorResult(error.message);
    if ((error as Error)?.name === "AbortError") return errorResult("Cancelled. 已取消。");
    return errorResult(
      `Unexpected error: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function errorResult(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}

function text(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }] };
}

function describeTask(task: QtTask): string {
  const bits: string[] = [];
  if (task.width && task.height) bits.push(`${task.width}×${task.height} px`);
  if (task.scale) bits.push(`scale ${task.scale}`);
  if (task.background) bits.push(`background ${task.background}`);
  if (task.model) bits.push(`model ${task.model}`);
  if (task.seed !== null && task.seed !== undefined) bits.push(`seed ${task.seed}`);
  if (task.palette) bits.push(`palette ${task.palette}`);
  // image → pixel art and remote models: the grid recovery found (task detail `params.pixelize`)
  const report = (task.params as { pixelize?: Record<string, unknown> } | null | undefined)
    ?.pixelize;
  if (report && typeof report.logicalWidth === "number") {
    const cell = Number(report.cellWidth)
      .toFixed(2)
      .replace(/\.?0+$/, "");
    bits.push(
      report.method === "resampled"
        ? `no pixel grid found; resampled to ${report.logicalWidth}×${report.logicalHeight}`
        : `found ${report.logicalWidth}×${report.logicalHeight} cells of ${cell} px, confidence ${Number(report.confidence).toFixed(2)}`,
    );
  }
  return bits.join(", ");
}

async function signedLink(client: QtPixelClient, taskId: number): Promise<string> {
  try {
    const link = await client.downloadUrl(taskId);
    return `${link.download_url} (signed, no auth needed, valid ${Math.round(link.expires_in / 60)} min)`;
  } catch (error) {
    return `unavailable (${error instanceof Error ? error.message : String(error)})`;
  }
}

async function taskResult(
  client: QtPixelClient,
  task: QtTask,
  withImage: boolean,
): Promise<CallToolResult> {
  const lines = [`Task #${task.id}: ${task.status}`, `Prompt: ${task.prompt}`];
  const details = describeTask(task);
  if (details) lines.push(`Details: ${details}`);
  if (task.batch_id)
    lines.push(`Batch: #${task.batch_id}${task.batch_index ? `, frame ${task.batch_index}` : ""}`);
  lines.push(`Created: ${task.created_at}, updated: ${task.updated_at}`);
  if (task.status === "failed") {
    lines.push(`Error: ${task.error_msg || "unknown error"}`, "生成失败。");
    return { content: [{ type: "text", text: lines.join("\n") }], isError: true };
  }
  if (task.status !== "completed" || !task.image_path) {
    lines.push("Not finished yet; ask again in a few seconds. 尚未完成，请稍后再查询。");
    return text(lines.join("\n"));
  }
  lines.push(
    `Image URL (needs the API key as Bearer): ${client.url(task.image_path)}`,
    `Download URL: ${await signedLink(client, task.id)}`,
    "生成完成 ✅",
  );
  const content: Content[] = [{ type: "text", text: lines.join("\n") }];
  if (withImage) {
    const img = await imageContent(client, task, "full");
    if (img) content.push(img);
  }
  return { content };
}

async function duplicatesResult(
  client: QtPixelClient,
  duplicates: QtTask[],
): Promise<CallToolResult> {
  const lines = [
    `Found ${duplicates.length} similar earlier artwork(s); nothing new was generated. Call create_pixel_art again with force: true to generate anyway.`,
    `发现 ${duplicates.length} 个相似的已有作品，未重新生成；如需强制生成，请设置 force: true。`,
  ];
  for (const d of duplicates) {
    const sim = typeof d.similarity === "number" ? ` (similarity ${d.similarity})` : "";
    const img = d.image_path ? ` — ${client.url(d.image_path)}` : "";
    lines.push(`#${d.id} [${d.status}] ${JSON.stringify(d.prompt)}${sim}${img}`);
  }
  const content: Content[] = [{ type: "text", text: lines.join("\n") }];
  const shown = duplicates
    .filter((d) => d.status === "completed" && d.image_path)
    .slice(0, MAX_FULL_IMAGES);
  for (const d of shown) {
    const img = await imageContent(client, d, "thumb");
    if (img) content.push(img);
  }
  return { content };
}

async function batchResult(
  client: QtPixelClient,
  detail: BatchDetail,
  withImages: boolean,
): Promise<CallToolResult> {
  const { batch } = detail;
  const done = detail.completed_count + detail.failed_count === detail.total_count;
  const lines = [
    `Batch #${batch.id}: ${batch.status} — mode ${batch.mode ?? "random"}, ${detail.completed_count}/${detail.total_count} completed, ${detail.failed_count} failed`,
    `Prompt: ${batch.prompt}`,
  ];
  const frames = [...detail.tasks].sort((a, b) => (a.batch_index ?? 0) - (b.batch_index ?? 0));
  for (const t of frames) {
    const label = `Frame ${t.batch_index ?? "?"} (task #${t.id}): ${t.status}`;
    if (t.status === "completed" && t.image_path) {
      lines.push(
        `${label} — ${client.url(t.image_path)}`,
        `  Download URL: ${await signedLink(client, t.id)}`,
      );
    } else if (t.status === "failed") {
      lines.push(`${label} — ${t.error_msg || "unknown error"}`);
    } else {
      lines.push(label);
    }
  }
  if (detail.completed_count > 0) {
    const base = `/api/v1/batch/${batch.id}`;
    lines.push(
      "Downloads (need the API key as Bearer) / 下载链接:",
      `  ZIP of all frames: ${client.url(`${base}/download`)}`,
      `  Sprite sheet PNG: ${client.url(`${base}/sheet.png`)}`,
      `  Sprite sheet JSON: ${client.url(`${base}/sheet.json`)}`,
      `  Animated GIF: ${client.url(`${base}/animation.gif`)}`,
    );
  }
  if (!done)
    lines.push(
      "Not all frames are finished; ask again with get_batch_status. 尚未全部完成，请稍后再查询。",
    );
  else lines.push(detail.failed_count === detail.total_count ? "全部失败。" : "批量生成完成 ✅");
  const content: Content[] = [{ type: "text", text: lines.join("\n") }];
  if (withImages) {
    const shown = frames
      .filter((t) => t.status === "completed" && t.image_path)
      .slice(0, MAX_FULL_IMAGES);
    for (const t of shown) {
      const img = await imageContent(client, t, "full");
      if (img) content.push(img);
    }
  }
  const allFailed = done && detail.total_count > 0 && detail.failed_count === detail.total_count;
  return allFailed ? { content, isError: true } : { content };
}

/** The task's PNG as MCP image content: fetched with the Bearer key, else via include_base64. */
async function imageContent(
  client: QtPixelClient,
  task: QtTask,
  size: "full" | "thumb",
): Promise<Content | undefined> {
  if (!task.image_path) return undefined;
  const path = size === "thumb" ? task.image_path.replace(/\.png$/, "_thumb.png") : task.image_path;
  try {
    const png = await client.fetchImage(path);
    return { type: "image", data: png.toString("base64"), mimeType: PNG_MIME };
  } catch {
    // fall back to the JSON API's data URL
  }
  try {
    const withData = await client.getTask(task.id, true);
    const match = /^data:image\/png;base64,(.+)$/.exec(withData.image_base64 ?? "");
    if (match) return { type: "image", data: match[1], mimeType: PNG_MIME };
  } catch {
    // no image then; the text result still has the links
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Polling

async function progress(extra: Extra, value: number, total: number, message: string) {
  const token = extra._meta?.progressToken;
  if (token === undefined) return;
  await extra
    .sendNotification({
      method: "notifications/progress",
      params: { progressToken: token, progress: value, total, message },
    })
    .catch(() => {});
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted)
      return reject(Object.assign(new Error("Cancelled"), { name: "AbortError" }));
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(Object.assign(new Error("Cancelled"), { name: "AbortError" }));
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

async function pollTask(
  client: QtPixelClient,
  id: number,
  extra: Extra,
  timeoutMs: number,
  intervalMs: number,
): Promise<QtTask> {
  const deadline = Date.now() + timeoutMs;
  let delay = Math.min(250, intervalMs);
  for (;;) {
    const task = await client.getTask(id);
    if (task.status === "completed" || task.status === "failed" || Date.now() >= deadline)
      return task;
    await progress(extra, task.status === "processing" ? 1 : 0, 2, `Task #${id}: ${task.status}`);
    await sleep(delay, extra.signal);
    delay = Math.min(delay * 2, intervalMs);
  }
}

async function pollBatch(
  client: QtPixelClient,
  id: number,
  extra: Extra,
  timeoutMs: number,
  intervalMs: number,
): Promise<BatchDetail> {
  const deadline = Date.now() + timeoutMs;
  let delay = Math.min(250, intervalMs);
  for (;;) {
    const detail = await client.getBatch(id);
    const finished = detail.completed_count + detail.failed_count;
    if ((detail.total_count > 0 && finished === detail.total_count) || Date.now() >= deadline)
      return detail;
    await progress(
      extra,
      finished,
      detail.total_count,
      `Batch #${id}: ${finished}/${detail.total_count} frames done`,
    );
    await sleep(delay, extra.signal);
    delay = Math.min(delay * 2, intervalMs);
  }
}
