// The one place that reads process.env. Every variable the studio understands is declared here
// with its type and default; `.env.example` documents them for operators. Values are validated
// on first use (instrumentation.ts calls getEnv() at start-up), so a bad value stops the server
// with a message naming the variable instead of surfacing later as NaN or a silent default.
import { z } from "zod";

/** Blank and whitespace-only values count as unset: `.env.example` ships `KEY=` lines. */
const text = z
  .string()
  .optional()
  .transform((v) => {
    const t = v?.trim();
    return t ? t : undefined;
  });

/** Present-or-absent text, validated as an int in [min, max] when present. */
function int(min: number, max = Number.MAX_SAFE_INTEGER) {
  return text.pipe(
    z
      .string()
      .regex(/^\d+$/, { message: `must be a whole number from ${min} to ${max}` })
      .transform(Number)
      .refine((n) => n >= min && n <= max, { message: `must be from ${min} to ${max}` })
      .optional(),
  );
}

const TRUE_WORDS = ["1", "true", "yes", "on", "enabled"];
const FALSE_WORDS = ["0", "false", "no", "off", "disabled"];

/** true/false/yes/no/on/off/1/0 (any case); undefined when unset so callers pick the default. */
const flag = text.pipe(
  z
    .string()
    .transform((v) => v.toLowerCase())
    .refine((v) => TRUE_WORDS.includes(v) || FALSE_WORDS.includes(v), {
      message: `must be one of ${[...TRUE_WORDS, ...FALSE_WORDS].join(", ")}`,
    })
    .transform((v) => TRUE_WORDS.includes(v))
    .optional(),
);

/** An http(s) origin or base URL, without trailing slashes. */
const httpUrl = text.pipe(
  z
    .string()
    .refine(
      (v) => {
        try {
          const u = new URL(v);
          return u.protocol === "http:" || u.protocol === "https:";
        } catch {
          return false;
        }
      },
      { message: "must be an absolute http:// or https:// URL" },
    )
    .transform((v) => v.replace(/\/+$/, ""))
    .optional(),
);

/**
 * Upstream providers, by the prefix of their variables. Each gets `<P>_BASE_URL`,
 * `<P>_CONCURRENCY` and `<P>_POLL_INTERVAL_MS`; the secrets each one needs are listed below.
 * lib/providers/<id>.ts says which of them are required.
 */
export const PROVIDER_PREFIXES = [
  "DASHSCOPE",
  "QWEN2512",
  "MODELSCOPE",
  "OPENAI",
  "TENCENTVOD",
  "HDREDRAW",
  "VOLCENGINE",
  "COMFYUI",
  "A1111",
  "LOCAL",
] as const;

type Prefix = (typeof PROVIDER_PREFIXES)[number];
type ProviderShape = { [K in `${Prefix}_BASE_URL`]: typeof httpUrl } & {
  [K in `${Prefix}_CONCURRENCY` | `${Prefix}_POLL_INTERVAL_MS`]: ReturnType<typeof int>;
};

const providerShape = Object.fromEntries(
  PROVIDER_PREFIXES.flatMap((p) => [
    [`${p}_BASE_URL`, httpUrl],
    [`${p}_CONCURRENCY`, int(1, 1000)],
    [`${p}_POLL_INTERVAL_MS`, int(0, 600_000)],
  ]),
) as ProviderShape;

