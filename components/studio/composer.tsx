"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useId, useMemo, useState } from "react";
import { flattenModels, invalidateTasks, useModels } from "@/hooks/use-api";
import { useComposerHydrated } from "@/hooks/use-composer-hydrated";
import { api, randomSeed } from "@/lib/client/api";
import { paletteValue, useComposer } from "@/lib/client/composer-store";
import {
  type BatchBody,
  type Duplicates,
  type GenerateBody,
  NAMED_PALETTES,
  SPRITE_MODE_FRAMES,
  type SpriteMode,
} from "@/lib/client/types";
import { SPRITE_MODES } from "@/lib/pixel/types";
import { useT } from "../i18n-provider";
import { TaskThumb } from "../task-card";
import { Button, cardClass, Dialog, ErrorText, inputBase, inputClass, Spinner } from "../ui";
import { ModelPicker, unavailableReason } from "./model-picker";

export const MAX_PROMPT = 2000;
const AUTO_COLORS = [0, 2, 4, 8, 12, 16, 24, 32];

export type Submitted =
  | { kind: "task"; id: number }
  | { kind: "batch"; id: number; taskIds: number[] };

export function Composer({ onSubmitted }: { onSubmitted?: (s: Submitted) => void }) {
  const t = useT();
  const s = useComposer();
  const hydrated = useComposerHydrated();
  const models = useModels();
  const qc = useQueryClient();
  const router = useRouter();
  const [duplicates, setDuplicates] = useState<Duplicates | null>(null);
  const [notice, setNotice] = useState<Submitted | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const ids = {
    prompt: useId(),
    neg: useId(),
    scale: useId(),
    seed: useId(),
    mode: useId(),
    count: useId(),
    res: useId(),
    aspect: useId(),
    colors: useId(),
    palette: useId(),
  };

  const all = useMemo(() => flattenModels(models.data), [models.data]);
  const imageModels = useMemo(() => all.filter((m) => m.type === "image"), [all]);
  const selected = all.find((m) => m.id === s.model);

  // Pick the default image model once the list is in (or when the stored one vanished/disabled).
  useEffect(() => {
    if (!hydrated || !models.data) return;
    const ok = selected && !unavailableReason(selected, ["image"]);
    if (ok) return;
    const fallback =
      imageModels.find((m) => m.enabled && m.id === "local/pixel-sprite") ??
      imageModels.find((m) => m.enabled && m.is_default) ??
      imageModels.find((m) => m.enabled);
    if (fallback && fallback.id !== s.model) s.set({ model: fallback.id });
  }, [hydrated, models.data, selected, imageModels, s]);

  const fixedCount = SPRITE_MODE_FRAMES[s.mode];
  const count = fixedCount ?? Math.min(4, Math.max(1, s.count));
  const resolutions = selected?.resolutions;
  const resKeys = resolutions ? Object.keys(resolutions) : [];
  const aspectKeys = resolutions
    ? Object.keys(resolutions[s.resolution] ?? resolutions[resKeys[0]] ?? {})
    : [];

  const submit = useMutation({
    mutationFn: async (force: boolean) => {
      const base: GenerateBody = {
        prompt: s.prompt.trim(),
        background: s.background,
        scale: s.scale,
        model: s.model || undefined,
        palette: paletteValue(s),
        force: force || s.force,
      };
      if (s.negativePrompt.trim()) base.negative_prompt = s.negativePrompt.trim();
      if (s.seed !== null) base.seed = s.seed;
      if (resolutions && s.resolution && resolutions[s.resolution]) {
        base.resolution = s.resolution;
        if (s.aspectRatio && resolutions[s.resolution][s.aspectRatio])
          base.aspect_ratio = s.aspectRatio;
      }
      if (s.kind === "single") return { kind: "single" as const, answer: await api.generate(base) };
      const body: BatchBody = { ...base, mode: s.mode, count };
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
          ? { kind: "batch", id: answer.batch_id, taskIds: answer.task_ids }
          : { kind: "task", id: answer.task_id };
      setNotice(done);
      onSubmitted?.(done);
      await invalidateTasks(qc);
    },
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!s.prompt.trim()) {
      setFormError(t("studio.promptRequired"));
      return;
    }
    setFormError(null);
    submit.mutate(false);
  }

  const label = "mb-1 block text-sm font-medium";
  const disabled = !hydrated;

  return (
    <form
      onSubmit={onSubmit}
      className={`${cardClass} space-y-4 p-4`}
      aria-busy={!hydrated}
      data-testid="composer"
    >
      <div>
        <div className="flex items-baseline justify-between">
          <label htmlFor={ids.prompt} className={label}>
            {t("studio.prompt")}
          </label>
          <span
            className={`text-xs ${s.prompt.length > MAX_PROMPT ? "text-red-600" : "text-zinc-500"}`}
            aria-live="polite"
          >
            {t("studio.chars", { n: s.prompt.length, max: MAX_PROMPT })}
          </span>
        </div>
        <textarea
          id={ids.prompt}
          name="prompt"
          rows={3}
          maxLength={MAX_PROMPT}
          value={s.prompt}
          disabled={disabled}
          onChange={(e) => s.set({ prompt: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          placeholder={t("studio.promptPlaceholder")}
          className={`${inputClass} resize-y`}
        />
      </div>
      <div>
        <div className="flex items-baseline justify-between">
          <label htmlFor={ids.neg} className={label}>
            {t("studio.negative")}
          </label>
          <span className="text-xs text-zinc-500">
            {t("studio.chars", { n: s.negativePrompt.length, max: MAX_PROMPT })}
          </span>
        </div>
        <input
          id={ids.neg}
          name="negative_prompt"
          maxLength={MAX_PROMPT}
          value={s.negativePrompt}
          disabled={disabled}
          onChange={(e) => s.set({ negativePrompt: e.target.value })}
          placeholder={t("studio.negativePlaceholder")}
          className={inputClass}
        />
      </div>

      <ModelPicker
        models={models.data}
        value={s.model}
        loading={models.isPending}
        onChange={(model) => s.set({ model, resolution: "", aspectRatio: "" })}
      />
      {models.error && <ErrorText error={models.error} onRetry={() => models.refetch()} />}

      <fieldset>
        <legend className={label}>{t("studio.kind")}</legend>
        <div className="grid grid-cols-2 gap-2">
          {(["single", "batch"] as const).map((k) => (
            <label
              key={k}
              className={`flex cursor-pointer items-center justify-center gap-2 rounded-md border px-3 py-2 text-sm ${s.kind === k ? "border-indigo-500 bg-indigo-50 font-semibold dark:bg-indigo-950" : "border-zinc-300 dark:border-zinc-700"}`}
            >
              <input
                type="radio"
                name="kind"
                value={k}
                checked={s.kind === k}
                disabled={disabled}
                onChange={() => s.set({ kind: k })}
                className="accent-indigo-600"
              />
              {k === "single" ? t("studio.single") : t("studio.batch")}
            </label>
          ))}
        </div>
      </fieldset>

      {s.kind === "batch" && (
        <div className="grid grid-cols-2 gap-3">
          <div>
            <label htmlFor={ids.mode} className={label}>
              {t("studio.mode")}
            </label>
            <select
              id={ids.mode}
              name="mode"
              value={s.mode}
              disabled={disabled}
              onChange={(e) => s.set({ mode: e.target.value as SpriteMode })}
              className={inputClass}
            >
              {SPRITE_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`studio.mode.${m}` as "studio.mode.walk")}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={ids.count} className={label}>
              {t("studio.count")}
            </label>
            <select
              id={ids.count}
              name="count"
              value={count}
              disabled={disabled || fixedCount !== null}
              onChange={(e) => s.set({ count: Number(e.target.value) })}
              className={inputClass}
              aria-describedby={fixedCount !== null ? `${ids.count}-hint` : undefined}
            >
              {[1, 2, 3, 4].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            {fixedCount !== null && (
              <span id={`${ids.count}-hint`} className="text-xs text-zinc-500">
                {t("studio.countFixed")}
              </span>
            )}
          </div>
        </div>
      )}

      <details className="group rounded-md border border-zinc-200 dark:border-zinc-800" open>
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium select-none">
          {t("studio.advanced")}
        </summary>
        <div className="grid gap-4 border-t border-zinc-200 p-3 sm:grid-cols-2 dark:border-zinc-800">
          <fieldset>
            <legend className={label}>{t("studio.background")}</legend>
            <div className="flex gap-3 text-sm">
              {(["transparent", "white"] as const).map((bg) => (
                <label key={bg} className="flex items-center gap-1.5">
                  <input
                    type="radio"
                    name="background"
                    value={bg}
                    checked={s.background === bg}
                    disabled={disabled}
                    onChange={() => s.set({ background: bg })}
                    className="accent-indigo-600"
                  />
                  {t(bg === "transparent" ? "studio.bg.transparent" : "studio.bg.white")}
                </label>
              ))}
            </div>
          </fieldset>

          <div>
            <label htmlFor={ids.scale} className={label}>
              {t("studio.scale")}{" "}
              <span className="font-normal text-zinc-500">
                {t("studio.scaleHint", { n: s.scale })}
              </span>
            </label>
            <div className="flex items-center gap-2">
              <input
                type="range"
                min={1}
                max={64}
                value={s.scale}
                disabled={disabled}
                aria-label={t("studio.scale")}
                onChange={(e) => s.set({ scale: Number(e.target.value) })}
                className="min-w-0 flex-1 accent-indigo-600"
              />
              <input
                id={ids.scale}
                type="number"
                name="scale"
                min={1}
                max={64}
                value={s.scale}
                disabled={disabled}
                onChange={(e) =>
                  s.set({ scale: Math.min(64, Math.max(1, Number(e.target.value) || 1)) })
                }
                className={`${inputBase} w-20`}
              />
            </div>
          </div>

          <fieldset className="sm:col-span-2">
            <legend className={label}>{t("studio.palette")}</legend>
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <label className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name="paletteKind"
                  checked={s.paletteKind === "auto"}
                  disabled={disabled}
                  onChange={() => s.set({ paletteKind: "auto" })}
                  className="accent-indigo-600"
                />
                {t("studio.paletteAuto")}
              </label>
              <label htmlFor={ids.colors} className="sr-only">
                {t("studio.autoColors")}
              </label>
              <select
                id={ids.colors}
                value={s.autoColors}
                disabled={disabled || s.paletteKind !== "auto"}
                onChange={(e) => s.set({ autoColors: Number(e.target.value) })}
                className={`${inputBase} w-auto`}
              >
                {AUTO_COLORS.map((n) => (
                  <option key={n} value={n}>
                    {n === 0 ? t("studio.autoColorsAny") : `${n} ${t("studio.autoColors")}`}
                  </option>
                ))}
              </select>
              <label className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name="paletteKind"
                  checked={s.paletteKind === "named"}
                  disabled={disabled}
                  onChange={() => s.set({ paletteKind: "named" })}
                  className="accent-indigo-600"
                />
                {t("studio.paletteNamed")}
              </label>
              <label htmlFor={ids.palette} className="sr-only">
                {t("studio.paletteNamed")}
              </label>
              <select
                id={ids.palette}
                value={s.namedPalette}
                disabled={disabled || s.paletteKind !== "named"}
                onChange={(e) => s.set({ namedPalette: e.target.value })}
                className={`${inputBase} w-auto`}
              >
                {NAMED_PALETTES.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </div>
          </fieldset>

          {resolutions && resKeys.length > 0 && (
            <>
              <div>
                <label htmlFor={ids.res} className={label}>
                  {t("studio.resolution")}
                </label>
                <select
                  id={ids.res}
                  value={s.resolution}
                  disabled={disabled}
                  onChange={(e) => s.set({ resolution: e.target.value, aspectRatio: "" })}
                  className={inputClass}
                >
                  <option value="">{t("studio.default")}</option>
                  {resKeys.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={ids.aspect} className={label}>
                  {t("studio.aspect")}
                </label>
                <select
                  id={ids.aspect}
                  value={s.aspectRatio}
                  disabled={disabled || !s.resolution}
                  onChange={(e) => s.set({ aspectRatio: e.target.value })}
                  className={inputClass}
                >
                  <option value="">{t("studio.default")}</option>
                  {aspectKeys.map((a) => (
                    <option key={a} value={a}>
                      {a} ({resolutions[s.resolution]?.[a]})
                    </option>
                  ))}
                </select>
              </div>
            </>
          )}

          <div>
            <label htmlFor={ids.seed} className={label}>
              {t("studio.seed")}
            </label>
            <div className="flex gap-2">
              <input
                id={ids.seed}
                type="number"
                name="seed"
                min={0}
                value={s.seed ?? ""}
                disabled={disabled}
                placeholder={t("studio.seedRandom")}
                onChange={(e) =>
                  s.set({
                    seed:
                      e.target.value === ""
                        ? null
                        : Math.max(0, Math.floor(Number(e.target.value))),
                  })
                }
                className={inputClass}
              />
              <Button
                aria-label={t("studio.dice")}
                title={t("studio.dice")}
                onClick={() => s.set({ seed: randomSeed() })}
                disabled={disabled}
              >
                <svg viewBox="0 0 16 16" className="size-4" aria-hidden="true" fill="currentColor">
                  <path d="M3 1h10a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V3a2 2 0 0 1 2-2Zm0 1.5a.5.5 0 0 0-.5.5v10a.5.5 0 0 0 .5.5h10a.5.5 0 0 0 .5-.5V3a.5.5 0 0 0-.5-.5H3Z" />
                  <circle cx="5" cy="5" r="1.25" />
                  <circle cx="11" cy="5" r="1.25" />
                  <circle cx="8" cy="8" r="1.25" />
                  <circle cx="5" cy="11" r="1.25" />
                  <circle cx="11" cy="11" r="1.25" />
                </svg>
              </Button>
              {s.seed !== null && (
                <Button
                  aria-label={t("studio.clearSeed")}
                  title={t("studio.clearSeed")}
                  onClick={() => s.set({ seed: null })}
                >
                  <span aria-hidden="true">✕</span>
                </Button>
              )}
            </div>
          </div>

          <label className="flex items-center gap-2 self-end text-sm">
            <input
              type="checkbox"
              name="force"
              checked={s.force}
              disabled={disabled}
              onChange={(e) => s.set({ force: e.target.checked })}
              className="size-4 accent-indigo-600"
            />
            {t("studio.force")}
          </label>
        </div>
      </details>

      {formError && <ErrorText error={formError} />}
      {submit.error && <ErrorText error={submit.error} />}

      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="submit"
          variant="primary"
          disabled={disabled || submit.isPending || s.prompt.length > MAX_PROMPT}
          className="min-h-10 px-5"
          data-testid="generate"
        >
          {submit.isPending && <Spinner />}
          {submit.isPending
            ? t("studio.submitting")
            : s.kind === "batch"
              ? t("studio.generateBatch", { n: count })
              : t("studio.generate")}
        </Button>
        <Button variant="ghost" onClick={() => s.reset()} disabled={disabled}>
          {t("studio.reset")}
        </Button>
        {notice && (
          <p role="status" className="text-sm text-zinc-600 dark:text-zinc-300">
            {notice.kind === "batch" ? (
              <>
                {t("studio.submittedBatch", { id: notice.id })} ·{" "}
                <Link
                  href={`/batches/${notice.id}`}
                  className="text-indigo-600 underline dark:text-indigo-400"
                >
                  {t("studio.openBatch")}
                </Link>
              </>
            ) : (
              t("studio.submitted", { id: notice.id })
            )}
          </p>
        )}
      </div>

      <Dialog
        open={!!duplicates}
        onClose={() => setDuplicates(null)}
        title={t("studio.duplicatesTitle")}
        wide
      >
        {duplicates && (
          <div data-testid="duplicates">
            <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-300">{duplicates.message}</p>
            <ul className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
              {duplicates.duplicates.map((d) => (
                <li key={d.id} className="flex flex-col gap-1">
                  <TaskThumb task={d} eager />
                  <p className="line-clamp-2 text-xs" title={d.prompt}>
                    {d.prompt}
                  </p>
                  <Button onClick={() => router.push(`/gallery/${d.id}`)} className="text-xs">
                    {t("studio.useThis")}
                  </Button>
                </li>
              ))}
            </ul>
            <div className="flex justify-end gap-2">
              <Button onClick={() => setDuplicates(null)}>{t("common.cancel")}</Button>
              <Button
                variant="primary"
                onClick={() => submit.mutate(true)}
                disabled={submit.isPending}
              >
                {submit.isPending && <Spinner />}
                {t("studio.generateAnyway")}
              </Button>
            </div>
          </div>
        )}
      </Dialog>
    </form>
  );
}
