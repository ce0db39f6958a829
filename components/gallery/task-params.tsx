"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { Task } from "@/lib/client/types";
import { useI18n } from "../i18n-provider";
import { cardClass, formatDate } from "../ui";

function seconds(a: string | null, b: string | null): string {
  if (!a || !b) return "—";
  const ms = new Date(b).getTime() - new Date(a).getTime();
  return Number.isFinite(ms) && ms >= 0 ? `${(ms / 1000).toFixed(1)} s` : "—";
}

/** The settings a task was made with, its timings, and links to its batch and source. */
export function TaskParams({ task: tk }: { task: Task }) {
  const { t, locale } = useI18n();
  const extraParams = Object.entries(tk.params ?? {}).filter(
    ([k]) =>
      !["prompt", "model", "seed", "scale", "background", "palette", "interpretation"].includes(k),
  );
  return (
    <section className={`${cardClass} p-4`}>
      <h2 className="mb-2 text-sm font-semibold text-zinc-500">{t("detail.params")}</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <Row k={t("detail.model")} v={tk.model} />
        <Row k={t("detail.seed")} v={tk.seed ?? "—"} />
        <Row k={t("detail.scale")} v={`×${tk.scale}`} />
        <Row k={t("detail.background")} v={tk.background} />
        <Row k={t("detail.palette")} v={tk.palette ?? "auto"} />
        <Row k={t("detail.size")} v={tk.width && tk.height ? `${tk.width}×${tk.height}` : "—"} />
        {tk.mode && <Row k={t("gallery.mode")} v={tk.mode} />}
        <Row k={t("detail.created")} v={formatDate(tk.created_at, locale)} />
        <Row k={t("detail.started")} v={formatDate(tk.started_at, locale)} />
        <Row k={t("detail.completed")} v={formatDate(tk.completed_at, locale)} />
        <Row
          k={t("detail.duration")}
          v={seconds(tk.started_at ?? tk.created_at, tk.completed_at)}
        />
        {tk.batch_id && (
          <Row
            k={t("detail.batch")}
            v={
              <Link
                href={`/batches/${tk.batch_id}`}
                className="text-indigo-600 underline dark:text-indigo-400"
              >
                #{tk.batch_id}
                {tk.batch_index ? ` · ${t("task.frame", { n: tk.batch_index })}` : ""}
              </Link>
            }
          />
        )}
        {tk.source_task_id && (
          <Row
            k={t("detail.source")}
            v={
              <Link
                href={`/gallery/${tk.source_task_id}`}
                className="text-indigo-600 underline dark:text-indigo-400"
              >
                #{tk.source_task_id}
              </Link>
            }
          />
        )}
        {extraParams.map(([k, v]) => (
          <Row key={k} k={k} v={typeof v === "object" ? JSON.stringify(v) : String(v)} />
        ))}
      </dl>
    </section>
  );
}

function Row({ k, v }: { k: string; v: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500">{k}</dt>
      <dd className="min-w-0 break-words">{v}</dd>
    </>
  );
}
