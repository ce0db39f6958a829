// Saved palettes as first-class objects: each user's own (imported from a palette file, a colour
// list or an image) beside the named built-ins. A saved palette is named `pal_N` wherever a
// palette is accepted; its colours are resolved, owner-checked, when work is created, so a task
// keeps drawing with them even if the palette is deleted later.
import type { Caller } from "@/lib/auth/caller";
import {
  deletePaletteRow,
  getPaletteForUser,
  insertPalette,
  listPalettesOfUser,
} from "@/lib/db/palettes";
import type { PaletteRow } from "@/lib/db/schema";
import { findAsset, getTaskForUser } from "@/lib/db/tasks";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import type { BilingualText } from "@/lib/i18n/bilingual";
import { rgbToHex } from "@/lib/pixel/color";
import { checkImageInput, parseDataUrl } from "@/lib/pixel/image-input";
import {
  formatPaletteGpl,
  formatPaletteHex,
  formatPalettePal,
  MAX_PALETTE_COLORS,
  parsePaletteFile,
} from "@/lib/pixel/palette-formats";
import { PALETTES } from "@/lib/pixel/palettes";
import { buildPalette } from "@/lib/pixel/quantize";
import { decodeImage } from "@/lib/pixel/raster";
import { getBlobStore } from "@/lib/storage/blob-store";
import {
  isSavedPaletteId,
  PALETTE_NAMES,
  type PaletteExportFormat,
  SAVED_PALETTE_PREFIX,
} from "@/lib/vocabulary";

export interface PublicPalette {
  id: string;
  name: string;
  /** the name for the Chinese pages: the default name in Chinese, else the name as given */
  name_zh: string;
  colors: string[];
  built_in: boolean;
  created_at: string | null;
}

/** The name of a palette nobody named. */
export function defaultPaletteName(colorCount: number): BilingualText {
  return { en: `Palette of ${colorCount} colours`, zh: `${colorCount} 色调色板` };
}

export function toPublicPalette(row: PaletteRow): PublicPalette {
  // The English default is what is stored (and what `name` has always answered); rows made
  // before name_zh existed hold the same text, so they read in Chinese too.
  const fallback = defaultPaletteName(row.colors.length);
  return {
    id: `${SAVED_PALETTE_PREFIX}${row.id}`,
    name: row.name,
    name_zh: row.name === fallback.en ? fallback.zh : row.name,
    colors: row.colors,
    built_in: false,
    created_at: new Date(row.createdAt).toISOString(),
  };
}

export function builtInPalettes(): PublicPalette[] {
  return PALETTE_NAMES.map((name) => ({
    id: name,
    name,
    name_zh: name,
    colors: PALETTES[name],
    built_in: true,
    created_at: null,
  }));
}

/** The row number of `pal_N`, or undefined for anything else. */
export function savedPaletteNumber(id: string): number | undefined {
  return isSavedPaletteId(id) ? Number(id.slice(SAVED_PALETTE_PREFIX.length)) : undefined;
}

/** The caller's own saved palette; another user's id is "not found", never a hint it exists. */
export async function getOwnedPalette(caller: Caller, id: string): Promise<PaletteRow> {
  const n = savedPaletteNumber(id);
  const row = n === undefined ? undefined : await getPaletteForUser(n, caller.user.id);
  if (!row) throw new NotFoundError(`Palette ${id} not found`);
  return row;
}

/** The colours of `palette` when it names a saved palette of the caller's, else undefined. */
export async function savedPaletteColors(
  caller: Caller,
  palette: string | undefined,
): Promise<string[] | undefined> {
  if (!palette || !isSavedPaletteId(palette)) return undefined;
  return (await getOwnedPalette(caller, palette)).colors;
}

export async function listPalettes(caller: Caller): Promise<PublicPalette[]> {
  return [...builtInPalettes(), ...(await listPalettesOfUser(caller.user.id)).map(toPublicPalette)];
}

export interface CreatePaletteInput {
  name?: string;
  /** the text of a .hex, .gpl, .pal or Lospec JSON file */
  file?: string;
  filename?: string;
  colors?: string[];
  /** an image as a data: URL, or a task of the caller's: k-means colours of it */
  image?: string;
  taskId?: number;
  /** colours to take from an image (2–64); default: as many as it needs, up to 32 */
  count?: number;
}

