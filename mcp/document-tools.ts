// MCP tools over the editor's documents (/api/v1/documents), so an agent can fix a sprite: open a
// document from a task, batch or tileset; read its cels as PNG images; write cels back as a new
// version (a new gallery entry; the source stays as it was). The cel and id fields are the
// routes' own zod schemas (lib/api/schemas/document-fields.ts), imported rather than restated.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { createDocumentBody, documentCelsField } from "../lib/api/schemas/document-fields";
import type { EditorDocument } from "./api-client";
import { CREATES, READS, registerApiTool, type ToolOptions } from "./tools";

type Content = CallToolResult["content"][number];

/** At most this many cel images per answer. */
export const MAX_CEL_IMAGES = 16;

const documentIdField = z
  .number({ error: "document_id must be a positive integer" })
  .int()
  .positive()
  .describe("The document id (open_document answers it)");

const createFields = createDocumentBody.shape;

function describeDocument(doc: EditorDocument): string {
  const lines = [
    `Document #${doc.id} "${doc.title}" — version ${doc.version} (latest ${doc.latest_version}), ${doc.width}×${doc.height} px, ${doc.color_mode}.`,
    `Frames (${doc.frames.length}): ${doc.frames.map((f, i) => `${i}:${f.duration_ms}ms`).join(", ")}`,
    `Layers (bottom→top): ${doc.layers.map((l, i) => `${i}:"${l.name}"${l.visible ? "" : " (hidden)"}${l.opacity < 1 ? ` opacity ${l.opacity}` : ""}`).join(", ")}`,
    `Tags: ${doc.tags.length ? doc.tags.map((t) => `${t.name} ${t.from}–${t.to}${t.direction ? ` (${t.direction})` : ""}`).join(", ") : "none"}`,
    `Palette: ${doc.palette.length ? doc.palette.join(" ") : "none"}`,
  ];
  const src = doc.source_task_id
    ? `task #${doc.source_task_id}`
    : doc.source_batch_id
      ? `batch #${doc.source_batch_id}`
      : doc.source_tileset_id
        ? `tileset #${doc.source_tileset_id}`
        : "a blank canvas or an upload";
  lines.push(
    `Opened from ${src}.${doc.task_id ? ` This version's gallery entry: task #${doc.task_id}.` : ""}`,
  );
  return lines.join("\n");
}

function celImages(doc: EditorDocument, frames?: number[], layers?: number[]): Content[] {
  const out: Content[] = [];
  const chosen = doc.cels
    .filter((c) => (!frames || frames.includes(c.frame)) && (!layers || layers.includes(c.layer)))
    .slice(0, MAX_CEL_IMAGES);
  for (const c of chosen) {
    out.push(
      {
        type: "text",
        text: `Cel frame ${c.frame}, layer ${c.layer} (${doc.width}×${doc.height} PNG, 1×):`,
      },
      { type: "image", data: c.png.slice(c.png.indexOf(",") + 1), mimeType: "image/png" },
    );
  }
  return out;
}

export function registerDocumentTools(server: McpServer, options: ToolOptions): void {
  registerApiTool(
    server,
    options,
    "open_document",
    {
      title: "Open a sprite in the editor / 在编辑器中打开",
      description:
        "Open a new editor document at 1× (POST /api/v1/documents) from a gallery task (source_task_id), a whole batch (source_batch_id: every frame, tagged by animation and facing) or a tileset (source_tileset_id), or a blank width×height canvas. " +
        `Answers the document's id, version, frames, layers, tags and palette, plus up to ${MAX_CEL_IMAGES} cels as PNG images. Nothing in the source changes.\n` +
        "从作品、批量任务或图块集打开一个编辑文档（1× 像素网格），返回文档信息与图层帧图片。",
      inputSchema: {
        source_task_id: createFields.source_task_id,
        source_batch_id: createFields.source_batch_id,
        source_tileset_id: createFields.source_tileset_id,
        width: createFields.width,
        height: createFields.height,
      },
      annotations: CREATES,
    },
    async (client, args) => {
      const doc = await client.createDocument(args);
      return { content: [{ type: "text", text: describeDocument(doc) }, ...celImages(doc)] };
    },
  );

  registerApiTool(
    server,
    options,
    "read_document_cels",
    {
      title: "Read document cels / 读取文档图层帧",
      description:
        `The cels of a document (GET /api/v1/documents/:id) as PNG images at 1× (RGBA at the document's size), optionally only some frames/layers and an earlier version; at most ${MAX_CEL_IMAGES} images. ` +
        "The text lists frames, layers, tags, palette and the version to pass to write_document_cels.\n读取文档的图层帧（PNG，1×）。",
      inputSchema: {
        document_id: documentIdField,
        version: z
          .number()
          .int()
          .positive()
          .optional()
          .describe("An earlier version (default: the newest)"),
        frames: z.array(z.number().int().min(0)).optional().describe("Only these frames (0-based)"),
        layers: z
          .array(z.number().int().min(0))
          .optional()
          .describe("Only these layers (0-based, bottom first)"),
      },
      annotations: READS,
    },
    async (client, args) => {
      const doc = await client.getDocument(args.document_id, args.version);
      return {
        content: [
          { type: "text", text: describeDocument(doc) },
          ...celImages(doc, args.frames, args.layers),
        ],
      };
    },
  );

  registerApiTool(
    server,
    options,
    "write_document_cels",
    {
      title: "Write document cels / 写入文档图层帧",
      description:
        "Replace some cels of a document and save it as the next version (PUT /api/v1/documents/:id with If-Match): each cel is {frame, layer, png} with png a data:image/png;base64 URL of exactly the document's width×height. " +
        "`version` must be the version you read (else the save is refused with the current version and nothing changes). " +
        "The save also adds a gallery entry linked to the source; the source stays as it was.\n替换文档的部分图层帧并保存为新版本（同时生成新的作品）。",
      inputSchema: {
        document_id: documentIdField,
        version: z
          .number()
          .int()
          .positive()
          .describe("The version you edited (read_document_cels shows it)"),
        cels: documentCelsField.min(1, "give at least one cel"),
      },
      annotations: CREATES,
    },
    async (client, args) => {
      const doc = await client.getDocument(args.document_id, args.version);
      const replaced = new Map(args.cels.map((c) => [`${c.frame}/${c.layer}`, c]));
      const cels = doc.cels.map((c) => replaced.get(`${c.frame}/${c.layer}`) ?? c);
      for (const c of args.cels)
        if (!doc.cels.some((d) => d.frame === c.frame && d.layer === c.layer)) cels.push(c);
      const content = {
        title: doc.title,
        width: doc.width,
        height: doc.height,
        color_mode: doc.color_mode,
        frames: doc.frames,
        layers: doc.layers,
        palette: doc.palette,
        tags: doc.tags,
        pivot: doc.pivot,
      };
      const saved = await client.saveDocument(args.document_id, args.version, {
        ...content,
        cels,
      });
      return {
        content: [
          {
            type: "text",
            text: `Saved document #${saved.id} as version ${saved.version}; gallery entry task #${saved.task_id}.\n${describeDocument(saved)}`,
          },
        ],
      };
    },
  );
}
