"use client";
// The editor's viewport: pointer events (mouse, pen, touch) turned into lib/document operations.
// A stroke in progress never goes through React: each pointer move adds to the Stroke, recomposes
// the frame into the 1× backing canvas and repaints the screen canvas in the same event, and the
// store only hears of it on pointer-up (one undo step per stroke).
import { memo, useEffect, useRef } from "react";
import {
  bucketFill,
  type CelRef,
  drawEllipse,
  drawLine,
  drawRectangle,
  type Edit,
  hexToRgba,
  lassoSelection,
  magicWandSelection,
  type Point,
  pickColor,
  type Rect,
  rectFromCorners,
  rgbaToHex,
  type SpriteDocument,
  Stroke,
  setPivot,
  snapLineEnd,
} from "@/lib/document";
import { type EditorState, useEditor, ZOOM_MAX, ZOOM_MIN } from "./editor-store";
import { documentOrigin, FrameRenderer } from "./renderer";

type Gesture =
  | { kind: "stroke"; stroke: Stroke; pointerId: number; recent: Point[] }
  | { kind: "shape"; from: Point; base: SpriteDocument; edit: Edit | null; pointerId: number }
  | { kind: "select"; from: Point; draft: Rect | null; pointerId: number }
  | { kind: "lasso"; points: Point[]; pointerId: number }
  /** dragging a (floating) selection: its offset when the drag began */
  | { kind: "move"; from: Point; start: { dx: number; dy: number }; pointerId: number }
  /** placing the pivot: it follows the pointer and lands on release (one undo step) */
  | { kind: "pivot"; at: Point; pointerId: number }
  | { kind: "pan"; last: { x: number; y: number }; pointerId: number };

