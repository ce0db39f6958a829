// Which pixels a tool touches: lines, rectangles, ellipses, pixel-perfect pencil paths, mirror
// copies and angle snapping. Pure point arithmetic, no document.

export interface Point {
  x: number;
  y: number;
}

/**
 * Every pixel from (x0,y0) to (x1,y1), both ends included, one per step along the longer axis (8-
 * connected). The minor coordinate is rounded in canvas coordinates (halves down-right), so a line
 * drawn backwards covers the same pixels as the same line drawn forwards.
 */
export function linePoints(x0: number, y0: number, x1: number, y1: number): Point[] {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const steps = Math.max(Math.abs(dx), Math.abs(dy));
  if (steps === 0) return [{ x: x0, y: y0 }];
  const out: Point[] = [];
  for (let k = 0; k <= steps; k++) {
    if (Math.abs(dx) >= Math.abs(dy)) {
      const x = x0 + Math.sign(dx) * k;
      out.push({ x, y: Math.floor(y0 + ((x - x0) * dy) / dx + 0.5) });
    } else {
      const y = y0 + Math.sign(dy) * k;
      out.push({ x: Math.floor(x0 + ((y - y0) * dx) / dy + 0.5), y });
    }
  }
  return out;
}

/**
 * Shift-drag for lines: the end point moved onto the nearest multiple of `stepDegrees` (15° like
 * Aseprite; 45° gives the pixel-art-friendly 0/45/90 lines), keeping the drag's length.
 */
export function snapLineEnd(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  stepDegrees = 15,
): Point {
  const dx = x1 - x0;
  const dy = y1 - y0;
  if (dx === 0 && dy === 0) return { x: x1, y: y1 };
  const step = (stepDegrees * Math.PI) / 180;
  const angle = Math.round(Math.atan2(dy, dx) / step) * step;
  const len = Math.hypot(dx, dy);
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  // Axis-aligned and diagonal snaps keep exact integer slopes (no rounding wobble).
  const ax = Math.abs(ux) < 1e-9 ? 0 : ux;
  const ay = Math.abs(uy) < 1e-9 ? 0 : uy;
  if (Math.abs(Math.abs(ax) - Math.abs(ay)) < 1e-9) {
    const d = Math.max(Math.abs(dx), Math.abs(dy));
    return { x: x0 + Math.sign(ax) * d, y: y0 + Math.sign(ay) * d };
  }
  return { x: x0 + Math.round(ax * len), y: y0 + Math.round(ay * len) };
}

function normRect(x0: number, y0: number, x1: number, y1: number) {
  return { l: Math.min(x0, x1), t: Math.min(y0, y1), r: Math.max(x0, x1), b: Math.max(y0, y1) };
}

/** Rectangle with corners (x0,y0) and (x1,y1) included: its border, or every pixel when filled. */
export function rectanglePoints(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  filled: boolean,
): Point[] {
  const { l, t, r, b } = normRect(x0, y0, x1, y1);
  const out: Point[] = [];
  for (let y = t; y <= b; y++) {
    for (let x = l; x <= r; x++) {
      if (filled || y === t || y === b || x === l || x === r) out.push({ x, y });
    }
  }
  return out;
}

/**
 * Ellipse inscribed in the rectangle (x0,y0)–(x1,y1), corners included: Alois Zingl's integer
 * algorithm ("A Rasterizing Algorithm for Drawing Curves", plotEllipseRect), which gives the thin,
 * gap-free, symmetric outline pixel artists expect. Filled: every pixel between the outline's
 * left and right ends on each row.
 */
