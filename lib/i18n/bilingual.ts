// Texts written in both languages at once, as the OpenAPI summaries are.
import type { Locale } from "./index";

/**
 * Route summaries are written "中文 English" (both languages in one field); show the half in
 * the reader's language. A summary with only one language is shown as it is.
 */
export function summaryFor(summary: string, locale: Locale): string {
  const m = /^(.*\p{Script=Han}[^A-Za-z\p{Script=Han}]*?)\s+([A-Za-z][^\p{Script=Han}]*)$/u.exec(
    summary.trim(),
  );
  if (!m) return summary;
  return locale === "zh" ? m[1].trim() : m[2].trim();
}

/** A text the domain writes in both languages at once, for readers of either. */
export interface BilingualText {
  en: string;
  zh: string;
}
