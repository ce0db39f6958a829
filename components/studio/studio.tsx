"use client";

import { useState } from "react";
import type { Tileset } from "@/lib/client/types";
import { useT } from "../i18n-provider";
import { PageTitle } from "../ui";
import { Composer } from "./composer";
import { LatestResult } from "./latest-result";
import { ProgressToast } from "./progress-toast";
import { RecentWork } from "./recent-work";
import { SfxComposer, SfxResult } from "./sfx-composer";
import { TilesetComposer, TilesetResult } from "./tileset-composer";
import type { Submitted } from "./use-composer-submit";

const TABS = ["sprites", "tileset", "sfx"] as const;
type Tab = (typeof TABS)[number];

export function Studio() {
  const t = useT();
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [tileset, setTileset] = useState<Tileset | null>(null);
  const [sound, setSound] = useState<number | null>(null);
  const [tab, setTab] = useState<Tab>("sprites");
  // each tab's latest result sits in the right column, where the eye goes after the button
  const latest =
    tab === "sprites" && submitted ? (
      <LatestResult submitted={submitted} />
    ) : tab === "tileset" && tileset ? (
      <TilesetResult tileset={tileset} />
    ) : tab === "sfx" && sound !== null ? (
      <SfxResult taskId={sound} />
    ) : null;
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <PageTitle>{t("studio.title")}</PageTitle>
      {/* Phones: composer, its latest result, recent work, in that order. Wide screens: the
          composer in the left column; the result, then recent work, in the right one (one
          column of their own, so no empty grid row sits above recent work). */}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
        <div className="space-y-3">
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
            {tab === "tileset" && <TilesetComposer onMade={setTileset} />}
            {tab === "sfx" && <SfxComposer onMade={setSound} />}
          </div>
        </div>
        <div className="space-y-6" data-testid="studio-results">
          {latest}
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
