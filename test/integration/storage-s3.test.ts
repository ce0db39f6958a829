// Every consumer of stored files against STORAGE_URL=s3://… (the real @aws-sdk/client-s3 against
// s3rver on loopback), through the real production server: gallery images and thumbnails, task
// files, signed downloads, the multi-select archive, batch ZIP, sheet, atlas and GIF, deletion;
// then the health probe with the object store down, and a malformed STORAGE_URL at start-up.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUserWithKey } from "../helpers/accounts";
import { startS3, type TestS3 } from "../helpers/s3";
import { startServer, type TestServer, useFreshDataDir, waitFor } from "../helpers/server";
import { readZip } from "../helpers/zip";

let s3: TestS3;
let server: TestServer;
let alice: Awaited<ReturnType<typeof seedUserWithKey>>;
let client: S3Client;
const PREFIX = "it/studio";

beforeAll(async () => {
  useFreshDataDir("pixel-s3-it-");
  alice = await seedUserWithKey("s3-alice@example.com");
  s3 = await startS3("pixel-it");
  client = new S3Client({
    endpoint: s3.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  server = await startServer(s3.env(PREFIX));
});
afterAll(async () => {
  await server?.stop();
  client?.destroy();
  await s3?.close();
});

const api = (p: string, init: RequestInit = {}) =>
  fetch(`${server.baseUrl}${p}`, {
    ...init,
    headers: { "Content-Type": "application/json", ...alice.auth, ...(init.headers as object) },
  });
const post = (p: string, body: unknown) => api(p, { method: "POST", body: JSON.stringify(body) });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

async function objectKeys(under = PREFIX): Promise<string[]> {
  const res = await client.send(
    new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `${under}/` }),
  );
  return (res.Contents ?? []).map((o) => o.Key!).sort();
}

async function waitDone(id: number) {
  return waitFor(async () => {
    const t = await (await api(`/api/v1/task/${id}`)).json();
    return t.status === "completed" || t.status === "failed" ? t : undefined;
  }, 60_000);
}

let taskId: number;
let batchId: number;

