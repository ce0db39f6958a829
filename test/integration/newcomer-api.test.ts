// Issue 21 (second newcomer pass) on the API: one message per field in both families, duplicates
// that compare the picture's settings, model capability flags and names, removable revoked keys,
// task durations in milliseconds, and the organised bulk ZIP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUserWithKey } from "../helpers/accounts";
import { startServer, type TestServer, useFreshDataDir, waitFor } from "../helpers/server";
import { readZip } from "../helpers/zip";

let server: TestServer;
let alice: Awaited<ReturnType<typeof seedUserWithKey>>;
let bob: Awaited<ReturnType<typeof seedUserWithKey>>;

beforeAll(async () => {
  useFreshDataDir();
  alice = await seedUserWithKey("newcomer-a@example.com");
  bob = await seedUserWithKey("newcomer-b@example.com");
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const api = (p: string, init: RequestInit = {}, auth: Record<string, string> = alice.auth) =>
  fetch(`${server.baseUrl}${p}`, {
    ...init,
    headers: { "Content-Type": "application/json", ...auth },
  });
const post = (p: string, body: unknown, auth = alice.auth) =>
  api(p, { method: "POST", body: JSON.stringify(body) }, auth);

async function done(id: number) {
  return waitFor(async () => {
    const t = await (await api(`/api/v1/task/${id}`)).json();
    return t.status === "completed" || t.status === "failed" ? t : undefined;
  });
}

describe("validation messages", () => {
  it("says one thing per field, once, in both API families", async () => {
    // JSON text as a person would type it (20 digits do not fit a JavaScript number literal)
    const cases: [string, string][] = [
      ['"seed": -1', "seed must be a whole number from 0 to 2147483647"],
      ['"seed": 12345678901234567890', "seed must be a whole number from 0 to 2147483647"],
      ['"scale": 0', "scale must be a whole number from 1 to 64"],
      ['"scale": -5', "scale must be a whole number from 1 to 64"],
      ['"scale": 1000', "scale must be a whole number from 1 to 64"],
    ];
    for (const [extra, message] of cases) {
      const qt = await api("/api/v1/generate", {
        method: "POST",
        body: `{"prompt": "a cup", ${extra}}`,
      });
      expect(qt.status).toBe(400);
      const body = await qt.json();
      expect(body.error).toBe(`Invalid request: ${message}`);
      // the rule once, not "seed: seed must be an integer; seed: seed must be between …"
      expect(body.details).toBe(message);
    }
    const pixel = await api("/api/v1/generations/image", {
      method: "POST",
      body: '{"prompt": "a cup", "model": "local/pixel-sprite", "seed": 12345678901234567890}',
    });
    expect(pixel.status).toBe(400);
    expect((await pixel.json()).message).toBe(
      "Invalid request: seed must be a whole number from 0 to 2147483647",
    );
  });

  it("counts the prompt in characters as a person does (🐉 is one)", async () => {
    const emoji = await post("/api/v1/generate", {
      prompt: "🐉".repeat(1500),
      model: "local/pixel-sprite",
      force: true,
    });
    expect(emoji.status).toBe(200);
    const long = await post("/api/v1/generate", { prompt: "x".repeat(2001) });
    expect(long.status).toBe(400);
    expect((await long.json()).details).toBe("prompt must be at most 2000 characters");
  });
});

describe("duplicates", () => {
  it("match the words and the settings that change the picture", async () => {
    const first = await (
      await post("/api/v1/generate", {
        prompt: "a golden goblet",
        model: "local/pixel-sprite",
        size: 16,
        palette: "auto",
        send_email: false,
      })
    ).json();
    expect(first.status).toBe("pending");
    const again = async (extra: Record<string, unknown>) =>
      (
        await post("/api/v1/generate", {
          prompt: "a golden goblet",
          model: "local/pixel-sprite",
          send_email: false,
          ...extra,
        })
      ).json();
    // same words, same settings: the earlier one is offered
    const same = await again({ size: 16 });
    expect(same.status).toBe("duplicates_found");
    expect(same.duplicates.map((d: { id: number }) => d.id)).toContain(first.task_id);
    // another size, palette or style is another picture
    const bigger = await again({ size: 64, palette: "pico-8" });
    expect(bigger.status).toBe("pending");
    expect((await again({ size: 16, shading: "flat" })).status).toBe("pending");
    expect((await again({ size: 16, palette: "nes" })).status).toBe("pending");
  });
});

describe("models", () => {
  it("say per model whether it reads a negative prompt, and its name per language", async () => {
    const { data } = await (await fetch(`${server.baseUrl}/api/v1/models`)).json();
    const sprite = data.image["local/pixel-sprite"];
    expect(sprite.supports_negative_prompt).toBe(false);
    expect(sprite.names).toEqual({ en: sprite.name, zh: "像素精灵(离线)" });
    expect(data.image["comfyui/txt2img"].supports_negative_prompt).toBe(true);
    // the seed's fields are all still there
    for (const field of ["id", "name", "type", "provider", "model_key", "is_default", "enabled"])
      expect(sprite).toHaveProperty(field);
  });
});

describe("API keys", () => {
  it("removes a revoked key from the list, only for its owner and only once revoked", async () => {
    const { id } = await (await post("/api/v1/keys", { name: "short-lived" })).json();
    const early = await api(`/api/v1/keys/${id}?remove=true`, { method: "DELETE" });
    expect(early.status).toBe(409);
    expect((await api(`/api/v1/keys/${id}`, { method: "DELETE" })).status).toBe(200);
    const notHers = await api(`/api/v1/keys/${id}?remove=true`, { method: "DELETE" }, bob.auth);
    expect(notHers.status).toBe(404);
    const removed = await api(`/api/v1/keys/${id}?remove=true`, { method: "DELETE" });
    expect(removed.status).toBe(200);
    expect(await removed.json()).toEqual({ id, removed: true });
    const { keys } = await (await api("/api/v1/keys")).json();
    expect(keys.map((k: { id: number }) => k.id)).not.toContain(id);
  });
});

describe("task timing", () => {
  it("gives the time from submission to result in milliseconds", async () => {
    const { task_id } = await (
      await post("/api/v1/generate", {
        prompt: "a timed lantern",
        model: "local/pixel-sprite",
        force: true,
      })
    ).json();
    const task = await done(task_id);
    expect(task.duration_ms).toBeGreaterThan(0);
    expect(task.run_ms).toBeGreaterThanOrEqual(0);
    expect(task.run_ms).toBeLessThanOrEqual(task.duration_ms);
  });
});

describe("bulk ZIP", () => {
  it("puts each item in a folder named from its prompt, batches with sheets, one scale, a manifest", async () => {
    const single = await (
      await post("/api/v1/generate", {
        prompt: "A Red Apple!",
        model: "local/pixel-sprite",
        size: 32,
        scale: 20,
        force: true,
      })
    ).json();
    const batch = await (
      await post("/api/v1/batch-generate", {
        prompt: "a walking knight",
        mode: "walk",
        model: "local/pixel-sprite",
        size: 32,
        scale: 20,
      })
    ).json();
    await done(single.task_id);
    for (const id of batch.task_ids) await done(id);
    const res = await post("/api/v1/tasks/archive", {
      task_ids: [...batch.task_ids, single.task_id, 987654],
      scale: 2,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("pixel_studio_2_items_2x.zip");
    const zip = readZip(Buffer.from(await res.arrayBuffer()));
    const names = [...zip.keys()];
    expect(names[0]).toBe("manifest.json");
    expect(names).toEqual(
      expect.arrayContaining([
        "01-a-walking-knight/walk_1.png",
        "01-a-walking-knight/walk_4.png",
        "01-a-walking-knight/sheet.png",
        "01-a-walking-knight/atlas.json",
        "02-a-red-apple/a-red-apple.png",
      ]),
    );
    const manifest = JSON.parse(zip.get("manifest.json")!.toString());
    expect(manifest.scale).toBe(2);
    // an id that is not there is said to be left out, not dropped silently
    expect(manifest.skipped).toEqual([987654]);
    expect(manifest.items).toMatchObject([
      { folder: "01-a-walking-knight/", kind: "batch", prompt: "a walking knight", mode: "walk" },
      { folder: "02-a-red-apple/", kind: "image", prompt: "A Red Apple!" },
    ]);
    // one scale for every picture: a 32-px sprite is 64 px, single and frame alike
    const { default: sharp } = await import("sharp");
    const width = async (name: string) => (await sharp(zip.get(name)!).metadata()).width;
    expect(await width("02-a-red-apple/a-red-apple.png")).toBe(64);
    expect(await width("01-a-walking-knight/walk_1.png")).toBe(64);
  });
});
