"use client";

import dynamic from "next/dynamic";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { flattenModels, useModels } from "@/hooks/use-api";
import { useComposerHydrated } from "@/hooks/use-composer-hydrated";
import { useComposer } from "@/lib/client/composer-store";
import { promptProblem } from "@/lib/client/field-checks";
import { fixedFrameCount, MAX_BATCH_COUNT } from "@/lib/vocabulary";
import { useT } from "../i18n-provider";
import { Button, cardClass, ErrorText, Spinner } from "../ui";
import { AdvancedSettings } from "./advanced-settings";
import { DuplicatesDialog } from "./duplicates-dialog";
import { KindFields } from "./kind-fields";
import { isUsable, ModelPicker, takesUpload } from "./model-picker";
import { PromptFields } from "./prompt-fields";
import type { UploadChoice } from "./upload-field";
import { type Submitted, useComposerSubmit } from "./use-composer-submit";

export type { Submitted } from "./use-composer-submit";

// Only the picture-converting model shows it: loaded then, so the studio's first load stays small.
const UploadField = dynamic(() => import("./upload-field").then((m) => m.UploadField));

export function Composer({ onSubmitted }: { onSubmitted?: (s: Submitted) => void }) {
  const t = useT();
  const s = useComposer();
  const hydrated = useComposerHydrated();
  const models = useModels();
  const [formError, setFormError] = useState<string | null>(null);
  const [upload, setUpload] = useState<UploadChoice | null>(null);

  const all = useMemo(() => flattenModels(models.data), [models.data]);
  const imageModels = useMemo(() => all.filter((m) => m.type === "image" || takesUpload(m)), [all]);
  const selected = all.find((m) => m.id === s.model);

  // Pick the default image model once the list is in (or when the stored one vanished/disabled).
  useEffect(() => {
    if (!hydrated || !models.data) return;
    const ok = selected && isUsable(selected, ["image"]);
    if (ok) return;
    const fallback =
      imageModels.find((m) => m.enabled && m.id === "local/pixel-sprite") ??
      imageModels.find((m) => m.enabled && m.is_default) ??
      imageModels.find((m) => m.enabled);
    if (fallback && fallback.id !== s.model) s.set({ model: fallback.id });
  }, [hydrated, models.data, selected, imageModels, s]);

  const fixedCount = fixedFrameCount(s.mode) ?? null;
  const count = fixedCount ?? Math.min(MAX_BATCH_COUNT, Math.max(1, s.count));
  const {
    mutation: submit,
    duplicates,
    dismissDuplicates,
  } = useComposerSubmit({
    model: selected,
    count,
    upload,
    onSubmitted,
  });
  const converting = takesUpload(selected);

  const negativeSupported = selected?.supports_negative_prompt === true;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (converting && !upload) {
      setFormError(t("studio.uploadRequired"));
      return;
    }
    // a converted picture is titled by its file name when no words are given
    if (!s.prompt.trim() && !converting) {
      setFormError(t("studio.promptRequired"));
      return;
    }
    // a field that cannot be sent as typed is said next to it; nothing is sent changed
    const bad =
      (s.prompt.trim() ? promptProblem(s.prompt) : null) ||
      (negativeSupported && promptProblem(s.negativePrompt)) ||
      s.invalid.seed ||
      s.invalid.scale;
    if (bad) {
      setFormError(t("studio.fixFields"));
      e.currentTarget.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
      return;
    }
    setFormError(null);
    submit.mutate(false);
  }

  const disabled = !hydrated;

  return (
    <form
      onSubmit={onSubmit}
      className={`${cardClass} space-y-4 p-4`}
      aria-busy={!hydrated}
      data-testid="composer"
    >
      <PromptFields disabled={disabled} negativeSupported={negativeSupported} />

      <ModelPicker
        models={models.data}
        value={s.model}
        loading={models.isPending}
        onChange={(model) => s.set({ model, resolution: "", aspectRatio: "" })}
      />
      {models.error && <ErrorText error={models.error} onRetry={() => models.refetch()} />}

      {converting ? (
        <UploadField value={upload} onChange={setUpload} disabled={disabled} />
      ) : (
        <KindFields disabled={disabled} count={count} fixedCount={fixedCount} />
      )}

      {formError && <ErrorText error={formError} />}
      {submit.error && <ErrorText error={submit.error} />}

      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="submit"
          variant="primary"
          disabled={disabled || submit.isPending}
          className="min-h-10 px-5"
          data-testid="generate"
        >
          {submit.isPending && <Spinner />}
          {submit.isPending
            ? t("studio.submitting")
            : converting
              ? t("studio.generate")
              : s.kind === "batch"
                ? t("studio.generateBatch", { n: count })
                : t("studio.generate")}
        </Button>
        <Button variant="ghost" onClick={() => s.reset()} disabled={disabled}>
          {t("studio.reset")}
        </Button>
      </div>

      {/* After the button, so Generate is above the fold (on a laptop and on a phone); the
          defaults need no change for a first picture. */}
      <AdvancedSettings model={selected} disabled={disabled} />

      <DuplicatesDialog
        duplicates={duplicates}
        busy={submit.isPending}
        onClose={dismissDuplicates}
        onGenerateAnyway={() => submit.mutate(true)}
      />
    </form>
  );
}
