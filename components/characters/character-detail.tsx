"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useCharacter, useCharacterAnimations, useDeleteCharacter } from "@/hooks/use-characters";
import {
  type Character,
  type CharacterAnimation,
  charactersApi,
  isWorking,
} from "@/lib/client/characters";
import { CHARACTER_ACTIONS } from "@/lib/vocabulary";
import { useI18n } from "../i18n-provider";
import { Button, ConfirmDialog, cardClass, Empty, ErrorText, Loading, StatusBadge } from "../ui";
import { AnimationGrid, takeKey } from "./animation-grid";
import { AnimationPlayer } from "./animation-player";
import { CharacterCompass } from "./character-compass";
import { AddStateDialog, AnimateDialog } from "./character-dialogs";
import { useCharacterUi } from "./character-store";
import { OpenCharacterInEditor, type SheetSource } from "./open-character-in-editor";

function facingsSheet(c: Character, stateId: number | null): SheetSource {
  const facings = (stateId && c.states.find((s) => s.id === stateId)?.facings) || c.facings;
  return {
    size: c.size,
    parts: c.directions
      .map((d) => ({ d, f: facings[d] }))
      .filter(({ f }) => f?.status === "completed" && f.url)
      .map(({ d, f }) => ({
        tag: d,
        urls: [f!.url!],
        durationsMs: [200],
      })),
  };
}

/** A frame seen being redrawn and then finished gets a new take (its <img> is fetched again). */
function useTakesOnFinish(animations: CharacterAnimation[] | undefined) {
  const bumpTake = useCharacterUi((s) => s.bumpTake);
  const seen = useRef(new Map<string, string>());
  useEffect(() => {
    for (const a of animations ?? []) {
      for (const f of a.frames) {
        const key = takeKey(a.id, f.index);
        const before = seen.current.get(key);
        if (before && isWorking(before) && f.status === "completed") bumpTake(key);
        seen.current.set(key, f.status);
      }
    }
  }, [animations, bumpTake]);
}

const newestOf = (list: CharacterAnimation[], action: string, direction: string) =>
  list
    .filter((a) => a.action === action && a.direction === direction)
    .sort((a, b) => b.id - a.id)[0];

function firstCell(list: CharacterAnimation[], directions: readonly string[]) {
  const order = (a: CharacterAnimation) =>
    (CHARACTER_ACTIONS as readonly string[]).indexOf(a.action) * 10 +
    directions.indexOf(a.direction);
  const first = [...list].sort((a, b) => order(a) - order(b))[0];
  return first && newestOf(list, first.action, first.direction);
}

