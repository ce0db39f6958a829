// The QT Pixel API (docs/qt-pixel-api.md) against the real production server and a real SQLite file.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUserWithKey } from "../helpers/accounts";
import { startServer, type TestServer, useFreshDataDir, waitFor } from "../helpers/server";

let server: TestServer;
let alice: Awaited<ReturnType<typeof seedUserWithKey>>;
let bob: Awaited<ReturnType<typeof seedUserWithKey>>;

beforeAll(async () => {
  useFreshDataDir();
  alice = await seedUserWithKey("alice@example.com", "admin");
  bob = await seedUserWithKey("bob@example.com");
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const api = (p: string, init: RequestInit = {}, auth: Record<string, string> = alice.auth) =>
  fetch(`${server.baseUrl}${p}`, {
    ...init,
    headers: {
      "Content-Type": "application/json",
      ...auth,
      ...(init.headers as Record<string, string>),
    },
  });
const post = (p: string, body: unknown, auth = alice.auth) =>
  api(p, { method: "POST", body: JSON.stringify(body) }, auth);

async function waitDone(id: number, auth = alice.auth) {
  return waitFor(async () => {
    const t = await (await api(`/api/v1/task/${id}`, {}, auth)).json();
    return t.status === "completed" || t.status === "failed" ? t : undefined;
  });
}

async function decode(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, info };
}

describe("authentication", () => {
  it("answers 401 in the seed's shape without, with a wrong, and with a revoked key", async () => {
    const none = await fetch(`${server.baseUrl}/api/v1/tasks`);
    expect(none.status).toBe(401);
    const body = await none.json();
    expect(Object.keys(body).sort()).toEqual(["details", "error"]);
    const wrong = await api("/api/v1/tasks", {}, { Authorization: "Bearer gpa_notARealKey" });
    expect(wrong.status).toBe(401);

    const created = await post("/api/v1/keys", { name: "to revoke" });
    expect(created.status).toBe(201);
    const { key, id } = await created.json();
    expect(key).toMatch(/^gpa_[0-9A-Za-z]{46}$/);
    const auth = { Authorization: `Bearer ${key}` };
    expect((await api("/api/v1/tasks", {}, auth)).status).toBe(200);
    expect((await api(`/api/v1/keys/${id}`, { method: "DELETE" })).status).toBe(200);
    expect((await api("/api/v1/tasks", {}, auth)).status).toBe(401);
  });

  it("authenticates before parsing: a malformed body or path without a valid key is a 401", async () => {
    const bad = { Authorization: "Bearer gpa_notARealKey" };
    for (const auth of [{}, bad]) {
      const probes = [
        api("/api/v1/generate", { method: "POST", body: "{" }, auth),
        api("/api/v1/generate", { method: "POST", body: "{}" }, auth),
        api("/api/v1/batch-generate", { method: "POST", body: '{"count": 99}' }, auth),
        api("/api/v1/tasks?page=0&page_size=1000", {}, auth),
        api("/api/v1/task/not-a-number", {}, auth),
        api("/api/v1/batch/0/sheet.png?fps=99", {}, auth),
        api("/api/v1/tasks/archive", { method: "POST", body: "[]" }, auth),
      ];
      for (const res of await Promise.all(probes)) {
        expect(res.status, res.url).toBe(401);
        expect(Object.keys(await res.json()).sort()).toEqual(["details", "error"]);
      }
      const pixel = await api("/api/v1/generations/image", { method: "POST", body: "{" }, auth);
      expect(pixel.status).toBe(401);
      expect(await pixel.json()).toMatchObject({ code: "401" });
    }
  });

  it("lists keys by prefix and last 4 only", async () => {
    const { keys } = await (await api("/api/v1/keys")).json();
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) {
      expect(k).not.toHaveProperty("key");
      expect(k.prefix).toMatch(/^gpa_/);
      expect(k.last4).toHaveLength(4);
    }
  });
});

