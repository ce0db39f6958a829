// Palette files artists already have: Paint.NET/Lospec `.hex`, GIMP `.gpl`, JASC `.pal` (Paint Shop
// Pro, Aseprite and Pixelorama read and write it) and Lospec's JSON download. One parser for the
// editor's palette panel, the saved-palette routes and the studio, so a file that opens in one place
// opens everywhere.
import { InvalidInputError } from "@/lib/errors";

export const MAX_PALETTE_COLORS = 256;

export type PaletteFileFormat = "hex" | "gpl" | "pal" | "lospec-json";

export interface ParsedPalette {
  name?: string;
  /** Lower-case `#rrggbb`, in file order, duplicates kept (the order is the artist's). */
  colors: string[];
  format: PaletteFileFormat;
}

function bad(message: string): never {
  throw new InvalidInputError(message);
}

const HEX6 = /^#?([0-9a-f]{6})(?:[0-9a-f]{2})?$/i;

function normaliseHex(token: string): string | null {
  const m = HEX6.exec(token.trim());
  return m ? `#${m[1]!.toLowerCase()}` : null;
}

function byte(text: string, line: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 255) {
    bad(`palette line ${line}: "${text}" is not a colour channel (0–255)`);
  }
  return n;
}

function rgbHex(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

function finish(colors: string[], format: PaletteFileFormat, name?: string): ParsedPalette {
  if (colors.length === 0) bad("the palette file holds no colours");
  if (colors.length > MAX_PALETTE_COLORS) {
    bad(`a palette holds at most ${MAX_PALETTE_COLORS} colours (this file has ${colors.length})`);
  }
  return name ? { name, colors, format } : { colors, format };
}

/** `.hex`: one `rrggbb` per line (Lospec's "HEX file"); `#` and blank lines allowed. */
function parseHex(text: string): ParsedPalette {
  const colors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith(";") || line.startsWith("//")) return;
    const hex = normaliseHex(line);
    if (!hex) bad(`palette line ${i + 1}: "${line.slice(0, 40)}" is not a hex colour`);
    colors.push(hex);
  });
  return finish(colors, "hex");
}

/** GIMP palette: `GIMP Palette`, optional `Name:`/`Columns:`, `#` comments, then `R G B [name]`. */
function parseGpl(text: string): ParsedPalette {
  const lines = text.split(/\r?\n/);
  let name: string | undefined;
  const colors: string[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (i === 0 || !line || line.startsWith("#")) return;
    const meta = /^(Name|Columns)\s*:\s*(.*)$/i.exec(line);
    if (meta) {
      if (meta[1]!.toLowerCase() === "name" && meta[2]) name = meta[2].trim();
      return;
    }
    const parts = line.split(/\s+/);
    if (parts.length < 3) bad(`palette line ${i + 1}: expected "R G B [name]"`);
    colors.push(rgbHex(byte(parts[0]!, i + 1), byte(parts[1]!, i + 1), byte(parts[2]!, i + 1)));
  });
  return finish(colors, "gpl", name);
}

/** JASC-PAL: `JASC-PAL`, `0100`, a count, then `R G B` lines. The count must match. */
function parsePal(text: string): ParsedPalette {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines[1] !== "0100") bad('a JASC palette has "0100" on its second line');
  const count = Number(lines[2]);
  if (!Number.isInteger(count) || count < 1) bad("a JASC palette's third line is its colour count");
  const body = lines.slice(3);
  if (body.length < count) {
    bad(`the JASC palette says ${count} colours but holds ${body.length}`);
  }
  const colors = body.slice(0, count).map((line, i) => {
    const parts = line.split(/\s+/);
    if (parts.length < 3) bad(`palette line ${i + 4}: expected "R G B"`);
    return rgbHex(byte(parts[0]!, i + 4), byte(parts[1]!, i + 4), byte(parts[2]!, i + 4));
  });
  return finish(colors, "pal");
}

/** Lospec's JSON download: `{"name": "...", "colors": ["rrggbb", ...]}`. */
function parseLospecJson(text: string): ParsedPalette {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    bad("the palette file is not valid JSON");
  }
  const colorsField = (doc as { colors?: unknown } | null)?.colors;
  if (!Array.isArray(colorsField)) bad('a Lospec JSON palette has a "colors" array');
  const colors = colorsField.map((c, i) => {
    const hex = typeof c === "string" ? normaliseHex(c) : null;
    if (!hex) bad(`colour ${i + 1} of the JSON palette is not a hex colour`);
    return hex;
  });
  const name = (doc as { name?: unknown }).name;
  return finish(colors, "lospec-json", typeof name === "string" && name ? name : undefined);
}

/** Which format a file is, from its content first (names lie) and its extension second. */
export function detectPaletteFormat(text: string, filename?: string): PaletteFileFormat {
  const head = text.replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("GIMP Palette")) return "gpl";
  if (head.startsWith("JASC-PAL")) return "pal";
  if (head.startsWith("{")) return "lospec-json";
  const ext = filename?.toLowerCase().split(".").pop();
  if (ext === "gpl") return "gpl";
  if (ext === "pal") return "pal";
  if (ext === "json") return "lospec-json";
  return "hex";
}

/** Parses any supported palette file. Throws an InvalidInputError that names the problem. */
export function parsePaletteFile(input: string | Uint8Array, filename?: string): ParsedPalette {
  const text = (typeof input === "string" ? input : new TextDecoder().decode(input)).replace(
    /^\uFEFF/,
    "",
  );
  if (text.length > 64 * 1024) bad("a palette file is at most 64 KB");
  switch (detectPaletteFormat(text, filename)) {
    case "gpl":
      return parseGpl(text);
    case "pal":
      return parsePal(text);
    case "lospec-json":
      return parseLospecJson(text);
    default:
      return parseHex(text);
  }
}

function channels(hex: string): [number, number, number] {
  const h = normaliseHex(hex);
  if (!h) bad(`"${hex}" is not a hex colour`);
  return [
    Number.parseInt(h.slice(1, 3), 16),
    Number.parseInt(h.slice(3, 5), 16),
    Number.parseInt(h.slice(5, 7), 16),
  ];
}

export function formatPaletteHex(colors: readonly string[]): string {
  return `${colors.map((c) => rgbHex(...channels(c)).slice(1)).join("\n")}\n`;
}

export function formatPaletteGpl(colors: readonly string[], name = "Pixel Studio"): string {
  const rows = colors.map((c) => {
    const [r, g, b] = channels(c);
    return `${String(r).padStart(3)} ${String(g).padStart(3)} ${String(b).padStart(3)}\t${rgbHex(r, g, b).slice(1)}`;
  });
  // GIMP reads names on one line only; a newline in the name would start a colour row.
  return `GIMP Palette\nName: ${name.replace(/[\r\n]+/g, " ")}\nColumns: 8\n#\n${rows.join("\n")}\n`;
}

export function formatPalettePal(colors: readonly string[]): string {
  const rows = colors.map((c) => channels(c).join(" "));
  return `JASC-PAL\r\n0100\r\n${colors.length}\r\n${rows.join("\r\n")}\r\n`;
}
