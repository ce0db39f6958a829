// /api/v1/characters (issue #19): request and answer schemas, shared by the route handlers, the
// OpenAPI document, the MCP tools (mcp/tools.ts) and the Characters page (client types via
// z.input / z.output). Relative imports only: the MCP server runs from any working directory,
// where the "@/" alias does not resolve.
import { z } from "zod";
import {
  CHARACTER_ACTIONS,
  CHARACTER_BODIES,
  CHARACTER_DIRECTION_COUNTS,
  CHARACTER_SIZE_DEFAULT,
  CHARACTER_SIZE_MAX,
  CHARACTER_SIZE_MIN,
  CHARACTER_VIEWS,
  codePointLength,
  DIRECTIONS8,
  OUTLINE_STYLES,
  PALETTE_NAMES,
  PROMPT_MAX_CHARS,
  SEED_MAX,
  SHADING_STYLES,
  TASK_STATUSES,
} from "../../vocabulary";

const idField = (name: string) =>
  z
    .number({ error: `${name} must be a positive integer id` })
    .int(`${name} must be a positive integer id`)
    .positive(`${name} must be a positive integer id`);

const idString = (name: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,15}$/, `${name} must be a positive integer`)
    .transform(Number)
    .describe(`The ${name.replace(/_/g, " ")}, as returned when it was created`);

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be a string` })
    .trim()
    .min(1, `${field} must not be empty`)
    .refine((s) => codePointLength(s) <= max, `${field} must be at most ${max} characters`)
    .meta({ maxLength: max });

export const CHARACTER_NAME_MAX = 100;

export const characterPromptField = text("prompt", PROMPT_MAX_CHARS).meta({
  description: `What the character is, in English or Chinese; 1–${PROMPT_MAX_CHARS} characters. A four-legged animal ("a grey wolf") gets a quadruped body unless \`body\` says otherwise.`,
  example: "a knight with a red cape",
});

const SIZE_MESSAGE = `size must be an integer from ${CHARACTER_SIZE_MIN} to ${CHARACTER_SIZE_MAX}`;
export const characterSizeField = z
  .number({ error: SIZE_MESSAGE })
  .int(SIZE_MESSAGE)
  .min(CHARACTER_SIZE_MIN, SIZE_MESSAGE)
  .max(CHARACTER_SIZE_MAX, SIZE_MESSAGE)
  .meta({
    description: `Canvas side in logical pixels, padding included (about a quarter of it, so limbs and weapons stay inside); ${CHARACTER_SIZE_MIN}–${CHARACTER_SIZE_MAX}, default ${CHARACTER_SIZE_DEFAULT}.`,
    example: 48,
  });

export const characterDirectionField = z
  .enum(DIRECTIONS8, { error: `a direction is one of ${DIRECTIONS8.join(", ")}` })
  .meta({
    description: `A facing: ${DIRECTIONS8.join(", ")} (a 4-direction character has down, up, left, right).`,
    example: "down",
  });

export const characterActionField = z
  .enum(CHARACTER_ACTIONS, { error: `action must be one of ${CHARACTER_ACTIONS.join(", ")}` })
  .meta({
    description: `The motion: ${CHARACTER_ACTIONS.join(", ")}; its frame count is the sprite mode's (walk 4, idle 2, attack 3, run 6, jump 4, cast 4, hurt 2, death 4).`,
    example: "walk",
  });

const SEED_MESSAGE = `seed must be a whole number from 0 to ${SEED_MAX}`;
const seedField = z
  .number({ error: SEED_MESSAGE })
  .int(SEED_MESSAGE)
  .min(0, SEED_MESSAGE)
  .max(SEED_MAX, SEED_MESSAGE);

