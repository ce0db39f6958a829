"use client";
// Paints a document frame into the editor's viewport with Canvas2D: a 1× backing canvas holds the
// frame's pixels (ImageData), the screen canvas draws it at an integer zoom with smoothing off,
// the onion skin behind it, the pixel grid and the selection on top. The pointer path calls
// renderer synchronously, so a stroke is on screen in the next browser frame; during a stroke only
// the pixels it touched are recomposed and uploaded.
import {
  compositeFrame,
  compositeOnionSkin,
  type Point,
  type Rect,
  type Selection,
  type SpriteDocument,
} from "@/lib/document";
import { compositeRectInto } from "@/lib/document/composite-rect";

export interface ViewTransform {
  zoom: number;
  pan: { x: number; y: number };
}

export interface PaintOptions {
  grid: boolean;
  onion: { before: number; after: number; opacity: number } | null;
  selection: Selection | null;
  /** the marching rectangle of a selection being dragged out */
  draft?: Rect | null;
  /** the outline of a lasso being drawn (document pixels) */
  lasso?: Point[] | null;
  /** the pivot's pixel, drawn as a cross-hair (null: hidden) */
  pivot?: Point | null;
}

/** Screen (CSS px in the canvas) position of the document's top-left corner. */
export function documentOrigin(
  view: ViewTransform,
  doc: Pick<SpriteDocument, "width" | "height">,
  canvasCss: { width: number; height: number },
) {
  return {
    x: Math.round(canvasCss.width / 2 + view.pan.x - (doc.width * view.zoom) / 2),
    y: Math.round(canvasCss.height / 2 + view.pan.y - (doc.height * view.zoom) / 2),
  };
}

export class FrameRenderer {
  private readonly pixels: HTMLCanvasElement;
  private readonly onionCanvas: HTMLCanvasElement;
  private checker: CanvasPattern | null = null;
  /** the ImageData reused between paints of the same size (no allocation per pointer move) */
  private image: ImageData | null = null;

  constructor(
    readonly screen: HTMLCanvasElement,
    readonly preview: HTMLCanvasElement | null,
  ) {
    this.pixels = document.createElement("canvas");
    this.onionCanvas = document.createElement("canvas");
  }

  /** The CSS size of the screen canvas (device pixels / devicePixelRatio). */
  cssSize() {
    const dpr = window.devicePixelRatio || 1;
    return { width: this.screen.width / dpr, height: this.screen.height / dpr };
  }

  /** Recomposes `frame` of `doc` into the 1× backing canvas (and the onion skin behind it). */
  updatePixels(doc: SpriteDocument, frame: number, onion: PaintOptions["onion"], withOnion = true) {
    const { width: w, height: h } = doc;
    if (this.pixels.width !== w || this.pixels.height !== h) {
      this.pixels.width = this.onionCanvas.width = w;
      this.pixels.height = this.onionCanvas.height = h;
      this.image = null;
    }
    if (!this.image) this.image = new ImageData(w, h);
    this.image.data.set(compositeFrame(doc, frame));
    this.pixels.getContext("2d")!.putImageData(this.image, 0, 0);
    const octx = this.onionCanvas.getContext("2d")!;
    if (withOnion) octx.clearRect(0, 0, w, h);
    if (withOnion && onion && doc.frames.length > 1) {
      const skin = compositeOnionSkin(doc, frame, {
        before: onion.before,
        after: onion.after,
        opacity: 1,
      });
      const img = new ImageData(w, h);
      img.data.set(skin);
      octx.putImageData(img, 0, 0);
    }
    if (this.preview) {
      if (this.preview.width !== w || this.preview.height !== h) {
        this.preview.width = w;
        this.preview.height = h;
      }
      const pctx = this.preview.getContext("2d")!;
      pctx.clearRect(0, 0, w, h);
      pctx.drawImage(this.pixels, 0, 0);
    }
  }

  /**
   * A gesture changed only `rect` of the frame on screen: recompose those pixels and upload just
   * that rectangle (falls back to the whole frame when the backing canvas is not ready).
   */
  updateRect(doc: SpriteDocument, frame: number, rect: Rect) {
    if (!this.image || this.pixels.width !== doc.width || this.pixels.height !== doc.height) {
      this.updatePixels(doc, frame, null, false);
      return;
    }
    const x0 = Math.max(0, rect.x);
    const y0 = Math.max(0, rect.y);
    const x1 = Math.min(doc.width, rect.x + rect.width);
    const y1 = Math.min(doc.height, rect.y + rect.height);
    if (x1 <= x0 || y1 <= y0) return;
    const r = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
    compositeRectInto(this.image.data, doc, frame, r);
    this.pixels.getContext("2d")!.putImageData(this.image, 0, 0, r.x, r.y, r.width, r.height);
    if (this.preview) {
      const pctx = this.preview.getContext("2d")!;
      pctx.clearRect(r.x, r.y, r.width, r.height);
      pctx.drawImage(this.pixels, r.x, r.y, r.width, r.height, r.x, r.y, r.width, r.height);
    }
  }

