// The settings that change what a picture looks like, as one comparable key: the duplicate check
// offers an earlier artwork only when it was drawn with the same ones (a 16×16 auto-palette goblet
// is no answer to a request for a 64×64 PICO-8 one).
import { readTaskParams } from "./task-params";

export interface PictureSettings {
  mode?: string | null;
  palette?: string | null;
  /** the offline engine's logical grid as drawn (asked for, or read from the prompt) */
  size?: number | null;
  outline?: string | null;
  shading?: string | null;
  resolution?: string | null;
  aspectRatio?: string | null;
}

/** Absent values become the defaults the engine uses, so "auto" and no palette compare equal. */
export function pictureSettings(s: PictureSettings): string {
  return JSON.stringify([
    s.mode || "random",
    s.palette || "auto",
    s.size ?? null,
    s.outline || "coloured",
    s.shading || "soft",
    s.resolution || "",
    s.aspectRatio || "",
  ]);
}

/** The same settings read back from a stored task row. */
export function taskPictureSettings(task: {
  mode: string | null;
  palette: string | null;
  params: unknown;
}): PictureSettings {
  const p = readTaskParams(task.params);
  return {
    mode: task.mode,
    palette: task.palette,
    size: p.interpretation?.size ?? p.size ?? null,
    outline: p.outline,
    shading: p.shading,
    resolution: p.resolution,
    aspectRatio: p.aspectRatio,
  };
}
