"use client";

import { memo, useEffect, useRef, useState } from "react";
import {
  addFrame,
  addTag,
  compositeFrame,
  deleteFrame,
  deleteTag,
  duplicateFrame,
  moveFrame,
  type SpriteDocument,
  setFrameDuration,
  updateTag,
} from "@/lib/document";
import { DIRECTIONS8, DOCUMENT_MAX_FRAMES, type Facing } from "@/lib/vocabulary";
import { useI18n } from "../i18n-provider";
import { PlaybackControls } from "../playback/playback-controls";
import { usePlayback } from "../playback/use-playback";
import { useEditor, useEditorControls } from "./editor-store";

const small =
  "rounded border border-zinc-300 px-1.5 py-0.5 text-xs hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800";

function FrameThumbCanvas({ doc, frame }: { doc: SpriteDocument; frame: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    c.width = doc.width;
    c.height = doc.height;
    const img = new ImageData(doc.width, doc.height);
    img.data.set(compositeFrame(doc, frame));
    c.getContext("2d")!.putImageData(img, 0, 0);
  }, [doc, frame]);
  return <canvas ref={ref} className="checkerboard pixelated size-12 object-contain" />;
}

/**
 * A thumbnail recomposes only when its own frame changed (its cels, the layers or the palette),
 * so a stroke or a fill on one frame does not redraw all the others.
 */
const FrameThumb = memo(
  FrameThumbCanvas,
  (a, b) =>
    a.frame === b.frame &&
    a.doc.width === b.doc.width &&
    a.doc.height === b.doc.height &&
    a.doc.layers === b.doc.layers &&
    a.doc.palette === b.doc.palette &&
    a.doc.cels.length === b.doc.cels.length &&
    a.doc.cels.every((row, l) => row[a.frame] === b.doc.cels[l]![b.frame]),
);

