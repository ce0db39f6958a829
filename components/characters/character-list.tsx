"use client";

import Link from "next/link";
import { useState } from "react";
import { useCharacters } from "@/hooks/use-characters";
import type { CharacterSummary } from "@/lib/client/characters";
import { useI18n } from "../i18n-provider";
import { PixelImage } from "../pixel-image";
import {
  Button,
  cardClass,
  Empty,
  ErrorText,
  Loading,
  PageTitle,
  Spinner,
  StatusBadge,
} from "../ui";
import { CreateCharacterForm } from "./create-character-form";

/** The facing a thumbnail shows: the front, else the first one drawn. */
export function thumbFacing(c: Pick<CharacterSummary, "facings" | "directions">) {
  const order = ["down", ...c.directions];
  for (const d of order) {
    const f = c.facings[d as keyof typeof c.facings];
    if (f?.url && f.status === "completed") return f;
  }
  return null;
}

export function CharacterList({ fromTask }: { fromTask: number | null }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const list = useCharacters(page);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.page_size)) : 1;

  return (
    <>
      <PageTitle>{t("char.title")}</PageTitle>
      <p className="-mt-3 mb-5 max-w-3xl text-sm text-zinc-600 dark:text-zinc-300">
        {t("char.intro")}
      </p>
      <div className="grid gap-6 lg:grid-cols-[26rem_minmax(0,1fr)]">
        <div>
          <CreateCharacterForm fromTask={fromTask} />
        </div>
        {/* on a phone the characters come first (the form is long); beside it on a desktop */}
        <section
          aria-labelledby="characters-list"
          className={`min-w-0 ${fromTask === null ? "order-first lg:order-none" : ""}`}
        >
          <h2 id="characters-list" className="mb-3 text-lg font-semibold">
            {t("char.list")}
          </h2>
          {list.isPending && <Loading />}
          {list.error && <ErrorText error={list.error} onRetry={() => list.refetch()} />}
          {list.data && list.data.items.length === 0 && <Empty>{t("char.empty")}</Empty>}
          {list.data && list.data.items.length > 0 && (
            <ul
              className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4"
              data-testid="character-list"
            >
              {list.data.items.map((c) => (
                <CharacterCard key={c.id} character={c} />
              ))}
            </ul>
          )}
          {pages > 1 && (
            <div className="mt-4 flex items-center justify-center gap-2 text-sm">
              <Button disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                {t("common.prev")}
              </Button>
              <span>{t("common.page", { page, pages })}</span>
              <Button disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
                {t("common.next")}
              </Button>
            </div>
          )}
        </section>
      </div>
    </>
  );
}

function CharacterCard({ character: c }: { character: CharacterSummary }) {
  const { t } = useI18n();
  const facing = thumbFacing(c);
  return (
    <li data-character-id={c.id}>
      <Link
        href={`/characters/${c.id}`}
        className={`${cardClass} block overflow-hidden hover:border-indigo-400 focus-visible:outline-2 focus-visible:outline-indigo-500`}
      >
        <div className="checkerboard relative aspect-square">
          {facing ? (
            <PixelImage src={facing.url!} alt="" draggable={false} />
          ) : (
            <div className="absolute inset-0 flex items-center justify-center text-zinc-500">
              <Spinner />
            </div>
          )}
        </div>
        <div className="space-y-0.5 p-2 text-sm">
          <div className="flex items-center justify-between gap-1">
            <span className="truncate font-medium" title={c.name}>
              {c.name}
            </span>
            {c.status !== "completed" && <StatusBadge status={c.status} />}
          </div>
          <p className="truncate text-xs text-zinc-500" title={c.model}>
            {c.model} · {t("char.directionsN", { n: c.directions.length })}
          </p>
          <p className="text-xs text-zinc-500">{t("char.counts", { n: c.animation_count })}</p>
        </div>
      </Link>
    </li>
  );
}
