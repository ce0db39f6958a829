import { z } from "zod";
import { outlineField, seedField, shadingField, sizeField } from "@/lib/api/common-schemas";
import { GENERATION_TYPES } from "@/lib/vocabulary";

export const generationType = z.enum(GENERATION_TYPES, {
  error: `Unknown generation type; use ${GENERATION_TYPES.join(", ")}`,
});

const common = {
  prompt: z
    .string({ error: "prompt is required and must be a string" })
    .trim()
    .min(1, "prompt must not be empty")
    .max(2000, "prompt must be at most 2000 characters"),
  model: z.string({ error: "model is required, in format 'provider/model_key'" }).max(200),
  projectId: z.string().max(200).optional(),
  source: z.string().max(200).optional(),
  sourceId: z.string().max(200).optional(),
  seed: seedField.optional(),
  // the generations API's migration guide: the separate provider field is gone.
  provider: z.unknown().optional(),
};

const imageInputs = z
  .array(z.url({ error: "imageInputs must contain http(s) URLs" }).max(2000), {
    error: "imageInputs must be an array of URLs",
  })
  .max(8, "imageInputs: at most 8 reference images");

const n = z
  .number({ error: "n must be an integer" })
  .int("n must be an integer")
  .min(1, "n must be between 1 and 4")
  .max(4, "n must be between 1 and 4");

export const imageGenerationBody = z.object({
  ...common,
  negativePrompt: z.string().max(2000, "negativePrompt must be at most 2000 characters").optional(),
  resolution: z.string().max(20).optional(),
  aspectRatio: z.string().max(20).optional(),
  n: n.optional(),
  imageInputs: imageInputs.optional(),
  extraParams: z.record(z.string(), z.unknown()).optional(),
  // extensions: drawing options of the offline engine (local/pixel-sprite)
  size: sizeField.optional(),
  outline: outlineField.optional(),
  shading: shadingField.optional(),
});

export const videoGenerationBody = z.object({
  ...common,
  negativePrompt: z.string().max(2000, "negativePrompt must be at most 2000 characters").optional(),
  duration: z.string().max(10).optional(),
  resolution: z.string().max(20).optional(),
  n: n.optional(),
  imageInputs: imageInputs.optional(),
});

export const audioGenerationBody = z.object({
  ...common,
  prompt: z
    .string({ error: "prompt is required and must be a string" })
    .trim()
    .min(1, "prompt must not be empty")
    .max(5000, "prompt must be at most 5000 characters"),
  voice: z.string().max(100).optional(),
  speed: z
    .number({ error: "speed must be a number" })
    .min(0.2, "speed must be between 0.2 and 3")
    .max(3, "speed must be between 0.2 and 3")
    .optional(),
});
