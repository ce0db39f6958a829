// Common machinery for our fake upstreams: a real node:http server on 127.0.0.1:<random>, request
// recording, injected latency, scripted failures, asynchronous job progress, and result files
// (real PNG bytes) served at the fake's own URLs. Plain Node: usable from Vitest, integration
// tests and the benchmark alike.

import http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";

/** Failures a test can script. HTTP-level ones answer the very request they hit. */
export type FailMode =
  | "401" // bad credentials
  | "403" // forbidden
  | "429" // throttled, Retry-After in seconds
  | "429-date" // throttled, Retry-After as an HTTP-date
  | "500" // server error
  | "hang" // never answers (client timeout)
  | "stall" // sends 200 + headers, then never a byte of the body
  | "trickle" // sends 200 + headers and one byte every 50 ms, never finishing the body
  | "malformed" // 200 with a body that is not JSON
  | "refuse" // content-policy refusal (where the protocol reports it)
  | "job_failed" // the job is accepted and later ends FAILED with a message
  | "expired" // the job succeeds but its result URLs answer 403/404
  | "quota"; // out of credits

export const HTTP_FAIL_MODES: readonly FailMode[] = [
  "401",
  "403",
  "429",
  "429-date",
  "500",
  "hang",
  "stall",
  "trickle",
  "malformed",
];
export const ALL_FAIL_MODES: readonly FailMode[] = [
  ...HTTP_FAIL_MODES,
  "refuse",
  "job_failed",
  "expired",
  "quota",
];

/** "download" (result files) only matches when named: "any" means API calls. */
export type Stage = "submit" | "poll" | "download" | "any";

export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json?: unknown;
  /** parsed multipart / urlencoded fields; files as descriptors */
  form?: Record<string, string | { filename: string; type: string; size: number }>;
}

export type Reply =
  | { status?: number; json?: unknown; body?: string | Buffer; headers?: Record<string, string> }
  | "hang"
  | "stall"
  | "trickle";

export interface FakeJob {
  id: string;
  createdAt: number;
  polls: number;
  prompt: string;
  mode?: FailMode;
  /** whatever the fake wants to remember (request fields, result URLs …) */
  data: Record<string, unknown>;
}

export interface JobTiming {
  /** polls answered "queued" before the job starts running */
  queuedPolls: number;
  /** further polls answered "running" */
  runningPolls: number;
  /** and at least this long since submission before "done" */
  completeAfterMs: number;
}

export interface FakeOptions extends Partial<JobTiming> {
  latencyMs?: number;
  /** value sent as Retry-After for mode "429" (seconds) */
  retryAfterSeconds?: number;
}

export interface FakeTools {
  baseUrl: string;
  jobs: Map<string, FakeJob>;
  /** Next scripted failure for this stage, or one named in the prompt as `[fail:<mode>]`. */
  takeFailure(
    stage: Exclude<Stage, "any" | "download">,
    allowed: readonly FailMode[],
    prompt?: string,
  ): FailMode | undefined;
  createJob(prompt: string, mode: FailMode | undefined, data?: Record<string, unknown>): FakeJob;
  /** counts a poll and says where the job is */
  advance(job: FakeJob): "queued" | "running" | "done";
  /** registers a result file and returns its absolute URL */
  addFile(kind: "png" | "svg" | "mp4" | "mp3", opts?: { expired?: boolean }): string;
  png(): Buffer;
  /** the standard reply for an HTTP-level failure, shaped by the fake's errorReply */
  httpFailure(mode: FailMode): Reply;
}

export interface FakeDefinition {
  name: string;
  /** the provider's own error envelope for a given HTTP status */
  errorReply(status: number, code: string, message: string): Reply;
  handle(call: RecordedCall, t: FakeTools): Reply | Promise<Reply>;
}

export interface FakeServer {
  baseUrl: string;
  calls: RecordedCall[];
  jobs: Map<string, FakeJob>;
  close(): Promise<void>;
  setLatency(ms: number): void;
  setJobTiming(t: Partial<JobTiming>): void;
  /**
   * scripts the next matching request to fail (queue; first match wins); `skip` lets that many
   * matching requests through first (e.g. fail the second poll)
   */
  failNext(mode: FailMode, stage?: Stage, opts?: { skip?: number }): void;
  /** forgets calls, jobs and scripted failures */
  reset(): void;
  /** API calls only (result-file downloads excluded) */
  apiCalls(): RecordedCall[];
  /** every request from now on is accepted and never answered (a frozen upstream) */
  hangEverything(on: boolean): void;
  /** client connections open right now (a client that gave up must have closed its socket) */
  openSockets(): number;
  /**
   * the scripted failures (failNext) answered so far, with the prompt of the request that got
   * each where the stage has one (submit): which task an injected fault hit
   */
  consumedFailures(): { mode: FailMode; stage: Stage; prompt?: string }[];
}

