// Field schemas shared by several routes (and by the OpenAPI document built from them).
// The MCP server (mcp/tools.ts) imports these too and runs from any directory without the "@/"
// alias: keep this file's imports relative and free of server code (zod and the vocabulary only).
import { z } from "zod";
import {
  BACKGROUNDS,
  codePointLength,
  DITHER_MODES,
  MAX_BATCH_COUNT,
  OUTLINE_STYLES,
  PALETTE_NAMES,
  PROMPT_MAX_CHARS,
  SAVED_PALETTE_ID_PATTERN,
  SAVED_PALETTE_PREFIX,
  SCALE_MAX,
  SCALE_MIN,
  SEED_MAX,
  SHADING_STYLES,
  SPRITE_MODES,
  SPRITE_SIZES,
  type SpriteSize,
} from "../vocabulary";

/**
 * A text field whose length limit counts Unicode code points, as JSON Schema's maxLength (and
 * the composer's counter) do; zod's .max counts UTF-16 units ("🐉🔥" would be 4).
 */
export const limitedText = (field: string, max: number) =>
  z
    .string({ error: `${field} must be a string` })
    .refine((s) => codePointLength(s) <= max, `${field} must be at most ${max} characters`)
    .meta({ maxLength: max });

export const promptField = z
  .string({ error: "prompt is required and must be a string" })
  .trim()
  .min(1, "prompt must not be empty")
  .refine(
    (s) => codePointLength(s) <= PROMPT_MAX_CHARS,
    `prompt must be at most ${PROMPT_MAX_CHARS} characters`,
  )
  .meta({
    maxLength: PROMPT_MAX_CHARS,
    description: `What to draw, in English or Chinese; 1–${PROMPT_MAX_CHARS} characters (Unicode code points) after trimming.`,
    example: "a golden goblet",
  });

export const backgroundField = z
  .enum(BACKGROUNDS, {
    error: `background must be ${BACKGROUNDS.map((b) => `"${b}"`).join(" or ")}`,
  })
  .describe("Background of the picture: `transparent` (PNG alpha) or `white`.");

// One message per field: a person who typed -1 or 20 digits needs the rule, not two of them.
const SCALE_MESSAGE = `scale must be a whole number from ${SCALE_MIN} to ${SCALE_MAX}`;
export const scaleField = z
  .number({ error: SCALE_MESSAGE })
  .int(SCALE_MESSAGE)
  .min(SCALE_MIN, SCALE_MESSAGE)
  .max(SCALE_MAX, SCALE_MESSAGE)
  .describe(
    `Pixel size in the downloaded PNG: each logical pixel becomes scale × scale pixels (nearest neighbour); ${SCALE_MIN}–${SCALE_MAX}.`,
  );

const SEED_MESSAGE = `seed must be a whole number from 0 to ${SEED_MAX}`;
export const seedField = z
  .number({ error: SEED_MESSAGE })
  .int(SEED_MESSAGE)
  .min(0, SEED_MESSAGE)
  .max(SEED_MAX, SEED_MESSAGE)
  .describe(
    `Fixes the randomness: the same prompt, settings and seed draw the same picture; 0–${SEED_MAX}. Random when left out.`,
  );

export const paletteField = z
  .string({ error: "palette must be a string" })
  .regex(
    new RegExp(
      `^(auto|auto:([2-9]|[1-5][0-9]|6[0-4])|${PALETTE_NAMES.join("|")}|${SAVED_PALETTE_ID_PATTERN})$`,
    ),
    `palette must be "auto", "auto:N" (N = 2–64), one of ${PALETTE_NAMES.join(", ")} or a saved palette's id (${SAVED_PALETTE_PREFIX}N)`,
  )
  .meta({
    description: `Colours: \`auto\` (the engine chooses), \`auto:N\` (at most N colours, N = 2–64), a named palette: ${PALETTE_NAMES.join(", ")}, or the id of a palette you saved (\`${SAVED_PALETTE_PREFIX}N\`, GET /api/v1/palettes). Default \`auto\`.`,
    example: "pico-8",
  });

export const modeField = z
  .enum(SPRITE_MODES, {
    error: `mode must be one of ${SPRITE_MODES.join(", ")}`,
  })
  .describe(
    "Sprite mode: which frames the batch draws (walk 4, idle 2, attack 3, directions 4, variations/random take `count`; extensions directions8, run, jump, hurt, death, cast, walk4). Default `random` (or `variations` with variations=true).",
  );

