// Field schemas of /api/v1/documents that the MCP tools share (mcp/tools.ts). Relative imports
// only: the MCP server runs from any working directory, where the "@/" alias does not resolve.
import { z } from "zod";
import {
  DIRECTIONS8,
  DOCUMENT_COLOR_MODES,
  DOCUMENT_MAX_FRAMES,
  DOCUMENT_MAX_LAYERS,
  DOCUMENT_MAX_SIDE,
} from "../../vocabulary";

const optionalText = (field: string, max: number) =>
  z
    .string({ error: `${field} must be a string` })
    .max(max, `${field} must be at most ${max} characters`);

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
  title: optionalText("title", 200)
    .optional()
    .describe("Shown in the editor and the gallery (≤ 200 characters)"),
  width: sideField("width").describe(`Canvas width in pixels, 1–${DOCUMENT_MAX_SIDE}`),
  height: sideField("height").describe(`Canvas height in pixels, 1–${DOCUMENT_MAX_SIDE}`),
  color_mode: z
    .enum(DOCUMENT_COLOR_MODES, {
      error: `color_mode must be ${DOCUMENT_COLOR_MODES.join(" or ")}`,
    })
    .default("rgba")
    .describe(
      "rgba (default), or indexed: every opaque pixel must be a palette colour, so a palette edit recolours every frame",
    ),
  frames: documentFramesField.describe(
    `Frames in order, each {duration_ms} (1–65535, default 100); 1–${DOCUMENT_MAX_FRAMES} frames`,
  ),
  layers: documentLayersField.describe(
    `Layers bottom to top, each {name, visible (default true), opacity 0–1 (default 1), locked}; 1–${DOCUMENT_MAX_LAYERS} layers`,
  ),
  cels: documentCelsField.describe(
    "One cel per frame × layer: {frame, layer, png}, png a data:image/png;base64 URL of exactly width × height RGBA pixels; a missing cel is transparent",
  ),
  palette: documentPaletteField
    .default([])
    .describe(`Ordered palette, at most ${MAX_PALETTE} "#rrggbb" colours (default [])`),
  tags: documentTagsField
    .default([])
    .describe(
      "Named frame ranges {name, from, to, direction?} (0-based, inclusive), e.g. walk_down; default []",
    ),
  pivot: z
    .object({
      x: z.number().int().min(0),
      y: z.number().int().min(0),
    })
    .optional()
    .describe("The sprite's anchor in pixels from the top-left (default: bottom centre)"),
});

/** Where a new document starts: exactly one of a task, a batch, a tileset, a size or an upload. */
export const createDocumentBody = z
  .object({
    source_task_id: idField("source_task_id")
      .optional()
      .describe("Open a gallery image of yours at its stored 1× grid"),
    source_batch_id: idField("source_batch_id")
      .optional()
      .describe("Open every frame of a batch of yours, tagged by animation and facing"),
    source_tileset_id: idField("source_tileset_id")
      .optional()
      .describe("Open a tileset sheet of yours at 1×"),
    width: sideField("width")
      .optional()
      .describe(`Blank canvas width, 1–${DOCUMENT_MAX_SIDE} (with height)`),
    height: sideField("height")
      .optional()
      .describe(`Blank canvas height, 1–${DOCUMENT_MAX_SIDE} (with width)`),
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
      .optional()
      .describe(
        "Open an upload: image a PNG or GIF data URL (a GIF opens every frame), aseprite_json a sheet's Aseprite JSON to cut the image into frames",
      ),
    title: optionalText("title", 200)
      .optional()
      .describe("Shown in the editor and the gallery (≤ 200 characters)"),
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
