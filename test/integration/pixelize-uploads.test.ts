// Image → pixel art (local/pixelize) and saved palettes against the real server: uploads through
// both API families (data: URLs), an animated GIF becoming a batch, bad input refused in each
// family's shape, and saved palettes created, used by id, refused to another user and deleted.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aiLikeKnight } from "@/lib/pixel/ai-like-knight";
import { writeGif } from "@/lib/pixel/gif-writer";
import { getBlobStore } from "@/lib/storage/blob-store";
import { seedUserWithKey } from "../helpers/accounts";
import { startServer, type TestServer, useFreshDataDir, waitFor } from "../helpers/server";

let server: TestServer;
let user: Awaited<ReturnType<typeof seedUserWithKey>>;
let other: Awaited<ReturnType<typeof seedUserWithKey>>;

beforeAll(async () => {
  useFreshDataDir();
  user = await seedUserWithKey("pixelize@example.com");
  other = await seedUserWithKey("someone-else@example.com");
  server = await startServer({});
});
afterAll(async () => {
  await server?.stop();
});

const call = (
  p: string,
  body?: unknown,
  auth: Record<string, string> = user.auth,
  method?: string,
) =>
  fetch(`${server.baseUrl}${p}`, {
    method: method ?? (body === undefined ? "GET" : "POST"),
    headers: { "Content-Type": "application/json", ...auth },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const dataUrl = (b: Buffer, type = "image/png") => `data:${type};base64,${b.toString("base64")}`;

// The knight at ×15.5 bilinear, shifted (aiLikeKnight's defaults). At ×12.5 bilinear the recovery
// still misses this sprite (16×16, confidence 0.09): a known gap, not what this test is about.

async function qtFinished(id: number, auth = user.auth) {
  return waitFor(async () => {
    const t = await (await call(`/api/v1/task/${id}`, undefined, auth)).json();
    return t.status === "completed" || t.status === "failed" ? t : undefined;
  }, 60_000);
}

async function colorsOf(path: string): Promise<Set<string>> {
  const png = Buffer.from(await (await call(path)).arrayBuffer());
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const out = new Set<string>();
  for (let i = 0; i < info.width * info.height * 4; i += 4)
    if (data[i + 3]! >= 128)
      out.add(
        `#${[data[i]!, data[i + 1]!, data[i + 2]!].map((v) => v.toString(16).padStart(2, "0")).join("")}`,
      );
  return out;
}

/** A 16 px square moving right over three frames of 120, 200 and 80 ms. */
function movingSquareGif(): Buffer {
  const w = 16;
  const frames = [0, 1, 2].map((f) => {
    const idx = new Uint8Array(w * w).fill(1);
    for (let y = 4; y < 10; y++) for (let x = 2 + f * 2; x < 8 + f * 2; x++) idx[y * w + x] = 2;
    return { idx, delayMs: [120, 200, 80][f]! };
  });
  return writeGif(
    frames,
    w,
    w,
    6,
    [
      [0, 0, 0],
      [30, 40, 90],
      [250, 210, 60],
    ],
    { transparent: false, loop: true },
  );
}

describe("image → pixel art uploads", () => {
  it("the generations API takes a data: URL in imageInputs and records the grid found", async () => {
    const res = await call("/api/v1/generations/image", {
      model: "local/pixelize",
      prompt: "shield",
      imageInputs: [dataUrl(await aiLikeKnight())],
      extraParams: { colors: 8 },
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    const id = Number(String(body.data.task_id).replace(/^task_/, ""));
    const t = await qtFinished(id);
    expect(t.status, t.error_msg).toBe("completed");
    expect(t.params.pixelize).toMatchObject({ logicalWidth: 32, logicalHeight: 32 });
    expect(t.params.pixelize.cellWidth).toBeCloseTo(15.5, 1);
    // the upload's bytes are not kept in the task's params
    expect(JSON.stringify(t.params).length).toBeLessThan(20_000);
  });

  it("the QT family takes `image` and a named palette", async () => {
    const res = await call("/api/v1/generate", {
      model: "local/pixelize",
      prompt: "shield",
      image: dataUrl(
        await sharp(await aiLikeKnight())
          .jpeg({ quality: 90 })
          .toBuffer(),
        "image/jpeg",
      ),
      palette: "gameboy",
      scale: 2,
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    const t = await qtFinished(body.task_id);
    expect(t.status, t.error_msg).toBe("completed");
    expect(t).toMatchObject({ width: 64, height: 64, palette: "gameboy" });
    const gameboy = new Set(["#0f380f", "#306230", "#8bac0f", "#9bbc0f"]);
    for (const c of await colorsOf(t.image_path)) expect(gameboy.has(c), c).toBe(true);
  });

  it("an animated GIF becomes a batch: one frame per GIF frame, durations kept, one palette", async () => {
    const res = await call("/api/v1/batch-generate", {
      model: "local/pixelize",
      prompt: "moving square",
      image: dataUrl(movingSquareGif(), "image/gif"),
      remove_background: false,
      scale: 1,
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.requested_count).toBe(3);
    const done = await Promise.all((body.task_ids as number[]).map((id) => qtFinished(id)));
    expect(done.map((t) => t.status)).toEqual(["completed", "completed", "completed"]);
    expect(done.map((t) => t.params.durationMs)).toEqual([120, 200, 80]);
    // one grid for every frame: the same logical size, recorded once per frame
    const sizes = done.map((t) => [t.width, t.height, t.params.pixelize.logicalWidth]);
    expect(new Set(sizes.map((s) => s.join())).size).toBe(1);
    expect(sizes[0]![0]).toBe(sizes[0]![2]);
    const all = new Set<string>();
    for (const t of done) for (const c of await colorsOf(t.image_path)) all.add(c);
    expect(all.size).toBeLessThanOrEqual(3);
    expect(all.size).toBeGreaterThanOrEqual(2);
    const batch = await (await call(`/api/v1/batch/${body.batch_id}`)).json();
    expect(batch.batch.status).toBe("completed");
  });

  it("bad input is a 400 naming the limit, in each family's shape", async () => {
    const notImage = dataUrl(Buffer.from("hello, this is not a picture"));
    const pixel = await call("/api/v1/generations/image", {
      model: "local/pixelize",
      prompt: "x",
      imageInputs: [notImage],
    });
    expect(pixel.status).toBe(400);
    const pBody = await pixel.json();
    expect(pBody.code).toBe("400");
    expect(pBody.message).toMatch(/not an image we can read/);

    const wide = await sharp({
      create: { width: 5000, height: 8, channels: 3, background: "#123456" },
    })
      .png()
      .toBuffer();
    const qt = await call("/api/v1/generate", {
      model: "local/pixelize",
      prompt: "x",
      image: dataUrl(wide),
    });
    expect(qt.status).toBe(400);
    expect((await qt.json()).error).toMatch(/5000×8 px is over the 4096 px per side limit/);

    const huge = `data:image/png;base64,${"A".repeat(14_200_000)}`;
    const big = await call("/api/v1/generate", {
      model: "local/pixelize",
      prompt: "x",
      image: huge,
    });
    expect(big.status).toBe(400);
    expect((await big.json()).error).toMatch(/10 MB/);

    const wrongModel = await call("/api/v1/generate", {
      model: "local/pixel-sprite",
      prompt: "x",
      image: dataUrl(wide),
    });
    expect(wrongModel.status).toBe(400);
    expect((await wrongModel.json()).error).toMatch(/draws from words/);

    const missing = await call("/api/v1/generate", { model: "local/pixelize", prompt: "x" });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatch(/image is required/);
  });
});

describe("an upload is deleted with the last task made from it", () => {
  const uploadKey = (t: { params: { uploads: { key: string }[] } }) => t.params.uploads[0]!.key;
  const stored = (key: string) => getBlobStore().exists(key);

  it("deleting a still's task deletes its upload", async () => {
    const res = await call("/api/v1/generate", {
      model: "local/pixelize",
      prompt: "shield",
      image: dataUrl(await aiLikeKnight()),
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    const t = await qtFinished(body.task_id);
    const key = uploadKey(t);
    expect(key).toMatch(/^uploads\//);
    expect(await stored(key)).toBe(true);
    expect((await call(`/api/v1/task/${t.id}`, undefined, user.auth, "DELETE")).status).toBe(200);
    expect(await stored(key)).toBe(false);
  });

  it("an animation's frames share one upload: it stays until the batch is deleted", async () => {
    const res = await call("/api/v1/batch-generate", {
      model: "local/pixelize",
      prompt: "moving square",
      image: dataUrl(movingSquareGif(), "image/gif"),
      remove_background: false,
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    const done = await Promise.all((body.task_ids as number[]).map((id) => qtFinished(id)));
    const key = uploadKey(done[0]!);
    expect(done.map(uploadKey)).toEqual([key, key, key]);
    // one frame deleted (its gallery entry): the others were made from the same upload
    expect((await call(`/api/v1/task/${done[2]!.id}`, undefined, user.auth, "DELETE")).status).toBe(
      200,
    );
    expect(await stored(key)).toBe(true);
    expect(
      (await call(`/api/v1/batch/${body.batch_id}`, undefined, user.auth, "DELETE")).status,
    ).toBe(200);
    expect(await stored(key)).toBe(false);
  });
});

describe("saved palettes", () => {
  it("create from .gpl, list, get, export, use by id, refuse another user's id, delete", async () => {
    const gpl =
      "GIMP Palette\nName: ember\n#\n 20  12  28\tnight\n 68  36  52\tplum\n208  70  72\tred\n218 212  94\tsun\n";
    const created = await call("/api/v1/palettes", { file: gpl, filename: "ember.gpl" });
    expect(created.status).toBe(201);
    const pal = await created.json();
    expect(pal).toMatchObject({
      name: "ember",
      colors: ["#140c1c", "#442434", "#d04648", "#dad45e"],
      built_in: false,
    });
    expect(pal.id).toMatch(/^pal_\d+$/);

    const list = await (await call("/api/v1/palettes")).json();
    expect(list.palettes.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining(["pico-8", "gameboy", pal.id]),
    );
    expect((await (await call(`/api/v1/palettes/${pal.id}`)).json()).name).toBe("ember");

    const exported = await call(`/api/v1/palettes/${pal.id}/export?format=gpl`);
    expect(exported.status).toBe(200);
    const again = await call("/api/v1/palettes", { file: await exported.text(), name: "copy" });
    expect((await again.json()).colors).toEqual(pal.colors);

    // from a picture's colours and from a colour list
    const fromImage = await call("/api/v1/palettes", {
      image: dataUrl(await aiLikeKnight()),
      count: 4,
    });
    expect(fromImage.status).toBe(201);
    const unnamed = await fromImage.json();
    expect(unnamed.colors.length).toBeLessThanOrEqual(4);
    // nobody named it: the default name in both languages, for the English and Chinese pages
    const n = unnamed.colors.length;
    expect(unnamed).toMatchObject({ name: `Palette of ${n} colours`, name_zh: `${n} 色调色板` });
    expect(pal.name_zh).toBe("ember"); // a name given is the name in both

    // used by id: the offline engine draws only with the saved colours
    const made = await call("/api/v1/generate", {
      model: "local/pixel-sprite",
      prompt: "a small red potion",
      palette: pal.id,
      force: true,
      scale: 1,
    });
    expect(made.status).toBe(200);
    const t = await qtFinished((await made.json()).task_id);
    expect(t.status, t.error_msg).toBe("completed");
    for (const c of await colorsOf(t.image_path)) expect(pal.colors).toContain(c);

    // and on an upload
    const up = await call("/api/v1/generate", {
      model: "local/pixelize",
      prompt: "shield",
      image: dataUrl(await aiLikeKnight()),
      palette: pal.id,
      scale: 1,
    });
    const ut = await qtFinished((await up.json()).task_id);
    expect(ut.status, ut.error_msg).toBe("completed");
    for (const c of await colorsOf(ut.image_path)) expect(pal.colors).toContain(c);

    // another user's id: not found, on every route that takes a palette
    const theirs = await call(
      "/api/v1/generate",
      { model: "local/pixel-sprite", prompt: "a potion", palette: pal.id, force: true },
      other.auth,
    );
    expect(theirs.status).toBe(404);
    expect((await theirs.json()).error).toMatch(new RegExp(`Palette ${pal.id} not found`));
    const theirBatch = await call(
      "/api/v1/batch-generate",
      { prompt: "a potion", palette: pal.id, mode: "idle" },
      other.auth,
    );
    expect(theirBatch.status).toBe(404);
    expect((await call(`/api/v1/palettes/${pal.id}`, undefined, other.auth)).status).toBe(404);
    expect((await call(`/api/v1/palettes/${pal.id}`, undefined, other.auth, "DELETE")).status).toBe(
      404,
    );

    const del = await call(`/api/v1/palettes/${pal.id}`, undefined, user.auth, "DELETE");
    expect(await del.json()).toEqual({ id: pal.id, deleted: true });
    expect((await call(`/api/v1/palettes/${pal.id}`)).status).toBe(404);
    // work made with it keeps its colours
    expect((await qtFinished(t.id)).status).toBe("completed");
  });
});
