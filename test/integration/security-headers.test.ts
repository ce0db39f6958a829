// Security headers on every route family (pages, JSON API, /static/gallery, /api/download,
// public files), against the real production server. Two servers: plain http (no HSTS) and one
// whose PUBLIC_BASE_URL is https behind a TLS terminator (HSTS and upgrade-insecure-requests).
// Pages get theirs from proxy.ts; every other family from next.config without the proxy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUserWithKey } from "../helpers/accounts";
import { startServer, type TestServer, useFreshDataDir, waitFor } from "../helpers/server";

let http: TestServer;
let https: TestServer;
let user: Awaited<ReturnType<typeof seedUserWithKey>>;
let imagePath: string;
let downloadPath: string;

beforeAll(async () => {
  useFreshDataDir("pixel-headers-");
  user = await seedUserWithKey("headers@example.com");
  http = await startServer();
  const res = await fetch(`${http.baseUrl}/api/v1/generate`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...user.auth },
    body: JSON.stringify({ prompt: "a small shield", send_email: false, force: true }),
  });
  const { task_id } = await res.json();
  const task = await waitFor(async () => {
    const t = await (
      await fetch(`${http.baseUrl}/api/v1/task/${task_id}`, { headers: user.auth })
    ).json();
    return t.status === "completed" ? t : undefined;
  }, 30_000);
  imagePath = task.image_path;
  const link = await (
    await fetch(`${http.baseUrl}/api/v1/task/${task_id}/download-url`, { headers: user.auth })
  ).json();
  const u = new URL(link.download_url);
  downloadPath = u.pathname + u.search;
  await http.stop();
  // Same data dir, so the task and its files are there too.
  https = await startServer({ PUBLIC_BASE_URL: "https://studio.example" });
  await http.start();
});
afterAll(async () => {
  await Promise.all([http?.stop(), https?.stop()]);
});

/** One request per route family; `auth` adds the key, `page` says an HTML CSP is expected. */
function families(): {
  name: string;
  path: string;
  auth?: boolean;
  page?: boolean;
  status: number;
}[] {
  return [
    { name: "public page", path: "/sign-in", page: true, status: 200 },
    { name: "page redirect to sign-in", path: "/gallery", page: true, status: 307 },
    { name: "JSON API", path: "/api/v1/models", status: 200 },
    { name: "JSON API 401", path: "/api/v1/tasks", status: 401 },
    { name: "JSON API with key", path: "/api/v1/tasks", auth: true, status: 200 },
    { name: "auth routes", path: "/api/auth/csrf", status: 200 },
    { name: "gallery file", path: imagePath, auth: true, status: 200 },
    { name: "gallery file 401", path: imagePath, status: 401 },
    { name: "signed download", path: downloadPath, status: 200 },
    { name: "bad signed download", path: "/api/download/1?sig=x&exp=1", status: 403 },
    { name: "public icon", path: "/favicon.ico", status: 200 },
    { name: "web manifest", path: "/manifest.webmanifest", status: 200 },
    { name: "health", path: "/api/health/live", status: 200 },
  ];
}

async function get(server: TestServer, path: string, auth?: boolean, viaHttps = false) {
  return fetch(`${server.baseUrl}${path}`, {
    redirect: "manual",
    headers: {
      ...(auth ? user.auth : {}),
      // what the reverse proxy in front of an https deployment adds (README "Reverse proxy")
      ...(viaHttps ? { "X-Forwarded-Proto": "https" } : {}),
    },
  });
}

function expectCommon(res: Response) {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("permissions-policy")).toMatch(/camera=\(\)/);
  const csp = res.headers.get("content-security-policy") ?? "";
  expect(csp).toMatch(/frame-ancestors 'none'/);
  expect(csp).not.toMatch(/unsafe-eval/);
  return csp;
}

describe("security headers over http", () => {
  it("every route family carries them, without HSTS", async () => {
    for (const f of families()) {
      const res = await get(http, f.path, f.auth);
      expect(res.status, f.name).toBe(f.status);
      const csp = expectCommon(res);
      expect(res.headers.get("strict-transport-security"), f.name).toBeNull();
      if (f.page) {
        expect(csp, f.name).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
        expect(csp, f.name).not.toMatch(/upgrade-insecure-requests/);
      } else {
        expect(csp, f.name).toMatch(/^default-src 'none'/);
      }
    }
  });

  it("pages get a fresh nonce per request and every script carries it", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const res = await get(http, "/sign-in");
      const csp = res.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      nonces.add(nonce!);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(2);
  });

  it("a page cannot be framed", async () => {
    const res = await get(http, "/sign-in");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
  });
});

describe("security headers when PUBLIC_BASE_URL is https", () => {
  it("adds HSTS on every route family and upgrade-insecure-requests on pages", async () => {
    for (const f of families()) {
      const res = await get(https, f.path, f.auth, true);
      expect(res.status, f.name).toBe(f.status);
      const csp = expectCommon(res);
      expect(res.headers.get("strict-transport-security"), f.name).toMatch(/^max-age=\d{7,}/);
      if (f.page) expect(csp, f.name).toMatch(/upgrade-insecure-requests/);
    }
  });
});
