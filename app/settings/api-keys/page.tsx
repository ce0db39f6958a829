import { ApiKeysManager } from "@/components/api-keys-manager";

export const metadata = { title: "API keys · Pixel Studio" };

export default function ApiKeysPage() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="mb-4 text-2xl font-bold">API keys</h1>
      <ApiKeysManager />
    </main>
  );
}
