import { z } from "zod";
import { API_KEY_NAME_MAX } from "@/lib/auth/api-keys";

export const createKeyBody = z.object({
  name: z
    .string({ error: "name must be a string" })
    .trim()
    .min(1, "name must not be empty")
    .max(API_KEY_NAME_MAX, `name must be at most ${API_KEY_NAME_MAX} characters`)
    .meta({
      description: `A name to tell your keys apart, 1–${API_KEY_NAME_MAX} characters.`,
      example: "my script",
    }),
});

export const keyIdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, "id must be a positive integer")
    .transform(Number)
    .describe("The key's id (GET /api/v1/keys)"),
});

export const deleteKeyQuery = z.object({
  remove: z
    .enum(["true", "false"], { error: 'remove must be "true" or "false"' })
    .optional()
    .describe(
      '"true" removes an already revoked key from the list for good (409 while it is active). Default "false": revoke.',
    ),
});
