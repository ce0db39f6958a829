"use client";

import type { Task } from "@/lib/client/types";
import { frameSpec } from "@/lib/pixel/animation-layout";
import type { Facing } from "@/lib/vocabulary";
import { useI18n } from "../i18n-provider";
import { TaskThumb } from "../task-card";
import { cardClass } from "../ui";

/** Where each facing sits on the compass rose (3×3 grid, N at the top). */
const COMPASS_CELL: Record<Facing, string> = {
  up_left: "col-start-1 row-start-1",
  up: "col-start-2 row-start-1",
  up_right: "col-start-3 row-start-1",
  left: "col-start-1 row-start-2",
  right: "col-start-3 row-start-2",
  down_left: "col-start-1 row-start-3",
  down: "col-start-2 row-start-3",
  down_right: "col-start-3 row-start-3",
};
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
      <div
        className="mx-auto grid w-56 grid-cols-3 grid-rows-3 gap-1"
        data-testid="compass"
        data-directions={mode === "directions8" ? 8 : 4}
      >
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
                className={`${COMPASS_CELL[facing]} flex flex-col items-center gap-0.5 rounded border p-1 text-[10px] leading-tight ${active ? "border-indigo-500" : "border-zinc-200 dark:border-zinc-700"}`}
              >
                <TaskThumb task={f} eager badge={false} />
                {t(`batch.face.${facing}` as "batch.face.down")}
              </button>
            );
          })}
        <span
          className="col-start-2 row-start-2 flex items-center justify-center text-2xl text-zinc-400"
          aria-hidden="true"
        >
          ✣
        </span>
      </div>
    </section>
  );
}