/** file:<path> (SQLite) or postgres://host/database (PostgreSQL); see lib/config/paths.ts. */
const databaseUrl = text.pipe(
  z
    .string()
    .refine(
      (v) => {
        if (v.startsWith("file:")) return v.length > "file:".length;
        if (!/^postgres(ql)?:\/\//.test(v)) return false;
        try {
          const u = new URL(v);
          return Boolean(u.hostname) && u.pathname.length > 1;
        } catch {
          return false;
        }
      },
      {
        message:
          "must be file:<path> (SQLite) or postgres://user:password@host:5432/database (PostgreSQL)",
      },
    )
    .optional(),
);

export const envSchema = z.object({
  // --- server
  NODE_ENV: text,
  PORT: int(1, 65_535),
  HOST: text,
  /** public origin for links we hand out (signed downloads, e-mails) */
  PUBLIC_BASE_URL: httpUrl,
  DATA_DIR: text,
  DATABASE_URL: databaseUrl,
  MIGRATIONS_DIR: text,
  /** PostgreSQL connections per process */
  PG_POOL_MAX: int(1, 1000),

  // --- accounts and sessions
  AUTH_SECRET: text,
  /** next-auth's older name for AUTH_SECRET, still honoured */
  NEXTAUTH_SECRET: text,
  /** read by next-auth itself; validated here so a typo fails at start-up */
  NEXTAUTH_URL: httpUrl,
  ALLOW_SIGNUP: flag,
  PASSWORD_HASH_COST: int(10, 15),

  // --- queue and worker
  RUN_WORKER: flag,
  /** most tasks of one provider a single worker runs at once (default: the provider's cap) */
  WORKER_CONCURRENCY: int(1, 1000),
  /** threads of the pool that draws and encodes off the event loop (lib/workers/pool.ts) */
  CPU_WORKER_THREADS: int(1, 64),
  /** PostgreSQL queue: how often a worker looks for tasks whose worker died (ms) */
  QUEUE_SWEEP_MS: int(100, 600_000),
  TASK_LEASE_MS: int(1_000),
  TASK_TIMEOUT_MS: int(1_000),
  TASK_MAX_ATTEMPTS: int(1, 100),
  TASK_RETRY_BASE_MS: int(1),
  GENERATION_RATE_LIMIT_PER_MIN: int(1),
  /** on SIGTERM, running tasks get this long to finish before they are handed back (ms) */
  SHUTDOWN_GRACE_MS: int(0, 3_600_000),
  /** Next.js's own switch (set by scripts/start.mjs): Next leaves SIGTERM to lib/ops/lifecycle */
  NEXT_MANUAL_SIG_HANDLE: text,

  // --- scale-out: shared storage and rate limits (README "Scale out"); the URL and bucket
  // rules are checked by lib/storage/storage-config.ts, which names the variable too
  STORAGE_URL: text,
  S3_ENDPOINT: text,
  S3_REGION: text,
  S3_ACCESS_KEY_ID: text,
  S3_SECRET_ACCESS_KEY: text,
  S3_FORCE_PATH_STYLE: flag,
  REDIS_URL: text.pipe(
    z
      .string()
      .regex(/^rediss?:\/\/\S+$/, { message: "must be a redis:// or rediss:// URL" })
      .optional(),
  ),
  /** namespace of our Redis keys, so several deployments (or test runs) can share one Redis */
  REDIS_KEY_PREFIX: text,

  // --- providers
  /**
   * the default model of each type named in it (comma-separated `provider/model_key`, one per
   * type); unset: the offline engine where it has a model of the type (lib/providers/registry.ts)
   */
  DEFAULT_MODEL: text.pipe(
    z
      .string()
      .regex(/^\s*[^\s,/]+\/[^\s,]+(\s*,\s*[^\s,/]+\/[^\s,]+)*\s*$/, {
        message: "must be provider/model_key ids separated by commas (see /api/v1/models)",
      })
      .optional(),
  ),
  PROVIDER_TIMEOUT_MS: int(1),
  ...providerShape,
  DASHSCOPE_API_KEY: text,
  QWEN2512_API_KEY: text,
  MODELSCOPE_API_KEY: text,
  OPENAI_API_KEY: text,
  TENCENTVOD_API_KEY: text,
  HDREDRAW_USER_KEY: text,
  VOLCENGINE_APP_ID: text,
  VOLCENGINE_ACCESS_TOKEN: text,
  VOLCENGINE_CLUSTER: text,
  // self-hosted (LAN) backends: only their configured base URL is exempt from the SSRF guard
  /** optional bearer token when ComfyUI sits behind an authenticating proxy */
  COMFYUI_API_KEY: text,
  /** path to an API-format workflow JSON with {{prompt}}-style placeholders (lib/providers/ENV.md) */
  COMFYUI_WORKFLOW: text,
  COMFYUI_CHECKPOINT: text,
  COMFYUI_LORA: text,
  COMFYUI_LORA_STRENGTH: text.pipe(
    z
      .string()
      .regex(/^\d+(\.\d+)?$/, { message: "must be a number from 0 to 2" })
      .refine((v) => Number(v) <= 2, { message: "must be a number from 0 to 2" })
      .optional(),
  ),
  /** image-to-image (a character's reference facing): how much the sampler re-noises, 0.05–1 */
  COMFYUI_DENOISE: text.pipe(
    z
      .string()
      .regex(/^(0(\.\d+)?|1(\.0+)?)$/, { message: "must be a number from 0.05 to 1" })
      .refine((v) => Number(v) >= 0.05, { message: "must be a number from 0.05 to 1" })
      .optional(),
  ),
  /** `--api-auth user:pass` of the web UI (HTTP Basic) */
  A1111_USERNAME: text,
  A1111_PASSWORD: z.string().optional(),
  A1111_STEPS: int(1, 150),
  A1111_SAMPLER: text,
  A1111_DENOISING_STRENGTH: text.pipe(
    z
      .string()
      .regex(/^(0(\.\d+)?|1(\.0+)?)$/, { message: "must be a number from 0 to 1" })
      .optional(),
  ),
  /** deadline of one synchronous generation call (default PROVIDER_TIMEOUT_MS) */
  A1111_TIMEOUT_MS: int(1_000, 3_600_000),

  // --- completion e-mail
  SMTP_HOST: text,
  SMTP_PORT: int(1, 65_535),
  SMTP_SECURE: flag,
  SMTP_USER: text,
  SMTP_PASSWORD: z.string().optional(),
  SMTP_IGNORE_TLS: flag,
  MAIL_FROM: text,

  // --- content safety
  CONTENT_FILTER: flag,
  CONTENT_FILTER_EXTRA_TERMS: text,
  CONTENT_FILTER_FILE: text,
});

export type Env = z.output<typeof envSchema>;
/** What parseEnv reads: process.env or a plain object in tests. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

export class EnvError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      `Invalid environment configuration:\n${issues
        .map((i) => `  ${i.variable} ${i.message}`)
        .join("\n")}\n(see .env.example)`,
    );
    this.name = "EnvError";
  }
}

/** Validates a set of variables; throws EnvError naming every bad one. */
export function parseEnv(source: EnvSource): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((i) => {
      const variable = String(i.path[0] ?? "?");
      const raw = source[variable];
      return { variable, message: `${i.message} (got ${JSON.stringify(raw)})` };
    }),
  );
}

let cached: Env | undefined;

/**
 * The validated process environment, parsed on first use and then kept: hot paths read it per
 * request. Tests that change process.env afterwards call resetEnvCache().
 */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function resetEnvCache(): void {
  cached = undefined;
}

/** A variable looked up by a computed name (`${prefix}_API_KEY`), for the provider adapters. */
export function envValue(
  env: Readonly<Record<string, unknown>>,
  name: string,
): string | number | boolean | undefined {
  const v = env[name];
  if (typeof v === "string") return v.trim() || undefined;
  return typeof v === "number" || typeof v === "boolean" ? v : undefined;
}
