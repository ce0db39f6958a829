// A character's frames laid out as one horizontal sheet with Aseprite's JSON (hash form), so the
// editor's upload path can open facings or an animation that has no batch behind it. Pure: the
// browser draws the pixels, this says where they go.

export interface SheetPart {
  /** the tag the frames belong to (`walk_down`, or a facing's name) */
  tag: string;
  durationsMs: number[];
}

/** Aseprite JSON for `parts` laid left to right, each frame `width` × `height`. */
export function horizontalSheetJson(parts: SheetPart[], width: number, height: number) {
  const frames: Record<string, unknown> = {};
  const frameTags: { name: string; from: number; to: number; direction: "forward" }[] = [];
  let i = 0;
  for (const part of parts) {
    const from = i;
    part.durationsMs.forEach((duration, k) => {
      frames[`${part.tag}_${k + 1}`] = {
        frame: { x: i * width, y: 0, w: width, h: height },
        rotated: false,
        trimmed: false,
        spriteSourceSize: { x: 0, y: 0, w: width, h: height },
        sourceSize: { w: width, h: height },
        duration,
      };
      i++;
    });
    if (i > from) frameTags.push({ name: part.tag, from, to: i - 1, direction: "forward" });
  }
  return {
    frames,
    meta: {
      app: "Pixel Studio",
      format: "RGBA8888",
      size: { w: Math.max(1, i) * width, h: height },
      scale: "1",
      frameTags,
    },
  };
}
