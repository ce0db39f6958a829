// Reads the request language through next/headers, so it lives in app/ (lib/ stays free of next/*).
import { cookies, headers } from "next/headers";
import {
  isLocale,
  LOCALE_COOKIE,
  type Locale,
  localeFromAcceptLanguage,
  translator,
} from "@/lib/i18n";

/** The request's language: the switch's cookie, else the browser's Accept-Language. */
export async function getLocale(): Promise<Locale> {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

export async function getT() {
  return translator(await getLocale());
}
