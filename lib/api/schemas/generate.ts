import { z } from "zod";
import {
  backgroundField,
  modelIdField,
  optionalText,
  outlineField,
  paletteField,
  promptField,
  scaleField,
  seedField,
  shadingField,
  sizeField,
} from "@/lib/api/common-schemas";
import { DEFAULT_MODEL_RULE } from "@/lib/vocabulary";

export const generateBody = z.object({
  prompt: promptField,
  background: backgroundField.default("transparent"),
  force: z.boolean({ error: "force must be a boolean" }).default(false),
  scale: scaleField.default(20),
  email: z.email({ error: "email must be a valid e-mail address" }).max(254).optional(),
  send_email: z.boolean({ error: "send_email must be a boolean" }).default(true),
  // extensions
  model: modelIdField.optional().describe(DEFAULT_MODEL_RULE),
  seed: seedField.optional(),
  palette: paletteField.optional(),
  size: sizeField.optional(),
  outline: outlineField.optional(),
  shading: shadingField.optional(),
  negative_prompt: optionalText("negative_prompt", 2000).optional(),
  resolution: optionalText("resolution", 20).optional(),
  aspect_ratio: optionalText("aspect_ratio", 20).optional(),
});
