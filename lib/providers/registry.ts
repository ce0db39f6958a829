// Every adapter keyed by provider id, plus the rules the API and UI rely on: composite model ids,
// "enabled" from environment variables, and exactly one default model per type.

import { getEnv } from "@/lib/config/env";
import { MODEL_TYPES } from "@/lib/vocabulary";
import { a1111Adapter } from "./a1111";
import { comfyuiAdapter } from "./comfyui";
import { dashscopeAdapter } from "./dashscope";
import { hdredrawAdapter } from "./hdredraw";
import { missingEnv } from "./http";
import { localAdapter } from "./local";
import { modelscopeAdapter } from "./modelscope";
import { openaiAdapter } from "./openai";
import { qwen2512Adapter } from "./qwen2512";
import { tencentvodAdapter } from "./tencentvod";
import type { EnvLike, ModelSpec, ModelType, ProviderAdapter, ProviderConfig } from "./types";
import { volcengineAdapter } from "./volcengine";

export const adapters: Readonly<Record<string, ProviderAdapter>> = Object.freeze(
  Object.fromEntries(
    [
      localAdapter,
      dashscopeAdapter,
      qwen2512Adapter,
      modelscopeAdapter,
      openaiAdapter,
      tencentvodAdapter,
      hdredrawAdapter,
      volcengineAdapter,
      comfyuiAdapter,
      a1111Adapter,
    ].map((a) => [a.id, a]),
  ),
);

/** Every adapter, in registry order (the worker sizes its per-provider limits from this). */
export function allAdapters(): ProviderAdapter[] {
  return Object.values(adapters);
}

/**
 * Which model is the default of its type (what `/generate`, batches and `/api/v1/generations/*`
 * use when the request names no `model`, and the one `/api/v1/models` flags `is_default`):
 * 1. the admin's choice, `DEFAULT_MODEL` (comma-separated composite ids, one per type), when it
 *    names an enabled model of that type;
 * 2. otherwise the offline engine's model of that type: it costs nothing and needs no network,
 *    so configuring a paid provider's key never silently sends every request there;
 * 3. otherwise (types the offline engine lacks: video, llm) the first enabled model in this
 *    order; models not listed follow in registry order.
 */
export const DEFAULT_PREFERENCE: Readonly<Record<ModelType, readonly string[]>> = {
  image: [
    "local/pixel-sprite",
    "dashscope/qwen-image",
    "qwen2512/qwen-image-2512",
    "modelscope/qwen-image",
    "openai/gpt-image-1",
    "openai/dall-e-3",
    "tencentvod/gem-3.0",
    "tencentvod/gem-2.5",
    "tencentvod/qwen-0925",
    "tencentvod/hunyuan-3.0",
    "comfyui/txt2img",
    "a1111/default",
  ],
  video: ["dashscope/wan2.6-video"],
  audio: ["local/sfx", "volcengine/doubao-tts"],
  llm: ["dashscope/qwen-plus"],
  operation: [
    "local/pixelize",
    "local/upscale",
    "local/seamless",
    "local/vectorize",
    "hdredraw/upscale",
    "hdredraw/vectorize",
    "hdredraw/seamless",
    "hdredraw/face-enhance",
  ],
};

/** The ids `DEFAULT_MODEL` names (validated as composite ids by lib/config/env.ts). */
export function adminDefaultIds(env: EnvLike): string[] {
  const raw = env.DEFAULT_MODEL;
  return typeof raw === "string"
    ? raw
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean)
    : [];
}

/**
 * Why `DEFAULT_MODEL` cannot be honoured (an unknown or disabled model, two of one type), or
 * undefined when it can; start-up refuses such a configuration, naming the variable.
 */
export function defaultModelProblem(env: EnvLike = getEnv()): string | undefined {
  const models = listModels(env);
  const seen = new Set<ModelType>();
  for (const id of adminDefaultIds(env)) {
    const model = models.find((m) => m.id === id);
    if (!model) return `DEFAULT_MODEL: '${id}' is not a model of this server (see /api/v1/models)`;
    if (!model.enabled) {
      return `DEFAULT_MODEL: '${id}' is disabled: its provider is not configured (missing ${model.missing_env.join(", ")})`;
    }
    if (seen.has(model.type)) return `DEFAULT_MODEL: more than one ${model.type} model`;
    seen.add(model.type);
  }
  return undefined;
}

