// Tiny i18n: two dictionaries, a cookie for the chosen language, Accept-Language otherwise.
import { en, type MessageKey, zh } from "./dict";

export type Locale = "en" | "zh";
export type { MessageKey };
export const LOCALES: Locale[] = ["en", "zh"];
export const LOCALE_COOKIE = "ps_lang";
export const THEME_COOKIE = "ps_theme";
export const LOCALE_LABELS: Record<Locale, string> = { en: "English", zh: "简体中文" };

const DICTS: Record<Locale, Record<MessageKey, string>> = { en, zh };

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "zh";
}

/** Picks zh or en from an Accept-Language header (or navigator.languages joined). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return "en";
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag, ...rest] = part.trim().split(";");
      const q = rest.find((r) => r.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1, i };
    })
    .filter((x) => x.tag)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh";
    if (tag.startsWith("en")) return "en";
  }
  return "en";
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const dict = DICTS[locale];
  return (key, vars) => {
    let s = dict[key] ?? en[key] ?? key;
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  };
}
