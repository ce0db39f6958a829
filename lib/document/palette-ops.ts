// Palette operations: add, remove, reorder, edit an entry, replace a colour across every cel,
// switch between RGBA and indexed mode and remap onto another palette. In indexed mode the cels
// hold palette indices, so editing an entry recolours every frame; reordering remaps indices so the
// picture stays the same.
import { InvalidInputError } from "@/lib/errors";
import { nearestPaletteIndex, rawColor } from "./draw";
import { documentStep, type Edit, PixelTransaction } from "./history";
import {
  type CelPixels,
  emptyCel,
  hexToRgba,
  MAX_PALETTE_COLORS,
  normalizeHex,
  type Rgba,
  readRaw,
  rgbaToHex,
  type SpriteDocument,
  shallowCopy,
  writeRaw,
} from "./model";

function checkIndex(doc: SpriteDocument, i: number, allowEnd = false) {
  const max = allowEnd ? doc.palette.length : doc.palette.length - 1;
  if (!Number.isInteger(i) || i < 0 || i > max)
    throw new InvalidInputError(`no palette entry ${i}`);
}

/** Maps every indexed cel's values through `map` (old index → new index, -1 stays -1). */
function remapCels(doc: SpriteDocument, next: SpriteDocument, map: (i: number) => number) {
  next.cels = doc.cels.map((row) =>
    row.map((cel) => {
      const src = cel as Int16Array;
      const out = new Int16Array(src.length);
      for (let k = 0; k < src.length; k++) out[k] = src[k]! < 0 ? -1 : map(src[k]!);
      return out as CelPixels;
    }),
  );
}

export function addPaletteColor(doc: SpriteDocument, hex: string, at = doc.palette.length): Edit {
  checkIndex(doc, at, true);
  if (doc.palette.length >= MAX_PALETTE_COLORS) {
    throw new InvalidInputError(`a palette has at most ${MAX_PALETTE_COLORS} colours`);
  }
  const next = shallowCopy(doc);
  next.palette.splice(at, 0, normalizeHex(hex));
  if (doc.colorMode === "indexed") remapCels(doc, next, (i) => (i >= at ? i + 1 : i));
  return documentStep("Add colour", doc, next);
}

/**
 * Removes an entry. Indexed pixels that used it take the nearest remaining colour (transparent if
 * the palette becomes empty).
 */
export function removePaletteColor(doc: SpriteDocument, index: number): Edit {
  checkIndex(doc, index);
  const next = shallowCopy(doc);
  next.palette.splice(index, 1);
  if (doc.colorMode === "indexed") {
    const replacement = nearestPaletteIndex(next.palette, hexToRgba(doc.palette[index]!));
    remapCels(doc, next, (i) => (i === index ? replacement : i > index ? i - 1 : i));
  }
  return documentStep("Remove colour", doc, next);
}

/** Moves an entry; indexed pixels keep their colour. */
export function movePaletteColor(doc: SpriteDocument, from: number, to: number): Edit {
  checkIndex(doc, from);
  checkIndex(doc, to);
  if (from === to) return { doc, step: null };
  const next = shallowCopy(doc);
  const [c] = next.palette.splice(from, 1);
  next.palette.splice(to, 0, c!);
  if (doc.colorMode === "indexed") {
    const newIndexOf = doc.palette.map((_, i) => {
      if (i === from) return to;
      if (from < to && i > from && i <= to) return i - 1;
      if (from > to && i >= to && i < from) return i + 1;
      return i;
    });
    remapCels(doc, next, (i) => newIndexOf[i]!);
  }
  return documentStep("Move colour", doc, next);
}

/**
 * Changes one palette entry. Indexed: every pixel of that entry, in every frame and layer, shows
 * the new colour. RGBA: the palette entry only (use replaceColor to repaint pixels too).
 */
export function setPaletteColor(doc: SpriteDocument, index: number, hex: string): Edit {
  checkIndex(doc, index);
  const next = shallowCopy(doc);
  next.palette[index] = normalizeHex(hex);
  return documentStep("Edit colour", doc, next);
}

/**
 * Replaces one colour with another in every cel of the document (one undo step): the "cape is blue
 * in every frame" action. RGBA: pixels equal to `from` (exact, alpha included) become `to`; the
 * palette entry equal to `from`, if any, changes too. Indexed: the entry's colour changes.
 */
export function replaceColor(doc: SpriteDocument, from: Rgba, to: Rgba): Edit {
  if (from === to) return { doc, step: null };
  if (doc.colorMode === "indexed") {
    const index = doc.palette.findIndex((h) => hexToRgba(h) === (from | 255) >>> 0);
    if (index < 0 || from === 0) return { doc, step: null };
    if (to === 0) {
      // Replacing by transparent clears those pixels.
      const tx = new PixelTransaction(doc, "Replace colour");
      forEachPixel(doc, (layer, frame, i, raw) => {
        if (raw === index) tx.set({ layer, frame }, i, -1);
      });
      return tx.commit();
    }
    return setPaletteColor(doc, index, rgbaToHex(to));
  }
  const tx = new PixelTransaction(doc, "Replace colour");
  forEachPixel(doc, (layer, frame, i, raw) => {
    if (raw === from) tx.set({ layer, frame }, i, to);
  });
  const pixels = tx.commit();
  const entry = from === 0 ? -1 : doc.palette.findIndex((h) => hexToRgba(h) === (from | 255) >>> 0);
  if (entry < 0 || to === 0) return pixels;
  // One step for pixels and palette: a document step from the original to the final document.
  const next = shallowCopy(pixels.doc);
  next.palette[entry] = rgbaToHex(to);
  return documentStep("Replace colour", doc, next);
}