export function CharacterDetail({ id }: { id: number }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const character = useCharacter(id);
  const animations = useCharacterAnimations(id);
  const ui = useCharacterUi();
  const del = useDeleteCharacter();
  const { open } = ui;
  useEffect(() => open(id), [open, id]);
  useTakesOnFinish(animations.data);

  if (character.isPending) return <Loading />;
  if (character.error) {
    const status = (character.error as { status?: number }).status;
    return (
      <div className="space-y-3">
        <ErrorText
          error={status === 404 ? t("char.notFound") : character.error}
          onRetry={() => character.refetch()}
        />
        <Link href="/characters" className="text-sm text-indigo-600 underline dark:text-indigo-400">
          ← {t("char.back")}
        </Link>
      </div>
    );
  }
  const c = character.data;
  const notes = locale === "zh" ? c.notes_zh : c.notes;
  const stateId = ui.characterId === id ? ui.stateId : null;
  const state = stateId ? c.states.find((s) => s.id === stateId) : undefined;
  const facings = state?.facings ?? c.facings;
  const all = animations.data ?? c.animations ?? [];
  const shown = all.filter((a) => (a.state_id ?? null) === (state ? state.id : null));
  const selected = ui.characterId === id ? ui.selected : null;
  // the cell picked on the grid, else the first one (the walk facing the camera, usually)
  const focused = selected
    ? newestOf(shown, selected.action, selected.direction)
    : firstCell(shown, c.directions);
  const viewLabel = t(`char.view.${c.view}`);

  return (
    <div data-testid="character" data-character-id={c.id} data-status={c.status}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <Link href="/characters" className="text-sm text-indigo-600 underline dark:text-indigo-400">
          ← {t("char.back")}
        </Link>
        <StatusBadge status={c.status} />
      </div>
      <h1 className="text-2xl font-bold break-words">{c.name}</h1>
      {c.prompt !== c.name && (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-300">{c.prompt}</p>
      )}
      <p className="mt-1 text-xs text-zinc-500">
        {t("char.details", { model: c.model, seed: c.seed, size: c.size, view: viewLabel })} ·{" "}
        {t(`char.body.${c.body}`)} · {t("char.directionsN", { n: c.directions.length })}
        {c.pivot && <> · {t("char.pivot", { x: c.pivot.x, y: c.pivot.y })}</>}
      </p>
      {c.palette.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-0.5" aria-label={t("char.palette")}>
          {c.palette.map((hex) => (
            <li
              key={hex}
              title={hex}
              className="size-4 rounded-sm border border-zinc-300 dark:border-zinc-700"
              style={{ background: hex }}
            />
          ))}
        </ul>
      )}

      {!c.supports_reference && (
        <p
          role="note"
          className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
          data-testid="no-reference-warning"
        >
          {t("char.noReference")}
        </p>
      )}
      {notes.length > 0 && (
        <section
          aria-label={t("char.notes")}
          className="mt-3 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100"
          data-testid="character-notes"
        >
          <ul className="list-inside list-disc space-y-0.5">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      )}

      <div className="mt-4 flex flex-wrap items-center gap-2" data-testid="character-actions">
        <Button
          variant="primary"
          onClick={() => ui.setDialog("animate")}
          disabled={c.status === "failed"}
          data-testid="animate"
        >
          {t("char.animate")}
        </Button>
        <Button onClick={() => ui.setDialog("state")} data-testid="add-state">
          {t("char.addState")}
        </Button>
        <OpenCharacterInEditor
          label={t("char.openFacings")}
          sheet={() => facingsSheet(c, stateId)}
          disabled={!Object.values(facings).some((f) => f?.status === "completed")}
          testId="open-facings-in-editor"
        />
        <a
          href={charactersApi.exportUrl(c.id)}
          download
          title={t("char.exportHint")}
          data-testid="export-zip"
          className="inline-flex min-h-9 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
        >
          <span aria-hidden="true">⤓</span>
          {t("char.export")}
        </a>
        <Button variant="ghost" onClick={() => ui.setDialog("delete")} className="ml-auto">
          {t("char.delete")}
        </Button>
      </div>

      {c.states.length > 0 && (
        <div className="mt-4 flex flex-wrap gap-1" role="tablist" aria-label={t("char.state")}>
          {[{ id: null as number | null, name: t("char.stateBase") }, ...c.states].map((s) => (
            <button
              key={s.id ?? "base"}
              type="button"
              role="tab"
              aria-selected={stateId === s.id}
              onClick={() => ui.setStateId(s.id)}
              className={`rounded-md px-2.5 py-1 text-sm ${stateId === s.id ? "bg-indigo-600 text-white" : "bg-zinc-100 hover:bg-zinc-200 dark:bg-zinc-800 dark:hover:bg-zinc-700"}`}
            >
              {s.name}
            </button>
          ))}
        </div>
      )}

      <div className="mt-4 grid gap-6 lg:grid-cols-[auto_minmax(0,1fr)]">
        <section className={`${cardClass} p-3`} aria-labelledby="facings-title">
          <h2 id="facings-title" className="mb-2 font-semibold">
            {t("char.facings")}
          </h2>
          <CharacterCompass directions={c.directions} facings={facings} size={c.size} />
        </section>
        {focused ? (
          <AnimationPlayer key={focused.id} characterId={c.id} animation={focused} size={c.size} />
        ) : (
          <section className={`${cardClass} p-3`} aria-labelledby="animations-title">
            <h2 id="animations-title" className="mb-2 font-semibold">
              {t("char.animations")}
            </h2>
            {animations.error ? (
              <ErrorText error={animations.error} />
            ) : (
              <Empty>{t("char.noAnimations")}</Empty>
            )}
          </section>
        )}
      </div>

      {shown.length > 0 && (
        <section className={`${cardClass} mt-6 min-w-0 p-3`} aria-labelledby="grid-title">
          <h2 id="grid-title" className="mb-2 font-semibold">
            {t("char.animations")}
          </h2>
          <AnimationGrid
            animations={shown}
            directions={c.directions}
            size={c.size}
            activeId={focused?.id ?? null}
            onPick={(a) => {
              ui.select({ action: a.action, direction: a.direction });
              // on a phone the player is above the grid: bring it into view
              requestAnimationFrame(() =>
                document
                  .getElementById("animation-player")
                  ?.scrollIntoView({ block: "nearest", behavior: "smooth" }),
              );
            }}
          />
        </section>
      )}

      {ui.dialog === "animate" && (
        <AnimateDialog character={c} open stateId={stateId} onClose={() => ui.setDialog(null)} />
      )}
      {ui.dialog === "state" && (
        <AddStateDialog
          characterId={c.id}
          open
          onClose={() => ui.setDialog(null)}
          onAdded={(sid) => ui.setStateId(sid)}
        />
      )}
      <ConfirmDialog
        open={ui.dialog === "delete"}
        message={t("char.deleteConfirm", { name: c.name })}
        confirmLabel={t("common.delete")}
        busy={del.isPending}
        onClose={() => ui.setDialog(null)}
        onConfirm={() =>
          del.mutate(c.id, {
            onSuccess: () => {
              ui.setDialog(null);
              router.push("/characters");
            },
          })
        }
      />
    </div>
  );
}
