// Drawing tools as pure functions over a document: pencil strokes (with pixel-perfect and mirror),
// eraser, line, rectangle, ellipse and bucket fill. Each returns an Edit whose step holds only the
// changed pixels. Colours are always given as Rgba; indexed documents store the palette index.
import { rgbToOklab } from "@/lib/pixel/color";
import {
  ellipsePoints,
  linePoints,
  type MirrorAxes,
  mirrorPoint,
  type Point,
  pixelPerfect,
  rectanglePoints,
} from "./geometry";
import { type Edit, PixelTransaction } from "./history";
import {
  type CelRef,
  checkCelRef,
  hexToRgba,
  type Rgba,
  readRaw,
  type SpriteDocument,
  unpackRgba,
} from "./model";

export interface DrawOptions {
  mirror?: MirrorAxes;
  /** Snap every drawn colour to the nearest palette colour (always on in indexed mode). */
  lockToPalette?: boolean;
}

export interface StrokeOptions extends DrawOptions {
  pixelPerfect?: boolean;
  /** Name of the undo step ("Pencil" / "Eraser" by default). */
  label?: string;
}

/** Index of the palette colour nearest to `color` (OKLab distance); -1 for an empty palette. */
export function nearestPaletteIndex(palette: readonly string[], color: Rgba): number {
  if (palette.length === 0) return -1;
  const [r, g, b] = unpackRgba(color);
  const opaque = (color | 255) >>> 0;
  const exact = palette.findIndex((h) => hexToRgba(h) === opaque);
  if (exact >= 0 && (color & 255) !== 0) return exact;
  const [L, A, B] = rgbToOklab(r, g, b);
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  for (const [i, h] of palette.entries()) {
    const [pr, pg, pb] = unpackRgba(hexToRgba(h));
    const [l2, a2, b2] = rgbToOklab(pr, pg, pb);
    const d = (L - l2) ** 2 + (A - a2) ** 2 + (B - b2) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** Lock-to-palette: the palette colour nearest to `color` (transparent stays transparent). */
export function snapToPalette(palette: readonly string[], color: Rgba): Rgba {
  if (color === 0 || palette.length === 0) return color;
  return hexToRgba(palette[nearestPaletteIndex(palette, color)]!);
}

/** The raw value a colour is stored as in this document (palette index in indexed mode). */
export function rawColor(doc: SpriteDocument, color: Rgba, lockToPalette = false): number {
  if (doc.colorMode === "indexed")
    return color === 0 ? -1 : nearestPaletteIndex(doc.palette, color);
  return lockToPalette ? snapToPalette(doc.palette, color) : color;
}

function inside(doc: SpriteDocument, p: Point) {
  return p.x >= 0 && p.y >= 0 && p.x < doc.width && p.y < doc.height;
}

/**
 * One pencil/eraser stroke as it happens: `add(point)` for every pointer position (gaps are joined
 * with lines), `preview()` for the canvas, `finish()` for the Edit (one undo step). With
 * `pixelPerfect`, L-shaped corners are taken back as the stroke goes, as Aseprite does.
 */
export class Stroke {
  private readonly tx: PixelTransaction;
  private readonly raw: number;
  private readonly locked: boolean;
  private path: Point[] = [];

  constructor(
    readonly doc: SpriteDocument,
    readonly target: CelRef,
    color: Rgba,
    readonly options: StrokeOptions = {},
  ) {
    checkCelRef(doc, target);
    this.tx = new PixelTransaction(doc, options.label ?? (color === 0 ? "Eraser" : "Pencil"));
    this.raw = rawColor(doc, color, options.lockToPalette);
    this.locked = doc.layers[target.layer]!.locked;
  }

  private plot(p: Point, raw: number) {
    for (const q of mirrorPoint(p, this.options.mirror ?? {}, this.doc.width, this.doc.height)) {
      if (inside(this.doc, q)) this.tx.set(this.target, q.y * this.doc.width + q.x, raw);
    }
  }

  private unplot(p: Point) {
    for (const q of mirrorPoint(p, this.options.mirror ?? {}, this.doc.width, this.doc.height)) {
      if (inside(this.doc, q)) this.tx.restore(this.target, q.y * this.doc.width + q.x);
    }
  }

  add(p: Point): void {
    if (this.locked) return;
    const last = this.path.at(-1);
    const pts = last ? linePoints(last.x, last.y, p.x, p.y).slice(1) : [p];
    for (const q of pts) {
      this.path.push(q);
      this.plot(q, this.raw);
      if (!this.options.pixelPerfect || this.path.length < 3) continue;
      const [a, b, c] = this.path.slice(-3) as [Point, Point, Point];
      if (pixelPerfect([a, b, c]).length === 2) {
        // b was the corner of an L step: it goes back to its old colour, as in Aseprite.
        this.unplot(b);
        this.path.splice(this.path.length - 2, 1);
      }
    }
  }

  preview(): SpriteDocument {
    return this.tx.preview();
  }

  finish(): Edit {
    return this.tx.commit();
  }
}

/** A whole pencil stroke through `points` in one call (same result as a live Stroke). */
export function pencil(
  doc: SpriteDocument,
  target: CelRef,
  points: Point[],
  color: Rgba,
  options: StrokeOptions = {},
): Edit {
  const s = new Stroke(doc, target, color, options);
  for (const p of points) s.add(p);
  return s.finish();
}

/** Eraser: a pencil stroke in transparent. */
export function erase(
  doc: SpriteDocument,
  target: CelRef,
  points: Point[],
  options: StrokeOptions = {},
): Edit {
  return pencil(doc, target, points, 0, { label: "Eraser", ...options });
}

/** Writes `color` at every point (clipped, mirrored) as one step. */
export function drawPoints(
  doc: SpriteDocument,
  target: CelRef,
  points: Point[],
  color: Rgba,
  options: DrawOptions = {},
  label = "Draw",
): Edit {
  checkCelRef(doc, target);
  if (doc.layers[target.layer]!.locked) return { doc, step: null };
  const tx = new PixelTransaction(doc, label);
  const raw = rawColor(doc, color, options.lockToPalette);
  for (const p of points) {
    for (const q of mirrorPoint(p, options.mirror ?? {}, doc.width, doc.height)) {
      if (inside(doc, q)) tx.set(target, q.y * doc.width + q.x, raw);
    }
  }
  return tx.commit();
}

export function drawLine(
  doc: SpriteDocument,
  target: CelRef,
  from: Point,
  to: Point,
  color: Rgba,
  options: DrawOptions = {},
): Edit {
  return drawPoints(doc, target, linePoints(from.x, from.y, to.x, to.y), color, options, "Line");
}

export function drawRectangle(
  doc: SpriteDocument,
  target: CelRef,
  from: Point,
  to: Point,
  color: Rgba,
  options: DrawOptions & { filled?: boolean } = {},
): Edit {
  const pts = rectanglePoints(from.x, from.y, to.x, to.y, options.filled ?? false);
  return drawPoints(doc, target, pts, color, options, "Rectangle");
}

export function drawEllipse(
  doc: SpriteDocument,
  target: CelRef,
  from: Point,
  to: Point,
  color: Rgba,
  options: DrawOptions & { filled?: boolean } = {},
): Edit {
  const pts = ellipsePoints(from.x, from.y, to.x, to.y, options.filled ?? false);
  return drawPoints(doc, target, pts, color, options, "Ellipse");
}

/**
 * The pixels a bucket fill at (x,y) covers: the 4-connected region of the same colour
 * (`contiguous`), or every pixel of that colour in the cel. A mask of width*height.
 */
export function fillRegion(
  doc: SpriteDocument,
  target: CelRef,
  at: Point,
  contiguous = true,
): Uint8Array {
  checkCelRef(doc, target);
  const { width: w, height: h } = doc;
  const mask = new Uint8Array(w * h);
  if (!inside(doc, at)) return mask;
  const cel = doc.cels[target.layer]![target.frame]!;
  const seed = readRaw(doc, cel, at.y * w + at.x);
  if (!contiguous) {
    for (let i = 0; i < w * h; i++) if (readRaw(doc, cel, i) === seed) mask[i] = 1;
    return mask;
  }
  // Scan-line fill with an explicit stack: no recursion depth limit at 256×256.
  const stack = [at.y * w + at.x];
  while (stack.length) {
    const i = stack.pop()!;
    const y = Math.floor(i / w);
    let l = i;
    while (l % w > 0 && !mask[l - 1] && readRaw(doc, cel, l - 1) === seed) l--;
    let r = i;
    while (r % w < w - 1 && !mask[r + 1] && readRaw(doc, cel, r + 1) === seed) r++;
    for (let k = l; k <= r; k++) {
      if (mask[k] || readRaw(doc, cel, k) !== seed) continue;
      mask[k] = 1;
      if (y > 0 && !mask[k - w] && readRaw(doc, cel, k - w) === seed) stack.push(k - w);
      if (y < h - 1 && !mask[k + w] && readRaw(doc, cel, k + w) === seed) stack.push(k + w);
    }
  }
  return mask;
}

/** Bucket fill: contiguous region, or (`contiguous: false`) every pixel of the clicked colour. */
export function bucketFill(
  doc: SpriteDocument,
  target: CelRef,
  at: Point,
  color: Rgba,
  options: DrawOptions & { contiguous?: boolean } = {},
): Edit {
  checkCelRef(doc, target);
  if (doc.layers[target.layer]!.locked) return { doc, step: null };
  const mask = fillRegion(doc, target, at, options.contiguous ?? true);
  const tx = new PixelTransaction(doc, options.contiguous === false ? "Fill colour" : "Fill");
  const raw = rawColor(doc, color, options.lockToPalette);
  const w = doc.width;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const p = { x: i % w, y: Math.floor(i / w) };
    for (const q of mirrorPoint(p, options.mirror ?? {}, doc.width, doc.height)) {
      tx.set(target, q.y * w + q.x, raw);
    }
  }
  return tx.commit();
}

/** Colour under (x,y) in one cel (the picker); transparent outside the canvas. */
export function pickColor(doc: SpriteDocument, target: CelRef, at: Point): Rgba {
  checkCelRef(doc, target);
  if (!inside(doc, at)) return 0;
  const raw = readRaw(doc, doc.cels[target.layer]![target.frame]!, at.y * doc.width + at.x);
  if (doc.colorMode === "rgba") return raw;
  return raw < 0 ? 0 : hexToRgba(doc.palette[raw]!);
}
