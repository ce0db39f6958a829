// Doors of a kind. A borrowed door emoji is a plain slab (eval-f: "a dungeon door" was a blank tan
// rectangle), so the kinds that change how a door looks are drawn here: a dungeon door (dark
// planks bound in iron, studded, a barred window, in a stone arch), a prison cell door (iron bars
// over the dark cell, a lock box) and a wooden door (light planks on iron hinges, a ring pull).
import type { Rng } from "../prng";
import type { SpriteCanvas } from "./canvas";
import { type Design, Mats, type Pose, pickColor } from "./design";
import type { PromptInfo } from "./prompt";
import { takeIndex } from "./take-variety";

/** The kinds of door this rig draws (the vocabulary's `item:door-…` refs). */
export const DOOR_KINDS = ["door-dungeon", "door-cell", "door-wooden"] as const;
export type DoorKind = (typeof DOOR_KINDS)[number];

export function isDoorKind(v: string): v is DoorKind {
  return (DOOR_KINDS as readonly string[]).includes(v);
}

/** Part ids of a door's drawing. */
export const DOOR_PART = { frame: 1, leaf: 2, band: 3, window: 4, handle: 5, bar: 6 } as const;

/** A take: the top (arched or square), how many iron bands, the window's bars. */
const LOOKS = [
  { arch: true, bands: 2, bars: 2 },
  { arch: false, bands: 3, bars: 3 },
  { arch: true, bands: 3, bars: 3 },
  { arch: false, bands: 2, bars: 2 },
] as const;

