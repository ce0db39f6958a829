"use client";

import type { PixelizeReport } from "@/lib/pixel/pixelize";
import { gridLabel } from "../gallery/task-params";
import { useI18n } from "../i18n-provider";
import { PixelImage } from "../pixel-image";

/** Grid lines in source pixels: the recovered boundaries, else an even split at the cell size. */
function lines(given: number[] | undefined, cell: number, size: number): number[] {
  if (given?.length) return given;
  if (!(cell > 0)) return [];
  const n = Math.min(512, Math.round(size / cell));
  return Array.from({ length: n + 1 }, (_, i) => Math.min(size, i * cell));
}

/**
 * The picture as given and the pixel art made of it, side by side; the grid recovery found is
 * drawn over the picture, so a person sees whether it matched the picture's own cells.
 */
export function BeforeAfter({
  before,
  after,
  report,
}: {
  before: string;
  after: string | null;
  report: PixelizeReport | null;
}) {
  const { t } = useI18n();
  const w = report?.sourceWidth ?? 0;
  const h = report?.sourceHeight ?? 0;
  const xs = report ? lines(report.xLines, report.cellWidth, w) : [];
  const ys = report ? lines(report.yLines, report.cellHeight, h) : [];
  const label = gridLabel(t, report);
  return (
    <figure data-testid="before-after" aria-label={t("pixelize.compare")}>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <p className="mb-1 text-xs font-semibold text-zinc-500">{t("pixelize.before")}</p>
          <div className="checkerboard relative aspect-square overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-700">
            <PixelImage src={before} alt={t("pixelize.before")} data-testid="before-image" />
            {report && w > 0 && h > 0 && (
              <svg
                viewBox={`0 0 ${w} ${h}`}
                preserveAspectRatio="xMidYMid meet"
                className="pointer-events-none absolute inset-0 size-full"
                data-testid="grid-overlay"
                data-lines={xs.length + ys.length}
                aria-hidden="true"
              >
                {xs.map((x) => (
                  <line
                    key={`x${x}`}
                    x1={x}
                    x2={x}
                    y1={0}
                    y2={h}
                    stroke="#ff2d95"
                    strokeOpacity={0.7}
                    vectorEffect="non-scaling-stroke"
                    strokeWidth={1}
                  />
                ))}
                {ys.map((y) => (
                  <line
                    key={`y${y}`}
                    x1={0}
                    x2={w}
                    y1={y}
                    y2={y}
                    stroke="#ff2d95"
                    strokeOpacity={0.7}
                    vectorEffect="non-scaling-stroke"
                    strokeWidth={1}
                  />
                ))}
              </svg>
            )}
          </div>
        </div>
        <div>
          <p className="mb-1 text-xs font-semibold text-zinc-500">{t("pixelize.after")}</p>
          <div className="checkerboard relative aspect-square overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-700">
            {after && (
              <PixelImage src={after} alt={t("pixelize.after")} data-testid="after-image" />
            )}
          </div>
        </div>
      </div>
      {label && (
        <figcaption className="mt-2 text-sm" data-testid="grid-report">
          {label}
        </figcaption>
      )}
    </figure>
  );
}
