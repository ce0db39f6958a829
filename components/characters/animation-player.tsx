"use client";

import { useReroll } from "@/hooks/use-characters";
import type { CharacterAnimation } from "@/lib/client/characters";
import { modeLabel } from "../gallery/task-params";
import { useI18n } from "../i18n-provider";
import { PixelImage } from "../pixel-image";
import { PlaybackControls } from "../playback/playback-controls";
import { usePlayback } from "../playback/use-playback";
import { Button, cardClass, ErrorText, Spinner } from "../ui";
import { durationsOf, FrameStack, frameUrl, readyFrames, takeKey } from "./animation-grid";
import { useCharacterUi } from "./character-store";
import { animationSheet, OpenCharacterInEditor } from "./open-character-in-editor";

/**
 * The grid cell in focus, large: the shared player with its controls, then every frame with its
 * identity score against the direction's facing, drifting frames flagged, and a re-roll each.
 */
export function AnimationPlayer({
  characterId,
  animation,
  size,
}: {
  characterId: number;
  animation: CharacterAnimation;
  size: number;
}) {
  const { t } = useI18n();
  const frames = readyFrames(animation);
  const playback = usePlayback({ count: frames.length, durations: durationsOf(animation, frames) });
  const reroll = useReroll(characterId);
  const takes = useCharacterUi((s) => s.takes);
  const bumpTake = useCharacterUi((s) => s.bumpTake);
  const target = typeof window === "undefined" ? 256 : Math.min(256, window.innerWidth - 64);
  const zoom = Math.max(1, Math.floor(target / size));
  const action = modeLabel(t, animation.action);
  const direction = t(`batch.face.${animation.direction}`);
  const all = [...animation.frames].sort((a, b) => a.index - b.index);
  const failed = all.filter((f) => f.status === "failed").length;
  const stripZoom = Math.max(1, Math.floor(96 / size));

  return (
    <section
      className={`${cardClass} min-w-0 p-3`}
      aria-labelledby="player-title"
      id="animation-player"
      data-testid="animation-player"
      data-action={animation.action}
      data-direction={animation.direction}
    >
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 id="player-title" className="font-semibold">
          {t("char.cellLabel", { action, direction })}
        </h3>
        <OpenCharacterInEditor
          label={t("char.openInEditor")}
          batchId={animation.batch_id}
          sheet={() => animationSheet(animation, size, takes)}
          disabled={frames.length === 0}
          testId="open-animation-in-editor"
        />
      </div>
      <div className="flex justify-center rounded-md bg-zinc-100 p-2 dark:bg-zinc-950">
        <div
          data-testid="player"
          data-frame-index={frames.length ? playback.index : -1}
          data-frame-count={frames.length}
          data-playing={playback.playing && frames.length > 1 ? "true" : "false"}
          role="img"
          aria-label={t("char.cellLabel", { action, direction })}
        >
          <FrameStack
            animationId={animation.id}
            frames={frames}
            index={playback.index}
            side={size * zoom}
          />
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <PlaybackControls
          playback={playback}
          count={frames.length}
          label={
            <span className="text-sm tabular-nums text-zinc-600 dark:text-zinc-300">
              {frames.length
                ? t("batch.frameOf", { n: playback.index + 1, total: frames.length })
                : "—"}
            </span>
          }
        />
      </div>

      <h4 className="mt-4 mb-2 text-sm font-semibold">{t("char.frames", { action, direction })}</h4>
      {failed > 0 && (
        <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-300">
          {t("char.failedFrames", { n: failed })}
        </p>
      )}
      {reroll.error && <ErrorText error={reroll.error} />}
      <ol className="flex gap-3 overflow-x-auto pb-2" data-testid="frame-strip">
        {all.map((f) => {
          const id = f.identity;
          const busy = f.status === "pending" || f.status === "processing";
          const rerolling =
            reroll.isPending &&
            reroll.variables?.animationId === animation.id &&
            reroll.variables.index === f.index;
          const readyIdx = frames.indexOf(f);
          return (
            <li
              key={f.index}
              className="shrink-0"
              style={{ width: Math.max(96, size * stripZoom + 4) }}
              data-testid="frame"
              data-index={f.index}
              data-status={f.status}
              data-flagged={id?.flagged ? "true" : "false"}
              data-src={f.url ? frameUrl(animation.id, f, takes) : ""}
            >
              <button
                type="button"
                onClick={() => {
                  if (readyIdx < 0) return;
                  playback.setPlaying(false);
                  playback.setIndex(readyIdx);
                }}
                aria-label={t("char.frameN", { n: f.index + 1 })}
                aria-current={readyIdx >= 0 && readyIdx === playback.index ? "true" : undefined}
                className={`checkerboard relative mx-auto block rounded border-2 ${readyIdx >= 0 && readyIdx === playback.index ? "border-indigo-500" : id?.flagged ? "border-red-500" : "border-transparent"}`}
                style={{ width: size * stripZoom + 4, height: size * stripZoom + 4 }}
              >
                {f.url && f.status === "completed" ? (
                  <PixelImage
                    src={frameUrl(animation.id, f, takes)}
                    alt=""
                    fit="fill"
                    draggable={false}
                  />
                ) : (
                  <span className="absolute inset-0 flex items-center justify-center text-xs">
                    {busy ? <Spinner /> : t("char.frameFailed")}
                  </span>
                )}
              </button>
              <p className="mt-1 text-center text-xs">
                <span className="text-zinc-500">{t("char.frameN", { n: f.index + 1 })}</span>
                {id && (
                  <span
                    className={`block tabular-nums ${id.flagged ? "font-semibold text-red-700 dark:text-red-300" : "text-zinc-600 dark:text-zinc-300"}`}
                    title={t("char.identityTitle", {
                      direction,
                      silhouette: Math.round(id.silhouette * 100),
                    })}
                    data-testid="identity"
                  >
                    {t("char.identity", { score: Math.round(id.score * 100) })}
                    {id.flagged && ` · ${t("char.drift")}`}
                  </span>
                )}
                {id && !id.palette_ok && (
                  <span className="block text-amber-700 dark:text-amber-300">
                    {t("char.paletteOff")}
                  </span>
                )}
              </p>
              <Button
                className="mt-1 w-full text-xs"
                variant={id?.flagged || f.status === "failed" ? "primary" : "secondary"}
                disabled={busy || rerolling}
                onClick={() =>
                  reroll.mutate(
                    { animationId: animation.id, index: f.index },
                    { onSuccess: () => bumpTake(takeKey(animation.id, f.index)) },
                  )
                }
                aria-label={t("char.rerollN", { n: f.index + 1 })}
                data-testid="reroll"
              >
                {(rerolling || busy) && <Spinner />}
                {t("char.reroll")}
              </Button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
