// /api/v1/documents: the editor's documents. The field schemas are shared with the MCP tools.
import { z } from "zod";
import { idParam, optionalText } from "@/lib/api/common-schemas";
import { positiveIntString } from "@/lib/api/schemas/tasks";
import {
  DIRECTIONS8,
  DOCUMENT_COLOR_MODES,
  DOCUMENT_MAX_FRAMES,
  DOCUMENT_MAX_LAYERS,
  DOCUMENT_MAX_SIDE,
  EXPORT_SCALE_MAX,
  EXPORT_SCALE_MIN,
} from "@/lib/vocabulary";

const MAX_PALETTE = 256;

const sideField = (name: string) =>
  z
    .number({ error: `${name} must be an integer from 1 to ${DOCUMENT_MAX_SIDE}` })
    .int(`${name} must be an integer from 1 to ${DOCUMENT_MAX_SIDE}`)
    .min(1, `${name} must be an integer from 1 to ${DOCUMENT_MAX_SIDE}`)
    .max(DOCUMENT_MAX_SIDE, `${name} must be an integer from 1 to ${DOCUMENT_MAX_SIDE}`);

const idField = (name: string) =>
  z
    .number({ error: `${name} must be a positive integer id` })
    .int(`${name} must be a positive integer id`)
    .positive(`${name} must be a positive integer id`);