const HEX = /^#?([0-9a-f]{6})$/i;

/** The colours the input describes, and a name when the file carries one. */
async function colorsOf(
  caller: Caller,
  input: CreatePaletteInput,
): Promise<{ colors: string[]; name?: string }> {
  const given = [input.file, input.colors, input.image, input.taskId].filter(
    (v) => v !== undefined,
  ).length;
  if (given !== 1)
    throw new InvalidInputError(
      "Give exactly one of file (.hex/.gpl/.pal/Lospec JSON text), colors, image (a data: URL) or task_id",
    );
  if (input.file !== undefined) {
    const parsed = parsePaletteFile(input.file, input.filename);
    return { colors: parsed.colors, name: parsed.name };
  }
  if (input.colors) {
    return {
      colors: input.colors.map((c, i) => {
        const m = HEX.exec(c.trim());
        if (!m) throw new InvalidInputError(`colors.${i}: "${c}" is not a #rrggbb colour`);
        return `#${m[1]!.toLowerCase()}`;
      }),
    };
  }
  let data: Buffer;
  if (input.image !== undefined) {
    data = parseDataUrl(input.image, "image").data;
    await checkImageInput(data, "image");
  } else {
    const task = await getTaskForUser(input.taskId!, caller.user.id);
    if (!task) throw new NotFoundError(`Task ${input.taskId} not found`);
    const asset = (await findAsset(task.id, "logical")) ?? (await findAsset(task.id, "image"));
    if (!asset) throw new InvalidInputError(`Task ${task.id} has no image to take colours from`);
    data = await getBlobStore().get(asset.storageKey);
  }
  const img = await decodeImage(data);
  const n = input.count ?? 32;
  if (!Number.isInteger(n) || n < 2 || n > 64)
    throw new InvalidInputError("count must be a whole number from 2 to 64");
  return { colors: buildPalette(img, n, input.count === undefined).map(rgbToHex) };
}

export async function createPalette(
  caller: Caller,
  input: CreatePaletteInput,
): Promise<PublicPalette> {
  const { colors, name } = await colorsOf(caller, input);
  if (colors.length < 1) throw new InvalidInputError("A palette needs at least one colour");
  if (colors.length > MAX_PALETTE_COLORS)
    throw new InvalidInputError(`A palette has at most ${MAX_PALETTE_COLORS} colours`);
  const title = (input.name ?? name ?? "").trim() || defaultPaletteName(colors.length).en;
  const row = await insertPalette({
    userId: caller.user.id,
    name: title.slice(0, 100),
    colors,
  });
  return toPublicPalette(row);
}

export async function deletePalette(caller: Caller, id: string): Promise<void> {
  const n = savedPaletteNumber(id);
  if (n === undefined || !(await deletePaletteRow(n, caller.user.id)))
    throw new NotFoundError(`Palette ${id} not found`);
}

/** A built-in name or a saved id of the caller's → the file in `format`. */
export async function exportPalette(
  caller: Caller,
  id: string,
  format: PaletteExportFormat,
): Promise<{ body: string; contentType: string; filename: string }> {
  const builtIn = builtInPalettes().find((p) => p.id === id);
  const p = builtIn ?? toPublicPalette(await getOwnedPalette(caller, id));
  const safe = p.name.replace(/[^\w.-]+/g, "-").slice(0, 60) || p.id;
  switch (format) {
    case "gpl":
      return {
        body: formatPaletteGpl(p.colors, p.name),
        contentType: "text/plain; charset=utf-8",
        filename: `${safe}.gpl`,
      };
    case "pal":
      return {
        body: formatPalettePal(p.colors),
        contentType: "text/plain; charset=utf-8",
        filename: `${safe}.pal`,
      };
    default:
      return {
        body: formatPaletteHex(p.colors),
        contentType: "text/plain; charset=utf-8",
        filename: `${safe}.hex`,
      };
  }
}

/** One palette by id: a built-in name or the caller's saved `pal_N`. */
export async function getPalette(caller: Caller, id: string): Promise<PublicPalette> {
  return (
    builtInPalettes().find((p) => p.id === id) ?? toPublicPalette(await getOwnedPalette(caller, id))
  );
}
