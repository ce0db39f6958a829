// The generations API (docs/generations-api.md) against the real server, with fake upstreams on loopback for
// the remote providers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FakeServer,
  startDashscopeFake,
  startHdredrawFake,
  startQwen2512Fake,
} from "../fakes";
import { seedUserWithKey } from "../helpers/accounts";
import { startServer, type TestServer, useFreshDataDir, waitFor } from "../helpers/server";

let server: TestServer;
let qwen: FakeServer;
let dashscope: FakeServer;
let hdredraw: FakeServer;
let user: Awaited<ReturnType<typeof seedUserWithKey>>;

beforeAll(async () => {
  useFreshDataDir();
  user = await seedUserWithKey("pixel@example.com");
  qwen = await startQwen2512Fake({ queuedPolls: 1, runningPolls: 1 });
  dashscope = await startDashscopeFake({ queuedPolls: 1, runningPolls: 1 });
  hdredraw = await startHdredrawFake({ queuedPolls: 0, runningPolls: 1 });
  server = await startServer({
    QWEN2512_BASE_URL: qwen.baseUrl,
    QWEN2512_API_KEY: "test-qwen2512-key",
    QWEN2512_POLL_INTERVAL_MS: "50",
    DASHSCOPE_BASE_URL: dashscope.baseUrl,
    DASHSCOPE_API_KEY: "test-dashscope-key",
    DASHSCOPE_POLL_INTERVAL_MS: "50",
    HDREDRAW_BASE_URL: hdredraw.baseUrl,
    HDREDRAW_USER_KEY: "test-user-key",
    HDREDRAW_POLL_INTERVAL_MS: "50",
    TASK_RETRY_BASE_MS: "100",
    PROVIDER_TIMEOUT_MS: "1500",
  });
});
afterAll(async () => {
  await server?.stop();
  await Promise.all([qwen?.close(), dashscope?.close(), hdredraw?.close()]);
});

const call = (p: string, body?: unknown) =>
  fetch(`${server.baseUrl}${p}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json", ...user.auth },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function generate(body: Record<string, unknown>, type = "image") {
  const res = await call(`/api/v1/generations/${type}`, body);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json.data.task_id as string;
}

async function finished(taskId: string, timeoutMs = 30_000) {
  return waitFor(async () => {
    const { data } = await (await call(`/api/v1/tasks/${taskId}`)).json();
    return data.status === "completed" || data.status === "failed" ? data : undefined;
  }, timeoutMs);
}

describe("GET /api/v1/models", () => {
  it("groups models by type, keyed by composite id, in the envelope", async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/models`);
    const body = await res.json();
    expect(body.code).toBe("200");
    expect(body.message).toBe("success");
    for (const type of ["image", "video", "audio", "llm"]) expect(body.data).toHaveProperty(type);
    const m = body.data.image["dashscope/qwen-image"];
    expect(m).toMatchObject({
      id: "dashscope/qwen-image",
      type: "image",
      provider: "dashscope",
      model_key: "qwen-image",
      enabled: true,
    });
    expect(m.resolutions["1K"]["1:1"]).toBe("1024*1024");
    expect(body.data.image["local/pixel-sprite"].enabled).toBe(true);
    for (const [type, group] of Object.entries<Record<string, { is_default: boolean }>>(
      body.data,
    )) {
      const defaults = Object.values(group).filter((x) => x.is_default);
      expect(defaults.length, type).toBe(1);
    }
    expect(body.data.audio["volcengine/doubao-tts"]).toMatchObject({
      enabled: false,
      missing_env: expect.arrayContaining(["VOLCENGINE_APP_ID"]),
    });
  });
});

