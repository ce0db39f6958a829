import { type Env, getEnv } from "@/lib/config/env";
import { listModels, type ModelEntry } from "@/lib/providers/registry";
import { MODEL_TYPES, type ModelType } from "@/lib/vocabulary";

type CatalogueEntry = ModelEntry & { disabled_reason: string | null };

/** Models grouped by type and keyed by id, plus why a disabled model is disabled. */
export function modelCatalogue(
  env: Env = getEnv(),
): Record<ModelType, Record<string, CatalogueEntry>> {
  const data = {} as Record<ModelType, Record<string, CatalogueEntry>>;
  for (const type of MODEL_TYPES) data[type] = {};
  for (const m of listModels(env)) {
    const { params, missing_env, ...rest } = m;
    data[m.type] ??= {};
    data[m.type][m.id] = {
      ...rest,
      ...(params ? { params } : {}),
      missing_env,
      disabled_reason: m.enabled
        ? null
        : `Provider '${m.provider}' is not configured: set ${missing_env.join(", ")}`,
    };
  }
  return data;
}
