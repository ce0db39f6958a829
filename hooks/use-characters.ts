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

export function useCreateCharacter() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateCharacterBody) => charactersApi.create(body),
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

/** One request per action (the route animates one action in any set of directions). */
export function useAnimate(id: number) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: async (req: { actions: AnimateBody["action"][] } & Omit<AnimateBody, "action">) => {
      const out: CharacterAnimation[] = [];
      for (const action of req.actions) {
        const answer = await charactersApi.animate(id, {
          action,
          directions: req.directions,
          state_id: req.state_id,
        });
        out.push(...answer.animations);
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
