// The Characters page's side of /api/v1/characters (the /api/v1 extension family: errors
// `{error, details?}`, snake_case JSON). Bodies and answers are the route schemas' own types
// (lib/api/schemas/character-fields.ts).
import type { z } from "zod";
import type {
  animateCharacterBody,
  animationSchema,
  characterAnswer,
  characterList,
  characterSummary,
  createCharacterBody,
  createStateBody,
  facingSchema,
  frameSchema,
  identitySchema,
  stateSchema,
} from "@/lib/api/schemas/character-fields";
import { ApiRequestError, apiFetch } from "@/lib/client/api";

export type FrameIdentity = z.output<typeof identitySchema>;
export type AnimationFrame = z.output<typeof frameSchema>;
export type CharacterAnimation = z.output<typeof animationSchema>;
export type FacingImage = z.output<typeof facingSchema>;
export type CharacterState = z.output<typeof stateSchema>;
export type Character = z.output<typeof characterAnswer>;
export type CharacterSummary = z.output<typeof characterSummary>;
export type CharacterList = z.output<typeof characterList>;
export type CreateCharacterBody = z.input<typeof createCharacterBody>;
export type AnimateBody = z.input<typeof animateCharacterBody>;
export type CreateStateBody = z.input<typeof createStateBody>;

const json = (v: unknown) => JSON.stringify(v);
const base = "/api/v1/characters";

export const charactersApi = {
  list: (page = 1, pageSize = 24) =>
    apiFetch<CharacterList>(`${base}?page=${page}&page_size=${pageSize}`),
  get: (id: number) => apiFetch<Character>(`${base}/${id}`),
  create: (body: CreateCharacterBody) =>
    apiFetch<Character>(base, { method: "POST", body: json(body) }),
  remove: (id: number) => apiFetch<unknown>(`${base}/${id}`, { method: "DELETE" }),
  animations: async (id: number) =>
    (await apiFetch<{ animations: CharacterAnimation[] }>(`${base}/${id}/animations`)).animations,
  animate: (id: number, body: AnimateBody) =>
    apiFetch<{ animations: CharacterAnimation[] }>(`${base}/${id}/animations`, {
      method: "POST",
      body: json(body),
    }),
  reroll: (id: number, animationId: number, index: number) =>
    apiFetch<unknown>(`${base}/${id}/animations/${animationId}/frames/${index}/reroll`, {
      method: "POST",
    }),
  addState: (id: number, body: CreateStateBody) =>
    apiFetch<CharacterState>(`${base}/${id}/states`, { method: "POST", body: json(body) }),
  exportUrl: (id: number) => `${base}/${id}/export?format=zip`,
};

/** A frame's or facing's PNG with a cache key, so a re-rolled take is fetched again. */
export function frameSrc(
  url: string | null | undefined,
  version: string | number | null | undefined,
): string | null {
  if (!url) return null;
  if (version === undefined || version === null || version === "") return url;
  return `${url}${url.includes("?") ? "&" : "?"}v=${encodeURIComponent(String(version))}`;
}

export const isWorking = (status: string) => status === "pending" || status === "processing";

/** Whether anything of the character is still being drawn (the page polls meanwhile). */
export function characterBusy(
  c:
    | (Pick<CharacterSummary, "status" | "facings"> & Partial<Pick<Character, "states">>)
    | undefined,
  anims: CharacterAnimation[] | undefined,
) {
  if (!c) return false;
  if (isWorking(c.status)) return true;
  if (Object.values(c.facings).some((f) => f && isWorking(f.status))) return true;
  if (
    c.states?.some(
      (s) => isWorking(s.status) || Object.values(s.facings).some((f) => f && isWorking(f.status)),
    )
  )
    return true;
  return !!anims?.some((a) => isWorking(a.status) || a.frames.some((f) => isWorking(f.status)));
}

/** Seconds a 429 asks us to wait (its message says "retry after N s"); 10 when it does not. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof ApiRequestError) || error.status !== 429) return null;
  const m = /retry after (\d+)\s*s/i.exec(error.message);
  return m ? Math.max(1, Number(m[1])) : 10;
}