const hexColor = z
  .string({ error: "a palette colour is a string #rrggbb" })
  .regex(/^#[0-9a-fA-F]{6}$/, "a palette colour is #rrggbb");

export const createCharacterBody = z
  .object({
    name: text("name", CHARACTER_NAME_MAX)
      .optional()
      .meta({
        description: `A display name, up to ${CHARACTER_NAME_MAX} characters (default: the prompt's first words).`,
        example: "Red knight",
      }),
    prompt: characterPromptField.optional().meta({
      description: `${characterPromptField.description} Required, except with source_task_id: then the image's own prompt is used when left out.`,
    }),
    model: z
      .string({ error: "model must be a string like 'local/pixel-sprite'" })
      .max(200)
      .optional()
      .meta({
        description:
          "An image model id from GET /api/v1/models. Default: the studio's default image model (the offline engine `local/pixel-sprite` unless the admin chose another). A remote model that cannot take a reference image is accepted with `supports_reference: false` and a note: its frames are tied together by the prompt only.",
        example: "local/pixel-sprite",
      }),
    seed: seedField.optional().meta({
      description: `Fixes the design: the same prompt and seed draw the same character; 0–${SEED_MAX}. Random when left out.`,
      example: 42,
    }),
    size: characterSizeField.optional(),
    view: z
      .enum(CHARACTER_VIEWS, { error: `view must be one of ${CHARACTER_VIEWS.join(", ")}` })
      .optional()
      .meta({
        description:
          "Camera: `side` (a platformer's profile), `low_top_down` or `high_top_down` (an RPG's camera at a shallow or steep angle). Default `low_top_down`.",
        example: "low_top_down",
      }),
    directions: z
      .union(
        CHARACTER_DIRECTION_COUNTS.map((n) => z.literal(n)),
        { error: `directions must be ${CHARACTER_DIRECTION_COUNTS.join(" or ")}` },
      )
      .optional()
      .meta({
        description:
          "How many facings: 4 (down, up, left, right) or 8 (with the diagonals). Default 4.",
        example: 8,
      }),
    body: z
      .enum(CHARACTER_BODIES, { error: `body must be one of ${CHARACTER_BODIES.join(", ")}` })
      .optional()
      .meta({
        description: "humanoid or quadruped. Default: from the prompt (a wolf walks on four legs).",
        example: "humanoid",
      }),
    palette: z
      .enum(PALETTE_NAMES, { error: `palette must be one of ${PALETTE_NAMES.join(", ")}` })
      .optional()
      .meta({
        description: `A named palette the design is drawn in (${PALETTE_NAMES.join(", ")}). Default: the design's own colours. Either way the colours of the facings become the character's locked palette.`,
        example: "endesga-32",
      }),
    outline: z
      .enum(OUTLINE_STYLES, { error: `outline must be one of ${OUTLINE_STYLES.join(", ")}` })
      .optional()
      .meta({
        description: "Outline: coloured (sel-out), dark or none. Default coloured.",
        example: "coloured",
      }),
    shading: z
      .enum(SHADING_STYLES, { error: `shading must be one of ${SHADING_STYLES.join(", ")}` })
      .optional()
      .meta({ description: "Shading: soft, flat or detailed. Default soft.", example: "soft" }),
    source_task_id: idField("source_task_id").optional().meta({
      description:
        "Start from a gallery image of yours: its pixels become the front (down) facing.",
      example: 12,
    }),
    source_document_id: idField("source_document_id").optional().meta({
      description:
        "Start from an editor document of yours: its first frame becomes the front (down) facing.",
      example: 3,
    }),
  })
  .refine((b) => !(b.source_task_id && b.source_document_id), {
    message: "give source_task_id or source_document_id, not both",
  })
  .refine((b) => b.prompt !== undefined || b.source_task_id !== undefined, {
    message:
      "prompt is required (it may be left out with source_task_id: the image's own prompt is used)",
    path: ["prompt"],
  });

export const patchCharacterBody = z.object({
  name: text("name", CHARACTER_NAME_MAX)
    .optional()
    .meta({ description: "A new display name.", example: "Red knight" }),
  palette: z
    .array(hexColor, { error: "palette must be an array of #rrggbb colours" })
    .min(2, "a locked palette has at least 2 colours")
    .max(256, "a locked palette has at most 256 colours")
    .optional()
    .meta({
      description:
        "Replace the locked palette (#rrggbb colours). Later frames are kept inside it and identity scores use it.",
      example: ["#1a1c2c", "#b13e53", "#ef7d57", "#f4f4f4"],
    }),
});

export const animateCharacterBody = z.object({
  action: characterActionField,
  directions: z
    .array(characterDirectionField, { error: "directions must be an array of direction names" })
    .min(1, "directions must name at least one direction")
    .max(8)
    .optional()
    .meta({
      description:
        "Which of the character's facings to animate (default: all of them). A direction the character does not have is a 400.",
      example: ["down", "left"],
    }),
  state_id: idField("state_id").optional().meta({
    description: "Animate one of the character's states instead of its base look.",
    example: 1,
  }),
});

export const createStateBody = z.object({
  name: text("name", CHARACTER_NAME_MAX).meta({
    description: "The state's name.",
    example: "blue cape",
  }),
  prompt: text("prompt", PROMPT_MAX_CHARS).meta({
    description:
      "What changes, appended to the character's prompt (the design and seed stay the same).",
    example: "with a blue cape",
  }),
});

export const characterParams = z.object({ id: idString("character_id") });
export const animationParams = z.object({
  id: idString("character_id"),
  animation_id: idString("animation_id"),
});
export const frameParams = z.object({
  id: idString("character_id"),
  animation_id: idString("animation_id"),
  index: z
    .string()
    .regex(/^\d{1,3}$/, "index must be a frame index from 0")
    .transform(Number)
    .describe("The frame's 0-based index in its animation"),
});

export const listCharactersQuery = z.object({
  page: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, "page must be a positive integer")
    .transform(Number)
    .optional()
    .describe("Page, from 1 (default 1)"),
  page_size: z
    .string()
    .regex(/^([1-9]|[1-9]\d|100)$/, "page_size must be an integer from 1 to 100")
    .transform(Number)
    .optional()
    .describe("Characters per page, 1–100 (default 20)"),
});

