"use client";

import type { Task } from "@/lib/client/types";
import { useI18n } from "../i18n-provider";
import { cardClass } from "../ui";

/** The batch's downloads (sheet, atlas, Godot, GIF, ZIP, frame PNGs) at ×N and at 1×. */
export function BatchExports({
  id,
  mode,
  scale,
  fps,
  frames,
  disabled,
  facingLabel,
}: {
  id: number;
  mode: string;
  scale: number;
  fps: number;
  frames: Task[];
  disabled: boolean;
  facingLabel: (f: Task) => string | null;
}) {
  const { t } = useI18n();
  const base = `/api/v1/batch/${id}`;
  return (
    <section className={`${cardClass} p-3`} aria-labelledby="export-title">
      <h2 id="export-title" className="mb-2 text-sm font-semibold">
        {t("batch.exports")}
      </h2>
      <p className="mb-2 text-xs text-zinc-500">{t("batch.exportScale", { n: scale })}</p>
      <table className="w-full text-sm" data-testid="exports">
        <tbody>
          {(
            [
              ["gif", t("batch.exportGif"), "animation.gif", ".gif"],
              ["zip", t("batch.exportZip"), "download", ".zip"],
              ["sheet", t("batch.exportSheet"), "sheet.png", "_sheet.png"],
              ["atlas", t("batch.exportAsepriteNote"), "sheet.json", "_sheet.json"],
              ["named", t("batch.exportNamedAtlas"), "atlas.json", "_atlas.json"],
              ["godot", t("batch.exportGodot"), "sprite-frames.tres", "_sprite_frames.tres"],
              ["slices", t("batch.exportSlices"), "slices.json", "_slices.json"],
            ] as const
          ).map(([key, label, route, suffix]) => (
            <tr key={key} data-export={key}>
              <th scope="row" className="py-0.5 pr-2 text-left font-normal">
                {label}
              </th>
              {[scale, 1]
                .filter((sc, i, all) => all.indexOf(sc) === i)
                .map((sc) => (
                  <td key={sc} className="py-0.5 pl-1 text-right">
                    <ExportLink
                      href={`${base}/${route}?scale=${sc}&fps=${fps}`}
                      name={`batch_${id}_${mode}${sc === 1 ? "_1x" : ""}${suffix}`}
                      disabled={disabled}
                      testId={`export-${key}-${sc === 1 ? "1x" : "nx"}`}
                    >
                      {sc === 1 ? t("batch.scaleNative") : t("batch.scaleShown", { n: sc })}
                    </ExportLink>
                  </td>
                ))}
            </tr>
          ))}
        </tbody>
      </table>
      {!disabled && (
        <div className="mt-3">
          <p className="mb-1 text-xs text-zinc-500">{t("batch.exportFrames")}</p>
          <div className="flex flex-wrap gap-1.5">
            {frames
              .filter((f) => f.status === "completed" && f.image_path)
              .map((f) => (
                <span
                  key={f.id}
                  className="inline-flex overflow-hidden rounded border border-zinc-300 text-xs dark:border-zinc-700"
                >
                  <a
                    href={`${base}/frames/${f.batch_index}?scale=${scale}`}
                    download={`${mode}_${f.batch_index}.png`}
                    title={facingLabel(f) ?? undefined}
                    className="px-2 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
                  >
                    {mode}_{f.batch_index}.png
                  </a>
                  <a
                    href={`${base}/frames/${f.batch_index}?scale=1`}
                    download={`${mode}_${f.batch_index}_1x.png`}
                    data-testid={`frame-1x-${f.batch_index}`}
                    className="border-l border-zinc-300 px-1.5 py-0.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                  >
                    1×
                  </a>
                </span>
              ))}
          </div>
        </div>
      )}
    </section>
  );
}

export function ExportLink({
  href,
  name,
  disabled,
  testId,
  children,
}: {
  href: string;
  name: string;
  disabled?: boolean;
  testId?: string;
  children: React.ReactNode;
}) {
  if (disabled) {
    return (
      <span
        aria-disabled="true"
        className="rounded-md border border-zinc-200 px-2 py-1.5 text-center text-zinc-400 dark:border-zinc-800"
      >
        {children}
      </span>
    );
  }
  return (
    <a
      href={href}
      download={name}
      data-testid={testId}
      className="inline-block rounded-md border border-zinc-300 px-2 py-1.5 text-center hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
    >
      {children}
    </a>
  );
}
