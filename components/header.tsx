"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { LOCALE_COOKIE, LOCALE_LABELS, LOCALES, type Locale, THEME_COOKIE } from "@/lib/i18n";
import { useI18n } from "./i18n-provider";

const YEAR = 60 * 60 * 24 * 365;

/** next-auth's sign-out without shipping next-auth/react on every page. */
async function signOut() {
  try {
    const { csrfToken } = await (await fetch("/api/auth/csrf")).json();
    await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/sign-in", json: "true" }),
    });
  } finally {
    window.location.assign("/sign-in");
  }
}

function setCookie(name: string, value: string) {
  // biome-ignore lint/suspicious/noDocumentCookie: a plain cookie is what server components read
  document.cookie = `${name}=${value}; path=/; max-age=${YEAR}; samesite=lax`;
}

export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only">{t("header.language")}</span>
      <select
        data-testid="language-switch"
        aria-label={t("header.language")}
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value as Locale;
          setCookie(LOCALE_COOKIE, next);
          document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
          startTransition(() => router.refresh());
        }}
        className="rounded-md border border-zinc-300 bg-white px-1.5 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {LOCALE_LABELS[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ThemeToggle() {
  const { t } = useI18n();
  const [dark, setDark] = useState<boolean | null>(null);
  useEffect(() => setDark(document.documentElement.classList.contains("dark")), []);
  return (
    <button
      type="button"
      aria-label={t("header.theme")}
      aria-pressed={dark ?? false}
      title={dark ? t("header.themeLight") : t("header.themeDark")}
      onClick={() => {
        const next = !document.documentElement.classList.contains("dark");
        document.documentElement.classList.toggle("dark", next);
        document.documentElement.style.colorScheme = next ? "dark" : "light";
        setCookie(THEME_COOKIE, next ? "dark" : "light");
        setDark(next);
      }}
      className="inline-flex size-9 items-center justify-center rounded-md text-lg hover:bg-zinc-200 dark:hover:bg-zinc-800"
    >
      <span aria-hidden="true">{dark ? "☀" : "☾"}</span>
    </button>
  );
}

export function Header({ email, role }: { email: string | null; role: "admin" | "user" | null }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const router = useRouter();
  const [menuOpen, setMenuOpen] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the mobile menu on navigation
  useEffect(() => setMenuOpen(false), [pathname]);

  // Nine links (ten for an admin) fit one line from 1024 px; below that they sit in the menu.
  const links = [
    { href: "/", label: t("nav.studio") },
    { href: "/gallery", label: t("nav.gallery") },
    { href: "/batches", label: t("nav.batches") },
    { href: "/characters", label: t("nav.characters") },
    { href: "/editor", label: t("nav.editor") },
    { href: "/settings/api-keys", label: t("nav.keys") },
    { href: "/settings/palettes", label: t("nav.palettes") },
    ...(role === "admin" ? [{ href: "/settings/providers", label: t("nav.providers") }] : []),
    { href: "/docs", label: t("nav.docs") },
  ];
  const isActive = (href: string) =>
    href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);

  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4">
        <Link
          href="/"
          prefetch={email ? undefined : false}
          className="flex shrink-0 items-center gap-2 font-bold"
        >
          <PixelLogo />
          {/* signed in, the name gives its room to the links until the screen is wide */}
          <span className={email ? "hidden xl:inline" : "hidden sm:inline"}>Pixel Studio</span>
        </Link>
        {email && (
          <nav aria-label={t("nav.main")} className="hidden flex-1 items-center gap-1 lg:flex">
            {links.map((l) => (
              // Prefetched on intent (hover, focus), not when shown: shown, the nine links asked
              // the server for nine RSC payloads on every page load and again after every
              // navigation, and a click made then (Edit on a batch: POST /api/v1/documents) waited
              // behind them — 300–460 ms instead of 30–100 on the editor probe at load ~10.
              <Link
                key={l.href}
                href={l.href}
                prefetch={false}
                onMouseEnter={() => router.prefetch(l.href)}
                onFocus={() => router.prefetch(l.href)}
                aria-current={isActive(l.href) ? "page" : undefined}
                className={`rounded-md px-2.5 py-1.5 text-sm whitespace-nowrap ${isActive(l.href) ? "bg-zinc-200 font-semibold dark:bg-zinc-800" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-900"}`}
              >
                {l.label}
              </Link>
            ))}
          </nav>
        )}
        <div className="ml-auto flex items-center gap-1.5">
          <LanguageSwitch />
          <ThemeToggle />
          {email && (
            <>
              <span
                data-testid="user-email"
                className="hidden max-w-48 truncate text-sm text-zinc-500 xl:inline"
                title={email}
              >
                {email}
              </span>
              <button
                type="button"
                onClick={() => signOut()}
                className="hidden rounded-md px-2 py-1.5 text-sm whitespace-nowrap text-zinc-600 hover:bg-zinc-100 lg:inline dark:text-zinc-300 dark:hover:bg-zinc-900"
              >
                {t("header.signOut")}
              </button>
              <button
                type="button"
                aria-expanded={menuOpen}
                aria-controls="mobile-nav"
                aria-label={t("nav.main")}
                onClick={() => setMenuOpen((v) => !v)}
                className="inline-flex size-9 items-center justify-center rounded-md hover:bg-zinc-200 lg:hidden dark:hover:bg-zinc-800"
              >
                <span aria-hidden="true">☰</span>
              </button>
            </>
          )}
        </div>
      </div>
      {email && menuOpen && (
        <nav
          id="mobile-nav"
          aria-label={t("nav.main")}
          className="border-t border-zinc-200 px-4 py-2 lg:hidden dark:border-zinc-800"
        >
          <ul className="grid gap-1">
            {links.map((l) => (
              <li key={l.href}>
                <Link
                  href={l.href}
                  aria-current={isActive(l.href) ? "page" : undefined}
                  className="block rounded-md px-2 py-2 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-900"
                >
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
          <div className="mt-2 flex items-center justify-between border-t border-zinc-200 pt-2 text-sm dark:border-zinc-800">
            <span className="truncate text-zinc-500">{email}</span>
            <button
              type="button"
              onClick={() => signOut()}
              className="rounded-md px-2 py-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-900"
            >
              {t("header.signOut")}
            </button>
          </div>
        </nav>
      )}
    </header>
  );
}

function PixelLogo() {
  // 8×8 pixel heart, drawn with rects so it stays crisp.
  const rows = [
    "01100110",
    "11111111",
    "11111111",
    "11111111",
    "01111110",
    "00111100",
    "00011000",
    "00000000",
  ];
  return (
    <svg viewBox="0 0 8 8" className="size-6" shapeRendering="crispEdges" aria-hidden="true">
      {rows.flatMap((row, y) =>
        [...row].map((c, x) =>
          c === "1" ? (
            <rect key={`${x}-${y}`} x={x} y={y} width={1} height={1} fill="#6366f1" />
          ) : null,
        ),
      )}
    </svg>
  );
}
