// OpenAPI entries of the editor's documents (/api/v1/documents), built from the routes' schemas.
import type { OperationSpec } from "@/lib/api/openapi";
import {
  createDocumentBody,
  documentAnswer,
  documentContentBody,
  documentExportQuery,
  documentList,
  documentParams,
  documentQuery,
  documentVersionList,
  listDocumentsQuery,
} from "@/lib/api/schemas/documents";

const PNG_1PX =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==";

const documentExample = {
  id: 7,
  version: 2,
  latest_version: 2,
  title: "knight walk",
  width: 32,
  height: 32,
  color_mode: "rgba",
  frames: [{ duration_ms: 150 }, { duration_ms: 150 }],
  layers: [{ name: "Layer 1", visible: true, opacity: 1, locked: false }],
  cels: [
    { frame: 0, layer: 0, png: PNG_1PX },
    { frame: 1, layer: 0, png: PNG_1PX },
  ],
  palette: ["#1a1c2c", "#5d275d"],
  tags: [{ name: "walk_down", from: 0, to: 1, direction: "down" }],
  pivot: { x: 16, y: 31 },
  source_task_id: null,
  source_batch_id: 12,
  source_tileset_id: null,
  task_id: 345,
  created_at: "2026-12-06T23:40:00Z",
  updated_at: "2026-12-06T23:40:00Z",
};

const SOURCES =
  "Exactly one source: `source_task_id` (a gallery image, opened at its stored 1× grid), `source_batch_id` (every completed frame on the timeline, durations from the mode, one tag per animation/facing such as `walk_down` with `direction`), `source_tileset_id` (the tileset sheet at 1×), `width` + `height` (a blank canvas, `frames` optional), or `upload` — `image` a PNG or GIF data URL (a GIF opens every frame with its delays; an exact ×N upscale is folded back to 1×), with `aseprite_json` the sheet's Aseprite JSON (hash or array form) to cut the image into frames with their durations and tags. An unknown id or another user's answers 404 and nothing is created.";

