"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { invalidateTasks } from "@/hooks/use-api";
import { api, randomSeed } from "@/lib/client/api";
import { paletteState, rehydrateComposer, useComposer } from "@/lib/client/composer-store";
import type { GenerateBody, Task } from "@/lib/client/types";
import type { Background } from "@/lib/vocabulary";
import { taskParamString } from "./task-param";

/** Delete, re-run with a new seed, and "reuse settings" (fill the studio composer). */
export function useTaskActions(id: number, onRerunStarted: (newId: number) => void) {
  const router = useRouter();
  const qc = useQueryClient();

  const del = useMutation({
    mutationFn: () => api.deleteTask(id),
    onSuccess: async () => {
      await invalidateTasks(qc);
      router.push("/gallery");
    },
  });

  const rerun = useMutation({
    mutationFn: async (tk: Task) => {
      const body: GenerateBody = {
        prompt: tk.prompt,
        model: tk.model,
        scale: tk.scale,
        background: (tk.background as Background) || "transparent",
        seed: randomSeed(),
        force: true,
      };
      if (tk.palette) body.palette = tk.palette;
      const neg = taskParamString(tk, "negative_prompt", "negativePrompt");
      if (neg) body.negative_prompt = neg;
      const res = taskParamString(tk, "resolution");
      if (res !== undefined) body.resolution = res;
      const ar = taskParamString(tk, "aspect_ratio", "aspectRatio");
      if (ar !== undefined) body.aspect_ratio = ar;
      const answer = await api.generate(body);
      if (answer.status === "duplicates_found") throw new Error(answer.message);
      return answer.task_id;
    },
    onSuccess: async (newId) => {
      onRerunStarted(newId);
      await invalidateTasks(qc);
    },
  });

  async function reuse(tk: Task) {
    await rehydrateComposer();
    useComposer.getState().set({
      prompt: tk.prompt,
      negativePrompt: taskParamString(tk, "negative_prompt", "negativePrompt") ?? "",
      model: tk.type === "image" ? tk.model : useComposer.getState().model,
      scale: tk.scale || 20,
      background: tk.background === "white" ? "white" : "transparent",
      seed: tk.seed,
      resolution: taskParamString(tk, "resolution") ?? "",
      aspectRatio: taskParamString(tk, "aspect_ratio", "aspectRatio") ?? "",
      ...(tk.batch_id && tk.mode
        ? { kind: "batch" as const, mode: tk.mode as "walk" }
        : { kind: "single" as const }),
      ...paletteState(tk.palette),
    });
    router.push("/");
  }

  return { del, rerun, reuse };
}