describe("single generation", () => {
  let taskId: number;

  it("creates a task and completes it with a pixel-art PNG at the requested scale", async () => {
    const res = await post("/api/v1/generate", {
      prompt: "a red knight with a sword",
      scale: 8,
      send_email: false,
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ task_id: expect.any(Number), status: "pending" });
    taskId = body.task_id;
    const task = await waitDone(taskId);
    expect(task.status).toBe("completed");
    expect(task.image_path).toBe(`/static/gallery/${taskId}.png`);
    expect(task.error_msg).toBe("");
    expect(task.batch_id).toBeNull();
    expect(task.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const img = await api(task.image_path);
    expect(img.status).toBe(200);
    expect(img.headers.get("content-type")).toBe("image/png");
    const { data, info } = await decode(Buffer.from(await img.arrayBuffer()));
    expect(info.width % 8).toBe(0);
    expect(info.height % 8).toBe(0);
    expect(data[3]).toBe(0); // transparent corner (default background)
  });

  it("returns image_base64 as a data URL only when asked", async () => {
    const plain = await (await api(`/api/v1/task/${taskId}`)).json();
    expect(plain).not.toHaveProperty("image_base64");
    const withB64 = await (await api(`/api/v1/task/${taskId}?include_base64=true`)).json();
    expect(withB64.image_base64).toMatch(/^data:image\/png;base64,/);
  });

  it("finds a similar earlier prompt unless force=true", async () => {
    const dup = await (
      await post("/api/v1/generate", { prompt: "A red knight with a sword!", send_email: false })
    ).json();
    expect(dup.status).toBe("duplicates_found");
    expect(dup.duplicates.map((d: { id: number }) => d.id)).toContain(taskId);
    const other = await (
      await post("/api/v1/generate", { prompt: "a blue dragon", send_email: false })
    ).json();
    expect(other.status).toBe("pending");
    const forced = await (
      await post("/api/v1/generate", {
        prompt: "a red knight with a sword",
        force: true,
        send_email: false,
      })
    ).json();
    expect(forced.status).toBe("pending");
  });

  it("lists tasks newest first with page, page_size 20 and total", async () => {
    const list = await (await api("/api/v1/tasks")).json();
    expect(list.page).toBe(1);
    expect(list.page_size).toBe(20);
    expect(list.total).toBeGreaterThanOrEqual(3);
    expect(list.base64_limited).toBe(false);
    const ids = list.tasks.map((t: { id: number }) => t.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const completed = await (await api("/api/v1/tasks?status=completed")).json();
    expect(completed.tasks.every((t: { status: string }) => t.status === "completed")).toBe(true);
  });

  it("signs download links that work without auth and refuse tampering", async () => {
    const link = await (await api(`/api/v1/task/${taskId}/download-url`)).json();
    expect(link.expires_in).toBe(3600);
    const url = new URL(link.download_url);
    expect(url.pathname).toBe(`/api/download/${taskId}`);
    expect(url.origin).toBe(server.baseUrl);
    const ok = await fetch(link.download_url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("image/png");

    const sig = url.searchParams.get("sig")!;
    const exp = url.searchParams.get("exp")!;
    const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    for (const bad of [
      `/api/download/${taskId + 1}?sig=${sig}&exp=${exp}`,
      `/api/download/${taskId}?sig=${flip(sig)}&exp=${exp}`,
      `/api/download/${taskId}?sig=${sig}&exp=${Number(exp) + 60}`,
      `/api/download/${taskId}?sig=${sig}`,
    ]) {
      const res = await fetch(server.baseUrl + bad);
      expect(res.status, bad).toBe(403);
      expect(Object.keys(await res.json())).toContain("error");
    }
    const { signDownload } = await import("@/lib/security/signed-url");
    const past = Math.floor(Date.now() / 1000) - 10;
    const expired = await fetch(
      `${server.baseUrl}/api/download/${taskId}?sig=${signDownload(taskId, past, process.env.AUTH_SECRET!)}&exp=${past}`,
    );
    expect(expired.status).toBe(403);
  });

  it("keeps users apart: another user's task, image and batch answer 404", async () => {
    expect((await api(`/api/v1/task/${taskId}`, {}, bob.auth)).status).toBe(404);
    expect((await api(`/static/gallery/${taskId}.png`, {}, bob.auth)).status).toBe(404);
    expect((await api(`/api/v1/task/${taskId}/download-url`, {}, bob.auth)).status).toBe(404);
    expect((await api(`/api/v1/task/${taskId}`, { method: "DELETE" }, bob.auth)).status).toBe(404);
    const bobs = await (await api("/api/v1/tasks", {}, bob.auth)).json();
    expect(bobs.total).toBe(0);
  });

  it("deletes a task with its files", async () => {
    const { task_id } = await (
      await post("/api/v1/generate", { prompt: "a small green tree to delete", send_email: false })
    ).json();
    await waitDone(task_id);
    const dir = path.join(server.dataDir, "files", "tasks", String(task_id));
    expect(fs.existsSync(dir)).toBe(true);
    const del = await api(`/api/v1/task/${task_id}`, { method: "DELETE" });
    expect(del.status).toBe(200);
    expect((await api(`/api/v1/task/${task_id}`)).status).toBe(404);
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe("batches", () => {
  let batchId: number;

  it("creates a 4-frame walk batch whatever count says", async () => {
    const res = await post("/api/v1/batch-generate", {
      prompt: "a purple mage",
      mode: "walk",
      count: 2,
      scale: 4,
    });
    const body = await res.json();
    expect(body).toEqual({
      batch_id: expect.any(Number),
      task_ids: expect.any(Array),
      requested_count: 4,
      status: "pending",
    });
    expect(body.task_ids).toHaveLength(4);
    batchId = body.batch_id;
    const done = await waitFor(async () => {
      const b = await (await api(`/api/v1/batch/${batchId}`)).json();
      return b.completed_count + b.failed_count === b.total_count ? b : undefined;
    });
    expect(done.batch).toMatchObject({
      id: batchId,
      mode: "walk",
      status: "completed",
      requested_count: 4,
      generated_count: 4,
    });
    expect(done.tasks.map((t: { batch_index: number }) => t.batch_index)).toEqual([1, 2, 3, 4]);
    expect(done).toMatchObject({ completed_count: 4, failed_count: 0, total_count: 4 });
  });

  it("sets count by mode and validates it otherwise", async () => {
    const idle = await (
      await post("/api/v1/batch-generate", { prompt: "idle slime", mode: "idle" })
    ).json();
    expect(idle.requested_count).toBe(2);
    const attack = await (
      await post("/api/v1/batch-generate", { prompt: "attack knight", mode: "attack" })
    ).json();
    expect(attack.requested_count).toBe(3);
    const random = await (
      await post("/api/v1/batch-generate", { prompt: "random things", count: 3 })
    ).json();
    expect(random.requested_count).toBe(3);
    const variations = await (
      await post("/api/v1/batch-generate", { prompt: "golden sword", variations: true })
    ).json();
    expect(variations.requested_count).toBe(4);
    const vb = await (await api(`/api/v1/batch/${variations.batch_id}`)).json();
    expect(vb.batch.mode).toBe("variations");
    const bad = await post("/api/v1/batch-generate", { prompt: "too many", count: 99 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain("count");
  });

  it("downloads the batch as a ZIP named by mode and index, with sheet, atlas and GIF", async () => {
    const res = await api(`/api/v1/batch/${batchId}/download`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename=batch_${batchId}_walk.zip`,
    );
    const file = path.join(server.dataDir, "batch.zip");
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const listing = execFileSync("python3", [
      "-c",
      "import sys,zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))",
      file,
    ])
      .toString()
      .trim()
      .split("\n");
    expect(listing).toEqual([
      "walk_1.png",
      "walk_2.png",
      "walk_3.png",
      "walk_4.png",
      "sheet.png",
      "sheet.json",
      "atlas.json",
      "sprite_frames.tres",
      "slices.json",
      "animation.gif",
    ]);
    const atlas = JSON.parse(
      execFileSync("python3", [
        "-c",
        "import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read('sheet.json').decode())",
        file,
      ]).toString(),
    );
    expect(Object.keys(atlas.frames)).toHaveLength(4);
    expect(atlas.meta.frameTags[0].name).toBe("walk");
  });

  it("serves frames with an ETag that changes when a frame is re-rolled", async () => {
    const { tasks } = await (await api(`/api/v1/batch/${batchId}`)).json();
    const random = await (
      await post("/api/v1/batch-generate", { prompt: "rerolled gems", count: 2, scale: 2 })
    ).json();
    await waitFor(async () => {
      const b = await (await api(`/api/v1/batch/${random.batch_id}`)).json();
      return b.completed_count === 2 ? b : undefined;
    });
    const frameId = random.task_ids[0];
    const first = await api(`/static/gallery/${frameId}.png`);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"a\d+-\d+"$/);
    const cached = await api(`/static/gallery/${frameId}.png`, {
      headers: { "If-None-Match": etag },
    });
    expect(cached.status).toBe(304);
    const reroll = await post(`/api/v1/batch/${random.batch_id}/frames/1/regenerate`, {});
    expect(reroll.status).toBe(200);
    expect((await reroll.json()).task_id).toBe(frameId);
    await waitDone(frameId);
    const after = await api(`/static/gallery/${frameId}.png`, {
      headers: { "If-None-Match": etag },
    });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(tasks).toHaveLength(4);
  });

  it("exports the sprite sheet, its atlas and the GIF", async () => {
    const sheet = await api(`/api/v1/batch/${batchId}/sheet.png`);
    expect(sheet.headers.get("content-type")).toBe("image/png");
    const sheetMeta = await sharp(Buffer.from(await sheet.arrayBuffer())).metadata();
    const atlas = await (await api(`/api/v1/batch/${batchId}/sheet.json?fps=10`)).json();
    const frames = Object.values(atlas.frames) as {
      frame: { w: number; h: number };
      duration: number;
    }[];
    expect(frames).toHaveLength(4);
    expect(sheetMeta.width).toBe(atlas.meta.size.w);
    expect(frames[0].duration).toBe(100);
    const gif = await api(`/api/v1/batch/${batchId}/animation.gif`);
    expect(gif.headers.get("content-type")).toBe("image/gif");
    const gifMeta = await sharp(Buffer.from(await gif.arrayBuffer()), {
      animated: true,
    }).metadata();
    expect(gifMeta.pages).toBe(4);
    expect((await api(`/api/v1/batch/${batchId}/animation.gif?fps=30`)).status).toBe(400);
  });

  it("lists batches with paging", async () => {
    const list = await (await api("/api/v1/batches")).json();
    expect(list.total).toBeGreaterThanOrEqual(4);
    expect(list.page).toBe(1);
    expect(list.batches[0]).toHaveProperty("generated_count");
  });

  it("limits base64 images to 10 per call", async () => {
    for (let i = 0; i < 3; i++) {
      await post("/api/v1/batch-generate", { prompt: `base64 filler ${i}`, count: 4, scale: 2 });
    }
    await waitFor(async () => {
      const l = await (await api("/api/v1/tasks?status=pending")).json();
      const p = await (await api("/api/v1/tasks?status=processing")).json();
      return l.total + p.total === 0 ? true : undefined;
    }, 60_000);
    const list = await (await api("/api/v1/tasks?include_base64=true")).json();
    const encoded = list.tasks.filter((t: { image_base64?: string }) => t.image_base64);
    expect(encoded.length).toBe(10);
    expect(list.base64_limited).toBe(true);
  });
});

describe("bad input answers 400 naming the field", () => {
  const cases: [string, string, unknown, string][] = [
    ["POST", "/api/v1/generate", { prompt: "" }, "prompt"],
    ["POST", "/api/v1/generate", { prompt: "x".repeat(2001) }, "prompt"],
    ["POST", "/api/v1/generate", {}, "prompt"],
    ["POST", "/api/v1/generate", { prompt: "cat", scale: 0 }, "scale"],
    ["POST", "/api/v1/generate", { prompt: "cat", scale: 65 }, "scale"],
    ["POST", "/api/v1/generate", { prompt: "cat", background: "pink" }, "background"],
    ["POST", "/api/v1/generate", { prompt: "cat", palette: "rainbow" }, "palette"],
    ["POST", "/api/v1/batch-generate", { prompt: "cat", count: 0 }, "count"],
    ["POST", "/api/v1/batch-generate", { prompt: "cat", mode: "dance" }, "mode"],
    ["GET", "/api/v1/task/abc", undefined, "id"],
    ["GET", "/api/v1/task/1.5", undefined, "id"],
    ["GET", "/api/v1/tasks?page=0", undefined, "page"],
    ["GET", "/api/v1/tasks?page=-1", undefined, "page"],
    ["GET", "/api/v1/tasks?status=done", undefined, "status"],
    ["GET", "/api/v1/task/1?include_base64=maybe", undefined, "include_base64"],
    ["GET", "/api/v1/batch/x", undefined, "id"],
  ];
  it.each(cases)("%s %s %j", async (method, p, body, field) => {
    const res = await api(p, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error).toContain(field);
    expect(JSON.stringify(json)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it("rejects malformed JSON and a 10 MB prompt with 400", async () => {
    const res = await api("/api/v1/generate", { method: "POST", body: "{not json" });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/JSON/);
    const huge = await api("/api/v1/generate", {
      method: "POST",
      body: JSON.stringify({ prompt: "x".repeat(10_000_000) }),
    });
    expect(huge.status).toBe(400);
  });

  it("refuses bad input to the studio extensions with 400 naming the field", async () => {
    const { tasks } = await (await api("/api/v1/tasks?status=completed")).json();
    const id = tasks[0].id;
    const cases: [string, string, unknown, string][] = [
      ["PATCH", `/api/v1/task/${id}`, { starred: "yes" }, "starred"],
      ["POST", `/api/v1/task/${id}/operations`, { model: "upscale" }, "provider/model_key"],
      [
        "POST",
        `/api/v1/task/${id}/operations`,
        { model: "local/upscale", params: { factor: 9 } },
        "factor",
      ],
      [
        "POST",
        `/api/v1/task/${id}/operations`,
        { model: "local/upscale", params: { zoom: 2 } },
        "zoom",
      ],
      ["POST", `/api/v1/task/${id}/operations`, { model: "local/pixel-sprite" }, "operation"],
      ["POST", "/api/v1/tasks/archive", { task_ids: [] }, "task_ids"],
      ["POST", "/api/v1/keys", { name: "k".repeat(65) }, "name"],
      ["POST", "/api/v1/batch/1/frames/17/regenerate", {}, "index"],
      ["GET", "/api/v1/batch/1/sheet.png?scale=21", undefined, "scale"],
      ["GET", "/api/v1/batch/1/sheet.png?fps=99", undefined, "fps"],
    ];
    for (const [method, p, body, field] of cases) {
      const res = await api(p, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(res.status, `${method} ${p}`).toBe(400);
      const json = await res.json();
      expect(Object.keys(json).sort(), p).toEqual(expect.arrayContaining(["error"]));
      expect(JSON.stringify(json), p).toContain(field);
    }
    // a refused operation created nothing
    const after = await (await api("/api/v1/tasks?type=operation")).json();
    expect(after.total).toBe(0);
  });

  it("answers 404 for unknown ids", async () => {
    expect((await api("/api/v1/task/999999")).status).toBe(404);
    expect((await api("/api/v1/batch/999999")).status).toBe(404);
  });
});

describe("content safety", () => {
  it("fails a blocked prompt with the seed's exact error_msg", async () => {
    const { task_id } = await (
      await post("/api/v1/generate", { prompt: "explicit porn scene", send_email: false })
    ).json();
    const task = await waitDone(task_id);
    expect(task.status).toBe("failed");
    expect(task.error_msg).toBe("⚠️ 生成失败: AI 拒绝处理此请求 (可能包含敏感内容)");
  });
});

describe("the seed's examples, run as written (host and key adjusted)", () => {
  it("cURL", () => {
    const out = execFileSync("curl", [
      "-s",
      "-X",
      "POST",
      `${server.baseUrl}/api/v1/generate`,
      "-H",
      `Authorization: Bearer ${alice.key}`,
      "-H",
      "Content-Type: application/json",
      "-d",
      '{"prompt":"一只可爱的猫"}',
    ]).toString();
    expect(["pending", "duplicates_found"]).toContain(JSON.parse(out).status);
  });

  it("Python requests", () => {
    const script = `import requests
url = "${server.baseUrl}/api/v1/generate"
headers = { "Authorization": "Bearer ${alice.key}", "Content-Type": "application/json" }
data = {"prompt": "一只可爱的猫"}
response = requests.post(url, json=data, headers=headers)
print(response.json())`;
    const out = execFileSync("python3", ["-c", script]).toString();
    expect(out).toMatch(/'status': '(pending|duplicates_found)'/);
  });

  it("JavaScript fetch", async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/generate`, {
      method: "POST",
      headers: { Authorization: `Bearer ${alice.key}`, "Content-Type": "application/json" },
      body: JSON.stringify({ prompt: "一只可爱的猫" }),
    });
    const data = await response.json();
    expect(["pending", "duplicates_found"]).toContain(data.status);
  });
});
