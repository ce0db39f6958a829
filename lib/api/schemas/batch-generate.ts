import { z } from "zod";
import {
  backgroundField,
  countField,
  emailField,
  modeField,
  promptField,
  scaleField,
} from "@/lib/api/common-schemas";
import { SCALE_DEFAULT } from "@/lib/vocabulary";
import { pixelExtensionFields, uploadFields } from "./generate";

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
  ...pixelExtensionFields,
  force: z
    .boolean({ error: "force must be a boolean" })
    .optional()
    .describe("Accepted for symmetry with /generate; a batch never checks for duplicates."),
  ...uploadFields,
});
