"use client";

import { useState } from "react";
import {
  type Anchor,
  anchorOffset,
  cropCanvas,
  flipFrame,
  flipSelection,
  resizeCanvas,
  rotateFrame90,
  rotateSelection90,
  type SpriteDocument,
  setPivot,
  trimCanvas,
} from "@/lib/document";
import { DOCUMENT_MAX_SIDE } from "@/lib/vocabulary";
import { useI18n } from "../i18n-provider";
import { Button, Dialog } from "../ui";
import { useEditor, useEditorControls } from "./editor-store";

const small =
  "rounded border border-zinc-300 px-2 py-1 text-xs hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800";

const ANCHORS: Anchor[] = [0, 0.5, 1].flatMap((y) =>
  ([0, 0.5, 1] as const).map((x) => ({ x, y: y as Anchor["y"] })),
);

/** Flip and rotate (the selection, else the whole frame), canvas resize, crop and trim. */
export function CanvasMenu({ doc }: { doc: SpriteDocument }) {
  const { t } = useI18n();
  const s = useEditorControls();
  const [resizing, setResizing] = useState(false);
  const [size, setSize] = useState({ w: doc.width, h: doc.height });
  const [anchor, setAnchor] = useState<Anchor>({ x: 0.5, y: 0.5 });
  /** the pivot being edited (the point engines place and rotate the sprite about) */
  const [pivot, setPivotDraft] = useState<{ x: number; y: number } | null>(null);
  const target = { layer: s.layer, frame: s.frame };
  const onSelection = (
    op: (
      d: SpriteDocument,
      tg: typeof target,
      r: NonNullable<typeof s.selection>,
    ) => {
      edit: Parameters<typeof s.apply>[0];
      rect: NonNullable<typeof s.selection>;
    },
  ) => {
    const out = op(useEditor.getState().doc!, target, s.selection!);
    s.apply(out.edit);
    s.set({ selection: out.rect });
  };
  const what = s.selection ? t("editor.selection") : t("editor.frame");
  return (
    <div className="flex flex-wrap items-center gap-1" data-testid="canvas-menu">
      <button
        type="button"
        className={small}
        title={`${t("editor.flipH")} · ${what}`}
        onClick={() =>
          s.selection
            ? onSelection((d, tg, r) => flipSelection(d, tg, r, "horizontal"))
            : s.edit((d) => flipFrame(d, s.frame, "horizontal"))
        }
      >
        ⇋ {t("editor.flipH")}
      </button>
      <button
        type="button"
        className={small}
        title={`${t("editor.flipV")} · ${what}`}
        onClick={() =>
          s.selection
            ? onSelection((d, tg, r) => flipSelection(d, tg, r, "vertical"))
            : s.edit((d) => flipFrame(d, s.frame, "vertical"))
        }
      >
        ⇵ {t("editor.flipV")}
      </button>
      <button
        type="button"
        className={small}
        title={`${t("editor.rotate")} · ${what}`}
        onClick={() =>
          s.selection
            ? onSelection((d, tg, r) => rotateSelection90(d, tg, r, true))
            : s.edit((d) => rotateFrame90(d, s.frame, true))
        }
      >
        ↻ 90°
      </button>
      <button
        type="button"
        className={small}
        onClick={() => {
          setSize({ w: doc.width, h: doc.height });
          setResizing(true);
        }}
      >
        {t("editor.resize")}
      </button>
      <button
        type="button"
        className={small}
        disabled={!s.selection}
        onClick={() => {
          s.edit((d) => cropCanvas(d, s.selection!));
          s.set({ selection: null });
        }}
      >
        {t("editor.crop")}
      </button>
      <button type="button" className={small} onClick={() => s.edit((d) => trimCanvas(d))}>
        {t("editor.trim")}
      </button>
      <button
        type="button"
        className={small}
        data-testid="pivot-open"
        title={t("editor.pivotHint")}
        onClick={() => setPivotDraft({ ...doc.pivot })}
      >
        {t("editor.pivot")} {doc.pivot.x},{doc.pivot.y}
      </button>
      <Dialog open={pivot !== null} onClose={() => setPivotDraft(null)} title={t("editor.pivot")}>
        {pivot && (
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              s.edit((d) => setPivot(d, pivot.x, pivot.y));
              setPivotDraft(null);
            }}
          >
            <p className="text-sm text-zinc-500">{t("editor.pivotHint")}</p>
            <div className="flex gap-3 text-sm">
              {(["x", "y"] as const).map((k) => (
                <label key={k} className="flex items-center gap-1">
                  {k}
                  <input
                    type="number"
                    min={0}
                    max={(k === "x" ? doc.width : doc.height) - 1}
                    value={pivot[k]}
                    data-testid={`pivot-${k}`}
                    onChange={(e) => setPivotDraft({ ...pivot, [k]: Number(e.target.value) })}
                    className="w-20 rounded border border-zinc-300 px-1 dark:border-zinc-700 dark:bg-zinc-900"
                  />
                </label>
              ))}
            </div>
            <div className="flex justify-end gap-2">
              <Button
                onClick={() => setPivotDraft({ x: Math.floor(doc.width / 2), y: doc.height - 1 })}
              >
                {t("editor.pivotFeet")}
              </Button>
              <Button
                type="submit"
                variant="primary"
                data-testid="pivot-apply"
                disabled={
                  !(
                    Number.isInteger(pivot.x) &&
                    Number.isInteger(pivot.y) &&
                    pivot.x >= 0 &&
                    pivot.y >= 0 &&
                    pivot.x < doc.width &&
                    pivot.y < doc.height
                  )
                }
              >
                {t("common.save")}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
      <Dialog open={resizing} onClose={() => setResizing(false)} title={t("editor.resize")}>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            const to = { width: size.w, height: size.h };
            s.edit((d) => resizeCanvas(d, size.w, size.h, anchorOffset(d, to, anchor)));
            setResizing(false);
          }}
        >
          <div className="flex gap-3 text-sm">
            {(["w", "h"] as const).map((k) => (
              <label key={k} className="flex items-center gap-1">
                {k === "w" ? t("editor.width") : t("editor.height")}
                <input
                  type="number"
                  min={1}
                  max={DOCUMENT_MAX_SIDE}
                  value={size[k]}
                  onChange={(e) => setSize({ ...size, [k]: Number(e.target.value) })}
                  className="w-20 rounded border border-zinc-300 px-1 dark:border-zinc-700 dark:bg-zinc-900"
                />
              </label>
            ))}
          </div>
          <fieldset>
            <legend className="mb-1 text-sm">{t("editor.anchor")}</legend>
            <div className="grid w-24 grid-cols-3 gap-1">
              {ANCHORS.map((a) => (
                <button
                  key={`${a.x}-${a.y}`}
                  type="button"
                  aria-pressed={a.x === anchor.x && a.y === anchor.y}
                  aria-label={`${a.x},${a.y}`}
                  onClick={() => setAnchor(a)}
                  className={`size-7 rounded border ${a.x === anchor.x && a.y === anchor.y ? "bg-indigo-600" : "border-zinc-300 dark:border-zinc-700"}`}
                />
              ))}
            </div>
          </fieldset>
          <div className="flex justify-end gap-2">
            <Button onClick={() => setResizing(false)}>{t("common.cancel")}</Button>
            <Button
              type="submit"
              variant="primary"
              disabled={
                !(
                  size.w >= 1 &&
                  size.h >= 1 &&
                  size.w <= DOCUMENT_MAX_SIDE &&
                  size.h <= DOCUMENT_MAX_SIDE
                )
              }
            >
              {t("editor.resize")}
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