export function buildDoor(info: PromptInfo, _rng: Rng, crng: Rng, size: number, key = 1): Design {
  const kind = info.variant as DoorKind;
  const k = size / 32;
  const m = new Mats();
  const look = LOOKS[takeIndex(key, LOOKS.length)]!;
  const wood = pickColor(
    info,
    0,
    kind === "door-wooden"
      ? crng.pick(["#a0683c", "#b07840", "#8c5a30"])
      : crng.pick(["#5c3c24", "#4c3220", "#6c4428"]),
    crng,
    6,
  );
  const mat = {
    wood: m.add(wood),
    iron: m.add(kind === "door-cell" ? "#7c808c" : "#4a4c58"),
    stud: m.add("#a8acb8"),
    stone: m.add("#7c7a84"),
    dark: m.add("#1c1828", { flat: true }),
  };
  const ground = size - 2;
  const draw = (c: SpriteCanvas, _pose: Pose) => {
    const w = Math.round((kind === "door-cell" ? 16 : 14) * k);
    const h = Math.round(24 * k);
    const x0 = Math.round(size / 2 - w / 2);
    const x1 = x0 + w - 1;
    const y1 = ground;
    const y0 = y1 - h + 1;
    const arch = look.arch && kind !== "door-cell";
    const r = w / 2;
    const cx = (x0 + x1 + 1) / 2;
    // inside the door's outline: a rectangle, its top rounded into an arch
    const inside = (x: number, y: number) => {
      if (x < x0 || x > x1 || y < y0 || y > y1) return false;
      if (!arch || y >= y0 + r) return true;
      const dx = (x + 0.5 - cx) / r;
      const dy = (y + 0.5 - (y0 + r)) / r;
      return dx * dx + dy * dy <= 1;
    };
    // a dungeon door stands in a stone arch: blocks round it, a course line every few rows
    if (kind === "door-dungeon") {
      const f = Math.max(2, Math.round(2.5 * k));
      for (let y = y0 - f; y <= y1; y++)
        for (let x = x0 - f; x <= x1 + f; x++) {
          if (inside(x, y)) continue;
          let near = false;
          for (let d = 1; d <= f && !near; d++)
            near =
              inside(x + d, y) ||
              inside(x - d, y) ||
              inside(x, y + d) ||
              inside(x + d, y + d) ||
              inside(x - d, y + d);
          if (!near) continue;
          // the joints between blocks: a darker tone every few rows
          const joint = (y - y0) % Math.max(3, Math.round(4 * k)) === 0;
          c.plot(x, y, mat.stone, DOOR_PART.frame, joint ? 1 : -1);
        }
    }
    if (kind === "door-cell") {
      // the cell behind, dark; an iron frame; bars down and one across; a lock box
      for (let y = y0; y <= y1; y++)
        for (let x = x0; x <= x1; x++) {
          const rim = x === x0 || x === x1 || y === y0 || y === y1;
          c.plot(x, y, rim ? mat.iron : mat.dark, rim ? DOOR_PART.frame : DOOR_PART.window);
        }
      const gap = Math.max(2, Math.round(3 * k));
      for (let x = x0 + gap; x < x1 - 1; x += gap)
        for (let y = y0; y <= y1; y++) c.plot(x, y, mat.iron, DOOR_PART.bar);
      const cross = Math.round(y0 + h * 0.42);
      for (let x = x0; x <= x1; x++) {
        c.plot(x, cross, mat.iron, DOOR_PART.band);
        c.plot(x, cross + 1, mat.iron, DOOR_PART.band, 1);
      }
      const lx = x1 - Math.round(4 * k);
      c.rect(
        lx,
        cross - Math.round(2 * k),
        lx + Math.round(3 * k),
        cross + Math.round(2 * k),
        mat.iron,
        DOOR_PART.handle,
      );
      c.plot(lx + Math.round(1.5 * k), cross, mat.dark, DOOR_PART.handle);
      return;
    }
    // the leaf: vertical planks, a dark seam between each
    const plank = Math.max(2, Math.round(3.5 * k));
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++) {
        if (!inside(x, y)) continue;
        const seam = (x - x0) % plank === plank - 1 && x < x1;
        c.plot(x, y, mat.wood, DOOR_PART.leaf, seam ? 0 : -1);
      }
    const bandRows =
      kind === "door-wooden"
        ? [y0 + Math.round(h * 0.25), y1 - Math.round(h * 0.22)]
        : look.bands === 2
          ? [y0 + Math.round(h * 0.3), y1 - Math.round(h * 0.22)]
          : [y0 + Math.round(h * 0.3), y0 + Math.round(h * 0.58), y1 - Math.round(h * 0.14)];
    for (const by of bandRows) {
      // a wooden door's hinges reach half across; a dungeon door's bands span it, studded
      const bx1 = kind === "door-wooden" ? x0 + Math.round(w * 0.45) : x1;
      for (let x = x0; x <= bx1; x++) {
        if (!inside(x, by)) continue;
        c.plot(x, by, mat.iron, DOOR_PART.band);
        if (kind === "door-dungeon") c.plot(x, by + 1, mat.iron, DOOR_PART.band, 1);
      }
      if (kind === "door-dungeon")
        for (let x = x0 + 1; x < x1; x += Math.max(2, Math.round(3 * k)))
          c.plot(x, by, mat.stud, DOOR_PART.band);
    }
    if (kind === "door-dungeon") {
      // a small barred window high in the door: the dark beyond, iron bars across it
      const ww = Math.round(6 * k);
      const wh = Math.round(4 * k);
      const wx0 = Math.round(cx - ww / 2);
      const wy0 = y0 + Math.round(arch ? r * 0.55 : 3 * k);
      c.rect(wx0 - 1, wy0 - 1, wx0 + ww, wy0 + wh, mat.iron, DOOR_PART.window);
      c.rect(wx0, wy0, wx0 + ww - 1, wy0 + wh - 1, mat.dark, DOOR_PART.window);
      for (let i = 1; i <= look.bars; i++) {
        const bx = wx0 + Math.round((i * ww) / (look.bars + 1)) - (i === look.bars ? 1 : 0);
        for (let y = wy0; y < wy0 + wh; y++) c.plot(bx, y, mat.stud, DOOR_PART.bar);
      }
    }
    // a ring pull (dungeon) or a knob (wooden), right of the middle
    const hx = x1 - Math.round(3 * k);
    const hy = y0 + Math.round(h * 0.55);
    if (kind === "door-dungeon") {
      c.ellipse(hx, hy + k, 1.6 * k, 1.6 * k, mat.stud, DOOR_PART.handle);
      c.ellipse(hx, hy + k, 0.7 * k, 0.7 * k, mat.wood, DOOR_PART.handle, 0);
      c.plot(hx, hy - 0.6 * k, mat.iron, DOOR_PART.handle);
    } else c.ellipse(hx, hy, 1 * k, 1 * k, mat.stud, DOOR_PART.handle);
  };
  return {
    size,
    materials: m.list,
    restView: "front",
    draw,
    // iron is grey and a dungeon's stone too: a take makes them lighter or darker, never blue
    ownColors: true,
    takes: kind === "door-cell" ? undefined : LOOKS.length,
  };
}
