// The studio's domain words, defined once. The engine, the API schemas, the OpenAPI document, the
// database schema and the UI import these lists; a new mode, palette or status is added here.
// Framework-free on purpose: the browser bundle imports it too.

/** The sprite animation modes of the QT Pixel API (docs/qt-pixel-api.md), in its order. */
export const SEED_SPRITE_MODES = [
  "walk",
  "idle",
  "attack",
  "directions",
  "variations",
  "random",
] as const;

/**
 * Extension modes (not in QT Pixel API; the OpenAPI document marks them as extensions):
 * `directions8` S, SW, W, NW, N, NE, E, SE; short actions; and `walk4`, a character sheet with a
 * walk cycle per direction (rows = directions, the layout top-down RPG tools expect).
 */
export const EXTENSION_SPRITE_MODES = [
  "directions8",
  "run",
  "jump",
  "hurt",
  "death",
  "cast",
  "walk4",
] as const;

export const SPRITE_MODES = [...SEED_SPRITE_MODES, ...EXTENSION_SPRITE_MODES] as const;
export type SpriteMode = (typeof SPRITE_MODES)[number];

/**
 * Frames per batch for the modes whose length the animation fixes; `count` is ignored for them.
 * variations and random take `count` (1–MAX_BATCH_COUNT). The QT Pixel API's four keep its counts.
 */
export const MODE_FRAME_COUNT = {
  walk: 4,
  idle: 2,
  attack: 3,
  directions: 4,
  directions8: 8,
  run: 6,
  jump: 4,
  hurt: 2,
  death: 4,
  cast: 4,
  walk4: 16,
} as const satisfies Partial<Record<SpriteMode, number>>;
export type FixedFrameMode = keyof typeof MODE_FRAME_COUNT;

/** The mode's fixed frame count, or undefined when the caller's `count` decides. */
export function fixedFrameCount(mode: SpriteMode | string): number | undefined {
  return Object.hasOwn(MODE_FRAME_COUNT, mode)
    ? MODE_FRAME_COUNT[mode as FixedFrameMode]
    : undefined;
}

/**
 * Which frames (1-based batch_index) a batch's small preview shows. A turntable of directions is
 * no thumbnail (it showed the back view half the time): direction sets hold still on the front
 * (frame 1, facing down/south), walk4 loops its first row (walking down); the others loop all.
 */
export function previewFrames(mode: string | null | undefined): readonly number[] | undefined {
  if (mode === "directions" || mode === "directions8") return [1];
  if (mode === "walk4") return [1, 2, 3, 4];
  return undefined;
}

/** The most frames any batch has (walk4: 4 directions × 4 steps). */
export const MAX_BATCH_FRAMES = 16;

/**
 * Facings, named the way engines name them (frame names, tags, labels). The 4-direction order is
 * the QT Pixel API's (front, back, left, right); the 8-direction order goes clockwise from S: S, SW, W,
 * NW, N, NE, E, SE.
 */
export const DIRECTIONS4 = ["down", "up", "left", "right"] as const;
export const DIRECTIONS8 = [
  "down",
  "down_left",
  "left",
  "up_left",
  "up",
  "up_right",
  "right",
  "down_right",
] as const;
export type Facing = (typeof DIRECTIONS8)[number];
/** Row order of the walk4 sheet: RPG Maker's character-sheet order (down, left, right, up). */
export const WALK4_ROWS = ["down", "left", "right", "up"] as const;

/** Export scale of batch exports (sheet pixels per logical pixel; 1 = the pixel grid). */
export const EXPORT_SCALE_MIN = 1;
export const EXPORT_SCALE_MAX = 20;

/** Largest `count` of a batch, and the count of a batch that names neither mode nor count. */
export const MAX_BATCH_COUNT = 4;
export const DEFAULT_BATCH_COUNT = 4;

/** Fixed palettes by name (colours in lib/pixel/palettes.ts). "auto" / "auto:N" quantize instead. */
export const PALETTE_NAMES = ["pico-8", "nes", "gameboy", "endesga-32", "db16", "db32"] as const;
export type PaletteName = (typeof PALETTE_NAMES)[number];

/**
 * A palette a user saved (GET /api/v1/palettes) is named by `pal_` and its number wherever a
 * palette is accepted, so it can never be mistaken for a named palette or `auto:N`.
 */
export const SAVED_PALETTE_PREFIX = "pal_";
export const SAVED_PALETTE_ID_PATTERN = "pal_[1-9][0-9]{0,9}";
export function isSavedPaletteId(s: unknown): s is string {
  return typeof s === "string" && new RegExp(`^${SAVED_PALETTE_ID_PATTERN}$`).test(s);
}
/** Export formats of a saved palette (GET /api/v1/palettes/:id/export?format=…). */
export const PALETTE_EXPORT_FORMATS = ["hex", "gpl", "pal"] as const;
export type PaletteExportFormat = (typeof PALETTE_EXPORT_FORMATS)[number];
/** Dithering when colours are reduced (lib/pixel/quantize.ts implements each). */
export const DITHER_MODES = ["none", "bayer2", "bayer4", "bayer8", "floyd-steinberg"] as const;

export const BACKGROUNDS = ["transparent", "white"] as const;

/**
 * Limits of the generate requests' fields, shared by the zod schemas (server) and the composer
 * (browser) so both say the same thing. Prompt lengths count Unicode code points ("🐉🔥" is 2),
 * as JSON Schema's maxLength does.
 */
export const PROMPT_MAX_CHARS = 2000;
export const SCALE_MIN = 1;
export const SCALE_MAX = 64;
export const SCALE_DEFAULT = 20;
export const SEED_MAX = 2147483647;