let cachedPng: Buffer | undefined;

/** An 8×8 two-colour checkerboard: small, valid, and recognisable when decoded. */
export async function samplePng(): Promise<Buffer> {
  if (cachedPng) return cachedPng;
  const w = 8;
  const raw = Buffer.alloc(w * w * 4);
  for (let y = 0; y < w; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const on = (x + y) % 2 === 0;
      raw.set(on ? [255, 0, 77, 255] : [41, 173, 255, 255], i);
    }
  }
  cachedPng = await sharp(raw, { raw: { width: w, height: w, channels: 4 } })
    .png()
    .toBuffer();
  return cachedPng;
}

const SAMPLE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="#ff004d"/></svg>';

const CONTENT_TYPES = {
  png: "image/png",
  svg: "image/svg+xml",
  mp4: "video/mp4",
  mp3: "audio/mpeg",
} as const;

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function parseForm(body: Buffer, contentType: string): Promise<RecordedCall["form"]> {
  // undici's Request parses multipart exactly as a real server framework would.
  const fd = await new Request("http://fake.invalid/", {
    method: "POST",
    headers: { "content-type": contentType },
    body: new Uint8Array(body),
  }).formData();
  const out: NonNullable<RecordedCall["form"]> = {};
  for (const [k, v] of fd.entries()) {
    out[k] = typeof v === "string" ? v : { filename: (v as File).name, type: v.type, size: v.size };
  }
  return out;
}

