"use client";

import { type FacingImage, isWorking } from "@/lib/client/characters";
import type { Facing } from "@/lib/vocabulary";
import { CompassRose, compassCell } from "../compass-rose";
import { useI18n } from "../i18n-provider";
import { PixelImage } from "../pixel-image";
import { Spinner } from "../ui";

/** The character's canonical facings around a compass: 8 positions, or the 4 it has. */
export function CharacterCompass({
  directions,
  facings,
  size,
}: {
  directions: Facing[];
  facings: Partial<Record<Facing, FacingImage>>;
  size: number;
}) {
  const { t } = useI18n();
  // each facing at an integer zoom of its 1× pixels, about 64–100 px wide
  const zoom = Math.max(1, Math.floor(100 / size));
  const side = size * zoom;
  return (
    <CompassRose directions={directions.length} className="w-fit gap-1.5">
      {directions.map((d) => {
        const f = facings[d];
        const src = f?.status === "completed" ? f.url : null;
        const label = t(`batch.face.${d}`);
        return (
          <figure
            key={d}
            data-facing={d}
            data-status={f?.status ?? "pending"}
            className={`${compassCell(d)} flex flex-col items-center gap-0.5 text-[11px] leading-tight text-zinc-600 dark:text-zinc-300`}
          >
            <div
              className="checkerboard relative rounded border border-zinc-200 dark:border-zinc-700"
              style={{ width: side, height: side }}
              role="img"
              aria-label={label}
              title={label}
            >
              {src ? (
                <PixelImage src={src} alt="" fit="fill" draggable={false} />
              ) : (
                <span className="absolute inset-0 flex items-center justify-center">
                  {f && !isWorking(f.status) ? "✕" : <Spinner />}
                </span>
              )}
            </div>
            <figcaption>{t(`char.dir.${d}`)}</figcaption>
          </figure>
        );
      })}
    </CompassRose>
  );
}
