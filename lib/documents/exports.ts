// Exports of an editor document through the studio's exporters (lib/pixel/exports.ts): a frame
// PNG, every frame's PNG in a ZIP, the sprite sheet with its Aseprite JSON and named atlas
// (Phaser / PixiJS), Godot SpriteFrames, GIF, a ZIP of all of them, and a real .aseprite file.
// The frames are the document's composited frames (visible layers with their opacity); names,
// tags and durations are the document's.
// CPU-heavy (encoding the sheet / GIF / frame PNGs at large scales, the .aseprite deflate): every
// encoding runs on the worker-thread pool (lib/workers), as the batch exports do, so a large
// export does not hold up the event loop that answers other requests.
import type { DocumentExportFormat } from "@/lib/api/schemas/documents";
import { compositeFrame, type SpriteDocument } from "@/lib/document";
import { InvalidInputError } from "@/lib/errors";
import type { AnimationLayout } from "@/lib/pixel/animation-layout";
import { godotSpriteFrames, type SpriteSheet, zipStream } from "@/lib/pixel/exports";
import type { RgbaImage } from "@/lib/pixel/types";
import { sheetZipEntries, streamBody } from "@/lib/tasks/batch-exports";
import { runJob } from "@/lib/workers/pool";

/** Frame names, tags and durations of a document, in the shape the sheet exporters take. */
export function documentLayout(doc: SpriteDocument): AnimationLayout {
  const tags = doc.tags.length
    ? doc.tags.map((t) => ({ name: t.name, from: t.from, to: t.to, loop: true }))
    : [{ name: "animation", from: 0, to: doc.frames.length - 1, loop: true }];
  const frames = doc.frames.map((f, n) => {
    const tag = doc.tags.find((t) => n >= t.from && n <= t.to);
    const step = tag ? n - tag.from : n;
    return {
      index: n,
      name: tag ? `${tag.name}_${step + 1}` : `frame_${n + 1}`,
      tag: tag?.name ?? "animation",
      ...(tag?.direction ? { facing: tag.direction } : {}),
      step,
      col: n,
      row: 0,
      durationMs: f.durationMs,
    };
  });
  return { frames, tags, columns: Math.max(1, doc.frames.length), rows: 1 };
}

export function documentGrids(doc: SpriteDocument): RgbaImage[] {
  return doc.frames.map((_, f) => ({
    width: doc.width,
    height: doc.height,
    data: compositeFrame(doc, f),
  }));
}

export interface ExportFile {
  body: Buffer | ReadableStream<Uint8Array>;
  contentType: string;
  filename: string;
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 40) || "sprite"
  );
}

export async function exportDocument(
  doc: SpriteDocument,
  o: { id: number; title: string; format: DocumentExportFormat; scale?: number; frame?: number },
): Promise<ExportFile> {
  const scale = o.scale ?? 1;
  const base = `${slug(o.title)}_${o.id}${scale === 1 ? "_1x" : `_x${scale}`}`;
  const grids = documentGrids(doc);
  const sheetOf = (imageName = `${base}_sheet.png`): Promise<SpriteSheet> =>
    runJob("sheetFromGrids", [
      grids,
      {
        scale,
        background: "transparent",
        mode: "document",
        layout: documentLayout(doc),
        imageName,
      },
    ]);
  const png = (g: RgbaImage) => runJob("gridPng", [g, scale, "transparent"]);
  const gif = () =>
    runJob("gifFromGrids", [
      grids,
      {
        scale,
        background: "transparent",
        durations: doc.frames.map((f) => f.durationMs),
        loop: true,
      },
    ]);
  const json = (v: unknown) => Buffer.from(`${JSON.stringify(v, null, 2)}\n`);
  const frameName = (n: number) => `${documentLayout(doc).frames[n]!.name}.png`;
  switch (o.format) {
    case "png": {
      const n = o.frame ?? 0;
      if (n >= doc.frames.length) {
        throw new InvalidInputError(`frame must be 0–${doc.frames.length - 1}`);
      }
      return {
        body: await png(grids[n]!),
        contentType: "image/png",
        filename: `${base}_${frameName(n)}`,
      };
    }
    case "frames":
      return {
        body: streamBody(
          zipStream(
            grids.map((g, n) => ({
              name: frameName(n),
              data: () => png(g),
            })),
          ),
        ),
        contentType: "application/zip",
        filename: `${base}_frames.zip`,
      };
    case "sheet":
      return {
        body: (await sheetOf()).png,
        contentType: "image/png",
        filename: `${base}_sheet.png`,
      };
    case "sheet.json":
      return {
        body: json((await sheetOf()).atlas),
        contentType: "application/json",
        filename: `${base}_sheet.json`,
      };
    case "atlas.json":
      return {
        body: json((await sheetOf()).namedAtlas),
        contentType: "application/json",
        filename: `${base}_atlas.json`,
      };
    case "sprite-frames.tres":
      return {
        body: Buffer.from(godotSpriteFrames(await sheetOf())),
        contentType: "text/plain; charset=utf-8",
        filename: `${base}_sprite_frames.tres`,
      };
    case "gif":
      return {
        body: await gif(),
        contentType: "image/gif",
        filename: `${base}.gif`,
      };
    case "aseprite":
      return {
        body: await runJob("asepriteFile", [doc]),
        contentType: "application/octet-stream",
        filename: `${slug(o.title)}_${o.id}.aseprite`,
      };
    case "zip": {
      let sheet: Promise<SpriteSheet> | undefined;
      const getSheet = () => {
        sheet ??= sheetOf("sheet.png");
        return sheet;
      };
      return {
        body: streamBody(
          zipStream([
            ...grids.map((g, n) => ({
              name: frameName(n),
              data: () => png(g),
            })),
            ...sheetZipEntries(getSheet),
            {
              name: "animation.gif",
              data: gif,
            },
            {
              name: `${slug(o.title)}.aseprite`,
              data: () => runJob("asepriteFile", [doc]),
            },
          ]),
        ),
        contentType: "application/zip",
        filename: `${base}.zip`,
      };
    }
  }
}
