import { z } from "zod";
import {
  backgroundField,
  countField,
  modeField,
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

export const batchGenerateBody = z.object({
  prompt: promptField,
  mode: modeField.optional(),
  count: countField.optional(),
  background: backgroundField.default("transparent"),
  variations: z.boolean({ error: "variations must be a boolean" }).optional(),
  scale: scaleField.default(20),
  email: z.email({ error: "email must be a valid e-mail address" }).max(254).optional(),
  send_email: z.boolean({ error: "send_email must be a boolean" }).default(false),
  // extensions
  model: modelIdField.optional().describe(DEFAULT_MODEL_RULE),
  seed: seedField.optional(),
  palette: paletteField.optional(),
  size: sizeField.optional(),
  outline: outlineField.optional(),
  shading: shadingField.optional(),
  negative_prompt: optionalText("negative_prompt", 2000).optional(),
  force: z.boolean({ error: "force must be a boolean" }).optional(),
});