function forEachPixel(
  doc: SpriteDocument,
  f: (layer: number, frame: number, i: number, raw: number) => void,
) {
  const n = doc.width * doc.height;
  for (let layer = 0; layer < doc.layers.length; layer++) {
    for (let frame = 0; frame < doc.frames.length; frame++) {
      const cel = doc.cels[layer]![frame]!;
      for (let i = 0; i < n; i++) f(layer, frame, i, readRaw(doc, cel, i));
    }
  }
}

/**
 * New cels for `next` from `doc`'s: every non-transparent colour through `f` (once per distinct
 * colour), transparent pixels left clear.
 */
function mapOpaquePixels(
  doc: SpriteDocument,
  next: SpriteDocument,
  f: (color: number) => number,
): CelPixels[][] {
  const cache = new Map<number, number>();
  return doc.cels.map((row) =>
    row.map((cel) => {
      const out = emptyCel(next);
      for (let i = 0; i < doc.width * doc.height; i++) {
        const c = readRaw(doc, cel, i);
        if (c === 0) continue;
        let v = cache.get(c);
        if (v === undefined) {
          v = f(c);
          cache.set(c, v);
        }
        writeRaw(next, out, i, v);
      }
      return out;
    }),
  );
}

/** Every distinct opaque colour used in the document, in first-use order ("#rrggbb"). */
export function usedColors(doc: SpriteDocument): string[] {
  const seen = new Set<string>();
  forEachPixel(doc, (_l, _f, _i, raw) => {
    if (doc.colorMode === "indexed") {
      if (raw >= 0) seen.add(doc.palette[raw]!);
    } else if (raw !== 0) seen.add(rgbaToHex(raw));
  });
  return [...seen];
}

/**
 * Converts an RGBA document to indexed mode. The palette is the document's (extended with the
 * colours in use when `extendPalette` and room is left, else empty palettes take the used colours);
 * each pixel becomes the nearest entry, partly transparent pixels opaque, clear ones -1.
 */
export function toIndexed(doc: SpriteDocument, opts: { extendPalette?: boolean } = {}): Edit {
  if (doc.colorMode === "indexed") return { doc, step: null };
  let palette = doc.palette.slice();
  if (palette.length === 0 || opts.extendPalette) {
    for (const c of usedColors(doc)) {
      if (palette.length >= MAX_PALETTE_COLORS) break;
      if (!palette.includes(c)) palette.push(c);
    }
  }
  if (palette.length === 0) palette = ["#000000"];
  const next = shallowCopy(doc);
  next.colorMode = "indexed";
  next.palette = palette;
  next.cels = mapOpaquePixels(doc, next, (c) => nearestPaletteIndex(palette, c));
  return documentStep("Indexed mode", doc, next);
}

/** Converts an indexed document to RGBA (the palette stays as a swatch list). */
export function toRgba(doc: SpriteDocument): Edit {
  if (doc.colorMode === "rgba") return { doc, step: null };
  const next = shallowCopy(doc);
  next.colorMode = "rgba";
  next.cels = doc.cels.map((row) =>
    row.map((cel) => {
      const out = emptyCel(next);
      for (let i = 0; i < doc.width * doc.height; i++) {
        const v = (cel as Int16Array)[i]!;
        if (v >= 0) writeRaw(next, out, i, hexToRgba(doc.palette[v]!));
      }
      return out;
    }),
  );
  return documentStep("RGBA mode", doc, next);
}

/**
 * Puts the document on a new palette: indexed cels are remapped entry by entry to the nearest new
 * colour (or through `mapping`, old index → new index, when given); RGBA pixels are snapped to it.
 */
export function remapToPalette(doc: SpriteDocument, palette: string[], mapping?: number[]): Edit {
  if (palette.length === 0 || palette.length > MAX_PALETTE_COLORS) {
    throw new InvalidInputError(`a palette has 1 to ${MAX_PALETTE_COLORS} colours`);
  }
  const pal = palette.map(normalizeHex);
  const next = shallowCopy(doc);
  next.palette = pal;
  if (doc.colorMode === "indexed") {
    const map = mapping ?? doc.palette.map((h) => nearestPaletteIndex(pal, hexToRgba(h)));
    if (
      map.length !== doc.palette.length ||
      map.some((m) => !Number.isInteger(m) || m < 0 || m >= pal.length)
    ) {
      throw new InvalidInputError("the mapping names a new index for every old palette entry");
    }
    remapCels(doc, next, (i) => map[i]!);
  } else {
    next.cels = mapOpaquePixels(doc, next, (c) => rawColor(next, c, true));
  }
  return documentStep("Remap palette", doc, next);
}

/**
 * Takes a saved or built-in palette as the document's swatches. An RGBA document keeps its pixels
 * (the palette is what the artist picks from, and what "lock to palette" snaps to); an indexed one
 * cannot hold a colour outside its palette, so its pixels move to the nearest new entry.
 */
export function loadPalette(doc: SpriteDocument, palette: readonly string[]): Edit {
  if (doc.colorMode === "indexed") return remapToPalette(doc, [...palette]);
  if (palette.length === 0 || palette.length > MAX_PALETTE_COLORS) {
    throw new InvalidInputError(`a palette has 1 to ${MAX_PALETTE_COLORS} colours`);
  }
  const next = shallowCopy(doc);
  next.palette = palette.map(normalizeHex);
  return documentStep("Load palette", doc, next);
}
