"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { flattenModels, useBatch, useModels, useTask } from "@/hooks/use-api";
import { useCreateCharacter } from "@/hooks/use-characters";
import type { CreateCharacterBody } from "@/lib/client/characters";
import type { Task } from "@/lib/client/types";
import {
  CHARACTER_BODIES,
  CHARACTER_DIRECTION_COUNTS,
  CHARACTER_SIZE_DEFAULT,
  CHARACTER_SIZE_MAX,
  CHARACTER_SIZE_MIN,
  CHARACTER_VIEWS,
  type CharacterBody,
  type CharacterView,
  EDITOR_MODEL,
  type OutlineStyle,
  PALETTE_NAMES,
  type PaletteName,
  PROMPT_MAX_CHARS,
  SEED_MAX,
  type ShadingStyle,
} from "@/lib/vocabulary";
import { useI18n } from "../i18n-provider";
import { RadioChoices, SelectField } from "../studio/choice-fields";
import { OutlineField, ShadingField } from "../studio/engine-style-fields";
import { fieldLabel } from "../studio/field-label";
import { modelName } from "../studio/model-picker";
import { TaskThumb } from "../task-card";
import { Button, cardClass, ErrorText, inputClass, Spinner } from "../ui";

/** Whether a catalogue model takes a reference image (GET /api/v1/models capabilities). */
export function takesReference(model: {
  provider: string;
  capabilities?: Record<string, unknown>;
}) {
  return model.provider === "local" || !!model.capabilities?.supportsRefImage;
}

/**
 * The words a gallery image was designed from: an image saved from the editor is titled after
 * its source ("a goblin archer (walk)"), so the source's prompt is shown instead. One step back
 * here; the server follows edits of edits to the end when the prompt is left to it.
 */
function useOriginalPrompt(task: Task | undefined): string | undefined {
  const editor =
    task?.model === EDITOR_MODEL
      ? (task.params?.editor as
          | {
              source_task_id?: number | null;
              source_batch_id?: number | null;
              source_tileset_id?: number | null;
            }
          | undefined)
      : undefined;
  const sourceTask = useTask(editor?.source_task_id ?? editor?.source_tileset_id ?? null);
  const sourceBatch = useBatch(editor?.source_batch_id ?? 0);
  if (!task) return undefined;
  if (!editor) return task.prompt;
  return sourceBatch.data?.batch.prompt ?? sourceTask.data?.prompt ?? task.prompt;
}

/**
 * The create form: a description and the design's settings, or a gallery image (?from_task=ID,
 * reached from an artwork's "Make a character") whose pixels become the front facing.
 */
