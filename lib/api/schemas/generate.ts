import { z } from "zod";
import {
  backgroundField,
  ditherField,
  emailField,
  imageRefField,
  modelIdField,
  negativePromptField,
  optionalText,
  outlineField,
  paletteField,
  promptField,
  removeBackgroundField,
  scaleField,
  seedField,
  shadingField,
  sizeField,
  targetSizeField,
} from "@/lib/api/common-schemas";
import { DEFAULT_MODEL_RULE, SCALE_DEFAULT } from "@/lib/vocabulary";

export const generateBody = z.object({
  prompt: promptField,
  background: backgroundField.default("transparent"),
  force: z
    .boolean({ error: "force must be a boolean" })
    .default(false)
    .describe(
      'Create the task even when similar artworks of yours exist (same words and the same model, size, palette, mode and style). false answers `status: "duplicates_found"` with them instead.',
    ),
  scale: scaleField.default(SCALE_DEFAULT),
  email: emailField.optional(),
  send_email: z
    .boolean({ error: "send_email must be a boolean" })
    .default(true)
    .describe("E-mail the result when it is done (to `email`, else your account's address)."),
  // extensions
  model: modelIdField.optional().describe(DEFAULT_MODEL_RULE),
  seed: seedField.optional(),
  palette: paletteField.optional(),
  size: sizeField.optional(),
  outline: outlineField.optional(),
  shading: shadingField.optional(),
  negative_prompt: negativePromptField.optional(),
  resolution: optionalText("resolution", 20)
    .optional()
    .describe(
      "Remote models with a resolution table (GET /api/v1/models `resolutions`): a key of that table such as `1K`; ignored by the others. Default: the model's own.",
    ),
  aspect_ratio: optionalText("aspect_ratio", 20)
    .optional()
    .describe(
      "With `resolution`: an aspect ratio of that row such as `1:1` or `16:9`. Default: the model's own.",
    ),
  image: imageRefField.optional(),
  target_size: targetSizeField.optional(),
  dither: ditherField.optional(),
  remove_background: removeBackgroundField.optional(),
});
