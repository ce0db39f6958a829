"use client";
// A tileset as the studio and the gallery show it: the sample map (a random terrain map
// auto-tiled with the set), the sheet, and the engine files.

import type { Tileset } from "@/lib/client/types";
import type { MessageKey } from "@/lib/i18n";
import { TILESET_LAYOUT_TILES } from "@/lib/vocabulary";
import { OpenInEditorButton } from "../editor/open-in-editor";
import { useT } from "../i18n-provider";
import { PixelImage } from "../pixel-image";

const linkClass = "text-indigo-600 underline dark:text-indigo-400";

export function TilesetView({
  tileset: ts,
  showSheet = true,
}: {
  tileset: Tileset;
  showSheet?: boolean;
}) {
  const t = useT();
  const terrain = (n: string) => t(`terrain.${n}` as MessageKey);
  const sampleW = ts.tile_size * 12;
  const sampleH = ts.tile_size * 8;
  return (
    <div className="space-y-3" data-testid="tileset-view" data-tileset-id={ts.id}>
      <p className="text-sm text-zinc-600 dark:text-zinc-300" data-testid="tileset-summary">
        {t("tileset.summary", {
          a: terrain(ts.terrains[0]),
          b: terrain(ts.terrains[1]),
          layout: t(`tileset.layout.${ts.layout}` as MessageKey),
          size: ts.tile_size,
          seed: ts.seed,
        })}
        {/* "Blob (47 tiles)" and a 48-cell sheet: say why instead of two different counts */}
        {ts.tile_count !== TILESET_LAYOUT_TILES[ts.layout] && (
          <span className="block text-xs text-zinc-500" data-testid="tileset-count-note">
            {t("tileset.countNote", {
              count: ts.tile_count,
              tiles: TILESET_LAYOUT_TILES[ts.layout],
            })}
          </span>
        )}
      </p>
      <figure className="space-y-1">
        <div
          className="relative w-full overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800"
          style={{ aspectRatio: `${sampleW} / ${sampleH}` }}
        >
          <PixelImage
            src={ts.files.sample}
            alt={t("tileset.sample")}
            data-testid="tileset-sample"
          />
        </div>
        <figcaption className="text-xs text-zinc-500">{t("tileset.sample")}</figcaption>
      </figure>
      {showSheet && (
        <figure className="space-y-1">
          <div
            className="checkerboard relative mx-auto w-full max-w-md overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800"
            style={{ aspectRatio: `${ts.width} / ${ts.height}` }}
          >
            <PixelImage src={ts.files.png} alt={t("tileset.sheet")} data-testid="tileset-sheet" />
          </div>
          <figcaption className="text-center text-xs text-zinc-500">
            {t("tileset.sheet")}
          </figcaption>
        </figure>
      )}
      <OpenInEditorButton source={{ source_tileset_id: ts.id }} />
      <div>
        <h3 className="mb-1 text-sm font-semibold text-zinc-500">{t("tileset.files")}</h3>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="tileset-files">
          <li>
            <a href={ts.files.png} download={`tileset_${ts.id}.png`} className={linkClass}>
              {t("tileset.png")}
            </a>
          </li>
          <li>
            <a
              href={`${ts.files.png}?scale=4`}
              download={`tileset_${ts.id}_x4.png`}
              className={linkClass}
            >
              {t("tileset.png4")}
            </a>
          </li>
          <li>
            <a href={ts.files.tsx} className={linkClass}>
              {t("tileset.tsx")}
            </a>
          </li>
          <li>
            <a href={ts.files.tres} className={linkClass}>
              {t("tileset.tres")}
            </a>
          </li>
          <li>
            <a href={ts.files.rules} className={linkClass}>
              {t("tileset.rules")}
            </a>
          </li>
          <li>
            <a href={ts.files.tmj} className={linkClass}>
              {t("tileset.tmj")}
            </a>
          </li>
          <li>
            <a href={ts.files.zip} className={linkClass}>
              {t("tileset.zip")}
            </a>
          </li>
        </ul>
        <p className="mt-1 text-xs text-zinc-500">{t("tileset.howTo", { id: ts.id })}</p>
      </div>
    </div>
  );
}