describe("the studio on S3 storage", () => {
  it("stores a task's files as objects under the prefix, and nothing on local disk", async () => {
    const created = await (
      await post("/api/v1/generate", {
        prompt: "a red apple",
        model: "local/pixel-sprite",
        force: true,
      })
    ).json();
    taskId = created.task_id;
    expect((await waitDone(taskId)).status).toBe("completed");
    const keys = await objectKeys(`${PREFIX}/tasks/${taskId}`);
    expect(keys).toContain(`${PREFIX}/tasks/${taskId}/image-0.png`);
    expect(fs.existsSync(path.join(server.dataDir, "files"))).toBe(false);
  });

  it("serves the gallery image, its thumbnail and task files from the bucket", async () => {
    const image = await api(`/static/gallery/${taskId}.png`);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    const png = await bytes(image);
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe("png");
    expect(meta.width).toBeGreaterThan(0);

    const etag = image.headers.get("etag")!;
    const again = await api(`/static/gallery/${taskId}.png`, {
      headers: { "If-None-Match": etag },
    });
    expect(again.status).toBe(304);

    const thumb = await api(`/static/gallery/${taskId}_thumb.png`);
    expect(thumb.status).toBe(200);
    expect((await sharp(await bytes(thumb)).metadata()).format).toBe("png");

    const file = await api(`/api/v1/task/${taskId}/files/image/0`);
    expect(file.status).toBe(200);
    expect(await bytes(file)).toEqual(png);

    const detail = await (await api(`/api/v1/task/${taskId}?include_base64=true`)).json();
    expect(Buffer.from(detail.image_base64.split(",")[1], "base64")).toEqual(png);
  });

  it("streams signed downloads through the studio (no redirect to the bucket)", async () => {
    const link = await (await api(`/api/v1/task/${taskId}/download-url`)).json();
    const res = await fetch(link.download_url, { redirect: "manual" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename=pixel_${taskId}.png`);
    expect(await bytes(res)).toEqual(await bytes(await api(`/static/gallery/${taskId}.png`)));
  });

  it("builds the batch ZIP, sheet, atlas and GIF from objects", async () => {
    const batch = await (
      await post("/api/v1/batch-generate", {
        prompt: "a green knight",
        mode: "walk",
        model: "local/pixel-sprite",
        scale: 2,
      })
    ).json();
    batchId = batch.batch_id;
    await waitFor(async () => {
      const b = await (await api(`/api/v1/batch/${batchId}`)).json();
      return b.tasks.every((t: { status: string }) => t.status === "completed") ? b : undefined;
    }, 90_000);

    const zipRes = await api(`/api/v1/batch/${batchId}/download`);
    expect(zipRes.status).toBe(200);
    const entries = readZip(await bytes(zipRes));
    const names = [...entries.keys()];
    expect(names.slice(0, 4)).toEqual(["walk_1.png", "walk_2.png", "walk_3.png", "walk_4.png"]);
    expect(names).toEqual(expect.arrayContaining(["sheet.png", "sheet.json", "animation.gif"]));
    const { tasks } = await (await api(`/api/v1/batch/${batchId}`)).json();
    const first =
      tasks.find((t: { batch_index?: number; id: number }) => t.batch_index === 1) ?? tasks[0];
    // frames are re-encoded from their 1× grid at the batch's scale: same pixels as the gallery's
    const gallery = await sharp(await bytes(await api(`/static/gallery/${first.id}.png`)))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const frame = await sharp(entries.get("walk_1.png")!)
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(frame.info.width).toBe(gallery.info.width);
    expect(frame.data.equals(gallery.data)).toBe(true);
    expect(Object.keys(JSON.parse(entries.get("sheet.json")!.toString()).frames)).toHaveLength(4);

    const sheet = await api(`/api/v1/batch/${batchId}/sheet.png`);
    expect(sheet.status).toBe(200);
    expect(await bytes(sheet)).toEqual(entries.get("sheet.png"));
    const gif = await api(`/api/v1/batch/${batchId}/animation.gif`);
    expect(gif.status).toBe(200);
    expect((await sharp(await bytes(gif), { animated: true }).metadata()).pages).toBe(4);
  });

  it("streams the multi-select archive object by object", async () => {
    const res = await post("/api/v1/tasks/archive", { task_ids: [taskId], scale: 1 });
    expect(res.status).toBe(200);
    const entries = readZip(await bytes(res));
    const png = entries.get("01-a-red-apple/a-red-apple.png");
    expect(png).toBeDefined();
    // at scale 1 the picture is its logical grid: the stored image is that grid × its scale
    const stored = await sharp(await bytes(await api(`/static/gallery/${taskId}.png`))).metadata();
    const task = await (await api(`/api/v1/task/${taskId}`)).json();
    expect((await sharp(png).metadata()).width).toBe((stored.width ?? 0) / task.scale);
  });

  it("deletes a task's objects with the task", async () => {
    expect((await objectKeys(`${PREFIX}/tasks/${taskId}`)).length).toBeGreaterThan(0);
    expect((await api(`/api/v1/task/${taskId}`, { method: "DELETE" })).status).toBe(200);
    expect(await objectKeys(`${PREFIX}/tasks/${taskId}`)).toEqual([]);
    expect((await api(`/static/gallery/${taskId}.png`)).status).toBe(404);
  });

  it("reports health, and 503 in the contract shape while the object store is down", async () => {
    const ok = await fetch(`${server.baseUrl}/api/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      status: "ok",
      checks: { database: { status: "ok" }, storage: { status: "ok" }, queue: { status: "ok" } },
    });

    const { tasks } = await (await api(`/api/v1/batch/${batchId}`)).json();
    await s3.close();
    const down = await fetch(`${server.baseUrl}/api/health`);
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("5");
    const body = await down.json();
    expect(Object.keys(body).sort()).toEqual(["code", "message", "request_id"]);
    expect(body.code).toBe("503");
    expect(body.message).toMatch(/^Service unavailable: storage \(.+\) unreachable$/);

    // a request that needs the store answers 503 in its own API's shape, not a 500
    const image = await api(`/static/gallery/${tasks[0].id}.png`);
    expect(image.status).toBe(503);
    expect((await image.json()).error).toBe(
      "Service temporarily unavailable: the storage cannot be reached",
    );
    expect((await fetch(`${server.baseUrl}/api/health/live`)).status).toBe(200);
  });
});

describe("start-up with a bad STORAGE_URL", () => {
  it("exits 1 with a message naming the variable", async () => {
    const port = server.port + 1;
    const child = spawn(
      process.execPath,
      [
        path.resolve(__dirname, "../../node_modules/next/dist/bin/next"),
        "start",
        "-p",
        String(port),
        "-H",
        "127.0.0.1",
      ],
      {
        cwd: path.resolve(__dirname, "../.."),
        env: {
          ...server.env,
          STORAGE_URL: "s3:/pixel-it",
          PORT: String(port),
        } as unknown as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout?.on("data", (d) => {
      out += d;
    });
    child.stderr?.on("data", (d) => {
      out += d;
    });
    const code = await new Promise<number | null>((resolve) => {
      child.once("exit", resolve);
      // instrumentation runs on boot; ping so a lazily initialising server gets there too
      const ping = setInterval(
        () => fetch(`http://127.0.0.1:${port}/api/health/live`).catch(() => undefined),
        500,
      );
      child.once("exit", () => clearInterval(ping));
      setTimeout(() => child.kill("SIGKILL"), 45_000);
    });
    expect(code, out).toBe(1);
    expect(out).toMatch(
      /\[web\] cannot start: STORAGE_URL: expected file:<directory> or s3:\/\/bucket\/prefix, got "s3:\/pixel-it"/,
    );
  });
});
