// Field schemas shared by several routes (and by the OpenAPI document built from them).
import { z } from "zod";
import { SPRITE_MODES } from "@/lib/generation/sprite-modes";

export const PALETTE_NAMES = ["pico-8", "nes", "gameboy", "endesga-32", "db16", "db32"] as const;

export const promptField = z
  .string({ error: "prompt is required and must be a string" })
  .trim()
  .min(1, "prompt must not be empty")
  .max(2000, "prompt must be at most 2000 characters");

export const backgroundField = z.enum(["transparent", "white"], {
  error: 'background must be "transparent" or "white"',
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

export const countField = z
  .number({ error: "count must be an integer between 1 and 4" })
  .int("count must be an integer between 1 and 4")
  .min(1, "count must be an integer between 1 and 4")
  .max(4, "count must be an integer between 1 and 4");

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
