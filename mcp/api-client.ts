// A small HTTP client for the QT Pixel REST API (QT Pixel API (docs/qt-pixel-api.md)). The MCP server talks to the studio
// only through this module — over HTTP with the caller's API key, never through the database.

import type {
  CharacterAnimation,
  CharacterAnswer,
  CharacterListAnswer,
} from "../lib/api/schemas/character-fields";
import type { SpriteMode } from "../lib/vocabulary";

export const DEFAULT_API_BASE = "http://localhost:3000";

/** Configuration problem (missing key, bad base URL): reported to the user as a tool error. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** The API answered with a 4xx/5xx (`{error, details}`), or could not be reached (status 0). */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly error: string,
    readonly details?: string,
    readonly path?: string,
  ) {
    super(describeApiError(status, error, details, path));
  }
}

function describeApiError(status: number, error: string, details?: string, path?: string): string {
  const where = path ? `, ${path}` : "";
  const extra = details && details !== error ? ` — ${details}` : "";
  switch (status) {
    case 0:
      return `Cannot reach the QT Pixel API${path ? ` (${path})` : ""}: ${error}. Check QTPIXEL_API_BASE and that the studio is running.`;
    case 401:
      return `The QT Pixel API rejected the API key (401 Unauthorized${where}): ${error}${extra}. Check QTPIXEL_API_KEY (it starts with gpa_ and must not be revoked).`;
    case 403:
      return `Forbidden (403${where}): ${error}${extra}`;
    case 404:
      return `Not found (404${where}): ${error}${extra}`;
    case 400:
    case 422:
      return `Invalid request (${status}${where}): ${error}${extra}`;
    case 429:
      return `Rate limited (429${where}): ${error}${extra}. Try again later.`;
    default:
      return `QT Pixel API error (${status}${where}): ${error}${extra}`;
  }
}

import type { Background, TaskStatus } from "../lib/vocabulary";

export type { TaskStatus };

export interface QtTask {
  id: number;
  prompt: string;
  status: TaskStatus;
  image_path: string | null;
  image_base64?: string;
  error_msg: string;
  batch_id: number | null;
  batch_index?: number | null;
  created_at: string;
  updated_at: string;
  model?: string;
  mode?: string | null;
  seed?: number | null;
  scale?: number;
  background?: string;
  palette?: string | null;
  width?: number | null;
  height?: number | null;
  similarity?: number;
  [key: string]: unknown;
}

export interface GenerateBody {
  prompt: string;
  background?: Background;
  force?: boolean;
  scale?: number;
  send_email?: boolean;
  model?: string;
  seed?: number;
  palette?: string;
  /** image → pixel art (model local/pixelize): a data: URL or an http(s) URL */
  image?: string;
  target_size?: number;
  dither?: string;
  remove_background?: boolean;
}

export type GenerateResponse =
  | { task_id: number; status: TaskStatus }
  | { status: "duplicates_found"; message?: string; duplicates: QtTask[] };

export interface BatchGenerateBody {
  prompt: string;
  mode?: SpriteMode;
  count?: number;
  background?: Background;
  scale?: number;
  send_email?: boolean;
  model?: string;
  seed?: number;
  palette?: string;
  image?: string;
  target_size?: number;
  dither?: string;
  remove_background?: boolean;
}

export interface BatchGenerateResponse {
  batch_id: number;
  task_ids: number[];
  requested_count: number;
  status: TaskStatus;
}

export interface BatchDetail {
  batch: {
    id: number;
    prompt: string;
    mode: string | null;
    status: TaskStatus;
    requested_count: number;
    generated_count: number;
    [key: string]: unknown;
  };
  tasks: QtTask[];
  completed_count: number;
  failed_count: number;
  total_count: number;
  base64_limited?: boolean;
}

export interface TaskList {
  tasks: QtTask[];
  total: number;
  page: number;
  page_size: number;
  base64_limited?: boolean;
}

export interface DownloadUrl {
  download_url: string;
  expires_in: number;
}

/** A terrain tileset as the REST API shows it (GET/POST /api/v1/tilesets). */
export interface Tileset {
  id: number;
  status: string;
  terrains: [string, string];
  tile_size: number;
  layout: string;
  seed: number;
  columns: number;
  rows: number;
  tile_count: number;
  width: number;
  height: number;
  image_path: string;
  files: Record<"png" | "sample" | "tsx" | "tres" | "rules" | "tmj" | "zip", string>;
  created_at: string;
}

