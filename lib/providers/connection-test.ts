import { ProviderError } from "./errors";
import { getAdapter, providerConfig, refreshDiscoveredModels } from "./registry";

/** Runs the adapter's connection test with a short timeout; never throws. */
export async function testProviderConnection(
  providerId: string,
): Promise<{ ok: boolean; message: string }> {
  const adapter = getAdapter(providerId);
  const config = providerConfig(providerId);
  if (!config) {
    return { ok: false, message: `Not configured: set ${adapter.requiredEnv.join(", ")}` };
  }
  if (!adapter.testConnection) {
    return {
      ok: true,
      message: "Configured (this provider has no cheap test call; it is checked on first use)",
    };
  }
  try {
    const result = await adapter.testConnection({
      config: { ...config, timeoutMs: Math.min(config.timeoutMs, 10_000) },
      signal: AbortSignal.timeout(15_000),
      fetch: globalThis.fetch,
    });
    // a working upstream that lists its own models (A1111 checkpoints) shows them right away
    if (result.ok && adapter.discoverModels) {
      await refreshDiscoveredModels(providerId).catch(() => undefined);
    }
    return result;
  } catch (error) {
    return {
      ok: false,
      message: error instanceof ProviderError ? error.message : "Connection failed",
    };
  }
}
