// SSRF guard for every URL a user hands us (reference images now, callback URLs later).
//
// Why this shape (see shared/research/reliability-performance-anchors.md §5, OWASP SSRF sheet):
// - Hostnames are resolved by us, every A/AAAA record must be public, and the socket is then
//   pinned to exactly those addresses. Checking a name and letting the HTTP client resolve it
//   again is the DNS-rebinding hole.
// - Redirects are followed by hand so each hop goes through the same check; a public URL that
//   302s to 169.254.169.254 is the classic cloud-metadata bypass.
// - Literal IPs are judged on the 32/128-bit value, never on the spelling. The WHATWG URL parser
//   already folds `2130706433`, `0x7f.1`, `017700000001`, `127.1` to dotted quads for http(s),
//   and we only ever look at its output.
// - No Accept-Encoding, so a small compressed body cannot expand past the size cap.

import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";

export type UnsafeUrlReason =
  | "invalid_url"
  | "scheme"
  | "credentials"
  | "host_not_allowed"
  | "private_address"
  | "dns"
  | "too_many_redirects"
  | "too_large"
  | "timeout"
  | "http_status"
  | "network";

export class UnsafeUrlError extends Error {
  readonly reason: UnsafeUrlReason;
  /** Upstream status when reason is "http_status". */
  readonly status?: number;

  constructor(reason: UnsafeUrlReason, message: string, status?: number) {
    super(message);
    this.name = "UnsafeUrlError";
    this.reason = reason;
    this.status = status;
  }
}

export type HostLookup = (host: string) => Promise<string[]>;

export interface SafeFetchOptions {
  /** Body cap in bytes; default 10 MB. Enforced on Content-Length and while streaming. */
  maxBytes?: number;
  /** Wall-clock budget for the whole fetch, all redirect hops included; default 15 s. */
  timeoutMs?: number;
  /** Default 3. */
  maxRedirects?: number;
  /** Sent as the Accept header. */
  accept?: string;
  /** DNS resolver; injectable so tests can simulate rebinding without a real DNS server. */
  lookup?: HostLookup;
  /**
   * Optional allowlist of hostnames (exact, or ".example.com" for any subdomain). When set,
   * every hop's host must match; the address checks still apply on top.
   */
  allowHosts?: readonly string[];
  /**
   * TEST-ONLY escape hatch: return true to accept an address the policy would refuse, e.g. to
   * serve the happy path from a loopback server. Production code never sets this; grep for it.
   */
  dangerouslyAllowAddress?: (address: string, hostname: string) => boolean;
}

export interface SafeFetchResult {
  data: Buffer;
  contentType: string;
  finalUrl: string;
}

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = "PixelStudio/0.1 (+safeFetch)";

// IANA IPv4 special-purpose registry, minus nothing: none of these is a legitimate place for a
// user-supplied image or webhook to live.
const BLOCKED_V4 = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network"; 0.0.0.0 reaches localhost on Linux
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // CGNAT, often internal in clouds
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local incl. 169.254.169.254 metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // TEST-NET-1
  ["192.88.99.0", 24], // deprecated 6to4 relay anycast
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // TEST-NET-2
  ["203.0.113.0", 24], // TEST-NET-3
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved + 255.255.255.255 broadcast
] as const) {
  BLOCKED_V4.addSubnet(net, prefix, "ipv4");
}

// IPv6 is judged by allowlist: only global unicast 2000::/3 can be public. That single rule
// already refuses ::, ::1, fc00::/7, fe80::/10, ff00::/8, 100::/64 and the IPv4-compat ::/96.
const GLOBAL_UNICAST_V6 = new BlockList();
GLOBAL_UNICAST_V6.addSubnet("2000::", 3, "ipv6");
const BLOCKED_V6 = new BlockList();
for (const [net, prefix] of [
  ["2001::", 23], // IETF protocol assignments: Teredo, ORCHID, benchmarking…
  ["2001:db8::", 32], // documentation
  ["3fff::", 20], // documentation (RFC 9637)
] as const) {
  BLOCKED_V6.addSubnet(net, prefix, "ipv6");
}

/** Parses an IPv6 literal (optionally with a trailing dotted quad) into 8 hextets. */
function parseIPv6(addr: string): number[] | null {
  const bare = addr.replace(/^\[|\]$/g, "").split("%")[0];
  if (isIP(bare) !== 6) return null;
  let text = bare;
  const tail: number[] = [];
  const v4 = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (v4) {
    const o = v4[1].split(".").map(Number);
    tail.push((o[0] << 8) | o[1], (o[2] << 8) | o[3]);
    text = text.slice(0, -v4[1].length);
    // "::1.2.3.4" leaves "::", "64:ff9b::1.2.3.4" leaves "64:ff9b::", "::ffff:1.2.3.4" → "::ffff:"
    if (text.endsWith(":") && !text.endsWith("::")) text = text.slice(0, -1);
  }
  const [head, rest] = text.includes("::") ? text.split("::") : [text, undefined];
  const parse = (s: string) => (s === "" ? [] : s.split(":").map((h) => Number.parseInt(h, 16)));
  const left = parse(head);
  const right = rest === undefined ? [] : parse(rest);
  const missing = 8 - tail.length - left.length - right.length;
  if (rest === undefined && missing !== 0) return null;
  if (missing < 0) return null;
  return [...left, ...new Array(missing).fill(0), ...right, ...tail];
}