export function ellipsePoints(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  filled: boolean,
): Point[] {
  const seen = new Set<number>();
  const outline: Point[] = [];
  const put = (x: number, y: number) => {
    const k = (y + 1024) * 4096 + (x + 1024);
    if (seen.has(k)) return;
    seen.add(k);
    outline.push({ x, y });
  };
  let a = Math.abs(x1 - x0);
  const b = Math.abs(y1 - y0);
  let b1 = b & 1;
  let dx = 4 * (1 - a) * b * b;
  let dy = 4 * (b1 + 1) * a * a;
  let err = dx + dy + b1 * a * a;
  if (x0 > x1) {
    x0 = x1;
    x1 += a;
  }
  if (y0 > y1) y0 = y1;
  y0 += (b + 1) >> 1;
  y1 = y0 - b1;
  a = 8 * a * a;
  b1 = 8 * b * b;
  do {
    put(x1, y0);
    put(x0, y0);
    put(x0, y1);
    put(x1, y1);
    const e2 = 2 * err;
    if (e2 <= dy) {
      y0++;
      y1--;
      dy += a;
      err += dy;
    }
    if (e2 >= dx || 2 * err > dy) {
      x0++;
      x1--;
      dx += b1;
      err += dx;
    }
  } while (x0 <= x1);
  while (y0 - y1 <= b) {
    put(x0 - 1, y0);
    put(x1 + 1, y0++);
    put(x0 - 1, y1);
    put(x1 + 1, y1--);
  }
  if (!filled) return outline;
  const rows = new Map<number, { l: number; r: number }>();
  for (const p of outline) {
    const row = rows.get(p.y);
    if (!row) rows.set(p.y, { l: p.x, r: p.x });
    else {
      row.l = Math.min(row.l, p.x);
      row.r = Math.max(row.r, p.x);
    }
  }
  const out: Point[] = [];
  for (const [y, { l, r }] of [...rows].sort((p, q) => p[0] - q[0])) {
    for (let x = l; x <= r; x++) out.push({ x, y });
  }
  return out;
}

/**
 * Pixel-perfect pencil: drops the corner pixel of every L-shaped step (a pixel whose previous and
 * next pixels touch diagonally), so a freehand diagonal is one pixel thin.
 */
export function pixelPerfect(path: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of path) {
    const last = out.at(-1);
    if (last && last.x === p.x && last.y === p.y) continue;
    out.push(p);
    while (out.length >= 3) {
      const c = out[out.length - 1]!;
      const b = out[out.length - 2]!;
      const a = out[out.length - 3]!;
      const corner =
        (a.x === b.x || a.y === b.y) &&
        (c.x === b.x || c.y === b.y) &&
        a.x !== c.x &&
        a.y !== c.y &&
        Math.abs(a.x - c.x) === 1 &&
        Math.abs(a.y - c.y) === 1;
      if (!corner) break;
      out.splice(out.length - 2, 1);
    }
  }
  return out;
}

export interface MirrorAxes {
  /** Mirror left ↔ right (across the vertical centre line). */
  horizontal?: boolean;
  /** Mirror top ↔ bottom. */
  vertical?: boolean;
}

/** The point plus its mirror images in a width × height canvas (no duplicates). */
export function mirrorPoint(p: Point, axes: MirrorAxes, width: number, height: number): Point[] {
  const out: Point[] = [p];
  const mx = width - 1 - p.x;
  const my = height - 1 - p.y;
  if (axes.horizontal) out.push({ x: mx, y: p.y });
  if (axes.vertical) out.push({ x: p.x, y: my });
  if (axes.horizontal && axes.vertical) out.push({ x: mx, y: my });
  return out.filter((q, i) => out.findIndex((r) => r.x === q.x && r.y === q.y) === i);
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The rectangle with corners (x0,y0) and (x1,y1) (both included), clipped to the canvas. */
export function rectFromCorners(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  canvas?: { width: number; height: number },
): Rect {
  let { l, t, r, b } = normRect(x0, y0, x1, y1);
  if (canvas) {
    l = Math.max(0, l);
    t = Math.max(0, t);
    r = Math.min(canvas.width - 1, r);
    b = Math.min(canvas.height - 1, b);
  }
  return { x: l, y: t, width: Math.max(0, r - l + 1), height: Math.max(0, b - t + 1) };
}
