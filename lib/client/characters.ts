// The Characters page's side of /api/v1/characters (the /api/v1 extension family: errors
// `{error, details?}`, snake_case JSON). Request bodies are the route schemas' own input types.
import { apiFetch } from "@/lib/client/api";
import type {
  CharacterAction,
  CharacterBody,
  CharacterView,
  Facing,
  OutlineStyle,
  ShadingStyle,
  TaskStatus,
} from "@/lib/vocabulary";

/** How close a frame stays to its direction's canonical facing (0..1; flagged = drifted). */
export interface FrameIdentity {
  score: number;
  palette_ok: boolean;
  silhouette: number;
  flagged: boolean;
}

export interface AnimationFrame {
  index: number;
  url: string | null;
  status: TaskStatus;
  identity: FrameIdentity | null;
  /** bumps on every re-roll (cache key of the frame's PNG) */
  take?: number;
  updated_at?: string | null;
  error?: string | null;
}

export interface CharacterAnimation {
  id: number;
  action: CharacterAction | string;
  direction: Facing;
  state_id: number | null;
  status: TaskStatus;
  frames: AnimationFrame[];
  durations_ms?: number[];
  batch_id?: number | null;
  failed_frames?: number[];
}

export interface FacingImage {
  url: string | null;
  status: TaskStatus;
  task_id?: number | null;
  updated_at?: string | null;
}

export interface CharacterState {
  id: number;
  name: string;
  prompt: string;
  facings: Partial<Record<Facing, FacingImage>>;
}

export interface Character {
  id: number;
  name: string;
  prompt: string;
  model: string;
  seed: number;
  size: number;
  view: CharacterView;
  directions: Facing[];
  body: CharacterBody;
  palette: string[];
  outline: OutlineStyle | null;
  shading: ShadingStyle | null;
  pivot: { x: number; y: number } | null;
  padding?: number | null;
  status: TaskStatus;
  supports_reference: boolean;
  notes: string[];
  facings: Partial<Record<Facing, FacingImage>>;
  facings_batch_id?: number | null;
  states: CharacterState[];
  animations?: CharacterAnimation[];
  animation_count?: number;
  state_count?: number;
  created_at: string | null;
}

export interface CharacterList {
  items: Character[];
  total: number;
  page: number;
  page_size: number;
}

export interface CreateCharacterBody {
  name?: string;
  prompt: string;
  model?: string;
  seed?: number;
  size?: number;
  view?: CharacterView;
  directions?: 4 | 8;
  body?: CharacterBody;
  palette?: string;
  outline?: OutlineStyle;
  shading?: ShadingStyle;
  source_task_id?: number;
  source_document_id?: number;
}

export interface AnimateBody {
  action: CharacterAction;
  directions?: Facing[];
  state_id?: number;
}

const json = (v: unknown) => JSON.stringify(v);
const base = "/api/v1/characters";

export const charactersApi = {
  list: (page = 1, pageSize = 24) =>
    apiFetch<CharacterList>(`${base}?page=${page}&page_size=${pageSize}`),
  get: (id: number) => apiFetch<Character>(`${base}/${id}`),
  create: (body: CreateCharacterBody) =>
    apiFetch<Character>(base, { method: "POST", body: json(body) }),
  remove: (id: number) => apiFetch<unknown>(`${base}/${id}`, { method: "DELETE" }),
  animations: async (id: number) => {
    const answer = await apiFetch<{ animations: CharacterAnimation[] } | CharacterAnimation[]>(
      `${base}/${id}/animations`,
    );
    return Array.isArray(answer) ? answer : answer.animations;
  },
  animate: (id: number, body: AnimateBody) =>
    apiFetch<{ animations: CharacterAnimation[] }>(`${base}/${id}/animations`, {
      method: "POST",
      body: json(body),
    }),
  reroll: (id: number, animationId: number, index: number) =>
    apiFetch<unknown>(`${base}/${id}/animations/${animationId}/frames/${index}/reroll`, {
      method: "POST",
    }),
  addState: (id: number, body: { name: string; prompt: string }) =>
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
export function characterBusy(c: Character | undefined, anims: CharacterAnimation[] | undefined) {
  if (!c) return false;
  if (isWorking(c.status)) return true;
  if (Object.values(c.facings).some((f) => f && isWorking(f.status))) return true;
  if (c.states.some((s) => Object.values(s.facings).some((f) => f && isWorking(f.status))))
    return true;
  return !!anims?.some((a) => isWorking(a.status) || a.frames.some((f) => isWorking(f.status)));
}
