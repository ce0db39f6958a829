import { type Env, getEnv } from "@/lib/config/env";
import { listModels } from "@/lib/providers/registry";
import { MODEL_TYPES } from "@/lib/vocabulary";

/** seed 001: models grouped by type and keyed by id; plus why a disabled model is disabled. */
export function modelCatalogue(env: Env = getEnv()) {
  const data: Record<string, Record<string, unknown>> = {};
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
