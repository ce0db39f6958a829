"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { invalidateTasks } from "@/hooks/use-api";
import { api } from "@/lib/client/api";
import { paletteValue, useComposer } from "@/lib/client/composer-store";
import type { BatchBody, Duplicates, GenerateBody, Model } from "@/lib/client/types";
import { fixedFrameCount } from "@/lib/vocabulary";
import { takesUpload } from "./model-picker";
import type { UploadChoice } from "./upload-field";

export type Submitted =
  | { kind: "task"; id: number; before?: string }
  | { kind: "batch"; id: number; taskIds: number[]; before?: string };

/**
 * Turns the composer's state into a generate or batch-generate request. A "duplicates found"
 * answer is kept for the dialog instead of counting as a submission.
 */
export function useComposerSubmit({
  model,
  count,
  upload,
  onSubmitted,
}: {
  model: Model | undefined;
  count: number;
  /** image → pixel art: the picture and its options (models that take uploads) */
  upload?: UploadChoice | null;
  onSubmitted?: (s: Submitted) => void;
}) {
  const qc = useQueryClient();
  const [duplicates, setDuplicates] = useState<Duplicates | null>(null);

  const mutation = useMutation({
    mutationFn: async (force: boolean) => {
      const s = useComposer.getState();
      const resolutions = model?.resolutions;
      const base: GenerateBody = {
        prompt: s.prompt.trim(),
        background: s.background,
        scale: s.scale,
        model: s.model || undefined,
        palette: paletteValue(s),
        force: force || s.force,
      };
      // only to a model that reads it (the field is hidden for the others)
      if (model?.supports_negative_prompt && s.negativePrompt.trim())
        base.negative_prompt = s.negativePrompt.trim();
      if (!model || (model.provider === "local" && !takesUpload(model))) {
        // the offline engine's drawing options; remote models ignore them, so they are not sent
        if (s.spriteSize) base.size = s.spriteSize;
        if (s.outline !== "coloured") base.outline = s.outline;
        if (s.shading !== "soft") base.shading = s.shading;
      }
      if (s.seed !== null) base.seed = s.seed;
      if (takesUpload(model) && upload) {
        const body = {
          ...base,
          prompt: base.prompt || upload.name,
          image: upload.dataUrl,
          target_size: upload.targetSize,
          dither: upload.dither,
          outline: upload.outline ? ("dark" as const) : ("none" as const),
          force: true,
        };
        // a GIF may be animated: the batch route gives one frame per GIF frame
        return upload.gif
          ? { kind: "batch" as const, answer: await api.batchGenerate(body) }
          : { kind: "single" as const, answer: await api.generate(body) };
      }
      if (resolutions && s.resolution && resolutions[s.resolution]) {
        base.resolution = s.resolution;
        if (s.aspectRatio && resolutions[s.resolution][s.aspectRatio])
          base.aspect_ratio = s.aspectRatio;
      }
      if (s.kind === "single") return { kind: "single" as const, answer: await api.generate(base) };
      // a fixed-length mode sets its own frame count (walk4: 16), so count is only sent otherwise
      const body: BatchBody = { ...base, mode: s.mode };
      if (fixedFrameCount(s.mode) === undefined) body.count = count;
      if (s.mode === "variations") body.variations = true;
      return { kind: "batch" as const, answer: await api.batchGenerate(body) };
    },
    onSuccess: async ({ answer }) => {
      if (answer.status === "duplicates_found") {
        setDuplicates(answer);
        return;
      }
      setDuplicates(null);
      const done: Submitted =
        "batch_id" in answer
          ? {
              kind: "batch",
              id: answer.batch_id,
              taskIds: answer.task_ids,
              before: upload?.dataUrl,
            }
          : { kind: "task", id: answer.task_id, before: upload?.dataUrl };
      onSubmitted?.(done);
      await invalidateTasks(qc);
    },
  });

  return {
    mutation,
    duplicates,
    dismissDuplicates: () => setDuplicates(null),
  };
}