export const documentOperations: OperationSpec[] = [
  {
    method: "post",
    path: "/api/v1/documents",
    tag: "Studio extensions",
    summary:
      "Open a new editor document (version 1) from a task, batch, tileset, blank canvas or upload",
    body: createDocumentBody,
    bodyExample: { width: 32, height: 32, frames: 4, title: "hero walk" },
    errorShape: "qt",
    extension: true,
    description: `${SOURCES} The answer is the document (as GET answers it) with ETag = its version. Opening never changes the source.`,
    response: {
      status: 201,
      schema: documentAnswer,
      example: { ...documentExample, version: 1, latest_version: 1, task_id: null },
    },
    errors: { 404: "The source task, batch or tileset does not exist or is not yours" },
  },
  {
    method: "get",
    path: "/api/v1/documents",
    tag: "Studio extensions",
    summary: "Your documents, newest first (filter by source for lineage)",
    query: listDocumentsQuery,
    errorShape: "qt",
    extension: true,
    response: {
      schema: documentList,
      example: {
        documents: [
          {
            id: 7,
            title: "knight walk",
            version: 2,
            width: 32,
            height: 32,
            frame_count: 2,
            source_task_id: null,
            source_batch_id: 12,
            source_tileset_id: null,
            created_at: "2026-12-06T23:40:00Z",
            updated_at: "2026-12-06T23:40:00Z",
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
    path: "/api/v1/documents/{id}",
    tag: "Studio extensions",
    summary:
      "A document: frames, layers, cels as PNG data URLs (RGBA at the document's size), palette, tags",
    params: documentParams,
    query: documentQuery,
    errorShape: "qt",
    extension: true,
    description:
      "The newest version, or an earlier one with `?version=N` (GET /api/v1/documents/{id}/versions lists them). `latest_version` (also the ETag header) is what a save sends as If-Match. Another user's document answers 404.",
    response: { schema: documentAnswer, example: documentExample },
  },
  {
    method: "put",
    path: "/api/v1/documents/{id}",
    tag: "Studio extensions",
    summary: "Save the next version (If-Match: the version you edited); also adds a gallery entry",
    params: documentParams,
    headers: [
      {
        name: "If-Match",
        required: true,
        description:
          'The version the edit started from, e.g. `"3"` (the ETag / latest_version of GET)',
      },
    ],
    body: documentContentBody,
    bodyExample: {
      title: "two red pixels",
      width: 2,
      height: 2,
      frames: [{ duration_ms: 100 }],
      layers: [{ name: "Layer 1", visible: true, opacity: 1 }],
      cels: [
        {
          frame: 0,
          layer: 0,
          png: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWP4z8DwnwEGQBwAI+4D/TKCpiYAAAAASUVORK5CYII=",
        },
      ],
      palette: ["#ff0000"],
      tags: [],
    },
    errorShape: "qt",
    extension: true,
    description:
      "The whole document: `width`/`height` 1–256, `frames` (1–256, `duration_ms`), `layers` (1–64: `name`, `visible`, `opacity` 0–1, `locked`), `cels` (`frame`, `layer`, `png`: a PNG data URL of exactly width×height; a missing cel is transparent), `palette` (≤ 256 `#rrggbb`), `tags` (`name`, `from`, `to`, optional `direction`), optional `color_mode` (`indexed`: every opaque pixel must be a palette colour) and `pivot`. One transaction writes the new version and a new gallery entry (an image task, mode `edited`, its `params.editor` naming the document, version and source; the source is untouched). A stale If-Match answers 409 with the current version in `details` (`current_version=N`) and writes nothing; a document over the limits, a cel of the wrong size or a corrupt data URL answers 400 and writes nothing.",
    response: { schema: documentAnswer, example: documentExample },
    errors: { 409: "If-Match is not the current version (details: current_version=N)" },
  },
  {
    method: "get",
    path: "/api/v1/documents/{id}/versions",
    tag: "Studio extensions",
    summary: "Every saved version of a document, newest first",
    params: documentParams,
    errorShape: "qt",
    extension: true,
    response: {
      schema: documentVersionList,
      example: {
        id: 7,
        latest_version: 2,
        versions: [
          {
            version: 2,
            task_id: 345,
            created_at: "2026-12-06T23:40:00Z",
            url: "/api/v1/documents/7?version=2",
          },
          {
            version: 1,
            task_id: null,
            created_at: "2026-12-06T23:31:00Z",
            url: "/api/v1/documents/7?version=1",
          },
        ],
      },
    },
  },
  {
    method: "get",
    path: "/api/v1/documents/{id}/export",
    tag: "Studio extensions",
    summary:
      "Export a document: frame PNG(s), sheet + Aseprite JSON, atlas, Godot SpriteFrames, GIF, ZIP, .aseprite",
    params: documentParams,
    query: documentExportQuery,
    errorShape: "qt",
    extension: true,
    description:
      'The composited frames (visible layers with their opacity) at `scale` (1–20, default 1). `png` one frame (`frame`, 0-based); `frames` a ZIP of every frame (named `<tag>_<n>.png`); `sheet` the sheet PNG (one row); `sheet.json` Aseprite JSON (hash, frames keyed "0"…, frameTags = the document\'s tags, per-frame durations — Phaser `load.aseprite`); `atlas.json` the same with frame names (Phaser `load.atlas`, PixiJS Spritesheet `animations`); `sprite-frames.tres` Godot 4 SpriteFrames (one animation per tag); `gif`; `zip` all of them plus the .aseprite; `aseprite` a real Aseprite file (layers with visibility and opacity, frames with durations, zlib-compressed cels, tags, palette; indexed documents at 8 bpp).',
    response: {
      contentType: [
        "image/png",
        "image/gif",
        "application/json",
        "text/plain",
        "application/zip",
        "application/octet-stream",
      ],
    },
  },
];
