"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import { keys } from "@/hooks/use-api";
import { api } from "@/lib/client/api";
import type { ApiKeyRow } from "@/lib/client/types";
import { useI18n } from "./i18n-provider";
import {
  Button,
  ConfirmDialog,
  CopyButton,
  cardClass,
  Empty,
  ErrorText,
  formatDate,
  inputClass,
  Loading,
  Spinner,
} from "./ui";

export function ApiKeysManager() {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const nameId = useId();
  const list = useQuery({ queryKey: keys.keys, queryFn: api.keys });
  // the key just made, shown once; it goes when that key is revoked (a dead key and its "Try it"
  // line are no use to copy)
  const [created, setCreated] = useState<{ id: number; key: string } | null>(null);
  const [origin, setOrigin] = useState("");
  const [toRevoke, setToRevoke] = useState<ApiKeyRow | null>(null);
  useEffect(() => setOrigin(window.location.origin), []);

  const create = useMutation({
    mutationFn: (name: string) => api.createKey(name),
    onSuccess: (body) => {
      setCreated({ id: body.id, key: body.key });
      qc.invalidateQueries({ queryKey: keys.keys });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: number) => api.revokeKey(id),
    onSuccess: (_answer, id) => setCreated((c) => (c?.id === id ? null : c)),
    onSettled: () => {
      setToRevoke(null);
      qc.invalidateQueries({ queryKey: keys.keys });
    },
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.removeKey(id),
    onSettled: () => qc.invalidateQueries({ queryKey: keys.keys }),
  });

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const name = String(new FormData(form).get("name") ?? "").trim();
    if (!name) return;
    create.mutate(name, { onSuccess: () => form.reset() });
  }

  const curl = created
    ? `curl -H "Authorization: Bearer ${created.key}" ${origin}/api/v1/tasks`
    : "";

  return (
    <div className="space-y-6">
      <p className="text-sm text-zinc-600 dark:text-zinc-300">{t("keys.intro")}</p>
      <form onSubmit={onCreate} className="flex flex-col gap-2 sm:flex-row">
        <label className="sr-only" htmlFor={nameId}>
          {t("keys.name")}
        </label>
        <input
          id={nameId}
          name="name"
          required
          maxLength={64}
          placeholder={t("keys.namePlaceholder")}
          className={`${inputClass} flex-1`}
        />
        <Button type="submit" variant="primary" disabled={create.isPending} className="min-h-10">
          {create.isPending && <Spinner />}
          {t("keys.create")}
        </Button>
      </form>
      {create.error && <ErrorText error={create.error} />}
      {revoke.error && <ErrorText error={revoke.error} />}
      {remove.error && <ErrorText error={remove.error} />}
      {created && (
        <div
          className="space-y-3 rounded-lg border border-amber-400 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950"
          data-testid="created-key"
        >
          <p className="text-sm font-medium">{t("keys.createdOnce")}</p>
          <div className="flex flex-wrap items-center gap-2">
            <code
              data-testid="new-key"
              className="min-w-0 flex-1 rounded bg-white px-2 py-1 text-sm break-all dark:bg-zinc-900"
            >
              {created.key}
            </code>
            <CopyButton text={created.key} />
          </div>
          <div>
            <p className="mb-1 text-xs text-zinc-600 dark:text-zinc-300">{t("keys.tryIt")}</p>
            <div className="flex flex-wrap items-center gap-2">
              <code
                data-testid="curl-line"
                className="min-w-0 flex-1 rounded bg-zinc-900 px-2 py-1 text-xs break-all text-zinc-100"
              >
                {curl}
              </code>
              <CopyButton text={curl} />
            </div>
          </div>
        </div>
      )}
      {list.error && <ErrorText error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending ? (
        <Loading />
      ) : list.data && list.data.length === 0 ? (
        <Empty>{t("keys.empty")}</Empty>
      ) : (
        // Below sm the key and dates move under the name, so Revoke stays on screen at 375 px
        // without a sideways-scrolling table.
        <div className={cardClass}>
          <table className="w-full text-left text-sm" data-testid="keys-table">
            <thead>
              <tr className="text-zinc-500">
                <th className="px-3 py-2 font-medium">{t("keys.colName")}</th>
                <th className="hidden px-3 py-2 font-medium sm:table-cell">{t("keys.colKey")}</th>
                <th className="hidden px-3 py-2 font-medium md:table-cell">
                  {t("keys.colCreated")}
                </th>
                <th className="hidden px-3 py-2 font-medium md:table-cell">{t("keys.colUsed")}</th>
                <th className="px-3 py-2 font-medium">{t("keys.colStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data?.map((k) => (
                <tr
                  key={k.id}
                  data-key-id={k.id}
                  className="border-t border-zinc-200 dark:border-zinc-800"
                >
                  <td className="px-3 py-2">
                    <span className="font-medium break-all">{k.name}</span>
                    <span className="block text-xs text-zinc-500 sm:hidden">
                      <code>
                        {k.prefix}…{k.last4}
                      </code>
                    </span>
                    <span className="block text-xs text-zinc-500 md:hidden">
                      {t("keys.colUsed")}:{" "}
                      {k.last_used_at ? formatDate(k.last_used_at, locale) : t("common.never")}
                    </span>
                  </td>
                  <td className="hidden px-3 py-2 sm:table-cell">
                    <code>
                      {k.prefix}…{k.last4}
                    </code>
                  </td>
                  <td className="hidden px-3 py-2 whitespace-nowrap md:table-cell">
                    {formatDate(k.created_at, locale)}
                  </td>
                  <td className="hidden px-3 py-2 whitespace-nowrap md:table-cell">
                    {k.last_used_at ? formatDate(k.last_used_at, locale) : t("common.never")}
                  </td>
                  <td className="px-3 py-2">
                    {k.revoked ? (
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="rounded bg-zinc-200 px-1.5 py-0.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">
                          {t("keys.revoked")}
                        </span>
                        <Button
                          variant="ghost"
                          onClick={() => remove.mutate(k.id)}
                          disabled={remove.isPending && remove.variables === k.id}
                          className="min-h-7 px-2"
                          aria-label={t("keys.removeLabel", { name: k.name })}
                        >
                          {t("keys.remove")}
                        </Button>
                      </div>
                    ) : (
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
                          {t("keys.active")}
                        </span>
                        <Button
                          variant="ghost"
                          onClick={() => setToRevoke(k)}
                          className="min-h-7 px-2 text-red-600 dark:text-red-400"
                          aria-label={t("keys.revokeLabel", { name: k.name })}
                        >
                          {t("keys.revoke")}
                        </Button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={!!toRevoke}
        message={toRevoke ? t("keys.confirmRevoke", { name: toRevoke.name }) : ""}
        confirmLabel={t("keys.revoke")}
        busy={revoke.isPending}
        onClose={() => setToRevoke(null)}
        onConfirm={() => toRevoke && revoke.mutate(toRevoke.id)}
      />
    </div>
  );
}
