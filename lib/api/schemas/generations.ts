import { z } from "zod";
import {
  limitedText,
  outlineField,
  seedField,
  shadingField,
  sizeField,
  UPLOAD_JSON_MAX_BYTES,
} from "@/lib/api/common-schemas";
import { GENERATION_TYPES, PROMPT_MAX_CHARS } from "@/lib/vocabulary";

export const generationType = z.enum(GENERATION_TYPES, {
  error: `Unknown generation type; use ${GENERATION_TYPES.join(", ")}`,
});

const promptOf = (max: number) =>
  z
    .string({ error: "prompt is required and must be a string" })
    .trim()
    .min(1, "prompt must not be empty")
    .refine((s) => [...s].length <= max, `prompt must be at most ${max} characters`)
    .meta({
      maxLength: max,
      description: `What to generate; 1–${max} characters (Unicode code points) after trimming. Some models allow fewer (GET /api/v1/models \`max_prompt_chars\`).`,
      example: "a pixel-art knight with a blue cape",
    });

const common = {
  prompt: promptOf(PROMPT_MAX_CHARS),
  model: z.string({ error: "model is required, in format 'provider/model_key'" }).max(200).meta({
    description: "Required. A model id `provider/model_key` of this type from GET /api/v1/models.",
    example: "local/pixel-sprite",
  }),
  projectId: z.string().max(200).optional().describe("Your own grouping label, stored as given."),
  source: z.string().max(200).optional().describe("Where the request came from, stored as given."),
  sourceId: z
    .string()
    .max(200)
    .optional()
    .describe("Your own id for the request, stored as given."),
  seed: seedField.optional(),
  // the generations API's migration guide: the separate provider field is gone.
  provider: z
    .unknown()
    .optional()
    .describe("Deprecated and ignored: the provider is the part of `model` before the slash."),
};

// http(s) URLs as the contract has them, and (extension) data: URLs of uploaded images
const imageInput = z.union(
  [
    z.url({ error: "imageInputs must contain http(s) URLs or data: URLs" }).max(2000),
    z
      .string()
      .max(UPLOAD_JSON_MAX_BYTES, "imageInputs: a data URL is over the 10 MB limit")
      .regex(/^data:/i),
  ],
  { error: "imageInputs must contain http(s) URLs or data: URLs (data:image/png;base64,…)" },
);

const imageInputs = z
  .array(imageInput, {
    error: "imageInputs must be an array of URLs",
  })
  .max(8, "imageInputs: at most 8 reference images")
  .describe(
    "Reference images, at most 8, as http(s) URLs or `data:` URLs (base64 PNG, JPEG, WebP or GIF, ≤ 10 MB and ≤ 4096 px a side); used by models with `supportsRefImage`. With `local/pixelize` the one image is the picture to turn into pixel art (an animated GIF becomes a batch; `extraParams` takes the model's params: target_size, colors, palette, dither, dither_strength, remove_background).",
  );

const n = z
  .number({ error: "n must be a whole number from 1 to 4" })
  .int("n must be a whole number from 1 to 4")
  .min(1, "n must be a whole number from 1 to 4")
  .max(4, "n must be a whole number from 1 to 4")
  .describe("How many results, 1–4. Default 1.");

const negativePrompt = limitedText("negativePrompt", PROMPT_MAX_CHARS).describe(
  `What to keep out of the result, up to ${PROMPT_MAX_CHARS} characters; used only by models with \`supports_negative_prompt\` (GET /api/v1/models).`,
);
const resolution = z
  .string()
  .max(20)
  .describe(
    "A key of the model's resolution table (GET /api/v1/models `resolutions`), e.g. `1K`. Default: the model's own.",
  );

export const imageGenerationBody = z.object({
  ...common,
  negativePrompt: negativePrompt.optional(),
  resolution: resolution.optional(),
  aspectRatio: z
    .string()
    .max(20)
    .optional()
    .describe("An aspect ratio of that resolution row, e.g. `1:1`. Default: the model's own."),
  n: n.optional(),
  imageInputs: imageInputs.optional(),
  extraParams: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("Model-specific parameters (GET /api/v1/models `params` lists them)."),
  // extensions: drawing options of the offline engine (local/pixel-sprite)
  size: sizeField.optional(),
  outline: outlineField.optional(),
  shading: shadingField.optional(),
});

export const videoGenerationBody = z.object({
  ...common,
  negativePrompt: negativePrompt.optional(),
  duration: z
    .string()
    .max(10)
    .optional()
    .describe(
      "A key of the model's `durations` (GET /api/v1/models), e.g. `5`. Default: the model's own.",
    ),
  resolution: resolution.optional(),
  n: n.optional(),
  imageInputs: imageInputs.optional(),
});

export const audioGenerationBody = z.object({
  ...common,
  prompt: promptOf(5000),
  voice: z
    .string()
    .max(100)
    .optional()
    .describe(
      "A voice id of the model (GET /api/v1/models `voices`). Default: the speech model's first voice; the sound-effect engine picks the kind from the words.",
    ),
  speed: z
    .number({ error: "speed must be a number from 0.2 to 3" })
    .min(0.2, "speed must be a number from 0.2 to 3")
    .max(3, "speed must be a number from 0.2 to 3")
    .optional()
    .describe("Speech speed, 0.2–3. Default 1."),
});
