// OpenAPI entries of saved palettes (/api/v1/palettes), built from the routes' schemas.
import type { OperationSpec } from "@/lib/api/openapi";
import {
  createPaletteBody,
  paletteAnswer,
  paletteDeleted,
  paletteExportQuery,
  paletteIdParam,
  paletteList,
  savedPaletteIdParam,
} from "@/lib/api/schemas/palettes";

const saved = {
  id: "pal_3",
  name: "forest",
  name_zh: "forest",
  colors: ["#1a1c2c", "#5d275d", "#b13e53", "#ef7d57"],
  built_in: false,
  created_at: "2026-12-07T02:00:00.000Z",
};

export const paletteOperations: OperationSpec[] = [
  {
    method: "get",
    path: "/api/v1/palettes",
    tag: "Studio extensions",
    summary: "Palettes: the built-in ones, then yours",
    description:
      "Every palette you can name in `palette` on the generate routes, batches, operations and the studio: the built-ins by name, your saved ones as `pal_N`.",
    errorShape: "qt",
    extension: true,
    response: {
      schema: paletteList,
      example: {
        palettes: [
          {
            id: "gameboy",
            name: "gameboy",
            name_zh: "gameboy",
            colors: ["#0f380f", "#306230", "#8bac0f", "#9bbc0f"],
            built_in: true,
            created_at: null,
          },
          saved,
        ],
      },
    },
  },
  {
    method: "post",
    path: "/api/v1/palettes",
    tag: "Studio extensions",
    summary: "Save a palette (from a .hex/.gpl/.pal/Lospec JSON file, colours or an image)",
    description:
      "Give exactly one of `file` (the file's text), `colors`, `image` (a data: URL) or `task_id` (one of your artworks); from a picture the colours are found by k-means in OKLab. The answer's `id` (`pal_N`) is accepted wherever a palette is.",
    body: createPaletteBody,
    bodyExample: {
      name: "forest",
      file: "GIMP Palette\nName: forest\n#\n 26  28  44\tnight\n 93  39  93\tplum\n177  62  83\tred\n239 125  87\torange\n",
    },
    errorShape: "qt",
    extension: true,
    response: { schema: paletteAnswer, status: 201, example: saved },
  },
  {
    method: "get",
    path: "/api/v1/palettes/{id}",
    tag: "Studio extensions",
    summary: "One palette (a built-in name or your pal_N)",
    description: "Another user's saved palette answers 404, as one that does not exist.",
    params: paletteIdParam,
    errorShape: "qt",
    extension: true,
    response: { schema: paletteAnswer, example: saved },
  },
  {
    method: "delete",
    path: "/api/v1/palettes/{id}",
    tag: "Studio extensions",
    summary: "Delete one of your saved palettes",
    description:
      "Artworks already made with it keep its colours (they were copied when the work was created).",
    params: savedPaletteIdParam,
    errorShape: "qt",
    extension: true,
    response: { schema: paletteDeleted, example: { id: "pal_3", deleted: true } },
  },
  {
    method: "get",
    path: "/api/v1/palettes/{id}/export",
    tag: "Studio extensions",
    summary: "A palette as a file: .hex, .gpl (GIMP) or .pal (JASC)",
    params: paletteIdParam,
    query: paletteExportQuery,
    errorShape: "qt",
    extension: true,
    response: {
      contentType: "text/plain",
      description: "The palette file (Content-Disposition: attachment).",
    },
  },
];