function v4FromHextets(hi: number, lo: number): string {
  return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
}

/** The IPv4 address a v6 literal is really a wrapper for, if any. */
function embeddedIPv4(h: number[]): string | null {
  const zeros = (from: number, to: number) => h.slice(from, to).every((x) => x === 0);
  // ::ffff:a.b.c.d — IPv4-mapped; a dual-stack socket connects straight to the v4 address.
  if (zeros(0, 5) && h[5] === 0xffff) return v4FromHextets(h[6], h[7]);
  // 64:ff9b::/96 — NAT64 well-known prefix; the gateway forwards to the embedded address.
  if (h[0] === 0x64 && h[1] === 0xff9b && zeros(2, 6)) return v4FromHextets(h[6], h[7]);
  // 2002::/16 — 6to4; the relay forwards to the embedded address.
  if (h[0] === 0x2002) return v4FromHextets(h[1], h[2]);
  return null;
}

/**
 * True when `address` (an IP literal) may be contacted. Anything that is not a valid IP is not
 * public: callers must resolve names first.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = isIP(bare);
  if (family === 4) return !BLOCKED_V4.check(bare, "ipv4");
  if (family !== 6) return false;
  const hextets = parseIPv6(bare);
  if (!hextets) return false;
  const v4 = embeddedIPv4(hextets);
  if (v4) return !BLOCKED_V4.check(v4, "ipv4");
  const canonical = hextets.map((x) => x.toString(16)).join(":");
  return GLOBAL_UNICAST_V6.check(canonical, "ipv6") && !BLOCKED_V6.check(canonical, "ipv6");
}

const defaultLookup: HostLookup = async (host) => {
  const records = await dns.promises.lookup(host, { all: true, verbatim: true });
  return records.map((r) => r.address);
};

function hostAllowed(hostname: string, allowHosts: readonly string[]): boolean {
  return allowHosts.some((entry) => {
    const e = entry.toLowerCase().replace(/\.$/, "");
    return e.startsWith(".") ? hostname.endsWith(e) && hostname.length > e.length : hostname === e;
  });
}

interface CheckedTarget {
  url: URL;
  /** Hostname without IPv6 brackets or trailing dot. */
  host: string;
  /** Every address the host resolved to; all of them passed the policy. */
  addresses: string[];
}

function parseUrl(raw: string | URL): URL {
  try {
    return new URL(String(raw));
  } catch {
    throw new UnsafeUrlError("invalid_url", "URL refused: it is not a valid absolute URL");
  }
}

async function checkTarget(url: URL, opts: SafeFetchOptions): Promise<CheckedTarget> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UnsafeUrlError(
      "scheme",
      `URL refused: scheme "${url.protocol.replace(/:$/, "")}" is not allowed (only http and https)`,
    );
  }
  if (url.username || url.password) {
    throw new UnsafeUrlError("credentials", "URL refused: credentials in the URL are not allowed");
  }
  const host = url.hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
  if (!host) throw new UnsafeUrlError("invalid_url", "URL refused: it has no host");
  if (opts.allowHosts && !hostAllowed(host, opts.allowHosts)) {
    throw new UnsafeUrlError("host_not_allowed", `URL refused: host "${host}" is not allowlisted`);
  }

  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = await (opts.lookup ?? defaultLookup)(host);
    } catch {
      throw new UnsafeUrlError("dns", `URL refused: host "${host}" could not be resolved`);
    }
    if (addresses.length === 0) {
      throw new UnsafeUrlError("dns", `URL refused: host "${host}" has no addresses`);
    }
  }

  const allow = opts.dangerouslyAllowAddress;
  // One bad record is enough to refuse: we cannot control which record a later connect uses.
  const bad = addresses.find((a) => !isPublicAddress(a) && !allow?.(a, host));
  if (bad !== undefined) {
    throw new UnsafeUrlError(
      "private_address",
      `URL refused: host "${host}" resolves to a private or reserved address (${bad})`,
    );
  }
  return { url, host, addresses };
}

/** Throws UnsafeUrlError unless `url` is http(s), credential-free and resolves only to public IPs. */
export async function assertPublicUrl(
  url: string | URL,
  opts: Pick<SafeFetchOptions, "lookup" | "allowHosts" | "dangerouslyAllowAddress"> = {},
): Promise<void> {
  await checkTarget(parseUrl(url), opts);
}

