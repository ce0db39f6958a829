import { z } from "zod";
import { MAX_PALETTE_COLORS } from "@/lib/pixel/palette-formats";
import {
  PALETTE_EXPORT_FORMATS,
  PALETTE_NAMES,
  SAVED_PALETTE_ID_PATTERN,
  SAVED_PALETTE_PREFIX,
} from "@/lib/vocabulary";

export const createPaletteBody = z.object({
  name: z
    .string({ error: "name must be a string" })
    .trim()
    .max(100, "name must be at most 100 characters")
    .optional()
    .describe(
      "A name for the palette; default the file's own name, else “Palette of N colours” (`name_zh`: “N 色调色板”).",
    ),
  file: z
    .string({ error: "file must be the text of a palette file" })
    .max(64 * 1024, "file: a palette file is at most 64 KB")
    .optional()
    .describe(
      "The text of a palette file: Paint.NET/Lospec `.hex`, GIMP `.gpl`, JASC `.pal` or Lospec's JSON. Give exactly one of file, colors, image, task_id.",
    ),
  filename: z
    .string()
    .max(200)
    .optional()
    .describe("The file's name; its extension helps tell the format apart."),
  colors: z
    .array(z.string().max(9), { error: "colors must be an array of #rrggbb strings" })
    .min(1, "colors: at least one colour")
    .max(MAX_PALETTE_COLORS, `colors: at most ${MAX_PALETTE_COLORS}`)
    .optional()
    .describe("The colours as `#rrggbb` strings, in order."),
  image: z
    .string({ error: "image must be a data: URL" })
    .max(14_500_000, "image: the data URL is over the 10 MB limit")
    .regex(/^data:/i, "image must be a data: URL (data:image/png;base64,…)")
    .optional()
    .describe(
      "Take the colours of a picture (k-means in OKLab): a PNG, JPEG, WebP or GIF as a data: URL, ≤ 10 MB.",
    ),
  task_id: z
    .number({ error: "task_id must be a task id (a number)" })
    .int()
    .positive()
    .optional()
    .describe("Take the colours of one of your finished artworks (k-means in OKLab)."),
  count: z
    .number({ error: "count must be a whole number from 2 to 64" })
    .int("count must be a whole number from 2 to 64")
    .min(2, "count must be a whole number from 2 to 64")
    .max(64, "count must be a whole number from 2 to 64")
    .optional()
    .describe("With image or task_id: how many colours to take, 2–64. Default: as needed, ≤ 32."),
});

export const paletteIdParam = z.object({
  id: z
    .string()
    .regex(
      new RegExp(`^(${SAVED_PALETTE_ID_PATTERN}|${PALETTE_NAMES.join("|")})$`),
      `id must be a saved palette's id (${SAVED_PALETTE_PREFIX}N) or one of ${PALETTE_NAMES.join(", ")}`,
    )
    .describe(`A saved palette's id (\`${SAVED_PALETTE_PREFIX}N\`) or a built-in name.`),
});

export const savedPaletteIdParam = z.object({
  id: z
    .string()
    .regex(
      new RegExp(`^${SAVED_PALETTE_ID_PATTERN}$`),
      `id must be a saved palette's id (${SAVED_PALETTE_PREFIX}N); built-in palettes cannot be deleted`,
    )
    .describe(`A saved palette's id (\`${SAVED_PALETTE_PREFIX}N\`).`),
});

export const paletteExportQuery = z.object({
  format: z
    .enum(PALETTE_EXPORT_FORMATS, {
      error: `format must be one of ${PALETTE_EXPORT_FORMATS.join(", ")}`,
    })
    .default("hex")
    .describe("`hex` (Paint.NET/Lospec), `gpl` (GIMP) or `pal` (JASC). Default `hex`."),
});

export const paletteAnswer = z.object({
  id: z
    .string()
    .describe(`\`${SAVED_PALETTE_PREFIX}N\` for a saved palette, else the built-in name`),
  name: z.string(),
  name_zh: z
    .string()
    .describe("The name for Chinese readers: the default name in Chinese, else the same as `name`"),
  colors: z.array(z.string()).describe("`#rrggbb`, in order"),
  built_in: z.boolean(),
  created_at: z.string().nullable(),
});

export const paletteList = z.object({ palettes: z.array(paletteAnswer) });
export const paletteDeleted = z.object({ id: z.string(), deleted: z.literal(true) });
