"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { documentFromImages, type SpriteDocument } from "@/lib/document";
import { DOCUMENT_MAX_SIDE } from "@/lib/vocabulary";
import { useI18n } from "../i18n-provider";
import { Button, cardClass, ErrorText, inputClass, Spinner } from "../ui";
import { documentsApi, saveDocument } from "./document-io";

function pixelsOf(source: CanvasImageSource, w: number, h: number, sx = 0, sy = 0) {
  const c = new OffscreenCanvas(w, h);
  const ctx = c.getContext("2d", { willReadFrequently: true })!;
  ctx.drawImage(source, sx, sy, w, h, 0, 0, w, h);
  return ctx.getImageData(0, 0, w, h).data;
}

function checkSide(w: number, h: number, tooBig: string) {
  if (w < 1 || h < 1 || w > DOCUMENT_MAX_SIDE || h > DOCUMENT_MAX_SIDE) throw new Error(tooBig);
}

/** Every frame of a GIF (WebCodecs ImageDecoder composes them), with durations. */
async function gifFrames(file: File, tooBig: string): Promise<SpriteDocument> {
  const Decoder = (globalThis as { ImageDecoder?: typeof ImageDecoder }).ImageDecoder;
  if (!Decoder) {
    const bmp = await createImageBitmap(file);
    checkSide(bmp.width, bmp.height, tooBig);
    return documentFromImages({
      width: bmp.width,
      height: bmp.height,
      frames: [pixelsOf(bmp, bmp.width, bmp.height)],
    });
  }
  const decoder = new Decoder({ data: await file.arrayBuffer(), type: "image/gif" });
  await decoder.tracks.ready;
  const count = decoder.tracks.selectedTrack?.frameCount ?? 1;
  const frames: Uint8ClampedArray[] = [];
  const durations: number[] = [];
  let w = 0;
  let h = 0;
  for (let i = 0; i < Math.min(count, 256); i++) {
    const { image } = await decoder.decode({ frameIndex: i });
    w = image.displayWidth;
    h = image.displayHeight;
    checkSide(w, h, tooBig);
    frames.push(pixelsOf(image, w, h));
    durations.push(Math.max(10, Math.round((image.duration ?? 100_000) / 1000)));
    image.close();
  }
  decoder.close();
  return documentFromImages({ width: w, height: h, frames, durationsMs: durations });
}

interface AseFrame {
  frame: { x: number; y: number; w: number; h: number };
  duration?: number;
}

/** A sprite sheet cut by its Aseprite JSON (array or hash form), with durations and tags. */
async function sheetFrames(sheet: File, json: File, tooBig: string): Promise<SpriteDocument> {
  const data = JSON.parse(await json.text()) as {
    frames: AseFrame[] | Record<string, AseFrame>;
    meta?: { frameTags?: { name: string; from: number; to: number }[] };
  };
  const list = Array.isArray(data.frames) ? data.frames : Object.values(data.frames);
  if (!list.length) throw new Error("no frames in the JSON");
  const bmp = await createImageBitmap(sheet);
  const { w, h } = list[0]!.frame;
  checkSide(w, h, tooBig);
  const frames = list.map((f) => pixelsOf(bmp, w, h, f.frame.x, f.frame.y));
  return documentFromImages({
    width: w,
    height: h,
    frames,
    durationsMs: list.map((f) => f.duration ?? 100),
    tags: (data.meta?.frameTags ?? [])
      .filter((t) => t.to < frames.length)
      .map((t) => ({ name: t.name, from: t.from, to: t.to })),
  });
}

async function imageFile(file: File, tooBig: string): Promise<SpriteDocument> {
  if (file.type === "image/gif" || file.name.toLowerCase().endsWith(".gif"))
    return gifFrames(file, tooBig);
  const bmp = await createImageBitmap(file);
  checkSide(bmp.width, bmp.height, tooBig);
  return documentFromImages({
    width: bmp.width,
    height: bmp.height,
    frames: [pixelsOf(bmp, bmp.width, bmp.height)],
  });
}

