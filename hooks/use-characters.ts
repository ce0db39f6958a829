"use client";
// React Query hooks over /api/v1/characters. A character and its animations poll while any facing
// or frame is still being drawn (remote models draw the facings after the 202).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type AnimateBody,
  type CharacterAnimation,
  type CreateCharacterBody,
  type CreateStateBody,
  characterBusy,
  charactersApi,
  isWorking,
  retryAfterSeconds,
} from "@/lib/client/characters";
import { POLL_MS } from "./use-api";

export const characterKeys = {
  list: (page: number) => ["characters", page] as const,
  one: (id: number) => ["character", id] as const,
  animations: (id: number) => ["character", id, "animations"] as const,
};

export function useCharacters(page = 1) {
  return useQuery({
    queryKey: characterKeys.list(page),
    queryFn: () => charactersApi.list(page),
    refetchInterval: (q) =>
      q.state.data?.items.some((c) => characterBusy(c, undefined)) ? POLL_MS * 2 : false,
  });
}

export function useCharacter(id: number) {
  return useQuery({
    queryKey: characterKeys.one(id),
    queryFn: () => charactersApi.get(id),
    refetchInterval: (q) => (characterBusy(q.state.data, undefined) ? POLL_MS : false),
  });
}

export function useCharacterAnimations(id: number) {
  return useQuery({
    queryKey: characterKeys.animations(id),
    queryFn: () => charactersApi.animations(id),
    refetchInterval: (q) =>
      q.state.data?.some(
        (a: CharacterAnimation) => isWorking(a.status) || a.frames.some((f) => isWorking(f.status)),
      )
        ? POLL_MS
        : false,
  });
}

function useInvalidate(id?: number) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ["characters"] }),
      id ? qc.invalidateQueries({ queryKey: characterKeys.one(id) }) : undefined,
    ]);
}

const RATE_LIMIT_RETRIES = 8;

/**
 * Asks again after a 429, waiting what the server says (up to RATE_LIMIT_RETRIES times), so one
 * click still gets its work when an earlier animation used up the minute's generation quota.
 * `onWait` hears the seconds while waiting and `undefined` when the request goes out again.
 */
async function waitingOutRateLimit<T>(
  request: () => Promise<T>,
  onWait?: (seconds: number | undefined) => void,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const wait = retryAfterSeconds(error);
      if (wait === null || attempt >= RATE_LIMIT_RETRIES) throw error;
      onWait?.(wait);
      await new Promise((r) => setTimeout(r, wait * 1000 + 250));
      onWait?.(undefined);
    }
  }
}

export function useCreateCharacter(onWait?: (seconds: number | undefined) => void) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateCharacterBody) =>
      waitingOutRateLimit(() => charactersApi.create(body), onWait),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteCharacter() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: number) => charactersApi.remove(id),
    onSuccess: () => invalidate(),
  });
}

export interface AnimateProgress {
  /** actions already started */
  done: number;
  total: number;
  action: string;
  /** waiting out the generation rate limit before asking again */
  waitSeconds?: number;
}

/**
 * One request per action (the route animates one action in any set of directions). Walk +
 * attack + idle in 8 directions is 72 frames, more than the studio's generation rate limit allows
 * in a minute: a 429 is waited out (the server says how long) and the same action asked again, so
 * the person's one click still gets every animation. The grid fills in as each action starts.
 */
export function useAnimate(id: number, onProgress?: (p: AnimateProgress) => void) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: async (req: { actions: AnimateBody["action"][] } & Omit<AnimateBody, "action">) => {
      const out: CharacterAnimation[] = [];
      const total = req.actions.length;
      for (const [done, action] of req.actions.entries()) {
        onProgress?.({ done, total, action });
        const answer = await waitingOutRateLimit(
          () =>
            charactersApi.animate(id, {
              action,
              directions: req.directions,
              state_id: req.state_id,
            }),
          (waitSeconds) => onProgress?.({ done, total, action, waitSeconds }),
        );
        out.push(...answer.animations);
        await invalidate();
      }
      return out;
    },
    onSettled: () => invalidate(),
  });
}

export function useReroll(id: number) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: ({ animationId, index }: { animationId: number; index: number }) =>
      charactersApi.reroll(id, animationId, index),
    onSettled: () => invalidate(),
  });
}

export function useAddState(id: number) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (body: CreateStateBody) => charactersApi.addState(id, body),
    onSuccess: () => invalidate(),
  });
}
