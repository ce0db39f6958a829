"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { TaskQuery } from "@/lib/client/api";

export const FILTER_KEYS = ["q", "status", "type", "model", "mode", "starred"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Record<FilterKey, string>;

/**
 * The gallery's filters live in the URL (?q=knight&status=completed&starred=true), so Back from
 * an artwork returns to the same view and a filtered gallery can be shared as a link. Changes
 * replace the current history entry: typing a search does not add a Back step per keystroke.
 */
export function useGalleryFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  const fromUrl = useMemo(() => {
    const out = {} as Filters;
    for (const k of FILTER_KEYS) out[k] = params.get(k) ?? "";
    if (out.starred !== "true") out.starred = "";
    return out;
  }, [params]);
  // The controls follow a local copy at once (the router's URL update is a transition, a
  // checkbox must not wait for it); Back/forward or a pasted link reset it from the URL.
  const [filters, setLocal] = useState(fromUrl);
  // The filters as last chosen, ahead of the URL: router.replace is a transition, so two quick
  // changes used to build the second URL from the first's stale location (?mode=… came back).
  const latest = useRef(fromUrl);
  // the address our last change asked for; URLs on the way there are our own, not news
  const awaited = useRef<string | null>(null);
  const urlKey = keyOf(fromUrl);
  const shownUrl = useRef(urlKey);
  shownUrl.current = urlKey;
  // biome-ignore lint/correctness/useExhaustiveDependencies: urlKey stands for fromUrl's values
  useEffect(() => {
    if (awaited.current !== null && awaited.current !== urlKey) return;
    awaited.current = null;
    latest.current = fromUrl;
    setLocal(fromUrl);
  }, [urlKey]);

  const setFilters = useCallback(
    (patch: Partial<Filters>) => {
      const merged = { ...latest.current, ...patch };
      latest.current = merged;
      const wanted = keyOf(merged);
      awaited.current = wanted === shownUrl.current ? null : wanted;
      setLocal(merged);
      // other parameters of the address stay; every filter is written from `merged`
      const next = new URLSearchParams(window.location.search);
      for (const k of FILTER_KEYS) {
        if (merged[k]) next.set(k, merged[k]);
        else next.delete(k);
      }
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [router, pathname],
  );

  const query: TaskQuery = useMemo(
    () => ({
      q: filters.q.trim() || undefined,
      status: filters.status || undefined,
      type: filters.type || undefined,
      model: filters.model || undefined,
      mode: filters.mode || undefined,
      starred: filters.starred === "true" ? "true" : undefined,
    }),
    [filters],
  );

  return { filters, setFilters, query, filtered: Object.values(query).some(Boolean) };
}

function keyOf(f: Filters): string {
  return FILTER_KEYS.map((k) => f[k]).join("\u0000");
}
