"use client";

import { useEffect, useState } from "react";
import { rehydrateComposer, useComposer } from "@/lib/client/composer-store";

/** Rehydrates the persisted composer after mount (avoids an SSR/client mismatch). */
export function useComposerHydrated(): boolean {
  const [hydrated, setHydrated] = useState(() => useComposer.persist?.hasHydrated() ?? false);
  useEffect(() => {
    if (!useComposer.persist) return;
    const unsub = useComposer.persist.onFinishHydration(() => setHydrated(true));
    Promise.resolve(rehydrateComposer()).then(() => setHydrated(useComposer.persist.hasHydrated()));
    return unsub;
  }, []);
  return hydrated;
}
