"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { keys } from "@/hooks/use-api";
import { api } from "@/lib/client/api";
import type { Model, Provider } from "@/lib/client/types";
import { useT } from "./i18n-provider";
import { Button, cardClass, Empty, ErrorText, Loading, Spinner } from "./ui";

export function ProvidersAdmin() {
  const t = useT();
  const list = useQuery({ queryKey: keys.providers, queryFn: api.providers });
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-300">{t("providers.intro")}</p>
      {list.error && <ErrorText error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending ? (
        <Loading />
      ) : list.data && list.data.length === 0 ? (
        <Empty>{t("providers.empty")}</Empty>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" data-testid="providers">
          {list.data?.map((p) => (
            <li key={p.id}>
              <ProviderCard provider={p} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ProviderCard({ provider: p }: { provider: Provider }) {
  const t = useT();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const queryClient = useQueryClient();
  const test = useMutation({
    mutationFn: () => api.testProvider(p.id),
    onSuccess: (r) => {
      setResult(r);
      // a self-hosted web UI lists its checkpoints as models once it answers
      if (r.ok && p.self_hosted) void queryClient.invalidateQueries({ queryKey: keys.providers });
    },
    onError: (e) => setResult({ ok: false, message: e instanceof Error ? e.message : String(e) }),
  });
  return (
    <article className={`${cardClass} h-full p-4`} data-provider={p.id}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">
          {p.displayName} <span className="text-xs font-normal text-zinc-500">{p.id}</span>
        </h2>
        <span
          className={`rounded px-1.5 py-0.5 text-xs font-medium ${p.configured ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200" : "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"}`}
        >
          {p.configured ? t("providers.configured") : t("providers.notConfigured")}
        </span>
      </div>
      {p.self_hosted && (
        <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-300" data-testid="self-hosted">
          {t("providers.selfHosted")}
          {p.base_url && (
            <code className="ml-1 rounded bg-zinc-100 px-1 dark:bg-zinc-800">{p.base_url}</code>
          )}
        </p>
      )}
      {p.missing_env.length > 0 && (
        <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-300">
          {t("providers.missing")}{" "}
          {p.missing_env.map((v) => (
            <code key={v} className="mr-1 rounded bg-zinc-100 px-1 dark:bg-zinc-800">
              {v}
            </code>
          ))}
        </p>
      )}
      <h3 className="mt-2 mb-1 text-xs font-semibold text-zinc-500">{t("providers.models")}</h3>
      <ul className="mb-3 flex flex-wrap gap-1 text-xs">
        {p.models.map((m) => {
          const model = typeof m === "string" ? null : (m as Model);
          const id = typeof m === "string" ? m : m.id;
          return (
            <li
              key={id}
              className={`rounded border px-1.5 py-0.5 ${model && !model.enabled ? "border-zinc-200 text-zinc-400 dark:border-zinc-800" : "border-zinc-300 dark:border-zinc-700"}`}
              title={model?.disabled_reason ?? undefined}
            >
              {model?.name ?? id}
              {model && <span className="ml-1 text-zinc-500">({model.type})</span>}
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => test.mutate()} disabled={test.isPending}>
          {test.isPending && <Spinner />}
          {test.isPending ? t("providers.testing") : t("providers.test")}
        </Button>
        {result && (
          <p
            role="status"
            className={`text-xs ${result.ok ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}`}
          >
            {result.ok ? "✓" : "✕"} {result.message}
          </p>
        )}
      </div>
    </article>
  );
}