export interface CreateTilesetBody {
  terrains: [string, string];
  tile_size?: number;
  layout?: string;
  seed?: number;
}

/** An editor document as /api/v1/documents answers it (cels as PNG data URLs). */
export interface EditorDocument {
  id: number;
  version: number;
  latest_version: number;
  title: string;
  width: number;
  height: number;
  color_mode: string;
  frames: { duration_ms: number }[];
  layers: { name: string; visible: boolean; opacity: number; locked?: boolean }[];
  cels: { frame: number; layer: number; png: string }[];
  palette: string[];
  tags: { name: string; from: number; to: number; direction?: string | null }[];
  pivot?: { x: number; y: number };
  source_task_id: number | null;
  source_batch_id: number | null;
  source_tileset_id: number | null;
  task_id: number | null;
}

export interface ClientOptions {
  apiKey: string;
  baseUrl?: string;
  /** Per-request timeout in ms (default 30 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export class QtPixelClient {
  readonly baseUrl: string;
  private readonly apiKey: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ClientOptions) {
    if (!options.apiKey) throw new ConfigError(missingKeyMessage());
    this.apiKey = options.apiKey;
    this.baseUrl = normalizeBase(options.baseUrl ?? DEFAULT_API_BASE);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** Builds a client from QTPIXEL_API_KEY / QTPIXEL_API_BASE; throws ConfigError when the key is missing. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): QtPixelClient {
    const apiKey = env.QTPIXEL_API_KEY?.trim();
    if (!apiKey) throw new ConfigError(missingKeyMessage());
    return new QtPixelClient({ apiKey, baseUrl: env.QTPIXEL_API_BASE?.trim() || DEFAULT_API_BASE });
  }

  /** An absolute URL for a path the API returned (e.g. `/static/gallery/1.png`). */
  url(path: string): string {
    return new URL(path, `${this.baseUrl}/`).toString();
  }

  generate(body: GenerateBody): Promise<GenerateResponse> {
    return this.json("POST", "/api/v1/generate", body);
  }

  batchGenerate(body: BatchGenerateBody): Promise<BatchGenerateResponse> {
    return this.json("POST", "/api/v1/batch-generate", body);
  }

  /** An operation on one of the caller's tasks (POST /api/v1/task/:id/operations). */
  operation(
    taskId: number,
    body: { model: string; params?: Record<string, string | number | boolean> },
  ): Promise<{ task_id: number; status: TaskStatus; source_task_id: number }> {
    return this.json("POST", `/api/v1/task/${taskId}/operations`, body);
  }

  getTask(id: number, includeBase64 = false): Promise<QtTask> {
    return this.json("GET", `/api/v1/task/${id}${includeBase64 ? "?include_base64=true" : ""}`);
  }

  getBatch(id: number, includeBase64 = false): Promise<BatchDetail> {
    return this.json("GET", `/api/v1/batch/${id}${includeBase64 ? "?include_base64=true" : ""}`);
  }

  listTasks(
    query: { status?: TaskStatus; page?: number; q?: string; page_size?: number } = {},
  ): Promise<TaskList> {
    const params = new URLSearchParams();
    if (query.status) params.set("status", query.status);
    if (query.page) params.set("page", String(query.page));
    if (query.page_size) params.set("page_size", String(query.page_size));
    if (query.q) params.set("q", query.q);
    const qs = params.toString();
    return this.json("GET", `/api/v1/tasks${qs ? `?${qs}` : ""}`);
  }

  downloadUrl(taskId: number): Promise<DownloadUrl> {
    return this.json("GET", `/api/v1/task/${taskId}/download-url`);
  }

  async createTileset(body: CreateTilesetBody): Promise<Tileset> {
    return (await this.json<{ tileset: Tileset }>("POST", "/api/v1/tilesets", body)).tileset;
  }

  async getTileset(id: number): Promise<Tileset> {
    return (await this.json<{ tileset: Tileset }>("GET", `/api/v1/tilesets/${id}`)).tileset;
  }

  async listTilesets(): Promise<Tileset[]> {
    return (await this.json<{ tilesets: Tileset[] }>("GET", "/api/v1/tilesets")).tilesets;
  }