/** Scales a bulk ZIP offers (output pixels per art pixel; every file in it at the one chosen). */
export const ARCHIVE_SCALES = [1, 2, 4, 8, 10, 20] as const;
export const ARCHIVE_DEFAULT_SCALE = 4;

/** Length in Unicode code points (what a person counts as characters, mostly). */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
export type Background = (typeof BACKGROUNDS)[number];

/** Logical grids the offline engine draws natively (`size` on both generate routes). */
export const SPRITE_SIZES = [16, 24, 32, 48, 64] as const;
export type SpriteSize = (typeof SPRITE_SIZES)[number];

/** Outline of offline sprites: "coloured" = a dark shade of each part's own hue (sel-out). */
export const OUTLINE_STYLES = ["coloured", "dark", "none"] as const;
export type OutlineStyle = (typeof OUTLINE_STYLES)[number];

/** Shading of offline sprites: flat (one tone), soft (light + shadow), detailed (+ dithered band). */
export const SHADING_STYLES = ["soft", "flat", "detailed"] as const;
export type ShadingStyle = (typeof SHADING_STYLES)[number];

/** Task lifecycle words, shared by both APIs. */
export const TASK_STATUSES = ["pending", "processing", "completed", "failed"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Model types of the generations API's catalogue, in display order ("operation" is ours). */
export const MODEL_TYPES = ["image", "video", "audio", "llm", "operation"] as const;
export type ModelType = (typeof MODEL_TYPES)[number];

/** The types `POST /api/v1/generations/{type}` accepts. */
export const GENERATION_TYPES = ["image", "video", "audio"] as const;
export type GenerationType = (typeof GENERATION_TYPES)[number];

// Terrain tilesets (POST /api/v1/tilesets). A tileset is stored as one image task of this mode.
export const TILESET_MODE = "tileset";
/** Terrains a tileset can pair (textures in lib/pixel/tileset/terrains.ts). */
export const TERRAINS = [
  "grass",
  "dirt",
  "sand",
  "water",
  "stone",
  "lava",
  "snow",
  "ice",
  "mud",
  "cobblestone",
] as const;
export type TerrainName = (typeof TERRAINS)[number];
/** corner16: 16-tile corner Wang set; blob47: 47-tile blob set (8-neighbour). */
export const TILESET_LAYOUTS = ["corner16", "blob47"] as const;
export type TilesetLayout = (typeof TILESET_LAYOUTS)[number];
/** The tiles each layout is named for; a blob47 sheet adds the plain base tile (48 cells). */
export const TILESET_LAYOUT_TILES: Record<TilesetLayout, number> = { corner16: 16, blob47: 47 };
export const TILE_SIZES = [16, 32] as const;
export type TileSize = (typeof TILE_SIZES)[number];

/** Kinds of offline 8-bit sound effect (local/sfx; lib/audio/sfx.ts). */
export const SFX_KINDS = ["jump", "coin", "laser", "explosion", "hit", "powerup", "blip"] as const;
export type SfxKind = (typeof SFX_KINDS)[number];

/** Limits of an editor document (lib/document; /api/v1/documents): canvas side, frames, layers. */
export const DOCUMENT_MAX_SIDE = 256;
export const DOCUMENT_MAX_FRAMES = 256;
export const DOCUMENT_MAX_LAYERS = 64;
/** Colour modes of an editor document: RGBA cels, or palette indices (a palette edit recolours). */
export const DOCUMENT_COLOR_MODES = ["rgba", "indexed"] as const;
export type DocumentColorMode = (typeof DOCUMENT_COLOR_MODES)[number];
/** Mode and model of the gallery entry a document save makes (a completed image task). */
export const DOCUMENT_TASK_MODE = "edited";
export const EDITOR_MODEL = "local/editor";

/**
 * A task's progress is whole percent, 0–100: the unit of `tasks.progress` (an integer column on
 * both databases), of both APIs' `progress` and of every adapter's progress report. Adapters whose
 * upstream reports a fraction scale it before calling this.
 */
export function wholePercent(p: number): number {
  return Math.max(0, Math.min(100, Math.round(p)));
}

/**
 * Which model a request without `model` uses (lib/providers/registry.ts applies it), in one
 * sentence for the OpenAPI document; docs/qt-pixel-api.md and docs/generations-api.md say the same.
 */
export const DEFAULT_MODEL_RULE =
  "Default: the model of this type the admin named in DEFAULT_MODEL; unset, the offline engine (local/pixel-sprite for images, local/sfx for audio). GET /api/v1/models flags it is_default.";

/**
 * Characters (issue #19): one stored design animated in any action and direction. The actions
 * are the sprite modes that are motions (frame counts from MODE_FRAME_COUNT); directions are
 * DIRECTIONS4 / DIRECTIONS8 by name.
 */
export const CHARACTER_ACTIONS = [
  "idle",
  "walk",
  "run",
  "jump",
  "attack",
  "cast",
  "hurt",
  "death",
] as const;
export type CharacterAction = (typeof CHARACTER_ACTIONS)[number];
/** side: a platformer's profile; low/high top-down: an RPG's camera at a shallow or steep angle. */
export const CHARACTER_VIEWS = ["side", "low_top_down", "high_top_down"] as const;
export type CharacterView = (typeof CHARACTER_VIEWS)[number];
export const CHARACTER_BODIES = ["humanoid", "quadruped"] as const;
export type CharacterBody = (typeof CHARACTER_BODIES)[number];
export const CHARACTER_DIRECTION_COUNTS = [4, 8] as const;
export const CHARACTER_SIZE_MIN = 16;
export const CHARACTER_SIZE_MAX = 128;
export const CHARACTER_SIZE_DEFAULT = 48;
