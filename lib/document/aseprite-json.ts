// Reads the JSON Aseprite writes next to a sprite sheet (`--data`, hash or array form; also what
// TexturePacker and our own exports write): where each frame sits on the sheet, how long it lasts,
// and the frame tags. Pure; the sheet's pixels are cut out by the caller.
import { InvalidInputError } from "@/lib/errors";
import { DIRECTIONS8, type Facing } from "@/lib/vocabulary";
import {
  DEFAULT_FRAME_DURATION_MS,
  DOCUMENT_MAX_FRAMES,
  DOCUMENT_MAX_SIDE,
  type Tag,
} from "./model";

export interface SheetFrame {
  name: string;
  /** Where the (possibly trimmed) frame is on the sheet. */
  sheet: { x: number; y: number; w: number; h: number };
  /** Where that rectangle goes in the full frame (trimmed frames: not at 0,0). */
  offset: { x: number; y: number };
  durationMs: number;
}

export interface SheetLayout {
  /** Size of one untrimmed frame. */
  width: number;
  height: number;
  frames: SheetFrame[];
  tags: Tag[];
  /** meta.image, when given. */
  image?: string;
}

type Json = Record<string, unknown>;

function isObj(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function rect(v: unknown, what: string): { x: number; y: number; w: number; h: number } {
  if (!isObj(v)) throw new InvalidInputError(`Aseprite JSON: ${what} is not a rectangle`);
  const r = { x: v.x, y: v.y, w: v.w, h: v.h };
  for (const [k, n] of Object.entries(r)) {
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0) {
      throw new InvalidInputError(`Aseprite JSON: ${what}.${k} must be a whole number ≥ 0`);
    }
  }
  return r as { x: number; y: number; w: number; h: number };
}

/** The facing a tag's name ends with (`walk_down` → down, `idle_up_left` → up_left). */
export function facingOfTagName(name: string): Facing | undefined {
  const sorted = [...DIRECTIONS8].sort((a, b) => b.length - a.length);
  return sorted.find((d) => name === d || name.endsWith(`_${d}`));
}

/** Parses Aseprite's sheet JSON (text or parsed) into frame rectangles, durations and tags. */
export function parseAsepriteJson(input: string | unknown): SheetLayout {
  let json: unknown = input;
  if (typeof input === "string") {
    try {
      json = JSON.parse(input);
    } catch {
      throw new InvalidInputError("Aseprite JSON: not valid JSON");
    }
  }
  if (!isObj(json)) throw new InvalidInputError("Aseprite JSON: expected an object with `frames`");
  const raw = json.frames;
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((f, i) => [isObj(f) && typeof f.filename === "string" ? f.filename : String(i), f])
    : isObj(raw)
      ? Object.entries(raw)
      : [];
  if (entries.length === 0) throw new InvalidInputError("Aseprite JSON: no frames");
  if (entries.length > DOCUMENT_MAX_FRAMES) {
    throw new InvalidInputError(`Aseprite JSON: more than ${DOCUMENT_MAX_FRAMES} frames`);
  }
  let width = 0;
  let height = 0;
  const frames = entries.map(([name, f], i): SheetFrame => {
    if (!isObj(f)) throw new InvalidInputError(`Aseprite JSON: frame ${i} is not an object`);
    if (f.rotated === true) {
      throw new InvalidInputError(
        `Aseprite JSON: frame "${name}" is rotated on the sheet; export without rotation`,
      );
    }
    const sheet = rect(f.frame, `frame "${name}".frame`);
    const source = isObj(f.sourceSize) ? f.sourceSize : { w: sheet.w, h: sheet.h };
    const sw = Number(source.w);
    const sh = Number(source.h);
    const sss = isObj(f.spriteSourceSize)
      ? rect(f.spriteSourceSize, `frame "${name}".spriteSourceSize`)
      : undefined;
    if (i === 0) {
      width = sw;
      height = sh;
    } else if (sw !== width || sh !== height) {
      throw new InvalidInputError(
        `Aseprite JSON: frame "${name}" is ${sw}×${sh}, frame 0 is ${width}×${height}`,
      );
    }
    const d = f.duration;
    const durationMs =
      typeof d === "number" && Number.isInteger(d) && d >= 1 && d <= 65535
        ? d
        : DEFAULT_FRAME_DURATION_MS;
    return { name, sheet, offset: { x: sss?.x ?? 0, y: sss?.y ?? 0 }, durationMs };
  });
  if (!(width >= 1 && width <= DOCUMENT_MAX_SIDE && height >= 1 && height <= DOCUMENT_MAX_SIDE)) {
    throw new InvalidInputError(
      `Aseprite JSON: frames must be 1–${DOCUMENT_MAX_SIDE} px (got ${width}×${height})`,
    );
  }
  const meta = isObj(json.meta) ? json.meta : {};
  const tags: Tag[] = [];
  for (const t of Array.isArray(meta.frameTags) ? meta.frameTags : []) {
    if (!isObj(t) || typeof t.name !== "string") continue;
    const from = Number(t.from);
    const to = Number(t.to);
    if (
      !Number.isInteger(from) ||
      !Number.isInteger(to) ||
      from < 0 ||
      to < from ||
      to >= frames.length
    ) {
      throw new InvalidInputError(
        `Aseprite JSON: tag "${t.name}" names frames outside 0–${frames.length - 1}`,
      );
    }
    const direction = facingOfTagName(t.name);
    tags.push({ name: t.name, from, to, ...(direction ? { direction } : {}) });
  }
  return {
    width,
    height,
    frames,
    tags,
    image: typeof meta.image === "string" ? meta.image : undefined,
  };
}
