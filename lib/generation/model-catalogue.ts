import { type Env, getEnv } from "@/lib/config/env";
import type { Locale } from "@/lib/i18n";
import { listModels, type ModelEntry } from "@/lib/providers/registry";
import { MODEL_TYPES, type ModelType } from "@/lib/vocabulary";
import { modelNames } from "./model-names";

type CatalogueEntry = ModelEntry & {
  disabled_reason: string | null;
  names: Record<Locale, string>;
  supports_negative_prompt: boolean;
};

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
      // extensions: a display name per interface language, and whether the model reads a
      // negative prompt (the composer hides the field for the others instead of ignoring it)
      names: modelNames(m),
      supports_negative_prompt: m.capabilities?.supportsNegativePrompt === true,
      missing_env,
      disabled_reason: m.enabled
        ? null
        : `Provider '${m.provider}' is not configured: set ${missing_env.join(", ")}`,
    };
  }
  return data;
}