const COUNT_MESSAGE = `count must be an integer between 1 and ${MAX_BATCH_COUNT}`;
export const countField = z
  .number({ error: COUNT_MESSAGE })
  .int(COUNT_MESSAGE)
  .min(1, COUNT_MESSAGE)
  .max(MAX_BATCH_COUNT, COUNT_MESSAGE)
  .describe(
    `Frames for the variations and random modes, 1–${MAX_BATCH_COUNT} (default ${MAX_BATCH_COUNT}); the other modes set their own count and ignore it.`,
  );

export const modelIdField = z
  .string({ error: "model must be a string like 'local/pixel-sprite'" })
  .max(200)
  .describe(
    "A model id `provider/model_key` from GET /api/v1/models. Default: the studio's default image model.",
  );

export const idParam = (name = "id", description = "The id, as returned when it was created") =>
  z
    .string()
    .regex(/^[1-9]\d{0,15}$/, `${name} must be a positive integer`)
    .transform(Number)
    .describe(description);

export const booleanQuery = (field: string) =>
  z.enum(["true", "false"], { error: `${field} must be "true" or "false"` });

export const optionalText = limitedText;

export const emailField = z.email({ error: "email must be a valid e-mail address" }).max(254).meta({
  description:
    "Where to send the finished result (with send_email). Default: your account's address.",
  example: "you@example.com",
});

export const negativePromptField = limitedText("negative_prompt", PROMPT_MAX_CHARS).describe(
  `What to keep out of the picture, up to ${PROMPT_MAX_CHARS} characters. Only models with \`supports_negative_prompt\` in GET /api/v1/models use it; the offline engine does not.`,
);

// Offline-engine drawing options (extensions on both generate routes; ignored by remote models).
const SIZE_MESSAGE = `size must be one of ${SPRITE_SIZES.join(", ")} (logical pixels)`;
export const sizeField = z
  .literal(SPRITE_SIZES as unknown as SpriteSize[], { error: SIZE_MESSAGE })
  .describe(
    `Logical grid of the offline engine's sprite, drawn natively (no resampling): ${SPRITE_SIZES.join(", ")}. Default: from the prompt (a size word such as "16x16"), else 32.`,
  );

export const outlineField = z
  .enum(OUTLINE_STYLES, { error: `outline must be one of ${OUTLINE_STYLES.join(", ")}` })
  .describe(
    "Offline engine outline: coloured (sel-out), dark (one near-black) or none. Default `coloured`.",
  );

export const shadingField = z
  .enum(SHADING_STYLES, { error: `shading must be one of ${SHADING_STYLES.join(", ")}` })
  .describe(
    "Offline engine shading: soft, flat or detailed (dithered half-shadow). Default `soft`.",
  );

// ---- image → pixel art (models that take an upload, e.g. local/pixelize)

/** Base64 of 10 MB plus the data: URL's header: the most a JSON body carrying an upload needs. */
export const UPLOAD_JSON_MAX_BYTES = 14_500_000;

const IMAGE_REF = /^(data:|https?:\/\/)/i;

export const imageRefField = z
  .string({ error: "image must be a data: URL or an http(s) URL" })
  .max(UPLOAD_JSON_MAX_BYTES, "image: the data URL is over the 10 MB limit")
  .regex(IMAGE_REF, "image must be a data: URL (data:image/png;base64,…) or an http(s) URL")
  .meta({
    description:
      "The picture to turn into pixel art (with `model: local/pixelize`): a PNG, JPEG, WebP or GIF as a `data:` URL (base64) or an http(s) URL; at most 10 MB and 4096 px a side. An animated GIF becomes a batch, one frame per GIF frame, with one palette and one grid.",
    example:
      "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  });

export const targetSizeField = z
  .number({ error: "target_size must be 0 (auto) or a whole number from 16 to 256" })
  .int("target_size must be 0 (auto) or a whole number from 16 to 256")
  .refine(
    (n) => n === 0 || (n >= 16 && n <= 256),
    "target_size must be 0 (auto) or a whole number from 16 to 256",
  )
  .describe(
    "Image → pixel art: the logical long edge, 16–256, or 0 to recover the picture's own grid (default).",
  );

export const ditherField = z
  .enum(DITHER_MODES, { error: `dither must be one of ${DITHER_MODES.join(", ")}` })
  .describe("Image → pixel art: dithering when colours are reduced. Default `none`.");

export const removeBackgroundField = z
  .boolean({ error: "remove_background must be a boolean" })
  .describe(
    "Image → pixel art: turn a flat or near-flat backdrop into transparency (default true).",
  );