export class ModelIdError extends Error {
  readonly id: string;
  constructor(id: string) {
    super(
      `Model must be in format 'provider/model_key', got: '${id}'. Example: 'dashscope/qwen-image'`,
    );
    this.name = "ModelIdError";
    this.id = id;
  }
}

/** The 404 text for a well-formed id that names no model (wording from the seed API). */
export function modelNotFoundMessage(id: string): string {
  return `Model '${id}' not found. Available models can be fetched from /api/v1/models`;
}

/** Exactly one `/`, both sides non-empty; nothing is trimmed or guessed. */
export function parseModelId(id: string): { provider: string; modelKey: string } {
  if (typeof id !== "string") throw new ModelIdError(String(id));
  const parts = id.split("/");
  if (parts.length !== 2 || parts[0] === "" || parts[1] === "") throw new ModelIdError(id);
  return { provider: parts[0], modelKey: parts[1] };
}

export type ModelEntry = ModelSpec & { enabled: boolean; missing_env: string[] };

export function getAdapter(providerId: string): ProviderAdapter {
  const a = Object.hasOwn(adapters, providerId) ? adapters[providerId] : undefined;
  if (!a) throw new Error(`Unknown provider '${providerId}'`);
  return a;
}

function missingFor(adapter: ProviderAdapter, env: EnvLike): string[] {
  return adapter.id === "local" ? [] : missingEnv(env, adapter.requiredEnv);
}

// Models an upstream lists itself (A1111 checkpoints), per provider, with when they were fetched.
const discovered = new Map<string, { at: number; models: ModelSpec[] }>();
const refreshing = new Map<string, Promise<ModelSpec[]>>();
let discoveryVersion = 0;
const DISCOVERY_TTL_MS = 60_000;

/**
 * Asks the upstream for its models now (test connection, or a worker that meets a model id it
 * has not seen). Failures leave the last known list in place.
 */
export async function refreshDiscoveredModels(
  providerId: string,
  env: EnvLike = getEnv(),
): Promise<ModelSpec[]> {
  const adapter = getAdapter(providerId);
  const config = providerConfig(providerId, env);
  if (!adapter.discoverModels || !config) return [];
  const running = refreshing.get(providerId);
  if (running) return running;
  const run = adapter
    .discoverModels({
      config: { ...config, timeoutMs: Math.min(config.timeoutMs, 10_000) },
      signal: new AbortController().signal,
      fetch: globalThis.fetch,
    })
    .then((models) => {
      // never let an upstream shadow one of our own ids
      const own = new Set(adapter.models.map((m) => m.id));
      const fresh = models.filter((m) => m.provider === providerId && !own.has(m.id));
      discovered.set(providerId, { at: Date.now(), models: fresh });
      discoveryVersion++;
      return fresh;
    })
    .finally(() => refreshing.delete(providerId));
  refreshing.set(providerId, run);
  return run;
}

/** Stale-while-revalidate: catalogue reads never wait for an upstream, they start a refresh. */
function refreshStaleDiscoveries(env: EnvLike, discovering: ProviderAdapter[]): void {
  for (const a of discovering) {
    const last = discovered.get(a.id);
    if (last && Date.now() - last.at < DISCOVERY_TTL_MS) continue;
    if (refreshing.has(a.id)) continue;
    if (!last) discovered.set(a.id, { at: Date.now(), models: [] });
    refreshDiscoveredModels(a.id, env).catch(() => undefined);
  }
}

/** Forgets discovered models (tests). */
export function resetDiscoveredModels(): void {
  discovered.clear();
  discoveryVersion++;
}

function modelsOf(adapter: ProviderAdapter): ModelSpec[] {
  return [...adapter.models, ...(discovered.get(adapter.id)?.models ?? [])];
}

// The catalogue only changes when a provider's required variables (or an upstream's own model
// list) do, so it is rebuilt only then: every generation request looks its model up here.
let cached: { key: string; entries: ModelEntry[] } | undefined;

function configurationKey(env: EnvLike): string {
  return `${discoveryVersion}#${adminDefaultIds(env).join(",")}#${Object.values(adapters)
    .map((a) => missingFor(a, env).join(","))
    .join("|")}`;
}

// What is read of one env object: its key and the adapters that list their own models. An env
// object is not changed once made (getEnv() makes a new one when the configuration is read
// again), so they are worked out again only for another object or after a discovery; the key
// was rebuilt from every adapter's variables on each lookup, i.e. on every POST.
let readOfEnv:
  | { env: EnvLike; version: number; key: string; discovering: ProviderAdapter[] }
  | undefined;

