"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
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
  const urlKey = FILTER_KEYS.map((k) => fromUrl[k]).join("\u0000");
  // biome-ignore lint/correctness/useExhaustiveDependencies: urlKey stands for fromUrl's values
  useEffect(() => setLocal(fromUrl), [urlKey]);

  const setFilters = useCallback(
    (patch: Partial<Filters>) => {
      setLocal((cur) => ({ ...cur, ...patch }));
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
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
