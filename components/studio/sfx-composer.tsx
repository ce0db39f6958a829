"use client";
// The studio's sound mode: an offline 8-bit sound effect from local/sfx through the generations API's
// POST /api/v1/generations/audio, played with its waveform once rendered.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { useTask } from "@/hooks/use-api";
import { api } from "@/lib/client/api";
import { parseSeed, seedProblem } from "@/lib/client/field-checks";
import type { MessageKey } from "@/lib/i18n";
import { SFX_KINDS } from "@/lib/vocabulary";
import { AudioPreview } from "../gallery/task-media";
import { useT } from "../i18n-provider";
import { Button, cardClass, ErrorText, inputClass, Spinner, StatusBadge } from "../ui";
import { fieldLabel } from "./field-label";
import { FieldMessage, invalidRing } from "./field-message";

export const SFX_MODEL = "local/sfx";

/** The sound just made: status while it renders, then player, Download and what was made. */
export function SfxResult({ taskId }: { taskId: number }) {
  const t = useT();
  const task = useTask(taskId);
  const done = task.data?.status === "completed" ? task.data : null;
  return (
    <section className={`${cardClass} space-y-2 p-4`} data-testid="sfx-result">
      <h2 className="text-sm font-semibold">
        {t("studio.latest")} · {t("detail.title", { id: taskId })}
      </h2>
      {done ? (
        <AudioPreview task={done} />
      ) : (
        <StatusBadge status={task.data?.status ?? "pending"} />
      )}
      {task.data?.error_msg && <ErrorText error={task.data.error_msg} />}
      <Link
        href={`/gallery/${taskId}`}
        className="text-sm text-indigo-600 underline dark:text-indigo-400"
      >
        {t("tileset.open")} #{taskId}
      </Link>
    </section>
  );
}

export function SfxComposer({ onMade }: { onMade: (taskId: number) => void }) {
  const t = useT();
  const qc = useQueryClient();
  const promptId = useId();
  const kindId = useId();
  const seedId = useId();
  const [prompt, setPrompt] = useState("");
  const [kind, setKind] = useState("");
  const [seed, setSeed] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  // kept as typed; a seed the API would refuse is said so, not trimmed to digits
  const seedBad = seedProblem(seed);

  const make = useMutation({
    mutationFn: () =>
      api.generateAudio({
        // the API needs a prompt (POST /api/v1/generations/audio: prompt 必填); with the description
        // left empty the chosen kind is the prompt, as the form says under the field
        prompt: prompt.trim() || kind,
        model: SFX_MODEL,
        voice: kind || undefined,
        seed: parseSeed(seed) ?? undefined,
      }),
    onSuccess: (publicId) => {
      onMade(Number(publicId.replace(/^task_/, "")));
      qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    // like the sprite tab: nothing is made from nothing (no invented "blip")
    if (!prompt.trim() && !kind) {
      setFormError(t("sfx.describeOrPick"));
      return;
    }
    setFormError(null);
    if (!seedBad) make.mutate();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className={`${cardClass} space-y-4 p-4`} data-testid="sfx-composer">
        <h2 className="text-base font-semibold">{t("sfx.title")}</h2>
        <div>
          <label htmlFor={promptId} className={fieldLabel}>
            {t("sfx.prompt")}
          </label>
          <input
            id={promptId}
            name="sfx-prompt"
            value={prompt}
            maxLength={500}
            placeholder={t("sfx.placeholder")}
            onChange={(e) => setPrompt(e.target.value)}
            className={inputClass}
          />
          {!prompt.trim() && kind && (
            <p className="mt-1 text-xs text-zinc-500" data-testid="sfx-from-kind">
              {t("sfx.fromKind", { kind: t(`sfx.kind.${kind}` as MessageKey) })}
            </p>
          )}
        </div>
        <div className="grid grid-cols-2 gap-3">
          <div>
            <label htmlFor={kindId} className={fieldLabel}>
              {t("sfx.kind")}
            </label>
            <select
              id={kindId}
              value={kind}
              onChange={(e) => setKind(e.target.value)}
              className={inputClass}
            >
              <option value="">{t("sfx.kindAuto")}</option>
              {SFX_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`sfx.kind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={seedId} className={fieldLabel}>
              {t("studio.seed")}
            </label>
            <input
              id={seedId}
              inputMode="numeric"
              value={seed}
              aria-invalid={seedBad ? true : undefined}
              aria-describedby={seedBad ? `${seedId}-problem` : undefined}
              onChange={(e) => setSeed(e.target.value)}
              className={`${inputClass} ${invalidRing(seedBad)}`}
            />
            <FieldMessage id={`${seedId}-problem`} problem={seedBad} />
          </div>
        </div>
        {formError && <ErrorText error={formError} />}
        {make.error && <ErrorText error={make.error} />}
        <Button
          type="submit"
          variant="primary"
          disabled={make.isPending || !!seedBad}
          data-testid="make-sfx"
        >
          {make.isPending && <Spinner />}
          {make.isPending ? t("sfx.making") : t("sfx.make")}
        </Button>
      </form>
    </div>
  );
}