/** The current list itself (not to be handed out: callers may mutate what they get). */
function currentModels(env: EnvLike): ModelEntry[] {
  if (readOfEnv?.env !== env || readOfEnv.version !== discoveryVersion) {
    readOfEnv = {
      env,
      version: discoveryVersion,
      key: configurationKey(env),
      discovering: Object.values(adapters).filter(
        (a) => a.discoverModels && missingFor(a, env).length === 0,
      ),
    };
  }
  const { key, discovering } = readOfEnv;
  // (a refresh started here changes the version when it ends, not now)
  refreshStaleDiscoveries(env, discovering);
  if (cached?.key !== key) cached = { key, entries: buildModelList(env) };
  return cached.entries;
}

export function listModels(env: EnvLike = getEnv()): ModelEntry[] {
  // callers may mutate what they get (is_default in tests, spreads in serializers): hand out copies
  return currentModels(env).map((e) => ({ ...e }));
}

function buildModelList(env: EnvLike): ModelEntry[] {
  const entries: ModelEntry[] = [];
  for (const adapter of Object.values(adapters)) {
    const missing = missingFor(adapter, env);
    for (const m of modelsOf(adapter)) {
      entries.push({
        ...m,
        is_default: false,
        enabled: missing.length === 0,
        missing_env: missing,
      });
    }
  }
  const chosen = adminDefaultIds(env);
  for (const type of MODEL_TYPES) {
    const ofType = entries.filter((e) => e.type === type);
    if (!ofType.length) continue;
    const pref = [...chosen, ...DEFAULT_PREFERENCE[type]];
    const ordered = [
      ...pref.map((id) => ofType.find((e) => e.id === id)).filter((e): e is ModelEntry => !!e),
      ...ofType.filter((e) => !pref.includes(e.id)),
    ];
    // With nothing enabled the first preferred model still carries the flag, so a type always
    // has exactly one default to show (it answers "not configured" when used).
    (ordered.find((e) => e.enabled) ?? ordered[0]).is_default = true;
  }
  return entries;
}

/** The registry entry for an exact composite id, or undefined. Throws ModelIdError on bad format. */
export function findModel(id: string, env: EnvLike = getEnv()): ModelEntry | undefined {
  parseModelId(id);
  // every POST resolves its model: copy the one found, not the whole list
  const found = currentModels(env).find((m) => m.id === id);
  return found ? { ...found } : undefined;
}

export function defaultModel(type: ModelType, env: EnvLike = getEnv()): ModelEntry | undefined {
  return listModels(env).find((m) => m.type === type && m.is_default);
}

/** The adapter's config from env with concurrency filled in; undefined when not configured. */
export function providerConfig(
  providerId: string,
  env: EnvLike = getEnv(),
): ProviderConfig | undefined {
  const adapter = getAdapter(providerId);
  const config = adapter.configFromEnv(env);
  if (!config) return undefined;
  return { ...config, concurrency: config.concurrency ?? adapter.defaultConcurrency };
}

export interface ProviderSummary {
  id: string;
  displayName: string;
  configured: boolean;
  required_env: string[];
  missing_env: string[];
  /** where requests go (configured or default); never the key */
  base_url?: string;
  /** the admin's own ComfyUI / A1111: a LAN base is fine, only it skips the SSRF guard */
  self_hosted: boolean;
  concurrency: number;
  poll_interval_ms: number;
  models: { id: string; name: string; type: ModelType; enabled: boolean; is_default: boolean }[];
}

/** For the admin providers page: status per provider, without any secrets. */
export function listProviders(env: EnvLike = getEnv()): ProviderSummary[] {
  const models = listModels(env);
  return Object.values(adapters).map((a) => {
    const missing = missingFor(a, env);
    const config = missing.length === 0 ? providerConfig(a.id, env) : undefined;
    return {
      id: a.id,
      displayName: a.displayName,
      configured: missing.length === 0 && !!config,
      required_env: [...a.requiredEnv],
      missing_env: missing,
      base_url: a.id === "local" ? undefined : config?.baseUrl,
      self_hosted: !!a.selfHosted,
      concurrency: config?.concurrency ?? a.defaultConcurrency,
      poll_interval_ms: a.pollIntervalMs,
      models: models
        .filter((m) => m.provider === a.id)
        .map((m) => ({
          id: m.id,
          name: m.name,
          type: m.type,
          enabled: m.enabled,
          is_default: m.is_default,
        })),
    };
  });
}
