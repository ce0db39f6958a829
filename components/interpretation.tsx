"use client";

import type { Task } from "@/lib/client/types";
import { useI18n } from "./i18n-provider";
import { cardClass } from "./ui";

/**
 * The summary under a heading that already says "Drawn as": its own leading "Drawn as:" (in
 * English or in the heading's language) is dropped so the card does not say it twice.
 */
function withoutLabel(summary: string, heading: string): string {
  for (const label of new Set(["Drawn as", "画成", heading])) {
    const rest = summary.trimStart();
    if (!rest.startsWith(label)) continue;
    const after = rest.slice(label.length).trimStart();
    if (after.startsWith(":") || after.startsWith("：")) return after.slice(1).trimStart();
  }
  return summary;
}

/**
 * What the offline engine drew for a task: "Drawn as: goblin archer + bow · not understood: …".
 * `compact` is the one-line form under a result card; the full form lists the borrowed art.
 */
export function Interpretation({ task, compact = false }: { task: Task; compact?: boolean }) {
  const { t, locale } = useI18n();
  const it = task.interpretation;
  if (!it) return null;
  // tasks recorded before the Chinese line existed fall back to the English one
  const summary = (locale === "zh" && it.summary_zh) || it.summary;
  if (compact)
    return (
      <p
        className="line-clamp-2 text-xs text-zinc-500 dark:text-zinc-400"
        title={summary}
        data-testid="interpretation"
      >
        {summary}
      </p>
    );
  return (
    <section className={`${cardClass} p-4`} data-testid="detail-interpretation">
      <h2 className="mb-1 text-sm font-semibold text-zinc-500">{t("engine.drawnAs")}</h2>
      <p className="text-sm break-words" data-testid="interpretation">
        {withoutLabel(summary, t("engine.drawnAs"))}
      </p>
      {it.art.length > 0 && (
        <p className="mt-2 text-xs text-zinc-500">
          {t("engine.art")}:{" "}
          {it.art.map((a, i) => (
            <span key={`${a.set}:${a.icon}`}>
              {i > 0 && ", "}
              <a href={a.url} className="underline" rel="noreferrer" target="_blank">
                {a.set_name}
              </a>{" "}
              “{a.icon}” ({a.license})
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
