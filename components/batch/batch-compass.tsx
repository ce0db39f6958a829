"use client";

import type { Task } from "@/lib/client/types";
import { frameSpec } from "@/lib/pixel/animation-layout";
import { CompassRose, compassCell } from "../compass-rose";
import { useI18n } from "../i18n-provider";
import { TaskThumb } from "../task-card";
import { cardClass } from "../ui";

export const COMPASS_MODES = new Set(["directions", "directions8", "walk4"]);

/** The batch's facings laid out like a compass; walk4 shows one button per walk row. */
export function BatchCompass({
  mode,
  frames,
  isActive,
  readyIndex,
  onPick,
}: {
  mode: string;
  frames: Task[];
  isActive: (frame: Task, readyIndex: number) => boolean;
  readyIndex: (frame: Task) => number;
  onPick: (frame: Task, readyIndex: number) => void;
}) {
  const { t } = useI18n();
  const frameOf = (f: Task) => frameSpec(mode, (f.batch_index ?? 1) - 1);
  return (
    <section className={`${cardClass} p-3`} aria-labelledby="compass-title">
      <h2 id="compass-title" className="mb-2 text-sm font-semibold">
        {t("batch.compass")}
      </h2>
      <CompassRose directions={mode === "directions8" ? 8 : 4} className="w-56 gap-1">
        {frames
          .filter((f) => mode !== "walk4" || frameOf(f).step === 0)
          .map((f) => {
            const facing = frameOf(f).facing!;
            const readyIdx = readyIndex(f);
            const active = isActive(f, readyIdx);
            const done = f.status === "completed" && !!f.image_path;
            return (
              <button
                key={f.id}
                type="button"
                data-facing={facing}
                disabled={!done}
                onClick={() => onPick(f, readyIdx)}
                aria-pressed={active}
                title={t(`batch.face.${facing}` as "batch.face.down")}
                className={`${compassCell(facing)} flex flex-col items-center gap-0.5 rounded border p-1 text-[10px] leading-tight ${active ? "border-indigo-500" : "border-zinc-200 dark:border-zinc-700"}`}
              >
                <TaskThumb task={f} eager badge={false} />
                {t(`batch.face.${facing}` as "batch.face.down")}
              </button>
            );
          })}
      </CompassRose>
    </section>
  );
}
