import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import { getServerSession } from "next-auth";
import type { ReactNode } from "react";
import { getLocale } from "@/app/_i18n/server";
import { Header } from "@/components/header";
import { QueryProvider } from "@/components/query-provider";
import { authOptions } from "@/lib/auth/auth-options";
import { THEME_COOKIE } from "@/lib/i18n";
import "./globals.css";

export const metadata: Metadata = {
  title: "Pixel Studio",
  description: "AI pixel art and game sprites: prompts to sprites, animations and sprite sheets.",
  // Files in public/ (regenerate the PNGs and favicon.ico with scripts/make-icons.mjs).
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#4f46e5" };

// Without a theme cookie, follow the system preference before first paint (no flash).
const THEME_SCRIPT = `(function(){try{var d=window.matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d);document.documentElement.style.colorScheme=d?"dark":"light"}catch(e){}})()`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, jar, requestHeaders, session] = await Promise.all([
    getLocale(),
    cookies(),
    headers(),
    getServerSession(authOptions()).catch(() => null),
  ]);
  const theme = jar.get(THEME_COOKIE)?.value;
  // Set by proxy.ts for this request; the CSP allows only scripts carrying it.
  const nonce = requestHeaders.get("x-nonce") ?? undefined;
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
        {!theme && <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />}
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