export const hexColorField = z
  .string({ error: "a palette colour is a string #rrggbb" })
  .regex(/^#[0-9a-fA-F]{6}$/, "a palette colour is #rrggbb");

export const documentFramesField = z
  .array(
    z.object({
      duration_ms: z
        .number({ error: "duration_ms must be an integer from 1 to 65535" })
        .int("duration_ms must be an integer from 1 to 65535")
        .min(1, "duration_ms must be an integer from 1 to 65535")
        .max(65535, "duration_ms must be an integer from 1 to 65535")
        .default(100),
    }),
    { error: "frames must be an array of {duration_ms}" },
  )
  .min(1, "a document has at least one frame")
  .max(DOCUMENT_MAX_FRAMES, `a document has at most ${DOCUMENT_MAX_FRAMES} frames`);

export const documentLayersField = z
  .array(
    z.object({
      name: z
        .string({ error: "a layer name is a string" })
        .trim()
        .min(1, "a layer needs a name")
        .max(100),
      visible: z.boolean({ error: "visible must be true or false" }).default(true),
      opacity: z
        .number({ error: "opacity must be a number from 0 to 1" })
        .min(0, "opacity must be a number from 0 to 1")
        .max(1, "opacity must be a number from 0 to 1")
        .default(1),
      locked: z.boolean({ error: "locked must be true or false" }).optional(),
    }),
    { error: "layers must be an array of {name, visible, opacity}" },
  )
  .min(1, "a document has at least one layer")
  .max(DOCUMENT_MAX_LAYERS, `a document has at most ${DOCUMENT_MAX_LAYERS} layers`);

const frameIndexField = z
  .number({ error: "a frame index is an integer ≥ 0" })
  .int("a frame index is an integer ≥ 0")
  .min(0, "a frame index is an integer ≥ 0");

export const documentCelsField = z
  .array(
    z.object({
      frame: frameIndexField,
      layer: z
        .number({ error: "a layer index is an integer ≥ 0" })
        .int("a layer index is an integer ≥ 0")
        .min(0, "a layer index is an integer ≥ 0"),
      png: z
        .string({ error: "png must be a data:image/png;base64,… URL" })
        .startsWith("data:image/png;base64,", "png must be a data:image/png;base64,… URL"),
    }),
    { error: "cels must be an array of {frame, layer, png}" },
  )
  .max(DOCUMENT_MAX_FRAMES * DOCUMENT_MAX_LAYERS, "too many cels");

export const documentPaletteField = z
  .array(hexColorField, { error: "palette must be an array of #rrggbb strings" })
  .max(MAX_PALETTE, `a palette has at most ${MAX_PALETTE} colours`);

export const documentTagsField = z
  .array(
    z.object({
      name: z
        .string({ error: "a tag name is a string" })
        .trim()
        .min(1, "a tag needs a name")
        .max(100),
      from: frameIndexField,
      to: frameIndexField,
      direction: z
        .enum(DIRECTIONS8, { error: `direction must be one of ${DIRECTIONS8.join(", ")}` })
        .nullable()
        .optional(),
    }),
    { error: "tags must be an array of {name, from, to, direction}" },
  )
  .max(DOCUMENT_MAX_FRAMES, "too many tags");

/** The whole document as PUT /api/v1/documents/:id takes it (and GET answers it). */
export const documentContentBody = z.object({
  title: optionalText("title", 200).optional(),
  width: sideField("width"),
  height: sideField("height"),
  color_mode: z
    .enum(DOCUMENT_COLOR_MODES, {
      error: `color_mode must be ${DOCUMENT_COLOR_MODES.join(" or ")}`,
    })
    .default("rgba"),
  frames: documentFramesField,
  layers: documentLayersField,
  cels: documentCelsField,
  palette: documentPaletteField.default([]),
  tags: documentTagsField.default([]),
  pivot: z
    .object({
      x: z.number().int().min(0),
      y: z.number().int().min(0),
    })
    .optional(),
});

/** Where a new document starts: exactly one of a task, a batch, a tileset, a size or an upload. */
export const createDocumentBody = z
  .object({
    source_task_id: idField("source_task_id").optional(),
    source_batch_id: idField("source_batch_id").optional(),
    source_tileset_id: idField("source_tileset_id").optional(),
    width: sideField("width").optional(),
    height: sideField("height").optional(),
    frames: z
      .number({ error: `frames must be an integer from 1 to ${DOCUMENT_MAX_FRAMES}` })
      .int(`frames must be an integer from 1 to ${DOCUMENT_MAX_FRAMES}`)
      .min(1, `frames must be an integer from 1 to ${DOCUMENT_MAX_FRAMES}`)
      .max(DOCUMENT_MAX_FRAMES, `frames must be an integer from 1 to ${DOCUMENT_MAX_FRAMES}`)
      .optional()
      .describe("Blank canvas only: how many frames (default 1)"),
    upload: z
      .object({
        image: z
          .string({ error: "upload.image must be a data:image/png or data:image/gif base64 URL" })
          .regex(
            /^data:image\/(png|gif);base64,[A-Za-z0-9+/]+={0,2}$/,
            "upload.image must be a data:image/png or data:image/gif base64 URL",
          ),
        aseprite_json: z
          .union([z.string(), z.record(z.string(), z.unknown())], {
            error: "upload.aseprite_json must be Aseprite's sheet JSON (object or text)",
          })
          .optional(),
      })
      .optional(),
    title: optionalText("title", 200).optional(),
  })
  .superRefine((b, ctx) => {
    const sources = [
      b.source_task_id !== undefined,
      b.source_batch_id !== undefined,
      b.source_tileset_id !== undefined,
      b.width !== undefined || b.height !== undefined,
      b.upload !== undefined,
    ].filter(Boolean).length;
    if (sources !== 1) {
      ctx.addIssue({
        code: "custom",
        message:
          "give exactly one of source_task_id, source_batch_id, source_tileset_id, width + height, or upload",
      });
    } else if ((b.width === undefined) !== (b.height === undefined)) {
      ctx.addIssue({ code: "custom", message: "a blank canvas needs both width and height" });
    }
  });

export const documentParams = z.object({ id: idParam("id") });

export const documentQuery = z.object({
  version: positiveIntString("version")
    .optional()
    .describe("An earlier version to open (default: the newest)"),
});

export const listDocumentsQuery = z.object({
  page: positiveIntString("page").optional(),
  source_task_id: positiveIntString("source_task_id")
    .optional()
    .describe("Only documents opened from this task (lineage)"),
  source_batch_id: positiveIntString("source_batch_id").optional(),
  source_tileset_id: positiveIntString("source_tileset_id").optional(),
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
  format: z.enum(DOCUMENT_EXPORT_FORMATS, {
    error: `format must be one of ${DOCUMENT_EXPORT_FORMATS.join(", ")}`,
  }),
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
