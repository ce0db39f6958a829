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

const PLURAL_RULES: Record<Locale, Intl.PluralRules> = {
  en: new Intl.PluralRules("en"),
  zh: new Intl.PluralRules("zh"),
};

/**
 * Resolves `{n, plural, one {# artwork} other {# artworks}}` (the ICU MessageFormat plural
 * subset): the branch is picked by Intl.PluralRules for the locale, `=0`-style exact branches
 * win, `other` is the fallback, and `#` inside a branch is the number. Branches may contain
 * `{var}` placeholders, which are filled afterwards.
 */
export function formatPlurals(
  message: string,
  locale: Locale,
  vars: Record<string, string | number>,
): string {
  let out = "";
  let i = 0;
  const head = /\{(\w+),\s*plural,/y;
  while (i < message.length) {
    head.lastIndex = i;
    const m = message[i] === "{" ? head.exec(message) : null;
    if (!m) {
      out += message[i++];
      continue;
    }
    const name = m[1];
    let j = head.lastIndex;
    const branches: Record<string, string> = {};
    for (;;) {
      while (message[j] === " ") j++;
      if (message[j] === "}") break;
      const sel = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(message.slice(j));
      if (!sel) throw new Error(`bad plural in message: ${message}`);
      j += sel[0].length;
      let depth = 1;
      const start = j;
      while (j < message.length && depth > 0) {
        if (message[j] === "{") depth++;
        else if (message[j] === "}") depth--;
        j++;
      }
      branches[sel[1]] = message.slice(start, j - 1);
    }
    const n = Number(vars[name]);
    const branch =
      branches[`=${n}`] ?? branches[PLURAL_RULES[locale].select(n)] ?? branches.other ?? "";
    out += branch.replaceAll("#", new Intl.NumberFormat(locale).format(n));
    i = j + 1;
  }
  return out;
}

export function translator(locale: Locale): Translate {
  const dict = DICTS[locale];
  return (key, vars) => {
    let s = dict[key] ?? en[key] ?? key;
    if (vars) {
      if (s.includes(", plural,")) s = formatPlurals(s, locale, vars);
      for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
    }
    return s;
  };
}
