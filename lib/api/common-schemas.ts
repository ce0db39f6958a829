// Field schemas shared by several routes (and by the OpenAPI document built from them).
import { z } from "zod";
import {
  BACKGROUNDS,
  MAX_BATCH_COUNT,
  OUTLINE_STYLES,
  PALETTE_NAMES,
  SHADING_STYLES,
  SPRITE_MODES,
  SPRITE_SIZES,
  type SpriteSize,
} from "@/lib/vocabulary";

export const promptField = z
  .string({ error: "prompt is required and must be a string" })
  .trim()
  .min(1, "prompt must not be empty")
  .max(2000, "prompt must be at most 2000 characters");

export const backgroundField = z.enum(BACKGROUNDS, {
  error: `background must be ${BACKGROUNDS.map((b) => `"${b}"`).join(" or ")}`,
});

export const scaleField = z
  .number({ error: "scale must be an integer between 1 and 64" })
  .int("scale must be an integer between 1 and 64")
  .min(1, "scale must be an integer between 1 and 64")
  .max(64, "scale must be an integer between 1 and 64");

export const seedField = z
  .number({ error: "seed must be an integer" })
  .int("seed must be an integer")
  .min(0, "seed must be between 0 and 2147483647")
  .max(2147483647, "seed must be between 0 and 2147483647");

export const paletteField = z
  .string({ error: "palette must be a string" })
  .regex(
    new RegExp(`^(auto|auto:([2-9]|[1-5][0-9]|6[0-4])|${PALETTE_NAMES.join("|")})$`),
    `palette must be "auto", "auto:N" (N = 2–64) or one of ${PALETTE_NAMES.join(", ")}`,
  );

export const modeField = z.enum(SPRITE_MODES, {
  error: `mode must be one of ${SPRITE_MODES.join(", ")}`,
});

const COUNT_MESSAGE = `count must be an integer between 1 and ${MAX_BATCH_COUNT}`;
export const countField = z
  .number({ error: COUNT_MESSAGE })
  .int(COUNT_MESSAGE)
  .min(1, COUNT_MESSAGE)
  .max(MAX_BATCH_COUNT, COUNT_MESSAGE);

export const modelIdField = z
  .string({ error: "model must be a string like 'local/pixel-sprite'" })
  .max(200);

export const idParam = (name = "id") =>
  z
    .string()
    .regex(/^[1-9]\d{0,15}$/, `${name} must be a positive integer`)
    .transform(Number);

export const booleanQuery = (field: string) =>
  z.enum(["true", "false"], { error: `${field} must be "true" or "false"` });

export const optionalText = (field: string, max: number) =>
  z
    .string({ error: `${field} must be a string` })
    .max(max, `${field} must be at most ${max} characters`);

// Offline-engine drawing options (extensions on both generate routes; ignored by remote models).
const SIZE_MESSAGE = `size must be one of ${SPRITE_SIZES.join(", ")} (logical pixels)`;
export const sizeField = z
  .literal(SPRITE_SIZES as unknown as SpriteSize[], { error: SIZE_MESSAGE })
  .describe("Logical grid of the offline engine's sprite, drawn natively (no resampling)");

export const outlineField = z
  .enum(OUTLINE_STYLES, { error: `outline must be one of ${OUTLINE_STYLES.join(", ")}` })
  .describe("Offline engine outline: coloured (sel-out), dark (one near-black) or none");

export const shadingField = z
  .enum(SHADING_STYLES, { error: `shading must be one of ${SHADING_STYLES.join(", ")}` })
  .describe("Offline engine shading: soft, flat or detailed (dithered half-shadow)");