  /** Draws the backing canvas onto the screen at the view's zoom and pan. */
  paint(doc: SpriteDocument, view: ViewTransform, opts: PaintOptions) {
    const ctx = this.screen.getContext("2d")!;
    const dpr = window.devicePixelRatio || 1;
    const css = this.cssSize();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.clearRect(0, 0, css.width, css.height);
    const o = documentOrigin(view, doc, css);
    const w = doc.width * view.zoom;
    const h = doc.height * view.zoom;
    ctx.fillStyle = this.checkerPattern(ctx);
    ctx.save();
    ctx.translate(o.x, o.y);
    ctx.fillRect(0, 0, w, h);
    ctx.restore();
    if (opts.onion) {
      ctx.globalAlpha = opts.onion.opacity;
      ctx.drawImage(this.onionCanvas, o.x, o.y, w, h);
      ctx.globalAlpha = 1;
    }
    ctx.drawImage(this.pixels, o.x, o.y, w, h);
    if (opts.grid && view.zoom >= 4) {
      ctx.beginPath();
      for (let x = 1; x < doc.width; x++) {
        ctx.moveTo(o.x + x * view.zoom + 0.5, o.y);
        ctx.lineTo(o.x + x * view.zoom + 0.5, o.y + h);
      }
      for (let y = 1; y < doc.height; y++) {
        ctx.moveTo(o.x, o.y + y * view.zoom + 0.5);
        ctx.lineTo(o.x + w, o.y + y * view.zoom + 0.5);
      }
      ctx.strokeStyle = "rgba(128,128,128,0.35)";
      ctx.lineWidth = 1;
      ctx.stroke();
    }
    ctx.strokeStyle = "rgba(113,113,122,0.9)";
    ctx.strokeRect(o.x - 0.5, o.y - 0.5, w + 1, h + 1);
    const ants = (path: () => void) => {
      ctx.save();
      ctx.setLineDash([4, 4]);
      ctx.strokeStyle = "#000";
      ctx.beginPath();
      path();
      ctx.stroke();
      ctx.lineDashOffset = 4;
      ctx.strokeStyle = "#fff";
      ctx.stroke();
      ctx.restore();
    };
    const sel = opts.selection;
    if (sel?.mask) {
      // a shaped selection: the edges between selected and unselected pixels
      const z = view.zoom;
      const m = sel.mask;
      const on = (x: number, y: number) =>
        x >= 0 && y >= 0 && x < sel.width && y < sel.height && m[y * sel.width + x] === 1;
      ants(() => {
        for (let y = 0; y < sel.height; y++) {
          for (let x = 0; x < sel.width; x++) {
            if (!on(x, y)) continue;
            const px = o.x + (sel.x + x) * z + 0.5;
            const py = o.y + (sel.y + y) * z + 0.5;
            const edge = (x0: number, y0: number, x1: number, y1: number) => {
              ctx.moveTo(x0, y0);
              ctx.lineTo(x1, y1);
            };
            if (!on(x, y - 1)) edge(px, py, px + z, py);
            if (!on(x, y + 1)) edge(px, py + z, px + z, py + z);
            if (!on(x - 1, y)) edge(px, py, px, py + z);
            if (!on(x + 1, y)) edge(px + z, py, px + z, py + z);
          }
        }
      });
    }
    if (opts.lasso && opts.lasso.length > 0) {
      const z = view.zoom;
      ants(() => {
        opts.lasso!.forEach((p, i) => {
          const x = o.x + (p.x + 0.5) * z;
          const y = o.y + (p.y + 0.5) * z;
          if (i === 0) ctx.moveTo(x, y);
          else ctx.lineTo(x, y);
        });
        ctx.closePath();
      });
    }
    if (opts.pivot) this.crossHair(ctx, o, view.zoom, opts.pivot);
    for (const rect of [sel?.mask ? null : sel, opts.draft]) {
      if (!rect) continue;
      ctx.save();
      ctx.setLineDash([4, 4]);
      ctx.strokeStyle = "#000";
      const r = [o.x + rect.x * view.zoom + 0.5, o.y + rect.y * view.zoom + 0.5] as const;
      ctx.strokeRect(r[0], r[1], rect.width * view.zoom - 1, rect.height * view.zoom - 1);
      ctx.lineDashOffset = 4;
      ctx.strokeStyle = "#fff";
      ctx.strokeRect(r[0], r[1], rect.width * view.zoom - 1, rect.height * view.zoom - 1);
      ctx.restore();
    }
  }

  /**
   * The pivot: a cross-hair through the centre of its pixel, reaching past the pixel at any zoom,
   * with a ring around the pixel; dark lines over light ones so it shows on every colour.
   */
  private crossHair(
    ctx: CanvasRenderingContext2D,
    o: { x: number; y: number },
    zoom: number,
    p: Point,
  ) {
    const cx = o.x + (p.x + 0.5) * zoom;
    const cy = o.y + (p.y + 0.5) * zoom;
    const arm = Math.max(8, zoom * 1.5);
    const ring = Math.max(3, zoom * 0.7);
    ctx.save();
    ctx.beginPath();
    ctx.moveTo(cx - arm, cy);
    ctx.lineTo(cx - ring, cy);
    ctx.moveTo(cx + ring, cy);
    ctx.lineTo(cx + arm, cy);
    ctx.moveTo(cx, cy - arm);
    ctx.lineTo(cx, cy - ring);
    ctx.moveTo(cx, cy + ring);
    ctx.lineTo(cx, cy + arm);
    ctx.moveTo(cx + ring, cy);
    ctx.arc(cx, cy, ring, 0, Math.PI * 2);
    ctx.lineCap = "round";
    ctx.strokeStyle = "rgba(255,255,255,0.95)";
    ctx.lineWidth = 3;
    ctx.stroke();
    ctx.strokeStyle = "#db2777";
    ctx.lineWidth = 1.5;
    ctx.stroke();
    ctx.restore();
  }

  private checkerPattern(ctx: CanvasRenderingContext2D) {
    if (this.checker) return this.checker;
    const tile = document.createElement("canvas");
    tile.width = tile.height = 16;
    const t = tile.getContext("2d")!;
    t.fillStyle = "#e4e4e7";
    t.fillRect(0, 0, 16, 16);
    t.fillStyle = "#fafafa";
    t.fillRect(0, 0, 8, 8);
    t.fillRect(8, 8, 8, 8);
    this.checker = ctx.createPattern(tile, "repeat");
    return this.checker!;
  }
}
