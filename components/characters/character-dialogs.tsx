"use client";

import { useId, useState } from "react";
import { type AnimateProgress, useAddState, useAnimate } from "@/hooks/use-characters";
import type { Character } from "@/lib/client/characters";
import { CHARACTER_ACTIONS, type CharacterAction, type Facing } from "@/lib/vocabulary";
import { modeLabel } from "../gallery/task-params";
import { useI18n } from "../i18n-provider";
import { fieldLabel } from "../studio/field-label";
import { Button, Dialog, ErrorText, inputClass, Spinner } from "../ui";

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** Animate: any set of actions × any set of the character's directions, in a state. */
export function AnimateDialog({
  character,
  open,
  onClose,
  stateId,
}: {
  character: Character;
  open: boolean;
  onClose: () => void;
  stateId: number | null;
}) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<AnimateProgress | null>(null);
  const animate = useAnimate(character.id, setProgress);
  const stateSelect = useId();
  const [actions, setActions] = useState<CharacterAction[]>(["walk"]);
  const [directions, setDirections] = useState<Facing[]>(character.directions);
  const [state, setState] = useState<number | null>(stateId);
  const ok = actions.length > 0 && directions.length > 0;
  const submit = () => {
    if (!ok) return;
    // in the route's own order, so the grid fills row by row as the person reads it
    const ordered = CHARACTER_ACTIONS.filter((a) => actions.includes(a));
    animate.mutate(
      {
        actions: ordered,
        directions: character.directions.filter((d) => directions.includes(d)),
        ...(state ? { state_id: state } : {}),
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("char.animateTitle", { name: character.name })}
      wide
    >
      <form
        className="space-y-4"
        data-testid="animate-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset>
          <legend className={fieldLabel}>{t("char.actions")}</legend>
          <div className="grid grid-cols-2 gap-x-4 gap-y-1.5 text-sm sm:grid-cols-4">
            {CHARACTER_ACTIONS.map((a) => (
              <label key={a} className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  name="action"
                  value={a}
                  checked={actions.includes(a)}
                  onChange={() => setActions((l) => toggle(l, a))}
                  className="size-4 accent-indigo-600"
                />
                {modeLabel(t, a)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className={fieldLabel}>{t("char.directions")}</legend>
          <div className="mb-1.5 flex gap-2 text-xs">
            <button
              type="button"
              className="text-indigo-600 underline dark:text-indigo-400"
              onClick={() => setDirections(character.directions)}
            >
              {t("char.selectAll")}
            </button>
            <button
              type="button"
              className="text-indigo-600 underline dark:text-indigo-400"
              onClick={() => setDirections([])}
            >
              {t("char.selectNone")}
            </button>
          </div>
          <div className="grid grid-cols-2 gap-x-4 gap-y-1.5 text-sm sm:grid-cols-4">
            {character.directions.map((d) => (
              <label key={d} className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  name="direction"
                  value={d}
                  checked={directions.includes(d)}
                  onChange={() => setDirections((l) => toggle(l, d))}
                  className="size-4 accent-indigo-600"
                />
                {t(`batch.face.${d}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {character.states.length > 0 && (
          <div>
            <label htmlFor={stateSelect} className={fieldLabel}>
              {t("char.state")}
            </label>
            <select
              id={stateSelect}
              value={state ?? ""}
              onChange={(e) => setState(e.target.value ? Number(e.target.value) : null)}
              className={inputClass}
            >
              <option value="">{t("char.stateBase")}</option>
              {character.states.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {!ok && <p className="text-sm text-amber-700 dark:text-amber-300">{t("char.pickOne")}</p>}
        <div aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-300">
          {animate.isPending && progress && (
            <p data-testid="animate-progress">
              {t("char.animating", {
                n: progress.done + 1,
                total: progress.total,
                action: modeLabel(t, progress.action),
              })}
              {progress.waitSeconds !== undefined &&
                ` · ${t("char.rateWait", { s: progress.waitSeconds })}`}
            </p>
          )}
        </div>
        {animate.error && <ErrorText error={animate.error} />}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>
            {animate.isPending ? t("common.close") : t("common.cancel")}
          </Button>
          <Button
            type="submit"
            variant="primary"
            disabled={!ok || animate.isPending}
            data-testid="animate-submit"
          >
            {animate.isPending && <Spinner />}
            {t("char.start")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Add a state: a variant of the design (another cape, armour) with its own full facings. */
export function AddStateDialog({
  characterId,
  open,
  onClose,
  onAdded,
}: {
  characterId: number;
  open: boolean;
  onClose: () => void;
  onAdded: (stateId: number) => void;
}) {
  const { t } = useI18n();
  const add = useAddState(characterId);
  const nameId = useId();
  const promptId = useId();
  const [name, setName] = useState("");
  const [prompt, setPrompt] = useState("");
  const ok = name.trim() !== "" && prompt.trim() !== "";
  return (
    <Dialog open={open} onClose={onClose} title={t("char.addStateTitle")}>
      <form
        className="space-y-3"
        data-testid="state-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!ok) return;
          add.mutate(
            { name: name.trim(), prompt: prompt.trim() },
            {
              onSuccess: (s) => {
                setName("");
                setPrompt("");
                onAdded(s.id);
                onClose();
              },
            },
          );
        }}
      >
        <div>
          <label htmlFor={nameId} className={fieldLabel}>
            {t("char.stateName")}
          </label>
          <input
            id={nameId}
            value={name}
            maxLength={100}
            placeholder={t("char.stateNamePlaceholder")}
            onChange={(e) => setName(e.target.value)}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor={promptId} className={fieldLabel}>
            {t("char.statePrompt")}
          </label>
          <input
            id={promptId}
            value={prompt}
            maxLength={2000}
            placeholder={t("char.statePromptPlaceholder")}
            onChange={(e) => setPrompt(e.target.value)}
            className={inputClass}
          />
        </div>
        {add.error && <ErrorText error={add.error} />}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="submit" variant="primary" disabled={!ok || add.isPending}>
            {add.isPending && <Spinner />}
            {t("char.addState")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