interface HopResult {
  status: number;
  location?: string;
  contentType: string;
  data?: Buffer;
}

function requestOnce(
  target: CheckedTarget,
  opts: { maxBytes: number; accept?: string; signal: AbortSignal },
): Promise<HopResult> {
  const { url, host, addresses } = target;
  // Answer the client's DNS query with the addresses we already vetted, so a second
  // resolution (DNS rebinding) can never swap in a private one. Literal IPs skip lookup.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    const all = addresses.map((address) => ({ address, family: isIP(address) }));
    if ((options as { all?: boolean }).all) {
      (callback as (err: null, list: typeof all) => void)(null, all);
    } else {
      callback(null, all[0].address, all[0].family);
    }
  };
  const client = url.protocol === "https:" ? https : http;

  return new Promise<HopResult>((resolve, reject) => {
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(err);
    };
    const req = client.request(
      {
        protocol: url.protocol,
        hostname: host,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: "GET",
        lookup: pinned,
        // A fresh agent per request: a pooled keep-alive socket could predate this check.
        agent: false,
        signal: opts.signal,
        headers: {
          "user-agent": USER_AGENT,
          "accept-encoding": "identity",
          ...(opts.accept ? { accept: opts.accept } : {}),
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const contentType = String(res.headers["content-type"] ?? "application/octet-stream");
        if (REDIRECT_STATUSES.has(status)) {
          res.resume();
          settled = true;
          resolve({ status, location: res.headers.location, contentType });
          req.destroy();
          return;
        }
        if (status < 200 || status > 299) {
          res.resume();
          fail(
            new UnsafeUrlError("http_status", `fetch failed: upstream answered ${status}`, status),
          );
          return;
        }
        const declared = Number(res.headers["content-length"]);
        if (Number.isFinite(declared) && declared > opts.maxBytes) {
          fail(tooLarge(opts.maxBytes));
          return;
        }
        const chunks: Buffer[] = [];
        let total = 0;
        res.on("data", (chunk: Buffer) => {
          total += chunk.length;
          if (total > opts.maxBytes) {
            fail(tooLarge(opts.maxBytes));
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () => {
          if (settled) return;
          settled = true;
          resolve({ status, contentType, data: Buffer.concat(chunks, total) });
        });
        res.on("error", (err) => fail(networkError(err)));
      },
    );
    req.on("error", (err) => fail(networkError(err)));
    req.end();
  });
}

function tooLarge(maxBytes: number): UnsafeUrlError {
  return new UnsafeUrlError("too_large", `fetch refused: body is larger than ${maxBytes} bytes`);
}

function networkError(err: Error): UnsafeUrlError {
  if (err instanceof UnsafeUrlError) return err;
  if (err.name === "AbortError") {
    return new UnsafeUrlError("timeout", "fetch refused: timed out");
  }
  const code = (err as NodeJS.ErrnoException).code;
  return new UnsafeUrlError("network", `fetch failed: ${code ?? err.message}`);
}

/**
 * GETs a user-supplied URL with the SSRF policy above applied to the first request and every
 * redirect hop. Everything that goes wrong is an UnsafeUrlError whose `reason` says why.
 */
export async function safeFetch(
  url: string,
  opts: SafeFetchOptions = {},
): Promise<SafeFetchResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  // DNS lookups are not abortable; racing the deadline keeps a slow resolver inside the budget.
  const deadline = new Promise<never>((_, reject) => {
    controller.signal.addEventListener("abort", () =>
      reject(new UnsafeUrlError("timeout", `fetch refused: timed out after ${timeoutMs} ms`)),
    );
  });
  deadline.catch(() => {});

  try {
    let current = parseUrl(url);
    for (let hop = 0; ; hop++) {
      const target = await Promise.race([checkTarget(current, opts), deadline]);
      const res = await Promise.race([
        requestOnce(target, { maxBytes, accept: opts.accept, signal: controller.signal }),
        deadline,
      ]);
      if (res.data) {
        return { data: res.data, contentType: res.contentType, finalUrl: current.href };
      }
      if (!res.location) {
        throw new UnsafeUrlError("http_status", `fetch failed: ${res.status} without Location`);
      }
      if (hop >= maxRedirects) {
        throw new UnsafeUrlError(
          "too_many_redirects",
          `fetch refused: more than ${maxRedirects} redirects`,
        );
      }
      current = parseUrl(new URL(res.location, current).href);
    }
  } catch (err) {
    if (controller.signal.aborted && !(err instanceof UnsafeUrlError && err.reason !== "network")) {
      throw new UnsafeUrlError("timeout", `fetch refused: timed out after ${timeoutMs} ms`);
    }
    throw err;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
