import { z } from "zod";
import { idParam, seedField } from "@/lib/api/common-schemas";
import { TILESET_FILES } from "@/lib/tilesets/tilesets";
import { TERRAINS, TILE_SIZES, TILESET_LAYOUTS } from "@/lib/vocabulary";

const terrainField = z.enum(TERRAINS, {
  error: (issue) =>
    `unknown terrain ${JSON.stringify(issue.input)}; use one of ${TERRAINS.join(", ")}`,
});

export const createTilesetBody = z.object({
  terrains: z
    .tuple([terrainField, terrainField], {
      error: `terrains must be a pair of terrain names, e.g. ["grass", "dirt"] (known: ${TERRAINS.join(", ")})`,
    })
    .refine(([a, b]) => a !== b, "terrains must name two different terrains")
    .meta({
      description: `Two different terrains, the base first: ${TERRAINS.join(", ")}.`,
      example: ["grass", "dirt"],
    }),
  tile_size: z
    .union(
      TILE_SIZES.map((n) => z.literal(n)),
      { error: `tile_size must be ${TILE_SIZES.join(" or ")}` },
    )
    .default(32)
    .describe(`Tile edge in pixels: ${TILE_SIZES.join(" or ")}.`),
  layout: z
    .enum(TILESET_LAYOUTS, {
      error: `layout must be ${TILESET_LAYOUTS.map((l) => `"${l}"`).join(" or ")}`,
    })
    .default("blob47")
    .describe(
      "blob47: the 47 distinct tiles of an 8-neighbour autotile (plus one empty cell to fill the 8-column grid); wang16: 16 corner tiles.",
    ),
  seed: seedField.optional(),
});

export const tilesetParams = z.object({ id: idParam("id", "The tileset id (its task id)") });

export const tilesetFileParams = z.object({
  id: idParam("id", "The tileset id (its task id)"),
  file: z
    .enum(TILESET_FILES, { error: `file must be one of ${TILESET_FILES.join(", ")}` })
    .describe("Which file of the tileset"),
});

const SCALE_MESSAGE = "scale must be an integer between 1 and 20";
export const tilesetFileQuery = z.object({
  scale: z
    .string()
    .regex(/^\d{1,2}$/, SCALE_MESSAGE)
    .transform(Number)
    .refine((n) => n >= 1 && n <= 20, SCALE_MESSAGE)
    .optional()
    .describe("PNG pixels per art pixel, 1–20. Default 1."),
});
