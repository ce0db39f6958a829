"use client";

import { useT } from "../i18n-provider";
import { PixelImage } from "../pixel-image";
import { Button, Spinner } from "../ui";
import type { RerollReport } from "./use-reroll";

function Tile({ src, label }: { src: string | null; label: string }) {
  return (
    <figure className="w-20 shrink-0 text-center text-[11px] text-zinc-500">
      <div className="checkerboard relative aspect-square overflow-hidden rounded border border-zinc-200 dark:border-zinc-700">
        {src && <PixelImage src={src} alt={label} />}
      </div>
      <figcaption>{label}</figcaption>
    </figure>
  );
}

/** What a re-roll did: running, before → after, identical, or failed. */
export function RerollReportView({
  report,
  onDismiss,
}: {
  report: RerollReport;
  onDismiss: () => void;
}) {
  const t = useT();
  const n = report.frameNo;
  const message =
    report.phase === "running"
      ? t("batch.rerollRunning", { n })
      : report.phase === "changed"
        ? t("batch.rerollChanged", { n })
        : report.phase === "same"
          ? t("batch.rerollSame", { n })
          : `${t("batch.rerollFailed", { n })} ${"error" in report ? report.error : ""}`;
  return (
    <div
      className={`mb-3 flex flex-wrap items-center gap-3 rounded-md border p-2 text-sm ${report.phase === "same" || report.phase === "failed" ? "border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950" : "border-indigo-200 bg-indigo-50 dark:border-indigo-800 dark:bg-indigo-950"}`}
      data-testid="reroll-report"
      data-phase={report.phase}
    >
      <Tile src={report.beforeUrl} label={t("batch.before")} />
      <span aria-hidden="true" className="text-zinc-400">
        →
      </span>
      {report.phase === "running" ? (
        <span className="flex w-20 justify-center">
          <Spinner />
        </span>
      ) : (
        <Tile src={"afterUrl" in report ? report.afterUrl : null} label={t("batch.after")} />
      )}
      <p className="min-w-0 flex-1 basis-48">{message}</p>
      {report.phase !== "running" && (
        <Button variant="ghost" onClick={onDismiss} className="text-xs">
          {t("common.close")}
        </Button>
      )}
    </div>
  );
}