/** "New": a blank canvas, or an upload (PNG, every frame of a GIF, a sheet with its Aseprite JSON). */
export function NewDocument() {
  const { t } = useI18n();
  const router = useRouter();
  const ids = { w: useId(), h: useId(), file: useId(), json: useId() };
  const [size, setSize] = useState({ w: 32, h: 32 });
  const [files, setFiles] = useState<{ image: File | null; json: File | null }>({
    image: null,
    json: null,
  });
  const tooBig = t("editor.tooBig", { max: DOCUMENT_MAX_SIDE });

  const blank = useMutation({
    mutationFn: () => documentsApi.create({ width: size.w, height: size.h }),
    onSuccess: (d) => router.push(`/editor/${d.id}`),
  });
  const upload = useMutation({
    mutationFn: async () => {
      const image = files.image!;
      const doc = files.json
        ? await sheetFrames(image, files.json, tooBig)
        : await imageFile(image, tooBig);
      const created = await documentsApi.create({ width: doc.width, height: doc.height });
      await saveDocument(created.id, created.version, doc);
      return created;
    },
    onSuccess: (d) => router.push(`/editor/${d.id}`),
  });

  return (
    <div className="space-y-6" data-testid="new-document">
      <h1 className="text-2xl font-bold">{t("editor.title")}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">{t("editor.intro")}</p>
      <form
        className={`${cardClass} space-y-3 p-4`}
        onSubmit={(e) => {
          e.preventDefault();
          blank.mutate();
        }}
      >
        <h2 className="font-semibold">{t("editor.blank")}</h2>
        <div className="flex flex-wrap items-end gap-3">
          <label htmlFor={ids.w} className="text-sm">
            {t("editor.width")}
            <input
              id={ids.w}
              type="number"
              min={1}
              max={DOCUMENT_MAX_SIDE}
              value={size.w}
              onChange={(e) => setSize({ ...size, w: Number(e.target.value) })}
              className={`${inputClass} w-24`}
            />
          </label>
          <label htmlFor={ids.h} className="text-sm">
            {t("editor.height")}
            <input
              id={ids.h}
              type="number"
              min={1}
              max={DOCUMENT_MAX_SIDE}
              value={size.h}
              onChange={(e) => setSize({ ...size, h: Number(e.target.value) })}
              className={`${inputClass} w-24`}
            />
          </label>
          <Button type="submit" variant="primary" disabled={blank.isPending}>
            {blank.isPending && <Spinner />}
            {t("editor.create")}
          </Button>
        </div>
        {blank.error && <ErrorText error={blank.error} />}
      </form>
      <form
        className={`${cardClass} space-y-3 p-4`}
        onSubmit={(e) => {
          e.preventDefault();
          upload.mutate();
        }}
      >
        <h2 className="font-semibold">{t("editor.upload")}</h2>
        <p className="text-xs text-zinc-500">{t("editor.uploadHint")}</p>
        <label htmlFor={ids.file} className="block text-sm">
          {t("editor.uploadImage")}
          <input
            id={ids.file}
            type="file"
            accept="image/png,image/gif,image/webp"
            onChange={(e) => setFiles({ ...files, image: e.target.files?.[0] ?? null })}
            className="block text-sm"
          />
        </label>
        <label htmlFor={ids.json} className="block text-sm">
          {t("editor.uploadJson")}
          <input
            id={ids.json}
            type="file"
            accept=".json,application/json"
            onChange={(e) => setFiles({ ...files, json: e.target.files?.[0] ?? null })}
            className="block text-sm"
          />
        </label>
        <Button type="submit" variant="primary" disabled={!files.image || upload.isPending}>
          {upload.isPending && <Spinner />}
          {t("editor.open")}
        </Button>
        {upload.error && <ErrorText error={upload.error} />}
      </form>
    </div>
  );
}
