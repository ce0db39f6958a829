import { z } from "zod";
import {
  backgroundField,
  countField,
  ditherField,
  emailField,
  imageRefField,
  modeField,
  modelIdField,
  negativePromptField,
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

export const batchGenerateBody = z.object({
  prompt: promptField,
  mode: modeField.optional(),
  count: countField.optional(),
  background: backgroundField.default("transparent"),
  variations: z
    .boolean({ error: "variations must be a boolean" })
    .optional()
    .describe("Without `mode`: true picks the variations mode, false or absent random."),
  scale: scaleField.default(SCALE_DEFAULT),
  email: emailField.optional(),
  send_email: z
    .boolean({ error: "send_email must be a boolean" })
    .default(false)
    .describe(
      "E-mail the batch when every frame is done (to `email`, else your account's address).",
    ),
  // extensions
  model: modelIdField.optional().describe(DEFAULT_MODEL_RULE),
  seed: seedField.optional(),
  palette: paletteField.optional(),
  size: sizeField.optional(),
  outline: outlineField.optional(),
  shading: shadingField.optional(),
  negative_prompt: negativePromptField.optional(),
  force: z
    .boolean({ error: "force must be a boolean" })
    .optional()
    .describe("Accepted for symmetry with /generate; a batch never checks for duplicates."),
  image: imageRefField.optional(),
  target_size: targetSizeField.optional(),
  dither: ditherField.optional(),
  remove_background: removeBackgroundField.optional(),
});
