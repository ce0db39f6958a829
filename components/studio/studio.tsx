"use client";

import { useState } from "react";
import { useT } from "../i18n-provider";
import { PageTitle } from "../ui";
import { Composer } from "./composer";
import { LatestResult } from "./latest-result";
import { ProgressToast } from "./progress-toast";
import { RecentWork } from "./recent-work";
import { SfxComposer } from "./sfx-composer";
import { TilesetComposer } from "./tileset-composer";
import type { Submitted } from "./use-composer-submit";

const TABS = ["sprites", "tileset", "sfx"] as const;
type Tab = (typeof TABS)[number];

export function Studio() {
  const t = useT();
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [tab, setTab] = useState<Tab>("sprites");
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <PageTitle>{t("studio.title")}</PageTitle>
      {/* Phones: composer, its latest result, recent work, in that order. Wide screens: the
          composer spans the left column; the result sits top right, beside the Generate button. */}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
        <div className="space-y-3 lg:col-start-1 lg:row-span-2 lg:row-start-1">
          <div
            role="tablist"
            aria-label={t("studio.tabs")}
            className="flex gap-1 rounded-lg bg-zinc-100 p-1 dark:bg-zinc-800"
          >
            {TABS.map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                id={`studio-tab-${k}`}
                aria-selected={tab === k}
                aria-controls={`studio-panel-${k}`}
                onClick={() => setTab(k)}
                className={`flex-1 rounded-md px-3 py-1.5 text-sm ${tab === k ? "bg-white font-semibold shadow dark:bg-zinc-900" : "text-zinc-600 dark:text-zinc-300"}`}
              >
                {t(`studio.tab.${k}`)}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`studio-panel-${tab}`} aria-labelledby={`studio-tab-${tab}`}>
            {tab === "sprites" && <Composer onSubmitted={setSubmitted} />}
            {tab === "tileset" && <TilesetComposer />}
            {tab === "sfx" && <SfxComposer />}
          </div>
        </div>
        {submitted && tab === "sprites" && (
          <div className="lg:col-start-2 lg:row-start-1">
            <LatestResult submitted={submitted} />
          </div>
        )}
        <div className="lg:col-start-2 lg:row-start-2">
          <RecentWork />
        </div>
      </div>
      <ProgressToast submitted={submitted} />
      <footer className="mt-10 border-t border-zinc-200 pt-3 text-xs text-zinc-500 dark:border-zinc-800">
        {t("engine.credits")}
      </footer>
    </main>
  );
}