/** The bounding box of `points` and of their mirror images (mirror drawing). */
function dirtyRect(
  points: Point[],
  s: { mirrorH: boolean; mirrorV: boolean },
  doc: { width: number; height: number },
): Rect {
  let x0 = Math.min(...points.map((q) => q.x));
  let x1 = Math.max(...points.map((q) => q.x));
  let y0 = Math.min(...points.map((q) => q.y));
  let y1 = Math.max(...points.map((q) => q.y));
  if (s.mirrorH) {
    x0 = Math.min(x0, doc.width - 1 - x1);
    x1 = Math.max(x1, doc.width - 1 - x0);
  }
  if (s.mirrorV) {
    y0 = Math.min(y0, doc.height - 1 - y1);
    y1 = Math.max(y1, doc.height - 1 - y0);
  }
  return { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** The nearest pixel of the document (the pivot lies on the canvas). */
function clampToDoc(p: Point, doc: { width: number; height: number }): Point {
  return {
    x: Math.max(0, Math.min(doc.width - 1, p.x)),
    y: Math.max(0, Math.min(doc.height - 1, p.y)),
  };
}

function inRect(p: Point, r: Rect | null) {
  return !!r && p.x >= r.x && p.y >= r.y && p.x < r.x + r.width && p.y < r.y + r.height;
}

/** memo: it draws from the store itself, so the editor's re-renders have nothing to tell it. */
export const CanvasView = memo(function CanvasView({
  preview,
}: {
  preview: React.RefObject<HTMLCanvasElement | null>;
}) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const renderer = useRef<FrameRenderer | null>(null);
  const gesture = useRef<Gesture | null>(null);
  /** the document on screen while a gesture previews (null = the store's) */
  const shown = useRef<SpriteDocument | null>(null);
  const draft = useRef<Rect | null>(null);
  /** the outline of a lasso being drawn */
  const lasso = useRef<Point[] | null>(null);
  /** where the pivot tool holds the pivot before release */
  const pivotAt = useRef<Point | null>(null);
  const spaceDown = useRef(false);
  const fitted = useRef(-1);
  const touches = useRef(new Map<number, { x: number; y: number }>());
  const pinch = useRef<{ dist: number; mid: { x: number; y: number } } | null>(null);

  // One function repaints everything from the store (and the gesture's preview document).
  // "frame": a gesture's preview changed only the frame in focus (the onion skin stays);
  // a rectangle: only those pixels of it (a pencil stroke's last segment).
  const repaint = useRef((pixelsChanged: boolean | "frame" | Rect) => {
    const r = renderer.current;
    const s = useEditor.getState();
    const doc = shown.current ?? s.doc;
    if (!r || !doc) return;
    const onion = s.onion
      ? { before: s.onionBefore, after: s.onionAfter, opacity: s.onionOpacity }
      : null;
    const frame = Math.min(s.frame, doc.frames.length - 1);
    if (typeof pixelsChanged === "object") r.updateRect(doc, frame, pixelsChanged);
    else if (pixelsChanged) r.updatePixels(doc, frame, onion, pixelsChanged === true);
    r.paint(doc, s, {
      grid: s.grid,
      onion,
      selection: s.selection,
      draft: draft.current,
      lasso: lasso.current,
      pivot: s.showPivot || s.tool === "pivot" ? (pivotAt.current ?? doc.pivot) : null,
    });
    // where the document sits on screen: tests and the bench aim real pointer input with it
    const el = canvasRef.current;
    if (el) {
      const o = documentOrigin(s, doc, r.cssSize());
      el.dataset.originX = String(o.x);
      el.dataset.originY = String(o.y);
      el.dataset.zoom = String(s.zoom);
      el.dataset.painted = String(performance.now());
    }
  });

  useEffect(() => {
    const canvas = canvasRef.current!;
    renderer.current = new FrameRenderer(canvas, preview.current);
    const wrap = wrapRef.current!;
    const resize = () => {
      const dpr = window.devicePixelRatio || 1;
      const { width, height } = wrap.getBoundingClientRect();
      canvas.width = Math.max(1, Math.round(width * dpr));
      canvas.height = Math.max(1, Math.round(height * dpr));
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      // a newly loaded document: the largest integer zoom that shows all of it
      const s = useEditor.getState();
      if (s.doc && fitted.current !== s.loads && width > 0 && height > 0) {
        fitted.current = s.loads;
        const zoom = Math.floor(
          (Math.min(width, height) * 0.92) / Math.max(s.doc.width, s.doc.height),
        );
        s.set({ zoom: Math.max(ZOOM_MIN, Math.min(ZOOM_MAX, zoom)), pan: { x: 0, y: 0 } });
      }
      repaint.current(true);
    };
    const ro = new ResizeObserver(resize);
    ro.observe(wrap);
    resize();
    // Repaint on store changes; recompose pixels only when the document, frame or onion changed.
    const unsub = useEditor.subscribe((s, prev) => {
      if (s.loads !== prev.loads) resize();
      const pixels =
        s.doc !== prev.doc ||
        s.frame !== prev.frame ||
        s.onion !== prev.onion ||
        s.onionBefore !== prev.onionBefore ||
        s.onionAfter !== prev.onionAfter;
      const view =
        s.zoom !== prev.zoom ||
        s.pan !== prev.pan ||
        s.grid !== prev.grid ||
        s.showPivot !== prev.showPivot ||
        (s.tool !== prev.tool && (s.tool === "pivot" || prev.tool === "pivot")) ||
        s.selection !== prev.selection ||
        s.onionOpacity !== prev.onionOpacity;
      if (pixels || view) repaint.current(pixels);
    });
    return () => {
      ro.disconnect();
      unsub();
    };
  }, [preview]);

  // Space held = pan with the primary button (as in every paint program).
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.code === "Space" && !(e.target instanceof HTMLInputElement)) spaceDown.current = true;
    };
    const up = (e: KeyboardEvent) => {
      if (e.code === "Space") spaceDown.current = false;
    };
    window.addEventListener("keydown", down);
    window.addEventListener("keyup", up);
    return () => {
      window.removeEventListener("keydown", down);
      window.removeEventListener("keyup", up);
    };
  }, []);

  // Wheel pans; Ctrl/⌘+wheel (and a trackpad pinch) zooms around the pointer.
  useEffect(() => {
    const wrap = wrapRef.current!;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const s = useEditor.getState();
      if (e.ctrlKey || e.metaKey) {
        const box = wrap.getBoundingClientRect();
        const around = {
          x: e.clientX - box.left - box.width / 2,
          y: e.clientY - box.top - box.height / 2,
        };
        s.setZoom(
          e.deltaY < 0 ? s.zoom + Math.max(1, s.zoom >> 2) : s.zoom - Math.max(1, s.zoom >> 2),
          around,
        );
      } else {
        s.set({ pan: { x: s.pan.x - e.deltaX, y: s.pan.y - e.deltaY } });
      }
    };
    wrap.addEventListener("wheel", onWheel, { passive: false });
    return () => wrap.removeEventListener("wheel", onWheel);
  }, []);

  const toDoc = (e: React.PointerEvent): Point | null => {
    const s = useEditor.getState();
    const r = renderer.current;
    if (!s.doc || !r) return null;
    const box = canvasRef.current!.getBoundingClientRect();
    const o = documentOrigin(s, s.doc, r.cssSize());
    return {
      x: Math.floor((e.clientX - box.left - o.x) / s.zoom),
      y: Math.floor((e.clientY - box.top - o.y) / s.zoom),
    };
  };

  const target = (s: EditorState): CelRef => ({ layer: s.layer, frame: s.frame });
  const drawOpts = (s: EditorState) => ({
    mirror: { horizontal: s.mirrorH, vertical: s.mirrorV },
    lockToPalette: s.lockToPalette,
  });

  const cancelGesture = () => {
    gesture.current = null;
    shown.current = null;
    draft.current = null;
    lasso.current = null;
    pivotAt.current = null;
    repaint.current(true);
  };

  const onPointerDown = (e: React.PointerEvent) => {
    const el = canvasRef.current!;
    if (e.pointerType === "touch") {
      touches.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (touches.current.size === 2) {
        // a second finger: the drawing so far is dropped, the two fingers pan and zoom
        cancelGesture();
        const [a, b] = [...touches.current.values()] as [Point, Point];
        pinch.current = {
          dist: Math.hypot(a.x - b.x, a.y - b.y),
          mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
        };
        return;
      }
      if (touches.current.size > 2) return;
    }
    const s = useEditor.getState();
    if (!s.doc || gesture.current) return;
    el.setPointerCapture(e.pointerId);
    if (e.button === 1 || spaceDown.current) {
      gesture.current = {
        kind: "pan",
        last: { x: e.clientX, y: e.clientY },
        pointerId: e.pointerId,
      };
      return;
    }
    const p = toDoc(e);
    if (!p) return;
    const t = target(s);
    const secondary = e.button === 2;
    const hex = secondary ? s.secondary : s.primary;
    if (s.tool === "picker" || e.altKey) {
      const c = pickColor(s.doc, t, p);
      if (c !== 0) s.set(secondary ? { secondary: rgbaToHex(c) } : { primary: rgbaToHex(c) });
      return;
    }
    switch (s.tool) {
      case "pencil":
      case "eraser": {
        const stroke = new Stroke(s.doc, t, s.tool === "eraser" ? 0 : hexToRgba(hex), {
          ...drawOpts(s),
          pixelPerfect: s.pixelPerfect,
        });
        stroke.add(p);
        gesture.current = { kind: "stroke", stroke, pointerId: e.pointerId, recent: [p] };
        shown.current = stroke.preview();
        repaint.current("frame");
        return;
      }
      case "bucket":
        s.apply(
          bucketFill(s.doc, t, p, hexToRgba(hex), { ...drawOpts(s), contiguous: s.contiguous }),
        );
        return;
      case "pivot": {
        const at = clampToDoc(p, s.doc);
        gesture.current = { kind: "pivot", at, pointerId: e.pointerId };
        pivotAt.current = at;
        repaint.current(false);
        return;
      }
      case "line":
      case "rectangle":
      case "ellipse":
        gesture.current = {
          kind: "shape",
          from: p,
          base: s.doc,
          edit: null,
          pointerId: e.pointerId,
        };
        shapeTo(p, e.shiftKey, secondary);
        return;
      case "select":
      case "lasso":
      case "wand": {
        if (inRect(p, s.selection)) {
          // a press inside the selection lifts it (floating) and drags it
          const f = s.floating;
          gesture.current = {
            kind: "move",
            from: p,
            start: { dx: f?.dx ?? 0, dy: f?.dy ?? 0 },
            pointerId: e.pointerId,
          };
          return;
        }
        s.set({ selection: null }); // a floating selection lands where it is
        const doc = useEditor.getState().doc!;
        if (s.tool === "wand") {
          s.set({ selection: magicWandSelection(doc, t, p, s.contiguous) });
          return;
        }
        if (s.tool === "lasso") {
          gesture.current = { kind: "lasso", points: [p], pointerId: e.pointerId };
          lasso.current = [p];
          repaint.current(false);
          return;
        }
        gesture.current = { kind: "select", from: p, draft: null, pointerId: e.pointerId };
        draft.current = rectFromCorners(p.x, p.y, p.x, p.y, doc);
        repaint.current(false);
      }
    }
  };

  const shapeTo = (p: Point, shift: boolean, secondary: boolean) => {
    const g = gesture.current;
    const s = useEditor.getState();
    if (g?.kind !== "shape") return;
    const color = hexToRgba(secondary ? s.secondary : s.primary);
    const t = target(s);
    const opts = { ...drawOpts(s), filled: s.filled };
    let to = p;
    if (shift && s.tool === "line") to = snapLineEnd(g.from.x, g.from.y, p.x, p.y, 15);
    else if (shift) {
      // Shift: a square / circle
      const d = Math.max(Math.abs(p.x - g.from.x), Math.abs(p.y - g.from.y));
      to = {
        x: g.from.x + Math.sign(p.x - g.from.x || 1) * d,
        y: g.from.y + Math.sign(p.y - g.from.y || 1) * d,
      };
    }
    const draw =
      s.tool === "line" ? drawLine : s.tool === "rectangle" ? drawRectangle : drawEllipse;
    g.edit = draw(g.base, t, g.from, to, color, opts);
    shown.current = g.edit.doc;
    repaint.current("frame");
  };

  const onPointerMove = (e: React.PointerEvent) => {
    if (e.pointerType === "touch" && touches.current.has(e.pointerId)) {
      touches.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (pinch.current && touches.current.size === 2) {
        const [a, b] = [...touches.current.values()] as [Point, Point];
        const dist = Math.hypot(a.x - b.x, a.y - b.y);
        const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        const s = useEditor.getState();
        s.set({
          pan: {
            x: s.pan.x + mid.x - pinch.current.mid.x,
            y: s.pan.y + mid.y - pinch.current.mid.y,
          },
        });
        const ratio = dist / Math.max(1, pinch.current.dist);
        if (ratio > 1.25 || ratio < 0.8) {
          const box = wrapRef.current!.getBoundingClientRect();
          s.setZoom(s.zoom * ratio, {
            x: mid.x - box.left - box.width / 2,
            y: mid.y - box.top - box.height / 2,
          });
          pinch.current = { dist, mid };
        } else pinch.current = { dist: pinch.current.dist, mid };
        return;
      }
    }
    const g = gesture.current;
    if (!g || g.pointerId !== e.pointerId) return;
    if (g.kind === "pan") {
      const s = useEditor.getState();
      s.set({ pan: { x: s.pan.x + e.clientX - g.last.x, y: s.pan.y + e.clientY - g.last.y } });
      g.last = { x: e.clientX, y: e.clientY };
      return;
    }
    const p = toDoc(e);
    if (!p) return;
    const s = useEditor.getState();
    if (g.kind === "stroke") {
      // coalesced events: every sample a fast pen gave since the last frame
      const samples = e.nativeEvent.getCoalescedEvents?.() ?? [];
      const pts: Point[] = [];
      if (samples.length > 1) {
        const box = canvasRef.current!.getBoundingClientRect();
        const o = documentOrigin(s, s.doc!, renderer.current!.cssSize());
        for (const c of samples)
          pts.push({
            x: Math.floor((c.clientX - box.left - o.x) / s.zoom),
            y: Math.floor((c.clientY - box.top - o.y) / s.zoom),
          });
      } else pts.push(p);
      for (const q of pts) g.stroke.add(q);
      // pixels touched: the new segment and (pixel-perfect) the corner before it, and mirrors
      const touched = [...g.recent.slice(-2), ...pts];
      g.recent = touched.slice(-2);
      shown.current = g.stroke.preview();
      repaint.current(dirtyRect(touched, s, shown.current));
    } else if (g.kind === "shape") shapeTo(p, e.shiftKey, (e.buttons & 2) !== 0);
    else if (g.kind === "select") {
      g.draft = rectFromCorners(g.from.x, g.from.y, p.x, p.y, s.doc!);
      draft.current = g.draft;
      repaint.current(false);
    } else if (g.kind === "lasso") {
      const last = g.points[g.points.length - 1]!;
      if (last.x !== p.x || last.y !== p.y) g.points.push(p);
      lasso.current = g.points;
      repaint.current(false);
    } else if (g.kind === "pivot") {
      g.at = clampToDoc(p, s.doc!);
      pivotAt.current = g.at;
      repaint.current(false);
    } else if (g.kind === "move") {
      s.floatTo(g.start.dx + p.x - g.from.x, g.start.dy + p.y - g.from.y);
    }
  };

  const onPointerUp = (e: React.PointerEvent) => {
    if (e.pointerType === "touch") {
      touches.current.delete(e.pointerId);
      if (touches.current.size < 2) pinch.current = null;
    }
    const g = gesture.current;
    if (!g || g.pointerId !== e.pointerId) return;
    gesture.current = null;
    const s = useEditor.getState();
    let edit: Edit | null = null;
    if (g.kind === "stroke") edit = g.stroke.finish();
    else if (g.kind === "shape") edit = g.edit;
    else if (g.kind === "select") {
      const r = g.draft;
      draft.current = null;
      s.set({ selection: r && r.width * r.height > 1 ? r : null });
    } else if (g.kind === "lasso") {
      lasso.current = null;
      s.set({ selection: lassoSelection(s.doc!, g.points) });
    } else if (g.kind === "pivot") {
      pivotAt.current = null;
      const d = s.doc!;
      if (g.at.x !== d.pivot.x || g.at.y !== d.pivot.y) edit = setPivot(d, g.at.x, g.at.y);
    }
    shown.current = null;
    if (edit?.step) s.apply(edit);
    else repaint.current(true);
  };

  const onPointerCancel = (e: React.PointerEvent) => {
    touches.current.delete(e.pointerId);
    if (touches.current.size < 2) pinch.current = null;
    if (gesture.current?.pointerId === e.pointerId) cancelGesture();
  };

  return (
    <div ref={wrapRef} className="relative h-full min-h-0 w-full overflow-hidden">
      <canvas
        ref={canvasRef}
        data-testid="editor-canvas"
        className="absolute inset-0 touch-none select-none"
        style={{ cursor: "crosshair" }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
        onContextMenu={(e) => e.preventDefault()}
      />
    </div>
  );
});
