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

/** Extensions both QT generate routes take: the model and the drawing settings … */
export const pixelExtensionFields = {
  model: modelIdField.optional().describe(DEFAULT_MODEL_RULE),
  seed: seedField.optional(),
  palette: paletteField.optional(),
  size: sizeField.optional(),
  outline: outlineField.optional(),
  shading: shadingField.optional(),
  negative_prompt: negativePromptField.optional(),
};

/** … and a picture to turn into pixel art (models that take uploads, e.g. local/pixelize). */
export const uploadFields = {
  image: imageRefField.optional(),
  target_size: targetSizeField.optional(),
  dither: ditherField.optional(),
  remove_background: removeBackgroundField.optional(),
};

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
  ...pixelExtensionFields,
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
  ...uploadFields,
});

type SharedBody = Pick<
  z.output<typeof generateBody>,
  | "prompt"
  | "background"
  | "scale"
  | "email"
  | "send_email"
  | keyof typeof pixelExtensionFields
  | keyof typeof uploadFields
>;

/** The fields both QT generate routes share, as lib/generation names them. */
export function sharedGenerationInput(body: SharedBody) {
  return {
    prompt: body.prompt,
    background: body.background,
    scale: body.scale,
    email: body.email,
    send_email: body.send_email,
    model: body.model,
    seed: body.seed,
    palette: body.palette,
    size: body.size,
    outline: body.outline,
    shading: body.shading,
    negativePrompt: body.negative_prompt,
    image: body.image,
    imageOptions: {
      target_size: body.target_size,
      dither: body.dither,
      remove_background: body.remove_background,
    },
  };
}