export const characterExportQuery = z.object({
  format: z
    .enum(["zip"], { error: 'format must be "zip"' })
    .optional()
    .describe("Only `zip` (the default): every animation, the facings and engine files"),
  scale: z
    .string()
    .regex(/^([1-9]|1\d|20)$/, "scale must be an integer from 1 to 20")
    .transform(Number)
    .optional()
    .describe("Sheet pixels per logical pixel, 1–20 (default 1: the pixel grid)"),
});

// ---- answers ----

const statusField = z.enum(TASK_STATUSES);

export const identitySchema = z
  .object({
    score: z.number().describe("0..1: the mean of palette fit and silhouette overlap"),
    palette_ok: z.boolean().describe("Every opaque pixel is a colour of the locked palette"),
    silhouette: z
      .number()
      .describe("0..1: overlap (IoU) of the frame's opaque pixels with its direction's facing"),
    flagged: z.boolean().describe("Drifted from the character: re-roll this frame"),
  })
  .describe("How close a frame stays to its direction's canonical facing");

export const facingSchema = z.object({
  url: z.string().nullable().describe("The still (PNG), once drawn"),
  status: statusField,
  task_id: z.number().int().nullable().describe("The gallery task holding it"),
  edited: z.boolean().describe("Replaced by hand (from a gallery image or editor document)"),
});

export const frameSchema = z.object({
  index: z.number().int(),
  url: z.string().nullable(),
  status: statusField,
  task_id: z.number().int().nullable(),
  identity: identitySchema.nullable(),
  error: z.string().nullable().describe("Why the frame failed; re-roll it to fill it"),
});

export const animationSchema = z.object({
  id: z.number().int(),
  character_id: z.number().int(),
  action: z.enum(CHARACTER_ACTIONS),
  direction: z.enum(DIRECTIONS8),
  state_id: z.number().int().nullable(),
  status: statusField.describe("failed when any frame failed (see frames[].status)"),
  failed_frames: z.array(z.number().int()).describe("Indexes of the frames that failed"),
  frames: z.array(frameSchema),
  durations_ms: z.array(z.number().int()),
  batch_id: z.number().int().nullable().describe("The gallery batch holding the frames"),
  created_at: z.string(),
});

export const stateSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prompt: z.string(),
  status: statusField,
  facings: z.record(z.string(), facingSchema),
  created_at: z.string(),
});

export const characterAnswer = z.object({
  id: z.number().int(),
  name: z.string(),
  prompt: z.string(),
  model: z.string(),
  seed: z.number().int(),
  size: z.number().int(),
  view: z.enum(CHARACTER_VIEWS),
  directions: z.array(z.enum(DIRECTIONS8)),
  body: z.enum(CHARACTER_BODIES),
  palette: z.array(z.string()).describe("The locked palette (empty until the facings exist)"),
  palette_name: z.string().nullable(),
  outline: z.string().nullable(),
  shading: z.string().nullable(),
  pivot: z.object({ x: z.number().int(), y: z.number().int() }).nullable(),
  padding: z.number().int(),
  status: statusField.describe("The facings' progress"),
  supports_reference: z.boolean(),
  notes: z.array(z.string()).describe("How the character was made, in English"),
  notes_zh: z.array(z.string()).describe("The same notes in Chinese"),
  facings: z.record(z.string(), facingSchema),
  states: z.array(stateSchema),
  animations: z.array(animationSchema),
  source_task_id: z.number().int().nullable(),
  source_document_id: z.number().int().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const characterSummary = characterAnswer
  .omit({ states: true, animations: true })
  .extend({ animation_count: z.number().int() });

export const characterList = z.object({
  items: z.array(characterSummary),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});

export const animationList = z.object({ animations: z.array(animationSchema) });
export const stateList = z.object({ states: z.array(stateSchema) });

export type CreateCharacterInput = z.input<typeof createCharacterBody>;
export type CreateCharacterBody = z.output<typeof createCharacterBody>;
export type AnimateCharacterBody = z.output<typeof animateCharacterBody>;
export type CharacterAnswer = z.output<typeof characterAnswer>;
export type CharacterAnimation = z.output<typeof animationSchema>;
export type CharacterListAnswer = z.output<typeof characterList>;
export type CharacterFrame = z.output<typeof frameSchema>;
export type CharacterFacing = z.output<typeof facingSchema>;
export type CharacterState = z.output<typeof stateSchema>;
export type FrameIdentity = z.output<typeof identitySchema>;

export const characterDeleted = z.object({
  id: z.number().int(),
  deleted: z
    .literal(true)
    .describe("The character, its states and animations are gone; the gallery images stay"),
});
