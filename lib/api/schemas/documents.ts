// /api/v1/documents: the editor's documents. The field schemas are shared with the MCP tools.
import { z } from "zod";
import { idParam } from "@/lib/api/common-schemas";
import { positiveIntString } from "@/lib/api/schemas/tasks";
import {
  DIRECTIONS8,
  DOCUMENT_COLOR_MODES,
  EXPORT_SCALE_MAX,
  EXPORT_SCALE_MIN,
} from "@/lib/vocabulary";

export {
  createDocumentBody,
  documentCelsField,
  documentContentBody,
  documentFramesField,
  documentLayersField,
  documentPaletteField,
  documentTagsField,
  hexColorField,
} from "./document-fields";

export const documentParams = z.object({ id: idParam("id") });

export const documentQuery = z.object({
  version: positiveIntString("version")
    .optional()
    .describe("An earlier version to open (default: the newest)"),
});

export const listDocumentsQuery = z.object({
  page: positiveIntString("page").optional().describe("Page of 20, from 1 (default 1)"),
  source_task_id: positiveIntString("source_task_id")
    .optional()
    .describe("Only documents opened from this task (lineage)"),
  source_batch_id: positiveIntString("source_batch_id")
    .optional()
    .describe("Only documents opened from this batch (lineage)"),
  source_tileset_id: positiveIntString("source_tileset_id")
    .optional()
    .describe("Only documents opened from this tileset (lineage)"),
});

export const DOCUMENT_EXPORT_FORMATS = [
  "png",
  "frames",
  "sheet",
  "sheet.json",
  "atlas.json",
  "sprite-frames.tres",
  "gif",
  "zip",
  "aseprite",
] as const;
export type DocumentExportFormat = (typeof DOCUMENT_EXPORT_FORMATS)[number];

const SCALE_MESSAGE = `scale must be an integer between ${EXPORT_SCALE_MIN} and ${EXPORT_SCALE_MAX}`;
export const documentExportQuery = z.object({
  format: z
    .enum(DOCUMENT_EXPORT_FORMATS, {
      error: `format must be one of ${DOCUMENT_EXPORT_FORMATS.join(", ")}`,
    })
    .describe(
      "png (one frame), frames (ZIP of frame PNGs), sheet + sheet.json (Aseprite JSON), atlas.json (Phaser/PixiJS), sprite-frames.tres (Godot 4), gif, zip (all of them) or aseprite (a real .aseprite file)",
    ),
  scale: z
    .string()
    .regex(/^([1-9]|1\d|20)$/, SCALE_MESSAGE)
    .transform(Number)
    .optional()
    .describe("Output pixels per art pixel (1–20; default 1). Ignored by .aseprite (always 1×)."),
  frame: z
    .string()
    .regex(/^\d{1,3}$/, "frame must be a frame index (0-based)")
    .transform(Number)
    .optional()
    .describe("format=png: which frame (0-based, default 0)"),
  version: positiveIntString("version").optional().describe("Export an earlier version"),
});

// Answers (the OpenAPI document and the conformance checks read these).
const lineage = {
  source_task_id: z.number().int().nullable(),
  source_batch_id: z.number().int().nullable(),
  source_tileset_id: z.number().int().nullable(),
};

export const documentAnswer = z.object({
  id: z.number().int(),
  version: z.number().int().describe("The version shown (the newest unless ?version=N)"),
  latest_version: z.number().int().describe("Send it as If-Match when saving"),
  title: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  color_mode: z.enum(DOCUMENT_COLOR_MODES),
  frames: z.array(z.object({ duration_ms: z.number().int() })),
  layers: z.array(
    z.object({
      name: z.string(),
      visible: z.boolean(),
      opacity: z.number(),
      locked: z.boolean().optional(),
    }),
  ),
  cels: z.array(z.object({ frame: z.number().int(), layer: z.number().int(), png: z.string() })),
  palette: z.array(z.string()),
  tags: z.array(
    z.object({
      name: z.string(),
      from: z.number().int(),
      to: z.number().int(),
      direction: z.enum(DIRECTIONS8).nullable().optional(),
    }),
  ),
  pivot: z.object({ x: z.number().int(), y: z.number().int() }).optional(),
  ...lineage,
  task_id: z
    .number()
    .int()
    .nullable()
    .describe("The gallery entry this version made (null for version 1, the opened source)"),
  created_at: z.string(),
  updated_at: z.string(),
});

export const documentSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  version: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  frame_count: z.number().int(),
  ...lineage,
  created_at: z.string(),
  updated_at: z.string(),
});

export const documentList = z.object({
  documents: z.array(documentSummary),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});

export const documentVersionList = z.object({
  id: z.number().int(),
  latest_version: z.number().int(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      task_id: z.number().int().nullable(),
      created_at: z.string(),
      url: z.string(),
    }),
  ),
});