/** Frames (add, duplicate, delete, reorder, duration), playback, onion skin and tags. */
export function Timeline({ doc }: { doc: SpriteDocument }) {
  const { t } = useI18n();
  const s = useEditorControls();
  const [useDurations, setUseDurations] = useState(true);
  const [tagName, setTagName] = useState("");
  const [tagRange, setTagRange] = useState({ from: 1, to: 1 });
  const [tagDirection, setTagDirection] = useState<Facing | "">("");
  /** the tag the fields below edit (picked by clicking it); null = the fields make a new tag */
  const [editingTag, setEditingTag] = useState<number | null>(null);
  const editing = editingTag !== null && doc.tags[editingTag] ? editingTag : null;
  const resetTagFields = () => {
    setEditingTag(null);
    setTagName("");
    setTagDirection("");
  };
  const n = doc.frames.length;
  const playback = usePlayback({
    count: n,
    durations: useDurations ? doc.frames.map((f) => f.durationMs) : undefined,
    initialPlaying: false,
  });
  const setFrame = useEditor((st) => st.set);
  // the player moves the frame in focus while it plays
  useEffect(() => {
    if (playback.playing) setFrame({ frame: playback.index });
  }, [playback.playing, playback.index, setFrame]);
  const cur = s.frame;
  const go = (i: number) => {
    playback.setPlaying(false);
    playback.setIndex(i);
    s.set({ frame: i });
  };

  return (
    <section aria-labelledby="timeline-title" data-testid="timeline" className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 id="timeline-title" className="text-sm font-semibold">
          {t("editor.timeline")}
        </h2>
        <PlaybackControls
          playback={playback}
          count={n}
          compact
          label={
            <span className="text-xs tabular-nums" data-testid="editor-frame-label">
              {t("batch.frameOf", { n: cur + 1, total: n })}
            </span>
          }
        />
        <label className="flex items-center gap-1 text-xs">
          <input
            type="checkbox"
            checked={useDurations}
            onChange={(e) => setUseDurations(e.target.checked)}
            className="accent-indigo-600"
          />
          {t("editor.useDurations")}
        </label>
        <label className="flex items-center gap-1 text-xs">
          <input
            type="checkbox"
            checked={s.onion}
            onChange={(e) => s.set({ onion: e.target.checked })}
            className="accent-indigo-600"
            data-testid="onion-toggle"
          />
          {t("batch.onion")}
        </label>
        {s.onion && (
          <>
            <label className="flex items-center gap-1 text-xs">
              {t("editor.onionOpacity")}
              <input
                type="range"
                min={5}
                max={90}
                value={Math.round(s.onionOpacity * 100)}
                onChange={(e) => s.set({ onionOpacity: Number(e.target.value) / 100 })}
                className="w-20 accent-indigo-600"
              />
            </label>
            <label className="flex items-center gap-1 text-xs">
              {t("editor.onionBefore")}
              <input
                type="number"
                min={0}
                max={4}
                value={s.onionBefore}
                onChange={(e) => s.set({ onionBefore: Number(e.target.value) })}
                className="w-10 rounded border border-zinc-300 px-1 dark:border-zinc-700 dark:bg-zinc-900"
              />
            </label>
            <label className="flex items-center gap-1 text-xs">
              {t("editor.onionAfter")}
              <input
                type="number"
                min={0}
                max={4}
                value={s.onionAfter}
                onChange={(e) => s.set({ onionAfter: Number(e.target.value) })}
                className="w-10 rounded border border-zinc-300 px-1 dark:border-zinc-700 dark:bg-zinc-900"
              />
            </label>
          </>
        )}
      </div>
      <ol className="flex gap-1.5 overflow-x-auto pb-1" data-testid="frames">
        {doc.frames.map((_frame, i) => {
          const tag = doc.tags.find((tg) => tg.from === i);
          return (
            <li key={i} data-frame={i} className="shrink-0 text-center">
              <button
                type="button"
                onClick={() => go(i)}
                aria-label={t("batch.frameOf", { n: i + 1, total: n })}
                aria-current={i === cur ? "true" : undefined}
                className={`block rounded border-2 p-0.5 ${i === cur ? "border-indigo-500" : "border-transparent"}`}
              >
                <FrameThumb doc={doc} frame={i} />
              </button>
              <span className="block text-[10px] text-zinc-500">
                {i + 1}
                {tag && ` · ${tag.name}`}
              </span>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap items-center gap-1">
        <button
          type="button"
          className={small}
          disabled={n >= DOCUMENT_MAX_FRAMES}
          title={`${t("editor.addFrame")} (N)`}
          onClick={() => {
            s.edit((d) => addFrame(d, cur + 1));
            go(cur + 1);
          }}
        >
          + {t("editor.addFrame")}
        </button>
        <button
          type="button"
          className={small}
          disabled={n >= DOCUMENT_MAX_FRAMES}
          title={`${t("editor.duplicateFrame")} (Shift+N)`}
          onClick={() => {
            s.edit((d) => duplicateFrame(d, cur));
            go(cur + 1);
          }}
        >
          {t("editor.duplicateFrame")}
        </button>
        <button
          type="button"
          className={small}
          disabled={n < 2}
          onClick={() => s.edit((d) => deleteFrame(d, cur))}
        >
          {t("common.delete")}
        </button>
        <button
          type="button"
          className={small}
          aria-label={t("editor.frameEarlier")}
          disabled={cur === 0}
          onClick={() => {
            s.edit((d) => moveFrame(d, cur, cur - 1));
            go(cur - 1);
          }}
        >
          ◀
        </button>
        <button
          type="button"
          className={small}
          aria-label={t("editor.frameLater")}
          disabled={cur >= n - 1}
          onClick={() => {
            s.edit((d) => moveFrame(d, cur, cur + 1));
            go(cur + 1);
          }}
        >
          ▶
        </button>
        <label className="ml-2 flex items-center gap-1 text-xs">
          {t("editor.duration")}
          <input
            type="number"
            min={10}
            max={10000}
            step={10}
            value={doc.frames[cur]?.durationMs ?? 100}
            onChange={(e) => {
              const ms = Number(e.target.value);
              if (ms >= 10 && ms <= 10000) s.edit((d) => setFrameDuration(d, cur, ms));
            }}
            className="w-16 rounded border border-zinc-300 px-1 dark:border-zinc-700 dark:bg-zinc-900"
            data-testid="frame-duration"
          />
          ms
        </label>
        <span className="mx-1 h-5 border-l border-zinc-300 dark:border-zinc-700" />
        <span className="text-xs font-medium">{t("editor.tags")}</span>
        {doc.tags.map((tg, i) => (
          <span
            key={`${tg.name}-${i}`}
            className="inline-flex items-center gap-1 rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800"
            data-tag={tg.name}
          >
            <button
              type="button"
              aria-pressed={editing === i}
              title={t("editor.editTagHint")}
              className={editing === i ? "font-semibold text-indigo-700 dark:text-indigo-300" : ""}
              onClick={() => {
                go(tg.from);
                setEditingTag(i);
                setTagName(tg.name);
                setTagRange({ from: tg.from + 1, to: tg.to + 1 });
                setTagDirection(tg.direction ?? "");
              }}
            >
              {tg.name} {tg.from + 1}–{tg.to + 1}
              {tg.direction && ` · ${t(`batch.face.${tg.direction}` as "batch.face.down")}`}
            </button>
            <button
              type="button"
              aria-label={t("editor.deleteTag", { name: tg.name })}
              onClick={() => {
                s.edit((d) => deleteTag(d, i));
                resetTagFields();
              }}
            >
              ✕
            </button>
          </span>
        ))}
        <input
          value={tagName}
          onChange={(e) => setTagName(e.target.value)}
          placeholder={t("editor.tagName")}
          aria-label={t("editor.tagName")}
          className="w-24 rounded border border-zinc-300 px-1 text-xs dark:border-zinc-700 dark:bg-zinc-900"
        />
        {(["from", "to"] as const).map((k) => (
          <input
            key={k}
            type="number"
            min={1}
            max={n}
            value={Math.min(tagRange[k], n)}
            aria-label={k === "from" ? t("editor.tagFrom") : t("editor.tagTo")}
            onChange={(e) => setTagRange({ ...tagRange, [k]: Number(e.target.value) })}
            className="w-12 rounded border border-zinc-300 px-1 text-xs dark:border-zinc-700 dark:bg-zinc-900"
          />
        ))}
        <select
          value={tagDirection}
          onChange={(e) => setTagDirection(e.target.value as Facing | "")}
          aria-label={t("editor.tagDirection")}
          data-testid="tag-direction"
          className="rounded border border-zinc-300 px-1 text-xs dark:border-zinc-700 dark:bg-zinc-900"
        >
          <option value="">{t("editor.noDirection")}</option>
          {DIRECTIONS8.map((d) => (
            <option key={d} value={d}>
              {t(`batch.face.${d}` as "batch.face.down")}
            </option>
          ))}
        </select>
        <button
          type="button"
          className={small}
          data-testid="tag-submit"
          disabled={
            !tagName.trim() || tagRange.from < 1 || tagRange.to < tagRange.from || tagRange.to > n
          }
          onClick={() => {
            const tag = {
              name: tagName.trim(),
              from: tagRange.from - 1,
              to: tagRange.to - 1,
              direction: tagDirection || undefined,
            };
            s.edit((d) => (editing === null ? addTag(d, tag) : updateTag(d, editing, tag)));
            resetTagFields();
          }}
        >
          {editing === null ? `+ ${t("editor.addTag")}` : t("editor.updateTag")}
        </button>
        {editing !== null && (
          <button type="button" className={small} onClick={resetTagFields}>
            {t("common.cancel")}
          </button>
        )}
      </div>
    </section>
  );
}
