"use client";

import type { Task } from "@/lib/client/types";
import { useT } from "../i18n-provider";
import { cardClass } from "../ui";

/** Downloadable files a task produced besides its PNG (sheets, GIFs, vectors …). */
export function TaskFiles({ files }: { files: NonNullable<Task["files"]> }) {
  const t = useT();
  if (files.length === 0) return null;
  return (
    <section className={`${cardClass} p-4`}>
      <h2 className="mb-2 text-sm font-semibold text-zinc-500">{t("detail.files")}</h2>
      <ul className="space-y-1 text-sm">
        {files.map((f) => (
          <li key={f.url}>
            <a href={f.url} className="text-indigo-600 underline dark:text-indigo-400" download>
              {f.kind}
            </a>{" "}
            <span className="text-zinc-500">
              {f.width && f.height ? `${f.width}×${f.height}` : ""} {f.content_type ?? ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
