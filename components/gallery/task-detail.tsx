"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { flattenModels, invalidateTasks, useModels, useStar, useTask } from "@/hooks/use-api";
import { api, isActive, randomSeed } from "@/lib/client/api";
import { paletteState, rehydrateComposer, useComposer } from "@/lib/client/composer-store";
import type { Background, GenerateBody, Model, ParamSpec, Task } from "@/lib/client/types";
import { useI18n } from "../i18n-provider";
import { versioned } from "../task-card";
import {
  Button,
  ConfirmDialog,
  CopyButton,
  cardClass,
  ErrorText,
  formatDate,
  inputBase,
  Loading,
  Spinner,
  StatusBadge,
} from "../ui";

function param(task: Task, ...names: string[]): unknown {
  const p = task.params ?? {};
  for (const n of names) if (p[n] !== undefined && p[n] !== null) return p[n];
  return undefined;
}

function seconds(a: string | null, b: string | null): string {
  if (!a || !b) return "—";
  const ms = new Date(b).getTime() - new Date(a).getTime();
  return Number.isFinite(ms) && ms >= 0 ? `${(ms / 1000).toFixed(1)} s` : "—";
}

export function TaskDetail({ id }: { id: number }) {
  const { t, locale } = useI18n();
  const task = useTask(id);
  const router = useRouter();
  const qc = useQueryClient();
  const star = useStar();
  const [confirm, setConfirm] = useState(false);
  const [started, setStarted] = useState<{ id: number; label: string } | null>(null);

  const del = useMutation({
    mutationFn: () => api.deleteTask(id),
    onSuccess: async () => {
      await invalidateTasks(qc);
      router.push("/gallery");
    },
  });

  const rerun = useMutation({
    mutationFn: async (tk: Task) => {
      const body: GenerateBody = {
        prompt: tk.prompt,
        model: tk.model,
        scale: tk.scale,
        background: (tk.background as Background) || "transparent",
        seed: randomSeed(),
        force: true,
      };
      if (tk.palette) body.palette = tk.palette;
      const neg = param(tk, "negative_prompt", "negativePrompt");
      if (typeof neg === "string" && neg) body.negative_prompt = neg;
      const res = param(tk, "resolution");
      if (typeof res === "string") body.resolution = res;
      const ar = param(tk, "aspect_ratio", "aspectRatio");
      if (typeof ar === "string") body.aspect_ratio = ar;
      const answer = await api.generate(body);
      if (answer.status === "duplicates_found") throw new Error(answer.message);
      return answer.task_id;
    },
    onSuccess: async (newId) => {
      setStarted({ id: newId, label: t("detail.rerunStarted", { id: newId }) });
      await invalidateTasks(qc);
    },
  });

  async function reuse(tk: Task) {
    await rehydrateComposer();
    const neg = param(tk, "negative_prompt", "negativePrompt");
    const res = param(tk, "resolution");
    const ar = param(tk, "aspect_ratio", "aspectRatio");
    useComposer.getState().set({
      prompt: tk.prompt,
      negativePrompt: typeof neg === "string" ? neg : "",
      model: tk.type === "image" ? tk.model : useComposer.getState().model,
      scale: tk.scale || 20,
      background: tk.background === "white" ? "white" : "transparent",
      seed: tk.seed,
      resolution: typeof res === "string" ? res : "",
      aspectRatio: typeof ar === "string" ? ar : "",
      ...(tk.batch_id && tk.mode
        ? { kind: "batch" as const, mode: tk.mode as "walk" }
        : { kind: "single" as const }),
      ...paletteState(tk.palette),
    });
    router.push("/");
  }

  if (task.isPending) return <Loading />;
  if (task.error) {
    const notFound = "status" in task.error && (task.error as { status: number }).status === 404;
    return (
      <div className="space-y-3">
        <ErrorText error={notFound ? t("detail.notFound") : task.error} />
        <Link href="/gallery" className="text-sm text-indigo-600 underline dark:text-indigo-400">
          ← {t("detail.back")}
        </Link>
      </div>
    );
  }
  const tk = task.data;
  const src = tk.status === "completed" ? versioned(tk, tk.image_path) : null;
  const ratio = tk.width && tk.height ? `${tk.width} / ${tk.height}` : "1 / 1";
  const extraParams = Object.entries(tk.params ?? {}).filter(
    ([k]) => !["prompt", "model", "seed", "scale", "background", "palette"].includes(k),
  );

  return (
    <div data-testid="task-detail" data-task-id={tk.id} data-status={tk.status}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <Link href="/gallery" className="text-sm text-indigo-600 underline dark:text-indigo-400">
          ← {t("detail.back")}
        </Link>
        <div className="flex items-center gap-2">
          <StatusBadge status={tk.status} />
          <Button
            onClick={() => star.mutate({ id: tk.id, starred: !tk.starred })}
            aria-pressed={tk.starred}
            className={tk.starred ? "text-amber-500" : ""}
          >
            <span aria-hidden="true">{tk.starred ? "★" : "☆"}</span>
            {tk.starred ? t("task.unstar") : t("task.star")}
          </Button>
        </div>
      </div>
      <h1 className="mb-4 text-2xl font-bold">{t("detail.title", { id: tk.id })}</h1>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-3">
          <div
            className="checkerboard relative mx-auto w-full max-w-[640px] overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800"
            style={{ aspectRatio: ratio }}
          >
            {src ? (
              // biome-ignore lint/performance/noImgElement: crisp pixels, original bytes
              <img
                src={src}
                alt={tk.prompt}
                className="pixelated absolute inset-0 size-full object-contain"
                data-testid="detail-image"
              />
            ) : (
              <div className="absolute inset-0 flex flex-col items-center justify-center gap-2 bg-zinc-100/90 p-4 text-center dark:bg-zinc-800/90">
                <StatusBadge status={tk.status} />
                {tk.error_msg && (
                  <p className="text-sm text-red-700 dark:text-red-300" role="alert">
                    {tk.error_msg}
                  </p>
                )}
              </div>
            )}
          </div>

          <div className="flex flex-wrap gap-2">
            {src && (
              <a
                href={src}
                download={`pixel-${tk.id}.png`}
                className="inline-flex min-h-9 items-center rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
              >
                {t("detail.downloadPng")}
              </a>
            )}
            {src && (
              <CopyButton
                label={t("detail.copyLink")}
                text={async () => (await api.downloadUrl(tk.id)).download_url}
              />
            )}
            <Button onClick={() => reuse(tk)} data-testid="reuse">
              {t("detail.reuse")}
            </Button>
            {(tk.type === "image" || !tk.type) && (
              <Button onClick={() => rerun.mutate(tk)} disabled={rerun.isPending}>
                {rerun.isPending && <Spinner />}
                {t("detail.rerun")}
              </Button>
            )}
            <Button variant="danger" onClick={() => setConfirm(true)}>
              {t("detail.delete")}
            </Button>
          </div>
          {rerun.error && <ErrorText error={rerun.error} />}
          {del.error && <ErrorText error={del.error} />}
          {started && (
            <p role="status" className="text-sm">
              {started.label} ·{" "}
              <Link
                href={`/gallery/${started.id}`}
                className="text-indigo-600 underline dark:text-indigo-400"
              >
                {t("task.open")} #{started.id}
              </Link>
            </p>
          )}
        </div>

        <div className="space-y-4">
          <section className={`${cardClass} p-4`}>
            <h2 className="mb-1 text-sm font-semibold text-zinc-500">{t("detail.prompt")}</h2>
            <p className="text-sm break-words whitespace-pre-wrap" data-testid="detail-prompt">
              {tk.prompt}
            </p>
          </section>
          <section className={`${cardClass} p-4`}>
            <h2 className="mb-2 text-sm font-semibold text-zinc-500">{t("detail.params")}</h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <Row k={t("detail.model")} v={tk.model} />
              <Row k={t("detail.seed")} v={tk.seed ?? "—"} />
              <Row k={t("detail.scale")} v={`×${tk.scale}`} />
              <Row k={t("detail.background")} v={tk.background} />
              <Row k={t("detail.palette")} v={tk.palette ?? "auto"} />
              <Row
                k={t("detail.size")}
                v={tk.width && tk.height ? `${tk.width}×${tk.height}` : "—"}
              />
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
          {tk.files && tk.files.length > 0 && (
            <section className={`${cardClass} p-4`}>
              <h2 className="mb-2 text-sm font-semibold text-zinc-500">{t("detail.files")}</h2>
              <ul className="space-y-1 text-sm">
                {tk.files.map((f) => (
                  <li key={f.url}>
                    <a
                      href={f.url}
                      className="text-indigo-600 underline dark:text-indigo-400"
                      download
                    >
                      {f.kind}
                    </a>{" "}
                    <span className="text-zinc-500">
                      {f.width && f.height ? `${f.width}×${f.height}` : ""} {f.content_type ?? ""}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {tk.status === "completed" && !isActive(tk.status) && (
            <Operations task={tk} onStarted={(nid, label) => setStarted({ id: nid, label })} />
          )}
        </div>
      </div>

      <ConfirmDialog
        open={confirm}
        message={t("detail.confirmDelete")}
        confirmLabel={t("common.delete")}
        busy={del.isPending}
        onClose={() => setConfirm(false)}
        onConfirm={() => del.mutate()}
      />
    </div>
  );
}

function Row({ k, v }: { k: string; v: React.ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500">{k}</dt>
      <dd className="min-w-0 break-words">{v}</dd>
    </>
  );
}

function defaults(model: Model): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(model.params ?? {})) {
    if (spec.default !== undefined) out[name] = spec.default;
    else if (spec.enum?.length) out[name] = spec.enum[0];
    else if (spec.min !== undefined) out[name] = spec.min;
  }
  return out;
}

function Operations({
  task,
  onStarted,
}: {
  task: Task;
  onStarted: (id: number, label: string) => void;
}) {
  const { t } = useI18n();
  const models = useModels();
  const ops = useMemo(
    () => flattenModels(models.data).filter((m) => m.type === "operation"),
    [models.data],
  );
  return (
    <section className={`${cardClass} p-4`} aria-labelledby="ops-title">
      <h2 id="ops-title" className="mb-2 text-sm font-semibold text-zinc-500">
        {t("detail.operations")}
      </h2>
      {models.isPending ? (
        <Loading />
      ) : ops.length === 0 ? (
        <p className="text-sm text-zinc-500">{t("detail.noOps")}</p>
      ) : (
        <>
          <ul className="space-y-3">
            {ops
              .filter((m) => m.enabled)
              .map((m) => (
                <li key={m.id}>
                  <OperationForm task={task} model={m} onStarted={onStarted} />
                </li>
              ))}
          </ul>
          {ops.some((m) => !m.enabled) && (
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-zinc-500">
                {t("detail.opsUnavailable", { n: ops.filter((m) => !m.enabled).length })}
              </summary>
              <ul className="mt-2 space-y-1 text-xs">
                {ops
                  .filter((m) => !m.enabled)
                  .map((m) => (
                    <li key={m.id}>
                      <span className="font-medium">{m.name}</span>{" "}
                      <span className="text-zinc-500">{m.id}</span> —{" "}
                      <span className="text-red-700 dark:text-red-400">
                        {m.disabled_reason ?? m.missing_env?.join(", ")}
                      </span>
                    </li>
                  ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}

function OperationForm({
  task,
  model,
  onStarted,
}: {
  task: Task;
  model: Model;
  onStarted: (id: number, label: string) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<string, unknown>>(() => defaults(model));
  const baseId = useId();
  const op = String(model.capabilities?.operation ?? model.model_key);
  const opLabel = ["upscale", "vectorize", "seamless", "face-enhance", "pixelize"].includes(op)
    ? t(`op.${op}` as "op.upscale")
    : model.name;
  const run = useMutation({
    mutationFn: () => api.operation(task.id, model.id, values),
    onSuccess: async (r) => {
      onStarted(r.task_id, t("detail.opStarted", { id: r.task_id }));
      await invalidateTasks(qc);
    },
  });
  const reason = !model.enabled
    ? (model.disabled_reason ?? model.missing_env?.join(", ") ?? "")
    : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        run.mutate();
      }}
      className={`rounded-md border border-zinc-200 p-2 dark:border-zinc-800 ${reason !== null ? "opacity-60" : ""}`}
      data-operation={model.id}
    >
      <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm font-medium">
          {opLabel} <span className="text-xs font-normal text-zinc-500">{model.id}</span>
        </span>
        <Button
          type="submit"
          variant="primary"
          disabled={run.isPending || reason !== null}
          aria-label={`${opLabel} (${model.id})`}
        >
          {run.isPending && <Spinner />}
          {t("detail.run")}
        </Button>
      </div>
      {reason !== null && <p className="text-xs text-red-700 dark:text-red-400">{reason}</p>}
      <div className="flex flex-wrap gap-2">
        {Object.entries(model.params ?? {}).map(([name, spec]) => (
          <ParamField
            key={name}
            id={`${baseId}-${name}`}
            name={name}
            spec={spec}
            value={values[name]}
            onChange={(v) => setValues((prev) => ({ ...prev, [name]: v }))}
          />
        ))}
      </div>
      {run.error && <ErrorText error={run.error} />}
    </form>
  );
}

function ParamField({
  id,
  name,
  spec,
  value,
  onChange,
}: {
  id: string;
  name: string;
  spec: ParamSpec;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const label = (
    <label htmlFor={id} className="block text-xs text-zinc-500" title={spec.description}>
      {name}
    </label>
  );
  if (spec.enum?.length) {
    return (
      <div>
        {label}
        <select
          id={id}
          value={String(value ?? "")}
          onChange={(e) => {
            const raw = e.target.value;
            const match = spec.enum!.find((x) => String(x) === raw);
            onChange(match ?? raw);
          }}
          className={`${inputBase} w-auto py-1`}
        >
          {spec.enum.map((x) => (
            <option key={String(x)} value={String(x)}>
              {String(x)}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (spec.type === "boolean") {
    return (
      <label className="flex items-center gap-1.5 self-end text-xs" title={spec.description}>
        <input
          id={id}
          type="checkbox"
          checked={!!value}
          onChange={(e) => onChange(e.target.checked)}
        />
        {name}
      </label>
    );
  }
  if (spec.type === "integer" || spec.type === "number") {
    return (
      <div>
        {label}
        <input
          id={id}
          type="number"
          min={spec.min}
          max={spec.max}
          step={spec.type === "integer" ? 1 : "any"}
          value={value === undefined ? "" : String(value)}
          onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
          className={`${inputBase} w-24 py-1`}
        />
      </div>
    );
  }
  return (
    <div>
      {label}
      <input
        id={id}
        value={value === undefined ? "" : String(value)}
        onChange={(e) => onChange(e.target.value)}
        className={`${inputBase} w-40 py-1`}
      />
    </div>
  );
}
