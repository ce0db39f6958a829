"use client";

import { useRouter } from "next/navigation";
import type { Duplicates } from "@/lib/client/types";
import { useT } from "../i18n-provider";
import { TaskThumb } from "../task-card";
import { Button, Dialog, Spinner } from "../ui";

/** Earlier results with the same prompt and settings: open one of them, or generate anyway. */
export function DuplicatesDialog({
  duplicates,
  busy,
  onClose,
  onGenerateAnyway,
}: {
  duplicates: Duplicates | null;
  busy: boolean;
  onClose: () => void;
  onGenerateAnyway: () => void;
}) {
  const t = useT();
  const router = useRouter();
  return (
    <Dialog open={!!duplicates} onClose={onClose} title={t("studio.duplicatesTitle")} wide>
      {duplicates && (
        <div data-testid="duplicates">
          {/* Our own words: the API's message is for API clients ("send force=true"). */}
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-300">
            {t("studio.duplicatesIntro", { n: duplicates.duplicates.length })}
          </p>
          <ul className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
            {duplicates.duplicates.map((d) => (
              <li key={d.id} className="flex flex-col gap-1">
                <TaskThumb task={d} eager />
                <p className="line-clamp-2 text-xs" title={d.prompt}>
                  {d.prompt}
                </p>
                <Button onClick={() => router.push(`/gallery/${d.id}`)} className="text-xs">
                  {t("studio.useThis")}
                </Button>
              </li>
            ))}
          </ul>
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>{t("common.cancel")}</Button>
            <Button variant="primary" onClick={onGenerateAnyway} disabled={busy}>
              {busy && <Spinner />}
              {t("studio.generateAnyway")}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
