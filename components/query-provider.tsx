"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { ApiRequestError } from "@/lib/client/api";
import type { Locale } from "@/lib/i18n";
import { I18nProvider } from "./i18n-provider";

/**
 * The client-side React Query cache (and the translator) for the whole app. Not to be confused
 * with the AI-provider admin in providers-admin.tsx.
 */
export function QueryProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 5_000,
            refetchOnWindowFocus: false,
            // A 4xx will not change on retry (bad input, not found, not allowed).
            retry: (count, error) =>
              count < 2 &&
              !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500),
          },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <I18nProvider locale={locale}>{children}</I18nProvider>
    </QueryClientProvider>
  );
}