describe("validation texts to the letter", () => {
  it("400 for a model without provider", async () => {
    const res = await call("/api/v1/generations/image", { prompt: "a cat", model: "qwen-image" });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toEqual({
      code: "400",
      message:
        "Model must be in format 'provider/model_key', got: 'qwen-image'. Example: 'dashscope/qwen-image'",
      request_id: expect.stringMatching(/^req_/),
    });
  });

  it("404 for an unknown model", async () => {
    const res = await call("/api/v1/generations/image", {
      prompt: "a cat",
      model: "invalid/model",
    });
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.message).toBe(
      "Model 'invalid/model' not found. Available models can be fetched from /api/v1/models",
    );
    expect(body.request_id).toMatch(/^req_/);
  });

  it("refuses the old provider field, a wrong type and a disabled model clearly", async () => {
    const old = await call("/api/v1/generations/image", {
      prompt: "a cat",
      model: "qwen-image",
      provider: "dashscope",
    });
    expect(old.status).toBe(400);
    expect((await old.json()).message).toMatch(/provider.*dashscope\/qwen-image/);
    const wrongType = await call("/api/v1/generations/image", {
      prompt: "a cat",
      model: "dashscope/wan2.6-video",
    });
    expect(wrongType.status).toBe(400);
    expect((await wrongType.json()).message).toMatch(/video model/);
    const disabled = await call("/api/v1/generations/audio", {
      prompt: "hello",
      model: "volcengine/doubao-tts",
    });
    expect(disabled.status).toBe(400);
    expect((await disabled.json()).message).toMatch(/disabled.*VOLCENGINE_APP_ID/);
    const bad = await call("/api/v1/generations/image", {
      prompt: "",
      model: "local/pixel-sprite",
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toContain("prompt");
  });

  it("refuses reference URLs that point inside the network", async () => {
    for (const url of [
      "http://127.0.0.1:9/x.png",
      "http://169.254.169.254/latest/meta-data",
      "http://[::1]/x.png",
      "http://0x7f.1/x.png",
    ]) {
      const res = await call("/api/v1/generations/image", {
        prompt: "a cat",
        model: "dashscope/qwen-image",
        imageInputs: [url],
      });
      expect(res.status, url).toBe(400);
      expect((await res.json()).message).toMatch(/imageInputs/);
    }
    const file = await call("/api/v1/generations/image", {
      prompt: "a cat",
      model: "dashscope/qwen-image",
      imageInputs: ["file:///etc/passwd"],
    });
    expect(file.status).toBe(400);
  });

  it("a prompt over the model's budget is a 400 naming the limit; at the limit it is accepted", async () => {
    const over = await call("/api/v1/generations/image", {
      prompt: "像".repeat(801),
      model: "dashscope/qwen-image",
    });
    expect(over.status).toBe(400);
    expect((await over.json()).message).toBe(
      "prompt is 801 characters; model 'dashscope/qwen-image' accepts at most 800 characters",
    );
    const qt = await call("/api/v1/generate", {
      prompt: "像".repeat(801),
      model: "dashscope/qwen-image",
      force: true,
    });
    expect(qt.status).toBe(400);
    expect(JSON.stringify(await qt.json())).toContain("at most 800 characters");
    await generate({ prompt: "像".repeat(800), model: "dashscope/qwen-image" });
  });
});

describe("generation through each API family", () => {
  it("local model: task_id, then images[{url,width,height}] readable by the owner", async () => {
    const id = await generate({ prompt: "golden sword", model: "local/pixel-sprite" });
    expect(id).toMatch(/^task_\d+$/);
    const task = await finished(id);
    expect(task).toMatchObject({
      id,
      type: "image",
      status: "completed",
      model: "local/pixel-sprite",
    });
    expect(task.params.prompt).toBe("golden sword");
    const [img] = task.result.images;
    expect(img.width).toBeGreaterThan(0);
    const res = await fetch(img.url, { headers: user.auth });
    expect(res.headers.get("content-type")).toBe("image/png");
    // the same row through the QT API
    const qt = await (await call(`/api/v1/task/${id.slice(5)}`)).json();
    expect(qt.image_path).toBe(`/static/gallery/${id.slice(5)}.png`);
  });

  it("qwen2512 through its fake: submit → poll → stored, pixelized, original kept", async () => {
    const id = await generate({ prompt: "a blue slime", model: "qwen2512/qwen-image-2512" });
    const task = await finished(id);
    expect(task.status).toBe("completed");
    expect(task.result.images).toHaveLength(1);
    expect(task.result.originals).toHaveLength(1);
    expect(task.result.images[0].url.startsWith(server.baseUrl)).toBe(true);
    const submits = qwen.apiCalls().filter((c) => c.path === "/api/generate");
    expect(submits.at(-1)?.json).toMatchObject({ prompt: expect.stringContaining("a blue slime") });
  });

  it("retries a 429 with Retry-After and a 500, then completes", async () => {
    qwen.failNext("429", "submit");
    qwen.failNext("500", "submit");
    const id = await generate({ prompt: "a retried knight", model: "qwen2512/qwen-image-2512" });
    const task = await finished(id, 20_000);
    expect(task.status).toBe("completed");
  });

  it("fails without retry on 401 and on an upstream content refusal, in words", async () => {
    const refused = await finished(
      await generate({ prompt: "a cat [fail:refuse]", model: "qwen2512/qwen-image-2512" }),
    );
    expect(refused.status).toBe("failed");
    expect(refused.error).toBe("⚠️ 生成失败: AI 拒绝处理此请求 (可能包含敏感内容)");
    qwen.failNext("401", "submit");
    const unauthorized = await finished(
      await generate({ prompt: "an unauthorized cat", model: "qwen2512/qwen-image-2512" }),
    );
    expect(unauthorized.status).toBe("failed");
    expect(unauthorized.error).toMatch(/401|key|credential|auth/i);
  });

  it("fails clearly when the upstream's result URL has expired", async () => {
    const task = await finished(
      await generate({ prompt: "a lost cat [fail:expired]", model: "qwen2512/qwen-image-2512" }),
    );
    expect(task.status).toBe("failed");
    expect(task.error).toMatch(/no longer available/);
  });

  it("times out a hanging upstream and retries it", async () => {
    qwen.failNext("hang", "submit");
    const task = await finished(
      await generate({ prompt: "a patient cat", model: "qwen2512/qwen-image-2512" }),
      30_000,
    );
    expect(task.status).toBe("completed");
  });

  it("dashscope qwen-image with its async protocol", async () => {
    const task = await finished(
      await generate({
        prompt: "a castle",
        model: "dashscope/qwen-image",
        resolution: "1K",
        aspectRatio: "16:9",
      }),
    );
    expect(task.status).toBe("completed");
    const submit = dashscope.apiCalls().find((c) => c.method === "POST");
    expect(submit?.headers["x-dashscope-async"]).toBe("enable");
    expect(task.params).toMatchObject({ resolution: "1K", aspectRatio: "16:9" });
  });

  it("dashscope wan video lands as a video", async () => {
    const task = await finished(
      await generate(
        { prompt: "a cat running", model: "dashscope/wan2.6-video", duration: "5s" },
        "video",
      ),
    );
    expect(task.status).toBe("completed");
    expect(task.result.videos).toHaveLength(1);
  });

  it("a remote sprite batch uses frame 1 as the reference of later frames, with one palette", async () => {
    const res = await call("/api/v1/batch-generate", {
      prompt: "a brave fox",
      mode: "walk",
      model: "dashscope/qwen-image",
      scale: 2,
    });
    const { batch_id, task_ids } = await res.json();
    expect(task_ids).toHaveLength(4);
    const batch = await waitFor(async () => {
      const b = await (await call(`/api/v1/batch/${batch_id}`)).json();
      return b.completed_count + b.failed_count === 4 ? b : undefined;
    }, 40_000);
    expect(batch.completed_count).toBe(4);
    const submits = dashscope
      .apiCalls()
      .filter((c) => c.method === "POST" && JSON.stringify(c.json).includes("a brave fox"));
    expect(submits).toHaveLength(4);
    const withRef = submits.filter(
      (c) =>
        JSON.stringify(c.json).includes("ref_img") || JSON.stringify(c.json).includes("data:image"),
    );
    expect(withRef.length).toBe(3);
  });

  it("an operation model on an existing image creates a linked task", async () => {
    const src = await finished(
      await generate({ prompt: "a tiny house", model: "local/pixel-sprite" }),
    );
    const srcId = Number(src.id.slice(5));
    const res = await call(`/api/v1/task/${srcId}/operations`, {
      model: "local/upscale",
      params: { method: "scale2x", factor: 2 },
    });
    expect(res.status).toBe(201);
    const { task_id } = await res.json();
    const op = await finished(String(task_id));
    expect(op.status).toBe("completed");
    expect(op.result.images[0].width).toBe(src.result.images[0].width * 2);
    const remote = await call(`/api/v1/task/${srcId}/operations`, {
      model: "hdredraw/vectorize",
      params: { color_count: 4 },
    });
    const remoteTask = await finished(String((await remote.json()).task_id));
    expect(remoteTask.status, remoteTask.error).toBe("completed");
    expect(remoteTask.result.vectors).toHaveLength(1);
    const badParam = await call(`/api/v1/task/${srcId}/operations`, {
      model: "local/upscale",
      params: { factor: 9 },
    });
    expect(badParam.status).toBe(400);
  });
});

describe("the default model", () => {
  it("is the offline engine with DashScope configured: /generate, /batch-generate, /api/v1/models' is_default and the OpenAPI document agree", async () => {
    const { data } = await (await fetch(`${server.baseUrl}/api/v1/models`)).json();
    const flagged = Object.values<{ id: string; is_default: boolean }>(data.image)
      .filter((m) => m.is_default)
      .map((m) => m.id);
    expect(flagged).toEqual(["local/pixel-sprite"]);
    expect(data.image["dashscope/qwen-image"].enabled).toBe(true);

    const single = await (await call("/api/v1/generate", { prompt: "a default knight" })).json();
    const task = await (await call(`/api/v1/task/${single.task_id}`)).json();
    expect(task.model).toBe("local/pixel-sprite");
    const batch = await (
      await call("/api/v1/batch-generate", { prompt: "a default slime", mode: "idle" })
    ).json();
    const { batch: b } = await (await call(`/api/v1/batch/${batch.batch_id}`)).json();
    expect(b.model).toBe("local/pixel-sprite");
    const before = dashscope.apiCalls().length;
    await waitFor(async () => {
      const t = await (await call(`/api/v1/task/${single.task_id}`)).json();
      return t.status === "completed" ? true : undefined;
    });
    expect(dashscope.apiCalls().length).toBe(before);

    const doc = await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json();
    const text = JSON.stringify(doc);
    expect(text).toContain("unset, the offline engine (local/pixel-sprite for images");
    expect(text).toContain("DEFAULT_MODEL");
  });
});
