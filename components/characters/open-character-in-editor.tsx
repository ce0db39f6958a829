"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { horizontalSheetJson, type SheetPart } from "@/lib/client/character-sheet";
import { type CharacterAnimation, frameSrc } from "@/lib/client/characters";
import { type DocumentSource, documentsApi } from "../editor/document-io";
import { Button, ErrorText, Spinner } from "../ui";

export interface SheetSource {
  size: number;
  parts: (SheetPart & { urls: string[] })[];
}

async function dataUrlOf(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/png;base64,${btoa(bin)}`;
}

/**
 * Facings or an animation without a batch behind them go to the editor as an upload: the 1×
 * frames drawn side by side on one sheet, cut again by the sheet's Aseprite JSON (tags kept).
 */
async function uploadOf(sheet: SheetSource): Promise<DocumentSource> {
  const urls = sheet.parts.flatMap((p) => p.urls);
  const canvas = new OffscreenCanvas(Math.max(1, urls.length) * sheet.size, sheet.size);
  const ctx = canvas.getContext("2d")!;
  ctx.imageSmoothingEnabled = false;
  const bitmaps = await Promise.all(
    urls.map(async (url) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      return createImageBitmap(await res.blob(), {
        premultiplyAlpha: "none",
        colorSpaceConversion: "none",
      });
    }),
  );
  bitmaps.forEach((b, i) => {
    ctx.drawImage(b, i * sheet.size, 0, sheet.size, sheet.size);
    b.close();
  });
  const image = await dataUrlOf(await canvas.convertToBlob({ type: "image/png" }));
  return {
    upload: { image, aseprite_json: horizontalSheetJson(sheet.parts, sheet.size, sheet.size) },
  };
}

/** The animation's frames as one sheet part (only frames that are drawn). */
export function animationSheet(
  a: CharacterAnimation,
  size: number,
  takes: Record<string, number>,
): SheetSource {
  const frames = a.frames.filter((f) => f.status === "completed" && f.url);
  return {
    size,
    parts: [
      {
        tag: `${a.action}_${a.direction}`,
        urls: frames.map((f) => frameSrc(f.url, takes[`${a.id}:${f.index}`])!),
        durationsMs: frames.map((f) => a.durations_ms[f.index] ?? 120),
      },
    ],
  };
}

/** Makes an editor document (from the batch when there is one) and opens it. */
export function OpenCharacterInEditor({
  label,
  batchId,
  sheet,
  disabled,
  testId,
}: {
  label: string;
  batchId?: number | null;
  sheet: () => SheetSource;
  disabled?: boolean;
  testId: string;
}) {
  const router = useRouter();
  const open = useMutation({
    mutationFn: async () =>
      documentsApi.create(batchId ? { source_batch_id: batchId } : await uploadOf(sheet())),
    onSuccess: (d) => router.push(`/editor/${d.id}`),
  });
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        onClick={() => open.mutate()}
        disabled={disabled || open.isPending}
        data-testid={testId}
        title={label}
      >
        {open.isPending ? <Spinner /> : <span aria-hidden="true">✎</span>}
        {label}
      </Button>
      {open.error && <ErrorText error={open.error} />}
    </span>
  );
}