export function CreateCharacterForm({ fromTask }: { fromTask: number | null }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const ids = {
    prompt: useId(),
    name: useId(),
    size: useId(),
    seed: useId(),
  };
  const models = useModels();
  const source = useTask(fromTask);
  const [rateWait, setRateWait] = useState<number | undefined>();
  const create = useCreateCharacter(setRateWait);

  const [prompt, setPrompt] = useState("");
  const [name, setName] = useState("");
  const [model, setModel] = useState("");
  const [size, setSize] = useState(CHARACTER_SIZE_DEFAULT);
  const [view, setView] = useState<CharacterView>("low_top_down");
  const [directions, setDirections] = useState<4 | 8>(4);
  const [body, setBody] = useState<CharacterBody | "">("");
  const [palette, setPalette] = useState<PaletteName | "">("");
  const [outline, setOutline] = useState<OutlineStyle>("coloured");
  const [shading, setShading] = useState<ShadingStyle>("soft");
  const [seed, setSeed] = useState("");
  const [useSource, setUseSource] = useState(true);

  const imageModels = useMemo(
    () => flattenModels(models.data).filter((m) => m.type === "image" && m.enabled),
    [models.data],
  );
  const fallback = imageModels.find((m) => m.is_default) ?? imageModels[0];
  const chosen = imageModels.find((m) => m.id === model) ?? fallback;
  const fromImage = useSource && fromTask !== null;
  const originalPrompt = useOriginalPrompt(source.data);
  const promptText = prompt || (fromImage ? (originalPrompt ?? "") : "");
  const sizeOk = Number.isInteger(size) && size >= CHARACTER_SIZE_MIN && size <= CHARACTER_SIZE_MAX;
  const canSubmit = !!promptText.trim() && sizeOk && !create.isPending;

  const submit = () => {
    if (!canSubmit) return;
    const req: CreateCharacterBody = {
      // left as shown from an image: the server takes that image's original words itself
      ...(fromImage && !prompt ? {} : { prompt: promptText.trim() }),
      size,
      view,
      directions,
      outline,
      shading,
    };
    if (name.trim()) req.name = name.trim();
    if (model) req.model = model;
    if (body) req.body = body;
    if (palette) req.palette = palette;
    if (seed.trim()) req.seed = Number(seed);
    if (fromImage) req.source_task_id = fromTask;
    create.mutate(req, { onSuccess: (c) => router.push(`/characters/${c.id}`) });
  };

  return (
    <form
      className={`${cardClass} grid gap-4 p-4 sm:grid-cols-2`}
      data-testid="create-character"
      aria-busy={create.isPending}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 className="text-lg font-semibold sm:col-span-2">{t("char.new")}</h2>

      {fromTask !== null && useSource && (
        <div
          className="flex items-center gap-3 rounded-md bg-indigo-50 p-2 text-sm sm:col-span-2 dark:bg-indigo-950/40"
          data-testid="from-image"
        >
          <div className="w-16 shrink-0">
            {source.data && <TaskThumb task={source.data} eager badge={false} />}
          </div>
          <div className="min-w-0 space-y-1">
            <p className="font-medium">{t("char.fromImage")}</p>
            <p className="text-zinc-600 dark:text-zinc-300">{t("char.fromImageHint")}</p>
            <button
              type="button"
              className="text-indigo-600 underline dark:text-indigo-400"
              onClick={() => setUseSource(false)}
            >
              {t("char.fromImageClear")}
            </button>
          </div>
        </div>
      )}

      <div className="sm:col-span-2">
        <label htmlFor={ids.prompt} className={fieldLabel}>
          {t("char.prompt")}
        </label>
        <textarea
          id={ids.prompt}
          name="prompt"
          rows={2}
          maxLength={PROMPT_MAX_CHARS}
          value={promptText}
          placeholder={t("char.promptPlaceholder")}
          onChange={(e) => setPrompt(e.target.value)}
          className={inputClass}
          required
        />
      </div>

      <SelectField
        label={t("char.model")}
        name="model"
        value={model}
        onChange={setModel}
        className="sm:col-span-2"
        testId="character-model"
      >
        <option value="">
          {t("char.modelDefault", { name: fallback ? modelName(fallback, locale) : "—" })}
        </option>
        {imageModels.map((m) => (
          <option key={m.id} value={m.id}>
            {modelName(m, locale)} · {m.id}
          </option>
        ))}
      </SelectField>
      {chosen && !takesReference(chosen) && (
        <p
          role="note"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 sm:col-span-2 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
          data-testid="no-reference-warning"
        >
          {t("char.noReference")}
        </p>
      )}

      <div>
        <label htmlFor={ids.name} className={fieldLabel}>
          {t("char.name")}
        </label>
        <input
          id={ids.name}
          name="name"
          value={name}
          maxLength={100}
          placeholder={t("char.namePlaceholder")}
          onChange={(e) => setName(e.target.value)}
          className={inputClass}
        />
      </div>

      <div>
        <label htmlFor={ids.seed} className={fieldLabel}>
          {t("char.seed")}
        </label>
        <input
          id={ids.seed}
          name="seed"
          type="number"
          min={0}
          max={SEED_MAX}
          value={seed}
          placeholder={t("studio.seedRandom")}
          onChange={(e) => setSeed(e.target.value)}
          className={inputClass}
        />
      </div>

      <RadioChoices
        legend={t("char.directions")}
        name="directions"
        options={CHARACTER_DIRECTION_COUNTS}
        value={directions}
        onChange={setDirections}
        label={(n) => t("char.directionsN", { n })}
        className="sm:col-span-2"
      />

      <SelectField
        label={t("char.view")}
        name="view"
        value={view}
        onChange={(v) => setView(v as CharacterView)}
      >
        {CHARACTER_VIEWS.map((v) => (
          <option key={v} value={v}>
            {t(`char.view.${v}`)}
          </option>
        ))}
      </SelectField>

      <SelectField
        label={t("char.body")}
        name="body"
        value={body}
        onChange={(v) => setBody(v as CharacterBody | "")}
      >
        <option value="">{t("char.body.auto")}</option>
        {CHARACTER_BODIES.map((b) => (
          <option key={b} value={b}>
            {t(`char.body.${b}`)}
          </option>
        ))}
      </SelectField>

      <div>
        <label htmlFor={ids.size} className={fieldLabel}>
          {t("char.size")}
        </label>
        <input
          id={ids.size}
          name="size"
          type="number"
          min={CHARACTER_SIZE_MIN}
          max={CHARACTER_SIZE_MAX}
          value={Number.isFinite(size) ? size : ""}
          onChange={(e) => setSize(e.target.valueAsNumber)}
          aria-invalid={!sizeOk}
          aria-describedby={`${ids.size}-hint`}
          className={inputClass}
        />
        <p id={`${ids.size}-hint`} className="mt-1 text-xs text-zinc-500">
          {t("char.sizeHint", { min: CHARACTER_SIZE_MIN, max: CHARACTER_SIZE_MAX })}
        </p>
      </div>

      <SelectField
        label={t("char.palette")}
        name="palette"
        value={palette}
        onChange={(v) => setPalette(v as PaletteName | "")}
      >
        <option value="">{t("char.paletteAuto")}</option>
        {PALETTE_NAMES.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </SelectField>

      <OutlineField value={outline} onChange={setOutline} />

      <ShadingField value={shading} onChange={setShading} />

      {fromTask === null && (
        <p className="text-xs text-zinc-500 sm:col-span-2">{t("char.fromImagePick")}</p>
      )}

      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" variant="primary" disabled={!canSubmit} data-testid="create-submit">
          {create.isPending && <Spinner />}
          {create.isPending ? t("char.creating") : t("char.create")}
        </Button>
        {create.isPending && rateWait !== undefined && (
          <span className="text-sm text-zinc-500" role="status">
            {t("char.createRateWait", { s: rateWait })}
          </span>
        )}
        {create.error && <ErrorText error={create.error} />}
      </div>
    </form>
  );
}
