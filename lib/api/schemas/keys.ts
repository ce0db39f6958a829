import { z } from "zod";
import { API_KEY_NAME_MAX } from "@/lib/auth/api-keys";

export const createKeyBody = z.object({
  name: z
    .string({ error: "name must be a string" })
    .trim()
    .min(1, "name must not be empty")
    .max(API_KEY_NAME_MAX, `name must be at most ${API_KEY_NAME_MAX} characters`),
});

export const keyIdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, "id must be a positive integer")
    .transform(Number),
});
