import { getServerSession } from "next-auth";
import { getT } from "@/app/_i18n/server";
import { ProvidersAdmin } from "@/components/providers-admin";
import { authOptions } from "@/lib/auth/auth-options";

export const dynamic = "force-dynamic";
export const metadata = { title: "Providers · Pixel Studio" };

export default async function ProvidersPage() {
  const [session, t] = await Promise.all([getServerSession(authOptions()), getT()]);
  if (session?.user?.role !== "admin") {
    return (
      <main className="mx-auto max-w-xl px-4 py-16 text-center" data-testid="admins-only">
        <p className="mb-2 text-4xl" aria-hidden="true">
          🔒
        </p>
        <h1 className="mb-2 text-2xl font-bold">{t("providers.adminOnly")}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-300">{t("providers.adminOnlyHint")}</p>
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-5xl px-4 py-6">
      <h1 className="mb-4 text-2xl font-bold">{t("providers.title")}</h1>
      <ProvidersAdmin />
    </main>
  );
}