  /** Opens a new editor document (POST /api/v1/documents). */
  createDocument(body: Record<string, unknown>): Promise<EditorDocument> {
    return this.json("POST", "/api/v1/documents", body);
  }

  /** A document (newest version, or `version`), cels as PNG data URLs. */
  getDocument(id: number, version?: number): Promise<EditorDocument> {
    return this.json("GET", `/api/v1/documents/${id}${version ? `?version=${version}` : ""}`);
  }

  /** Saves the next version; `ifMatch` is the version the edit started from (stale → 409). */
  saveDocument(
    id: number,
    ifMatch: number,
    body: Record<string, unknown>,
  ): Promise<EditorDocument> {
    return this.json("PUT", `/api/v1/documents/${id}`, body, { "If-Match": `"${ifMatch}"` });
  }

  /** Creates a character (POST /api/v1/characters). */
  createCharacter(body: Record<string, unknown>): Promise<CharacterAnswer> {
    return this.json("POST", "/api/v1/characters", body);
  }

  getCharacter(id: number): Promise<CharacterAnswer> {
    return this.json("GET", `/api/v1/characters/${id}`);
  }

  listCharacters(page = 1, pageSize = 20): Promise<CharacterListAnswer> {
    return this.json("GET", `/api/v1/characters?page=${page}&page_size=${pageSize}`);
  }

  /** One action in some or all of the character's directions. */
  animateCharacter(
    id: number,
    body: Record<string, unknown>,
  ): Promise<{ animations: CharacterAnimation[] }> {
    return this.json("POST", `/api/v1/characters/${id}/animations`, body);
  }

  /** Fetches a PNG the API serves to the owner (image_path, thumbnails) with the Bearer key. */
  async fetchImage(path: string): Promise<Buffer> {
    const res = await this.request("GET", path, undefined, "image/png");
    return Buffer.from(await res.arrayBuffer());
  }

  private async json<T>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders?: Record<string, string>,
  ): Promise<T> {
    const res = await this.request(method, path, body, "application/json", extraHeaders);
    return (await res.json()) as T;
  }

  private async request(
    method: string,
    path: string,
    body: unknown,
    accept: string,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.apiKey}`,
      Accept: accept,
      "User-Agent": "pixel-studio-mcp",
      ...extraHeaders,
    };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let res: Response;
    try {
      res = await this.fetchImpl(this.url(path), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const reason =
        (error as Error).name === "TimeoutError"
          ? `no answer within ${Math.round(this.timeoutMs / 1000)} s`
          : cause
            ? `${cause} at ${this.baseUrl}`
            : `${(error as Error).message} (${this.baseUrl})`;
      throw new ApiError(0, reason, undefined, `${method} ${path}`);
    }
    if (!res.ok) {
      let error = res.statusText || `HTTP ${res.status}`;
      let details: string | undefined;
      const text = await res.text().catch(() => "");
      try {
        const parsed = JSON.parse(text) as {
          error?: unknown;
          details?: unknown;
          message?: unknown;
        };
        if (typeof parsed.error === "string") error = parsed.error;
        else if (typeof parsed.message === "string") error = parsed.message;
        if (parsed.details !== undefined && parsed.details !== null && parsed.details !== "") {
          details =
            typeof parsed.details === "string" ? parsed.details : JSON.stringify(parsed.details);
        }
      } catch {
        if (text && text.length < 300) details = text;
      }
      throw new ApiError(res.status, error, details, `${method} ${path}`);
    }
    return res;
  }
}

function normalizeBase(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new ConfigError(
      `QTPIXEL_API_BASE is not a valid URL: ${JSON.stringify(base)} (e.g. http://localhost:3000)`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`QTPIXEL_API_BASE must be an http(s) URL, got ${JSON.stringify(base)}`);
  }
  return url.toString().replace(/\/+$/, "");
}

export function missingKeyMessage(): string {
  return (
    "QTPIXEL_API_KEY is not set. Create an API key in Pixel Studio (/settings/api-keys, or `npm run cli -- key create --email you@example.com`; " +
    'it starts with gpa_) and put it in the "env" block of this MCP server\'s configuration. / 未设置 QTPIXEL_API_KEY：请在 Pixel Studio 中创建 API Key 并写入 MCP 配置的 env。'
  );
}
