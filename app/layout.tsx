import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import type { ReactNode } from "react";
import { Header } from "@/components/header";
import { QueryProvider } from "@/components/query-provider";
import { authOptions } from "@/lib/auth/auth-options";
import { THEME_COOKIE } from "@/lib/i18n";
import { getLocale } from "@/lib/i18n/server";
import "./globals.css";

export const metadata: Metadata = {
  title: "Pixel Studio",
  description: "AI pixel art and game sprites: prompts to sprites, animations and sprite sheets.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Without a theme cookie, follow the system preference before first paint (no flash).
const THEME_SCRIPT = `(function(){try{var d=window.matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d);document.documentElement.style.colorScheme=d?"dark":"light"}catch(e){}})()`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, jar, session] = await Promise.all([
    getLocale(),
    cookies(),
    getServerSession(authOptions()).catch(() => null),
  ]);
  const theme = jar.get(THEME_COOKIE)?.value;
  const themeClass = theme === "dark" ? "dark" : "";
  return (
    <html
      lang={locale === "zh" ? "zh-CN" : "en"}
      className={themeClass}
      style={theme === "dark" || theme === "light" ? { colorScheme: theme } : undefined}
      suppressHydrationWarning
    >
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: static inline theme script */}
        {!theme && <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />}
      </head>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <QueryProvider locale={locale}>
          <Header email={session?.user?.email ?? null} role={session?.user?.role ?? null} />
          {children}
        </QueryProvider>
      </body>
    </html>
  );
}
