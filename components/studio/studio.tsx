"use client";

import { useState } from "react";
import { useT } from "../i18n-provider";
import { PageTitle } from "../ui";
import { Composer } from "./composer";
import { RecentWork } from "./recent-work";

export function Studio() {
  const t = useT();
  const [lastBatch, setLastBatch] = useState<number | null>(null);
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <PageTitle>{t("studio.title")}</PageTitle>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
        <Composer onSubmitted={(s) => setLastBatch(s.kind === "batch" ? s.id : null)} />
        <RecentWork lastBatchId={lastBatch} />
      </div>
      <footer className="mt-10 border-t border-zinc-200 pt-3 text-xs text-zinc-500 dark:border-zinc-800">
        {t("engine.credits")}
      </footer>
    </main>
  );
}