export async function startFakeServer(
  def: FakeDefinition,
  opts: FakeOptions = {},
): Promise<FakeServer> {
  const png = await samplePng();
  const calls: RecordedCall[] = [];
  const jobs = new Map<string, FakeJob>();
  const files = new Map<string, { kind: keyof typeof CONTENT_TYPES; expired: boolean }>();
  let queue: { mode: FailMode; stage: Stage; skip: number }[] = [];
  const consumed: { mode: FailMode; stage: Stage; prompt?: string }[] = [];
  let latencyMs = opts.latencyMs ?? 0;
  const timing: JobTiming = {
    queuedPolls: opts.queuedPolls ?? 1,
    runningPolls: opts.runningPolls ?? 1,
    completeAfterMs: opts.completeAfterMs ?? 0,
  };
  let seq = 0;
  let baseUrl = "";

  const tools: FakeTools = {
    get baseUrl() {
      return baseUrl;
    },
    jobs,
    takeFailure(stage, allowed, prompt) {
      const m = prompt ? /\[fail:([a-z0-9_-]+)\]/i.exec(prompt) : null;
      if (m && stage === "submit" && allowed.includes(m[1] as FailMode)) return m[1] as FailMode;
      const i = queue.findIndex(
        (q) => (q.stage === "any" || q.stage === stage) && allowed.includes(q.mode),
      );
      if (i < 0) return undefined;
      if (queue[i].skip > 0) {
        queue[i].skip--;
        return undefined;
      }
      const [q] = queue.splice(i, 1);
      consumed.push({ mode: q.mode, stage, prompt });
      return q.mode;
    },
    createJob(prompt, mode, data = {}) {
      const job: FakeJob = {
        id: `${def.name}-job-${++seq}-${Math.random().toString(36).slice(2, 8)}`,
        createdAt: Date.now(),
        polls: 0,
        prompt,
        mode,
        data,
      };
      jobs.set(job.id, job);
      return job;
    },
    advance(job) {
      job.polls++;
      if (job.polls <= timing.queuedPolls) return "queued";
      if (job.polls <= timing.queuedPolls + timing.runningPolls) return "running";
      if (Date.now() - job.createdAt < timing.completeAfterMs) return "running";
      return "done";
    },
    addFile(kind, o = {}) {
      const id = `${++seq}-${Math.random().toString(36).slice(2, 10)}.${kind}`;
      files.set(id, { kind, expired: !!o.expired });
      return `${baseUrl}/files/${id}`;
    },
    png: () => png,
    httpFailure(mode) {
      switch (mode) {
        case "401":
          return def.errorReply(401, "InvalidApiKey", "Invalid API-key provided.");
        case "403":
          return def.errorReply(403, "AccessDenied", "Access denied.");
        case "429": {
          const r = def.errorReply(429, "Throttling", "Requests rate limit exceeded.");
          return withHeaders(r, { "retry-after": String(opts.retryAfterSeconds ?? 2) });
        }
        case "429-date": {
          const r = def.errorReply(429, "Throttling", "Requests rate limit exceeded.");
          const at = new Date(Date.now() + 3000).toUTCString();
          return withHeaders(r, { "retry-after": at });
        }
        case "500":
          return def.errorReply(500, "InternalError", "An internal error has occured.");
        case "hang":
        case "stall":
        case "trickle":
          return mode;
        case "malformed":
          return {
            status: 200,
            body: '{"output": {"task_id": "trunc',
            headers: { "content-type": "application/json" },
          };
        default:
          return def.errorReply(400, "BadRequest", `unsupported failure ${mode}`);
      }
    },
  };

  let frozen = false;
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const body = await readBody(req);
      const call: RecordedCall = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
      };
      const ct = req.headers["content-type"] ?? "";
      if (body.length && ct.includes("json")) {
        try {
          call.json = JSON.parse(body.toString("utf8"));
        } catch {
          call.json = undefined;
        }
      } else if (
        body.length &&
        (ct.includes("multipart/form-data") || ct.includes("x-www-form-urlencoded"))
      ) {
        call.form = await parseForm(body, ct);
      }
      calls.push(call);
      if (frozen) return; // never answered; close() destroys the socket

      if (call.path.startsWith("/files/")) {
        const qi = queue.findIndex((q) => q.stage === "download");
        if (qi >= 0 && queue[qi].skip > 0) queue[qi].skip--;
        else if (qi >= 0) {
          const [q] = queue.splice(qi, 1);
          if (q.mode === "hang" || q.mode === "stall" || q.mode === "trickle") {
            return send(res, q.mode);
          }
        }
        const f = files.get(call.path.slice("/files/".length));
        if (!f) return send(res, { status: 404, body: "NoSuchKey" });
        if (f.expired) {
          return send(res, {
            status: 403,
            body: "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>",
            headers: { "content-type": "application/xml" },
          });
        }
        const data = f.kind === "svg" ? Buffer.from(SAMPLE_SVG) : png;
        return send(res, {
          status: 200,
          body: data,
          headers: { "content-type": CONTENT_TYPES[f.kind] },
        });
      }

      if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
      const reply = await def.handle(call, tools);
      send(res, reply);
    } catch (err) {
      send(res, { status: 500, json: { message: `fake ${def.name} crashed: ${String(err)}` } });
    }
  });

  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    calls,
    jobs,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    setJobTiming(t) {
      Object.assign(timing, t);
    },
    failNext(mode, stage = "any", o = {}) {
      queue.push({ mode, stage, skip: o.skip ?? 0 });
    },
    reset() {
      calls.length = 0;
      jobs.clear();
      queue = [];
      consumed.length = 0;
    },
    apiCalls() {
      return calls.filter((c) => !c.path.startsWith("/files/"));
    },
    hangEverything(on) {
      frozen = on;
    },
    openSockets: () => sockets.size,
    consumedFailures() {
      return [...consumed];
    },
  };
}

function withHeaders(r: Reply, headers: Record<string, string>): Reply {
  if (typeof r === "string") return r;
  return { ...r, headers: { ...r.headers, ...headers } };
}

function send(res: http.ServerResponse, reply: Reply): void {
  if (reply === "hang") return; // leave the socket open; close() destroys it
  if (reply === "stall" || reply === "trickle") {
    res.writeHead(200, { "content-type": "application/json" });
    res.flushHeaders();
    if (reply === "trickle") {
      res.write("{");
      const timer = setInterval(() => res.write(" "), 50);
      res.on("close", () => clearInterval(timer));
    }
    return;
  }
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | Buffer = "";
  if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json);
    headers["content-type"] ??= "application/json";
  } else if (reply.body !== undefined) {
    payload = reply.body;
  }
  res.writeHead(reply.status ?? 200, headers);
  res.end(payload);
}

/** The bearer token a request carried, if any. */
export function bearerOf(call: RecordedCall): string | undefined {
  const h = call.headers.authorization;
  const m = typeof h === "string" ? /^Bearer\s+(.+)$/i.exec(h) : null;
  return m?.[1];
}
